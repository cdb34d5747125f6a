/// The sequential detector's tuning, in the units a capacity planner thinks in.
///
/// Defaults and why:
/// - `surgeRatio` 1.5: the smallest sustained excess worth waking someone for. The upper
///   CUSUM is the log-likelihood ratio of "traffic is 1.5× the expected median" against "as
///   expected", so a permanent +20% shift (a new normal, absorbed by the level below) drifts
///   the statistic down, while ×2 drives it up fast.
/// - `dropRatio` 0.5: half the expected traffic (an upstream outage, a broken client).
/// - `threshold` 20 and `maxSlotEvidence` 18: one slot adds at most 18 to a statistic, so
///   **no single slot can raise an alarm** however far off it is; two clearly surging slots
///   do. (Capping the evidence, not the standardised score, keeps this true for tight bands:
///   with an hourly spread of 2.5%, d = log 1.5 / 0.025 ≈ 16, and a score capped at a few
///   standard deviations could never add evidence at all.) Under the null the statistic
///   drifts down by d²/2 per slot (≥ 2 at typical spreads), which makes false alarms from
///   noise alone vanishingly rare; what remains comes from the model being wrong for hours.
/// - `levelHalfLifeSeconds` 3 h: a slow, clipped EWMA of the log ratio absorbs a lasting
///   level change (growth the model missed, a ×1.2 shift) within hours, but moves at most
///   `levelClip` spreads' worth per slot, so a surge cannot drag it along. It is frozen while
///   a surge or drop is declared.
/// - `spreadFloor` 0.02: the log spread never counts as below 2%, so a model with a
///   too-narrow band cannot turn a few percent into many standard deviations.
public struct DetectorSettings: Sendable, Equatable, Codable {
  public var surgeRatio: Double
  public var dropRatio: Double
  public var threshold: Double
  public var maxSlotEvidence: Double
  public var levelHalfLifeSeconds: Double
  public var levelClip: Double
  public var spreadFloor: Double

  public init(
    surgeRatio: Double = 1.5, dropRatio: Double = 0.5, threshold: Double = 20,
    maxSlotEvidence: Double = 18, levelHalfLifeSeconds: Double = 3 * 3600,
    levelClip: Double = 2, spreadFloor: Double = 0.02
  ) {
    self.surgeRatio = surgeRatio
    self.dropRatio = dropRatio
    self.threshold = threshold
    self.maxSlotEvidence = maxSlotEvidence
    self.levelHalfLifeSeconds = levelHalfLifeSeconds
    self.levelClip = levelClip
    self.spreadFloor = spreadFloor
  }

  /// The first problem with the values, or nil when they are usable.
  public var problem: String? {
    if !(surgeRatio > 1 && surgeRatio.isFinite) { return "surge ratio must be above 1" }
    if !(dropRatio > 0 && dropRatio < 1) { return "drop ratio must be in (0, 1)" }
    if !(threshold > 0 && threshold.isFinite) { return "threshold must be positive" }
    if !(maxSlotEvidence > 0 && maxSlotEvidence.isFinite) {
      return "max evidence per slot must be positive"
    }
    if !(levelHalfLifeSeconds > 0) { return "level half-life must be positive" }
    if !(levelClip > 0) { return "level clip must be positive" }
    if !(spreadFloor > 0 && spreadFloor.isFinite) { return "spread floor must be positive" }
    return nil
  }
}
