/// Spelling a series' step as a unit, for axis titles and tables ("requests per hour").
public enum StepUnit {
  /// `hour`, `5 min`, `day`, `2 h`, `30 s`: the span of one step.
  public static func name(_ step: Int64) -> String {
    switch step {
    case 3600: return "hour"
    case 86_400: return "day"
    case 604_800: return "week"
    case let s where s % 86_400 == 0: return "\(s / 86_400) days"
    case let s where s % 3600 == 0: return "\(s / 3600) h"
    case let s where s % 60 == 0: return "\(s / 60) min"
    default: return "\(step) s"
    }
  }

  /// `requests per hour`, `requests per 5 min`.
  public static func requestsPer(_ step: Int64) -> String { "requests per \(name(step))" }
}
