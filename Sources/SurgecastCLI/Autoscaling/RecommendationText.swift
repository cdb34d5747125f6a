import Autoscaling

/// The schedule as a table for people, with the summary a planner reads first.
enum RecommendationText {
  static func render(_ document: RecommendationDocument) -> String {
    let p = document.policy
    let quantileName = "p" + NumberFormatting.value(p.quantile * 100)
    var table = TextTable([
      ("start", .left), ("expected", .right), (quantileName, .right), ("needed", .right),
      ("replicas", .right), ("reason", .left),
    ])
    for interval in document.schedule {
      table.append([
        interval.start, NumberFormatting.value(interval.expected.rounded()),
        NumberFormatting.value(interval.quantileValue.rounded()),
        String(interval.neededReplicas), String(interval.replicas), interval.reason,
      ])
    }
    let s = document.summary
    var lines = [
      "recommendation for \(document.series) (model \(document.model.name)), "
        + "\(document.schedule.count) intervals of \(p.granularitySeconds / 60) min from "
        + "\(document.generatedAt)",
      "policy: \(NumberFormatting.value(p.capacityPerStep)) requests per step per replica "
        + "at \(NumberFormatting.percent(p.targetUtilization)), \(quantileName), "
        + "replicas \(p.minReplicas)–\(p.maxReplicas) (over max: \(p.overMax)), "
        + "lead \(p.leadTimeSeconds / 60) min, scale-in delay \(p.scaleInDelaySeconds / 60) min",
      "",
    ]
    lines.append(table.rendered().trimmingTrailingNewlines)
    lines.append("")
    lines.append(
      "peak: \(s.peakReplicas) replicas at \(s.peakAt ?? "-"); "
        + "\(NumberFormatting.value(s.replicaHours)) replica-hours vs "
        + "\(NumberFormatting.value(s.staticPeakReplicaHours)) at static peak "
        + "(\(NumberFormatting.percent(s.savingsVsStaticPeak)) fewer)")
    if let expected = s.expectedOverloadIntervals, let worst = s.maxOverloadProbability {
      lines.append(
        "overload risk: \(NumberFormatting.value(expected)) intervals expected above capacity; "
          + "highest \(NumberFormatting.percent(worst)) at \(s.maxOverloadAt ?? "-")")
    }
    if s.cappedIntervals > 0 {
      lines.append(
        "capped at max: \(s.cappedIntervals) intervals, "
          + "\(NumberFormatting.count(Int(s.unservedRequests.rounded()))) requests unserved")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
