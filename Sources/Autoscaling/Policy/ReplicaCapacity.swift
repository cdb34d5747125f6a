import Foundation

/// What one replica serves, as the user states it: per step of the data (`1800`) or per
/// second (`0.5/s`). Kept as stated so that outputs can echo it, and converted to requests per
/// step for the rules.
public struct ReplicaCapacity: Sendable, Equatable {
  public enum Unit: String, Sendable { case perStep = "per_step", perSecond = "per_second" }

  public var value: Double
  public var unit: Unit

  public init(value: Double, unit: Unit) {
    self.value = value
    self.unit = unit
  }

  /// Parses `N` (per step) or `N/s` (per second); N a positive finite number.
  public init?(parsing text: String) {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    var unit = Unit.perStep
    if body.hasSuffix("/s") {
      body = body.dropLast(2)
      unit = .perSecond
    }
    guard let value = Double(body), value.isFinite, value > 0 else { return nil }
    self.init(value: value, unit: unit)
  }

  /// Requests per step of `stepSeconds`.
  public func perStep(_ stepSeconds: Int64) -> Double {
    unit == .perStep ? value : value * Double(stepSeconds)
  }
}
