/// What a schedule does when the forecast needs more replicas than the maximum, chosen
/// explicitly and recorded in every recommendation (after AWS predictive scaling's
/// `HonorMaxCapacity` / `IncreaseMaxCapacity` with a buffer).
public enum OverMaxBehavior: Sendable, Equatable {
  /// Never exceed `maxReplicas`; the traffic above the capacity of the maximum is reported as
  /// unserved.
  case honor
  /// Allow up to `maxReplicas × (1 + buffer)` (buffer 0.1 = 10%), then cap and report.
  case raise(buffer: Double)

  /// `honor` or `raise`, as written in the JSON contract.
  public var name: String {
    switch self {
    case .honor: return "honor"
    case .raise: return "raise"
    }
  }

  /// The buffer as a fraction (0 for `honor`).
  public var buffer: Double {
    switch self {
    case .honor: return 0
    case .raise(let buffer): return buffer
    }
  }
}
