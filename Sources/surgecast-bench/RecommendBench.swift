import Autoscaling
import Forecasting
import Foundation
import Modeling

/// Times `Recommender.recommend` for a 24-hour horizon on the committed hourly model, after
/// the model is loaded, against the forecast call alone in the same run (the recommendation's
/// own work is the difference). Target: under 0.1 s.
func runRecommendBench(repeats: Int = 50) throws -> [String] {
  let path = "Models/traffic-1h/v1.json"
  guard FileManager.default.fileExists(atPath: path) else {
    return ["recommend: \(path) not found (run from the package root)"]
  }
  let model = try ModelFile.read(path: path)
  let step = model.training.step
  let horizon = Int(86_400 / step)
  let policy = ScalingPolicy(capacityPerStep: 1800)
  let recommender = Recommender(policy: policy)
  let levels = Array(Set(Recommender.riskLevels + [policy.quantile])).sorted()

  func best(_ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<repeats {
      let started = ContinuousClock.now
      try body()
      let elapsed = ContinuousClock.now - started
      fastest = min(
        fastest,
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return fastest
  }
  var intervals = 0
  let recommend = try best {
    let result = try recommender.recommend(model: model, horizonSeconds: 86_400)
    intervals = result.schedule.count
  }
  let forecast = try best {
    _ = try model.forecast(ForecastRequest(horizon: horizon, quantiles: levels))
  }
  return [
    "recommend: 24 h (\(intervals) intervals) from \(path), model loaded once, best of \(repeats)",
    String(format: "  recommend:      %.3f ms (target < 100 ms: %@)", recommend * 1000,
      recommend < 0.1 ? "met" : "NOT met"),
    String(format: "  forecast alone: %.3f ms (same quantiles; recommend is %.2f× the forecast)",
      forecast * 1000, recommend / forecast),
  ]
}
