/// One column of the design matrix: which component it belongs to and how it is penalised.
public struct FeatureColumn: Sendable, Equatable {
  /// The forecast component the column's contribution is reported under.
  public var component: String
  /// A readable label, e.g. `fourier(daily|weekday, sin 3)` or `promotion(flash_sale, +1h)`.
  public var label: String
  public var penalty: PenaltyGroup

  public init(component: String, label: String, penalty: PenaltyGroup) {
    self.component = component
    self.label = label
    self.penalty = penalty
  }
}

/// How a column is regularised; the model maps each group to a ridge weight.
public enum PenaltyGroup: Sendable, Equatable, Hashable {
  /// Intercept, base slope, day-kind levels: structural, never shrunk.
  case unpenalized
  case slopeChange
  case levelShift
  /// A Fourier harmonic `k` of `order`: higher harmonics are shrunk harder, which is how the
  /// effective order is chosen from the data.
  case harmonic(k: Int, order: Int)
  /// Harmonic `k` of `order` times yearly harmonic `j` (``SeasonalTerms/yearlyModulation``):
  /// shrunk harder than the profile itself, and harder for faster yearly changes.
  case modulatedHarmonic(k: Int, order: Int, j: Int)
  case holiday
  case pooledHoliday
  case promotion
  case incident
}

/// Component names, fixed here so that the builder, the model and reports agree.
public enum ComponentName {
  public static let trend = "trend"
  public static let dayKind = "day_kind"
  public static let holidays = "holidays"
  public static let incidents = "incidents"
  public static func seasonality(_ name: String) -> String { "seasonality:\(name)" }
  public static func promotion(_ name: String) -> String { "promotion:\(name)" }
}

extension FeatureLayout {
  /// Every column in design order: intercept, trend, day-kind levels, seasonalities, holidays,
  /// promotions, incidents. The builder writes columns in exactly this order.
  public var columns: [FeatureColumn] {
    var columns: [FeatureColumn] = []
    func add(_ component: String, _ label: String, _ penalty: PenaltyGroup) {
      columns.append(FeatureColumn(component: component, label: label, penalty: penalty))
    }
    add(ComponentName.trend, "intercept", .unpenalized)
    add(ComponentName.trend, "slope", .unpenalized)
    for c in trend.slopeChanges { add(ComponentName.trend, "slope_change(\(c))", .slopeChange) }
    for c in trend.levelShifts { add(ComponentName.trend, "level_shift(\(c))", .levelShift) }
    if dayKindLevels {
      add(ComponentName.dayKind, "day_kind(saturday)", .unpenalized)
      add(ComponentName.dayKind, "day_kind(sunday_holiday)", .unpenalized)
    }
    for s in seasonalities {
      let kinds: [DayKind?] = s.byDayKind ? DayKind.allCases.map { $0 } : [nil]
      for kind in kinds {
        let tag = kind.map { "\(s.name)|\($0.label)" } ?? s.name
        for k in 1...max(1, s.order) where s.order > 0 {
          add(ComponentName.seasonality(s.name), "fourier(\(tag), sin \(k))",
              .harmonic(k: k, order: s.order))
          add(ComponentName.seasonality(s.name), "fourier(\(tag), cos \(k))",
              .harmonic(k: k, order: s.order))
        }
        for j in 1...max(1, s.modulationOrder) where s.modulationOrder > 0 && s.order > 0 {
          for wave in ["sin", "cos"] {
            for k in 1...s.order {
              for part in ["sin", "cos"] {
                add(ComponentName.seasonality(s.name),
                    "fourier(\(tag), \(part) \(k)) × yearly(\(wave) \(j))",
                    .modulatedHarmonic(k: k, order: s.order, j: j))
              }
            }
          }
        }
      }
    }
    if holidays.pooled, let country = holidays.country {
      add(ComponentName.holidays, "holiday(any \(country) public holiday)", .pooledHoliday)
    }
    for name in holidays.names {
      for d in -holidays.daysBefore..<(name.length + holidays.daysAfter) {
        add(ComponentName.holidays, "holiday(\(name.name), day \(d))", .holiday)
      }
    }
    for p in promotions {
      for b in 0..<p.width {
        add(ComponentName.promotion(p.name), "promotion(\(p.name), \(p.bucketLabel(b)))",
            .promotion)
      }
    }
    for (i, incident) in incidents.enumerated() {
      for b in 0..<incident.width {
        add(ComponentName.incidents, "incident(\(incident.name)#\(i), bucket \(b))", .incident)
      }
    }
    return columns
  }
}

extension PromotionTerms {
  /// `-1h`, `+0h`, `+1h`, …, `rest`, `after+0h`: bucket `b` in column order.
  public func bucketLabel(_ b: Int) -> String {
    let unit = bucketSeconds % 86_400 == 0 ? "d" : "h"
    let per = unit == "d" ? bucketSeconds / 86_400 : max(1, bucketSeconds / 3_600)
    if b < bucketsBefore { return "-\(Int64(bucketsBefore - b) * per)\(unit)" }
    let inSpan = b - bucketsBefore
    if inSpan < profileBuckets { return "+\(Int64(inSpan) * per)\(unit)" }
    if inSpan == profileBuckets { return "rest" }
    return "after+\(Int64(inSpan - profileBuckets - 1) * per)\(unit)"
  }
}
