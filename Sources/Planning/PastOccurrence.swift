import Features
import Forecasting
import Modeling
import TimeSeries

/// How one past occurrence of a promotion actually moved traffic, next to what the model learned.
///
/// Profiles are per bucket of the promotion's terms (`-1h`, `+0h`, …, `rest`, `after+0h`, …),
/// on the model scale and per unit of `scale`, like the model's coefficients: the realized
/// value of a bucket is the learned coefficient plus the occurrence's mean residual there
/// divided by its scale. Replaying a planned event with another occurrence's realized profile
/// is what gives the spread of past occurrences in a plan.
public struct PastOccurrence: Sendable, Equatable {
  public var name: String
  public var start: Int64
  public var end: Int64
  public var scale: Double
  /// The model's coefficients for the promotion's buckets.
  public var learnedProfile: [Double]
  /// Learned plus this occurrence's residual per unit scale; NaN where no observation fell.
  public var realizedProfile: [Double]

  /// Realized minus learned per bucket, 0 where the occurrence had no observation.
  public var deviation: [Double] {
    zip(realizedProfile, learnedProfile).map { $0.isFinite ? $0 - $1 : 0 }
  }
}

extension PastOccurrence {
  /// Measures every training occurrence of every promotion the model learned, against the
  /// observed `history` (the training data, or data covering the occurrences, on the model's
  /// grid). Occurrences outside the history are left out.
  ///
  /// Residuals are against the structural prediction (without the short-term correction), on
  /// the model scale, so that they are what the learned profile did not explain.
  /// - Returns: occurrences per promotion name, each list sorted by start.
  public static func measure(model: FittedModel, history: Series) throws -> [String: [Self]] {
    let step = model.training.step
    guard history.step == step, history.count > 0 else { return [:] }
    let columns = model.layout.columns
    var result: [String: [Self]] = [:]
    for terms in model.layout.promotions {
      let component = ComponentName.promotion(terms.name)
      let block = columns.indices.filter { columns[$0].component == component }
      let learned = block.map { model.coefficients[$0] }
      let occurrences = model.trainingEvents.filter {
        $0.kind == .promotion && $0.name == terms.name
      }
      for event in occurrences {
        let from = event.start - Int64(terms.bucketsBefore) * terms.bucketSeconds
        let to = event.end + Int64(terms.bucketsAfter) * terms.bucketSeconds
        let first = max(0, ceilDiv(from - history.start, step))
        let last = min(history.count, ceilDiv(to - history.start, step))
        guard first < last else { continue }
        let start = history.start + Int64(first) * step
        let (design, _) = try model.design(start: start, count: last - first, events: [])
        let fitted = model.structuralPrediction(design)
        var sums = [Double](repeating: 0, count: block.count)
        var counts = [Int](repeating: 0, count: block.count)
        for i in 0..<design.rows {
          let y = history.values[first + i]
          guard y.isFinite else { continue }
          let residual = model.transform.forward(y) - fitted[i]
          for (b, column) in block.enumerated() {
            let x = design[i, column]
            if x != 0 {
              sums[b] += residual / x
              counts[b] += 1
            }
          }
        }
        let realized = block.indices.map { b in
          counts[b] > 0 ? learned[b] + sums[b] / Double(counts[b]) : .nan
        }
        result[terms.name, default: []].append(
          PastOccurrence(
            name: terms.name, start: event.start, end: event.end, scale: event.scale,
            learnedProfile: learned, realizedProfile: realized))
      }
    }
    return result.mapValues { $0.sorted { $0.start < $1.start } }
  }

  private static func ceilDiv(_ a: Int64, _ b: Int64) -> Int {
    Int(a >= 0 ? (a + b - 1) / b : -((-a) / b))
  }
}
