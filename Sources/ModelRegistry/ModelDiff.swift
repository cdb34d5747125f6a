import Foundation
import Modeling
import TimeSeries

/// What changed between two models: spec choices, coefficients (by column label) and the fit's
/// figures; for `surgecast models diff`.
public struct ModelDiff: Sendable, Encodable {
  /// A field whose value differs; values are shown as JSON text (`null` when absent).
  public struct FieldChange: Sendable, Encodable, Equatable {
    public var field: String
    public var old: String
    public var new: String
  }

  /// A coefficient that differs; `nil` on one side means the column exists only on the other.
  public struct CoefficientChange: Sendable, Encodable, Equatable {
    public var column: String
    public var old: Double?
    public var new: Double?
    /// `new − old` when both exist.
    public var change: Double?
  }

  /// A numeric figure of the fit (diagnostics and stored metrics) on both sides.
  public struct MetricChange: Sendable, Encodable, Equatable {
    public var metric: String
    public var old: Double?
    public var new: Double?
  }

  public var old: String
  public var new: String
  public var trainingChanges: [FieldChange]
  public var specChanges: [FieldChange]
  /// Columns on one side only, then the common columns whose coefficient differs at all,
  /// largest absolute change first.
  public var coefficientChanges: [CoefficientChange]
  /// Common columns whose coefficient is bit-identical on both sides.
  public var coefficientsUnchanged: Int
  public var metricChanges: [MetricChange]

  public init(old: StoredModel, new: StoredModel) throws {
    self.old = old.label
    self.new = new.label
    let training: (FittedModel) -> [String: JSONScalar] = {
      let clock = (try? LocalClock(identifier: $0.training.timeZone)) ?? .utc
      return [
        "series": .string($0.training.series),
        "start": .string(Timestamp.format($0.training.start, clock: clock)),
        "end": .string(Timestamp.format($0.training.end, clock: clock)),
        "step": .number(Double($0.training.step)),
        "timeZone": .string($0.training.timeZone),
        "fingerprint": .string($0.training.fingerprint),
      ]
    }
    trainingChanges = Self.fieldChanges(training(old.model), training(new.model))
    specChanges = Self.fieldChanges(
      try Self.dictionary(old.model.spec), try Self.dictionary(new.model.spec))
    (coefficientChanges, coefficientsUnchanged) = Self.coefficientChanges(old.model, new.model)
    var oldMetrics = try Self.numbers(Self.dictionary(old.model.diagnostics))
    var newMetrics = try Self.numbers(Self.dictionary(new.model.diagnostics))
    oldMetrics.merge(old.metrics ?? [:]) { $1 }
    newMetrics.merge(new.metrics ?? [:]) { $1 }
    metricChanges = Set(oldMetrics.keys).union(newMetrics.keys).sorted().compactMap { key in
      let a = oldMetrics[key]
      let b = newMetrics[key]
      return a == b ? nil : MetricChange(metric: key, old: a, new: b)
    }
  }

  /// Whether the two models are the same in every compared respect.
  public var isEmpty: Bool {
    trainingChanges.isEmpty && specChanges.isEmpty && coefficientChanges.isEmpty
      && metricChanges.isEmpty
  }

  /// The top-level fields of a flat Codable struct as scalars.
  static func dictionary(_ value: some Encodable) throws -> [String: JSONScalar] {
    try JSONDecoder().decode([String: JSONScalar].self, from: JSONEncoder().encode(value))
  }

  static func numbers(_ dictionary: [String: JSONScalar]) -> [String: Double] {
    dictionary.compactMapValues {
      if case .number(let value) = $0 { return value }
      return nil
    }
  }

  static func fieldChanges(_ a: [String: JSONScalar], _ b: [String: JSONScalar])
    -> [FieldChange]
  {
    Set(a.keys).union(b.keys).sorted().compactMap { key in
      let old = (a[key] ?? .null).text
      let new = (b[key] ?? .null).text
      return old == new ? nil : FieldChange(field: key, old: old, new: new)
    }
  }

  static func coefficientChanges(_ a: FittedModel, _ b: FittedModel)
    -> ([CoefficientChange], Int)
  {
    let oldByLabel = Dictionary(
      zip(a.columnLabels, a.coefficients).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    let newByLabel = Dictionary(
      zip(b.columnLabels, b.coefficients).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    var onlyOld: [CoefficientChange] = []
    var onlyNew: [CoefficientChange] = []
    var changed: [CoefficientChange] = []
    var unchanged = 0
    for label in a.columnLabels {
      guard let old = oldByLabel[label] else { continue }
      guard let new = newByLabel[label] else {
        onlyOld.append(CoefficientChange(column: label, old: old, new: nil, change: nil))
        continue
      }
      if old.bitPattern == new.bitPattern {
        unchanged += 1
      } else {
        changed.append(CoefficientChange(column: label, old: old, new: new, change: new - old))
      }
    }
    for label in b.columnLabels where oldByLabel[label] == nil {
      if let new = newByLabel[label] {
        onlyNew.append(CoefficientChange(column: label, old: nil, new: new, change: nil))
      }
    }
    changed.sort {
      abs($0.change ?? 0) != abs($1.change ?? 0)
        ? abs($0.change ?? 0) > abs($1.change ?? 0) : $0.column < $1.column
    }
    return (onlyOld + onlyNew + changed, unchanged)
  }
}

/// One JSON value of a flat object, for comparing encoded structs field by field.
enum JSONScalar: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  /// Anything nested (arrays, objects), kept as its JSON text.
  case other(String)

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else {
      self = .other("…")
    }
  }

  /// The value as JSON text (numbers in Swift's shortest round-trip form).
  var text: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    case .string(let value): return "\"\(value)\""
    case .other(let value): return value
    }
  }
}
