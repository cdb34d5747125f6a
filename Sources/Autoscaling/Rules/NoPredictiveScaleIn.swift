/// AWS predictive scaling's safety rule: a forecast may add capacity but never remove it;
/// removing is left to a controller that sees the observed load. Over a schedule that means
/// each interval keeps the highest count of the intervals before it.
public enum NoPredictiveScaleIn {
  public static func apply(_ replicas: [Int]) -> [Int] {
    var highest = Int.min
    return replicas.map { value in
      highest = max(highest, value)
      return highest
    }
  }
}
