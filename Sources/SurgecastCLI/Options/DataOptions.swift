import ArgumentParser
import TimeSeries

/// Where the traffic series comes from (a CSV file or a Prometheus range query) and how to
/// read it; shared by every command that reads series. Read them with `SeriesLoading`.
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
  public var file: String?

  @OptionGroup public var prometheus: PrometheusOptions

  @Option(
    help: ArgumentHelp(
      "IANA time zone of timestamps without an offset, of calendar features and of output.",
      valueName: "zone"))
  public var timezone: String = "UTC"

  @Option(
    help: ArgumentHelp(
      "Sampling step (e.g. 5m, 1h, 1d); required when timestamps are integer indices, and the "
        + "query step with --prometheus.",
      valueName: "span"),
    transform: { text in
      do { return try TimeSpan(parsing: text) } catch { throw ValidationError("\(error)") }
    })
  public var step: TimeSpan?

  @Option(
    help: ArgumentHelp(
      "Timestamp of index 0 when timestamps are integer indices (default 1970-01-01T00:00Z); "
        + "with --prometheus, the first instant of the range query.",
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
      "Only these series of a multi-series input (repeatable; * and ? match any text and any "
        + "one character).",
      valueName: "name"))
  public var seriesNames: [String] = []

  public init() {}

  /// The CSV file, or for Prometheus a label naming the query, for messages and reports.
  public var dataFile: String {
    if let file { return file }
    guard let server = prometheus.server else { return "" }
    return "\(server) query \(prometheus.query ?? "")"
  }

  public func validate() throws {
    let clock: LocalClock
    do {
      clock = try LocalClock(identifier: timezone)
    } catch {
      throw ValidationError(error.description)
    }
    try validateSource()
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

  /// Exactly one source, and everything a Prometheus range query needs.
  private func validateSource() throws {
    guard try prometheus.serverURL() != nil else {
      guard file != nil else { throw ValidationError("give --data FILE or --prometheus URL") }
      if prometheus.query != nil || prometheus.end != nil {
        throw ValidationError("--query and --end go with --prometheus")
      }
      return
    }
    if file != nil { throw ValidationError("give --data or --prometheus, not both") }
    guard prometheus.query != nil, start != nil, prometheus.end != nil, step != nil else {
      throw ValidationError("--prometheus needs --query, --start, --end and --step")
    }
    if let end = prometheus.end {
      do {
        _ = try Timestamp.parse(end, clock: try LocalClock(identifier: timezone))
      } catch {
        throw ValidationError("--end: \(error)")
      }
    }
  }
}
