import Autoscaling
import Foundation
import TimeSeries

/// What `--format hpa` writes: a merge patch for a Kubernetes HorizontalPodAutoscaler that
/// sets `minReplicas` for now (and `maxReplicas` to the policy's ceiling), followed in
/// comments by every later change with a cron line in the model's zone, so a CronJob can
/// apply the schedule while the HPA keeps reacting to load above the floor.
///
///     kubectl patch hpa NAME --type merge --patch-file hpa.yaml
enum HPAPatch {
  static func render(_ document: RecommendationDocument, clock: LocalClock) throws -> String {
    let first = document.schedule.first
    var lines = [
      "# Surgecast recommendation (schema \(document.schemaVersion)) for \(document.series), "
        + "model \(document.model.name) (\(document.model.fingerprint)).",
      "# Apply: kubectl patch hpa \(document.series) --type merge --patch-file THIS_FILE",
      "# Valid from \(first?.start ?? document.generatedAt) to "
        + "\(first?.end ?? document.generatedAt); later minReplicas changes "
        + "(cron in \(document.timeZone)):",
    ]
    var previous = first?.replicas
    for interval in document.schedule.dropFirst() where interval.replicas != previous {
      let instant = try Timestamp.parse(interval.start, clock: clock)
      let local = clock.localTime(at: instant)
      let cron = "\(local.secondOfDay % 3600 / 60) \(local.secondOfDay / 3600) "
        + "\(local.date.day) \(local.date.month) *"
      lines.append(
        "#   \(cron.padding(toLength: 14, withPad: " ", startingAt: 0))  "
          + "minReplicas \(interval.replicas)  \(interval.reason)  (\(interval.start))")
      previous = interval.replicas
    }
    lines += [
      "spec:",
      "  minReplicas: \(first?.replicas ?? document.policy.minReplicas)",
      "  maxReplicas: \(document.policy.effectiveMaxReplicas)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
