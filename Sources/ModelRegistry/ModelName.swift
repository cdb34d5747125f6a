/// Rules for model names: they become folder names, so they keep to a portable alphabet.
public enum ModelName {
  /// Whether `name` may name a model: 1–200 characters from `A–Z a–z 0–9 . _ -`, not starting
  /// with `.` (hidden files, `..`) or `-` (read as an option by shells and tools).
  public static func isValid(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 200,
      first != ".", first != "-"
    else { return false }
    return name.unicodeScalars.allSatisfy(isAllowed)
  }

  /// Throws `RegistryError.invalidName` unless `isValid(name)`.
  public static func validate(_ name: String) throws(RegistryError) {
    guard isValid(name) else { throw .invalidName(name) }
  }

  /// A valid name for a series, for storing one model per series: characters outside the
  /// alphabet become `_` (so `api{region="eu"}` becomes `api_region__eu__`), and a leading `.`
  /// or `-` gets a `_` in front.
  public static func forSeries(_ series: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in series.unicodeScalars.prefix(200) {
      scalars.append(isAllowed(scalar) ? scalar : "_")
    }
    var name = String(scalars)
    if name.isEmpty || name.hasPrefix(".") || name.hasPrefix("-") { name = "_" + name }
    return String(name.prefix(200))
  }

  private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
    default: return false
    }
  }
}
