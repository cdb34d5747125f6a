import ArgumentParser
import TimeSeries

/// Where the traffic series comes from and how to read it; shared by every command that reads
/// a series CSV.
///
/// The defaults are strict (`--duplicates error`, `--unsorted error`) because a silently summed
/// or reordered export hides the very problems (restarts, clock skew) that break a forecast; the
/// user opts into leniency per run.
public struct DataOptions: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Series CSV: a timestamp column and a value column, plus an optional 'series' column.",
      valueName: "file"))
  public var dataFile: String

  @Option(
    help: ArgumentHelp(
      "IANA time zone of timestamps without an offset, of calendar features and of output.",
      valueName: "zone"))
  public var timezone: String = "UTC"

  @Option(
    help: ArgumentHelp(
      "Sampling step (e.g. 5m, 1h, 1d); required when timestamps are integer indices.",
      valueName: "span"),
    transform: { text in
      do { return try TimeSpan(parsing: text) } catch { throw ValidationError("\(error)") }
    })
  public var step: TimeSpan?

  @Option(
    help: ArgumentHelp(
      "Timestamp of index 0 when timestamps are integer indices (default 1970-01-01T00:00Z).",
      valueName: "timestamp"))
  public var start: String?

  @Option(
    help: ArgumentHelp("What to do with repeated timestamps in one series.", valueName: "policy"))
  public var duplicates: DuplicatesPolicyOption = .error

  @Option(help: ArgumentHelp("What to do with rows out of time order.", valueName: "policy"))
  public var unsorted: UnsortedPolicyOption = .error

  @Option(
    name: .customLong("series"),
    help: ArgumentHelp(
      "Only read this series of a multi-series file (repeatable).", valueName: "name"))
  public var seriesNames: [String] = []

  public init() {}

  public func validate() throws {
    let clock: LocalClock
    do {
      clock = try LocalClock(identifier: timezone)
    } catch {
      throw ValidationError(error.description)
    }
    if let start {
      guard step != nil else {
        throw ValidationError("--start needs --step: it dates integer-index timestamps")
      }
      do {
        _ = try Timestamp.parse(start, clock: clock)
      } catch {
        throw ValidationError("--start: \(error.description)")
      }
    }
  }

  /// The clock of `--timezone` (checked by `validate()`).
  public func clock() throws -> LocalClock {
    do {
      return try LocalClock(identifier: timezone)
    } catch {
      throw InternalError("--timezone passed validation but is unknown: \(error)")
    }
  }

  /// The reader settings these options stand for (checked by `validate()`).
  public func readOptions() throws -> SeriesReadOptions {
    var startInstant: Int64?
    if let start {
      do {
        startInstant = try Timestamp.parse(start, clock: try clock())
      } catch {
        throw InternalError("--start passed validation but does not parse: \(error)")
      }
    }
    return SeriesReadOptions(
      timeZone: timezone, step: step, start: startInstant,
      duplicates: duplicates.policy, unsorted: unsorted.policy)
  }
}
