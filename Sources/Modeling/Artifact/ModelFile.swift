import Foundation
import TimeSeries

/// Reads and writes model artifacts as JSON.
///
/// Keys are sorted and numbers printed by the shortest round-tripping representation, so the
/// same model gives byte-identical files. Reading checks the schema version before decoding the
/// rest, so a file of another version is refused with a clear message instead of misread.
public enum ModelFile {
  /// The model's JSON with a final newline (`ArtifactJSONEncoder`: Foundation's pretty,
  /// sorted-key format, written faster).
  public static func encode(_ model: FittedModel) throws -> Data {
    var bytes = try ArtifactJSONEncoder().encode(model)
    bytes.append(0x0A)
    return Data(bytes)
  }

  /// Writes atomically (temp file + rename): a reader sees the old file or the new one.
  public static func write(_ model: FittedModel, to path: String) throws {
    try AtomicFile.write(try encode(model), to: path)
  }

  /// Decodes a model, refusing other schema versions.
  /// - Throws: `DataError` naming the file for unreadable JSON or a missing field;
  ///   `ModelingError.unsupportedSchema` for another version.
  public static func decode(_ data: Data, file: String) throws -> FittedModel {
    struct Header: Decodable { var schemaVersion: Int? }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw DataError(file: file, "not a Surgecast model file (invalid JSON)")
    }
    guard let version = header.schemaVersion else {
      throw DataError(file: file, field: "schemaVersion", "missing: not a Surgecast model file")
    }
    guard version == FittedModel.currentSchemaVersion else {
      throw ModelingError.unsupportedSchema(
        found: version, supported: FittedModel.currentSchemaVersion)
    }
    do {
      let model = try JSONDecoder().decode(FittedModel.self, from: data)
      try validate(model, file: file)
      return model
    } catch let error as DecodingError {
      throw DataError(file: file, field: codingPath(error), "malformed model: \(reason(error))")
    }
  }

  public static func read(path: String) throws -> FittedModel {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw DataError(file: path, "cannot read the model file")
    }
    return try decode(data, file: path)
  }

  /// Structural checks a well-formed JSON can still fail (hand-edited or truncated files).
  static func validate(_ model: FittedModel, file: String) throws {
    // Checked before the columns are listed: a hand-edited order of a billion would otherwise
    // ask for billions of column labels (or overflow the count) before any other check ran.
    for terms in model.layout.seasonalities {
      guard (0...150).contains(terms.order), (0...10).contains(terms.yearlyModulation ?? 0) else {
        throw DataError(
          file: file, field: "layout.seasonalities",
          "\(terms.name): order \(terms.order), yearly modulation \(terms.yearlyModulation ?? 0) "
            + "(at most 150 and 10)")
      }
    }
    let p = model.layout.columns.count
    guard model.coefficients.count == p, model.columnScales.count == p,
      model.columnLabels.count == p
    else {
      throw DataError(
        file: file, field: "coefficients",
        "\(model.coefficients.count) coefficients for \(p) design columns")
    }
    guard model.coefficients.allSatisfy(\.isFinite) else {
      throw DataError(file: file, field: "coefficients", "non-finite coefficient")
    }
    guard model.training.step > 0 else {
      throw DataError(file: file, field: "training.step", "must be positive")
    }
    let calibration = model.calibration
    guard !calibration.leadStarts.isEmpty,
      calibration.quantiles.count == calibration.leadStarts.count,
      calibration.quantiles.allSatisfy({ $0.count == calibration.levels.count })
    else {
      throw DataError(file: file, field: "calibration", "inconsistent quantile tables")
    }
  }

  private static func codingPath(_ error: DecodingError) -> String? {
    let path: [any CodingKey]
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      path = context.codingPath
    @unknown default:
      path = []
    }
    if case .keyNotFound(let key, let context) = error {
      return (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
    }
    return path.isEmpty ? nil : path.map(\.stringValue).joined(separator: ".")
  }

  private static func reason(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, _): return "expected \(type)"
    case .valueNotFound(let type, _): return "missing \(type) value"
    case .keyNotFound: return "missing field"
    case .dataCorrupted(let context): return context.debugDescription
    @unknown default: return "unreadable"
    }
  }
}
