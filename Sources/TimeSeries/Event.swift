/// What kind of calendar event an interval is; each kind is modelled differently.
public enum EventKind: String, Sendable, Codable, CaseIterable, Comparable {
  /// A day-level effect with a window before and after (public holidays, playoffs, …).
  case holiday
  /// A planned campaign with a learned response profile over the time since its start.
  case promotion
  /// Abnormal traffic in history (e.g. an unplanned surge); gets its own terms so that it does
  /// not bias trend and seasonality, and is never projected forward.
  case incident
  /// An interval where observed traffic is not demand (the service was down); excluded from the
  /// fit.
  case outage

  public static func < (lhs: EventKind, rhs: EventKind) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// One occurrence of a named event over `[start, end)` in absolute time (epoch seconds).
public struct Event: Sendable, Equatable, Codable {
  public var name: String
  public var kind: EventKind
  /// Epoch seconds, inclusive.
  public var start: Int64
  /// Epoch seconds, exclusive.
  public var end: Int64
  /// Size of this occurrence relative to others of the same name (e.g. discount depth).
  public var scale: Double
  /// An explicit expected multiplicative lift (e.g. 1.8 = +80%) for an event whose name the
  /// model has never seen; `nil` when the effect must be learned from history.
  public var lift: Double?

  public init(
    name: String, kind: EventKind, start: Int64, end: Int64, scale: Double = 1, lift: Double? = nil
  ) {
    self.name = name
    self.kind = kind
    self.start = start
    self.end = end
    self.scale = scale
    self.lift = lift
  }

  /// Whether `[start, end)` contains the instant `t`.
  @inlinable public func contains(_ t: Int64) -> Bool { t >= start && t < end }
}
