/// A request the autoscaling layer cannot honour with the given model or data: an option
/// value that does not fit them (`--now` before the data, a granularity off the model's grid,
/// a replay window outside the data).
public enum AutoscalingError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidPolicy(String)
  case granularity(String)
  case now(String)
  case simulationWindow(String)

  public var description: String {
    switch self {
    case .invalidPolicy(let text): return "policy: \(text)"
    case .granularity(let text): return "--granularity: \(text)"
    case .now(let text): return "--now: \(text)"
    case .simulationWindow(let text): return text
    }
  }
}
