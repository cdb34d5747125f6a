import Foundation

/// Number spellings for text output: short, locale-independent, and deterministic.
enum NumberFormatting {
  /// A count with thousands separators: `353087` → `353,087`.
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
  }

  /// A measurement: whole numbers as integers, others with at most 3 decimals
  /// (`605`, `7.5`, `8.519`); `-` for a missing value.
  static func value(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.3f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A share as a percentage with 2 decimals: `0.0123` → `1.23%`.
  static func percent(_ share: Double) -> String {
    String(format: "%.2f%%", share * 100)
  }
}
