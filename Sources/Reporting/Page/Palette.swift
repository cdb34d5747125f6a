/// The report's colours: one hue per meaning, readable on white and by most colour-blind eyes.
enum Palette {
  static let observed = "#374151"
  static let forecast = "#1d4ed8"
  static let band = "#3b82f6"
  static let capacity = "#b91c1c"
  static let replicas = "#0f766e"
  static let limit = "#6b7280"
  static let past = "#9ca3af"
  static let scenarios = ["#c2410c", "#7e22ce", "#0e7490", "#be185d", "#4d7c0f"]
  static let dayKinds = ["#1d4ed8", "#c2410c", "#15803d"]

  /// Event kinds: promotions amber, holidays green, incidents red, outages grey.
  static func event(_ kind: String) -> String {
    switch kind {
    case "promotion": "#d97706"
    case "holiday": "#16a34a"
    case "incident": "#dc2626"
    default: "#6b7280"
    }
  }
}
