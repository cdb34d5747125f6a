import ArgumentParser
import Autoscaling
import TimeSeries

/// The replica policy options shared by `recommend`, `simulate` (and any command that sizes a
/// fleet): capacity, utilisation, quantile, bounds, timing, step limits and safety.
///
/// `policy(stepSeconds:)` resolves them into Autoscaling's `ScalingPolicy`; the capacity is
/// stated per step of the data or per second (`500/s`), so it needs the data's step.
public struct ScalingPolicyOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Requests one replica serves per step of the data (e.g. 1800), or per second with the "
        + "unit (e.g. 0.5/s).",
      valueName: "rate"),
    transform: ScalingPolicyOptions.capacity)
  public var capacityPerReplica: ReplicaCapacity

  @Option(help: ArgumentHelp("Share of a replica's capacity to plan for, in (0, 1].", valueName: "share"))
  public var targetUtilization: Double = 0.7

  @Option(help: ArgumentHelp("Forecast quantile the replicas must serve.", valueName: "level"))
  public var quantile: Double = 0.95

  @Option(help: ArgumentHelp("Fewest replicas.", valueName: "n")) public var minReplicas = 2
  @Option(help: ArgumentHelp("Most replicas.", valueName: "n")) public var maxReplicas = 500

  @Option(
    help: ArgumentHelp(
      "Start-up time of a replica: scale up this long before demand arrives (default 10m; 0s for none).",
      valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--lead-time") })
  public var leadTime: Int64 = 600

  @Option(
    help: ArgumentHelp(
      "Remove replicas only after demand stayed low this long (HPA stabilisation window; "
        + "default 30m).",
      valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--scale-in-delay") })
  public var scaleInDelay: Int64 = 1800

  @Option(
    help: ArgumentHelp("Largest increase per interval (default 100%).", valueName: "percent"),
    transform: { try PolicyParsing.fraction($0, option: "--max-scale-up") })
  public var maxScaleUp: Double = 1

  @Option(
    help: ArgumentHelp("Largest decrease per interval (default 20%).", valueName: "percent"),
    transform: { try PolicyParsing.fraction($0, option: "--max-scale-down") })
  public var maxScaleDown: Double = 0.2

  @Flag(
    help: "Never scale in on a forecast alone; leave scale-in to observed load (AWS rule).")
  public var noPredictiveScaleIn = false

  @Option(
    help: ArgumentHelp(
      "When the forecast needs more than --max-replicas: honor (cap, report the unserved "
        + "traffic) or raise (allow --over-max-buffer more).",
      valueName: "behavior"))
  public var overMax: OverMaxOption = .honor

  @Option(
    help: ArgumentHelp("How far 'raise' may exceed the maximum (default 10%).", valueName: "percent"),
    transform: { try PolicyParsing.fraction($0, option: "--over-max-buffer") })
  public var overMaxBuffer: Double = 0.1

  public init() {}

  /// `--capacity-per-replica`: `N` per step or `N/s` (also used by `watch`, where it is
  /// optional).
  static func capacity(_ text: String) throws -> ReplicaCapacity {
    guard let capacity = ReplicaCapacity(parsing: text) else {
      throw ValidationError(
        "--capacity-per-replica: '\(text)' is not a positive number (per step) or N/s")
    }
    return capacity
  }

  public func validate() throws {
    if let problem = policy(stepSeconds: 3600).problem { throw ValidationError(problem) }
  }

  /// The resolved policy for data with steps of `stepSeconds`.
  public func policy(stepSeconds: Int64) -> ScalingPolicy {
    ScalingPolicy(
      capacityPerStep: capacityPerReplica.perStep(stepSeconds),
      targetUtilization: targetUtilization, quantile: quantile, minReplicas: minReplicas,
      maxReplicas: maxReplicas, leadTimeSeconds: leadTime, scaleInDelaySeconds: scaleInDelay,
      maxScaleUp: maxScaleUp, maxScaleDown: maxScaleDown,
      predictiveScaleIn: !noPredictiveScaleIn,
      overMax: overMax == .honor ? .honor : .raise(buffer: overMaxBuffer))
  }
}

/// `--over-max`: `honor` or `raise`.
public enum OverMaxOption: String, CaseIterable, Sendable, ExpressibleByArgument {
  case honor
  case raise
}

/// Spellings of the policy's durations and percentages.
enum PolicyParsing {
  /// `0`, `0s` or a span (`10m`, `1h`) in seconds.
  static func seconds(_ text: String, option: String) throws -> Int64 {
    if text == "0" || text == "0s" || text == "0m" { return 0 }
    do {
      return try TimeSpan(parsing: text).seconds
    } catch {
      throw ValidationError("\(option): \(error)")
    }
  }

  /// `20%` → 0.2; a bare number is a fraction (`0.2`).
  static func fraction(_ text: String, option: String) throws -> Double {
    let isPercent = text.hasSuffix("%")
    guard let number = Double(isPercent ? String(text.dropLast()) : text), number.isFinite,
      number >= 0
    else {
      throw ValidationError("\(option): '\(text)' is not a percentage such as 20%")
    }
    return isPercent ? number / 100 : number
  }

  /// A timestamp option in `clock`'s zone, as epoch seconds.
  static func instant(_ text: String, option: String, clock: LocalClock) throws -> Int64 {
    do {
      return try Timestamp.parse(text, clock: clock)
    } catch {
      throw ValidationError("\(option): \(error)")
    }
  }
}
