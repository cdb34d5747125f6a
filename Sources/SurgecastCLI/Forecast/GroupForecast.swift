import ArgumentParser
import Forecasting
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

/// `forecast` of a group of registry models: every model forecast in parallel
/// (`SeriesBatch`), one combined output with a `series` column (CSV) or keyed by series
/// (JSON), and each failing model reported on its own.
///
/// Two passes keep memory to a few models at a time: the first reads each model's training
/// window only (its series name, grid and end) to check the group and to read the events and
/// the recent data once; the second reads each model again and forecasts it. Forecasts are
/// small and are kept in input order, so the output does not depend on which worker finished
/// first.
struct GroupForecast {
  var names: [String]
  var registry: ModelRegistry
  var horizon: String
  var request: ForecastRequest
  var recent: RecentData?
  var eventsFile: String?
  var quiet: Bool

  /// One model of the group as the first pass found it.
  struct Member: Sendable {
    var version: Int
    var training: TrainingWindow
  }

  /// The successful forecasts in input order, and the failures.
  struct Outcome {
    var forecasts: [(name: String, version: Int, series: String, forecast: Forecast)]
    var failures: [SeriesBatch.Failure]
  }

  func run() async throws -> Outcome {
    let registry = registry
    let names = names
    var members = [Member?](repeating: nil, count: names.count)
    var failures = await SeriesBatch().run(count: names.count, name: { names[$0] }) { index in
      let version = try registry.resolve(ModelReference(name: names[index]))
      let header = try Self.readTraining(registry.path(of: names[index], version: version))
      return Member(version: version, training: header)
    } handle: { index, member in
      members[index] = member
    }
    failures += Self.sameSeriesClashes(names: names, members: &members)
    let present = members.compactMap { $0 }
    guard let first = present.first else { return Outcome(forecasts: [], failures: failures) }
    for member in present
    where member.training.step != first.training.step
      || member.training.timeZone != first.training.timeZone
    {
      throw ValidationError(
        "--model: the models of the group do not share one step and time zone "
          + "(\(first.training.step) s in \(first.training.timeZone) vs "
          + "\(member.training.step) s in \(member.training.timeZone)); forecast them separately")
    }
    let zone = first.training.timeZone
    let steps = try HorizonParsing.steps(horizon, step: first.training.step)
    var planned: [Event] = []
    if let eventsFile {
      try InputFile.requireReadable(eventsFile)
      planned = try EventsCSV.read(path: eventsFile, timeZone: zone)
    }
    let from = present.map(\.training.end).min() ?? first.training.end
    let recentBySeries: [String: Series]? = try recent.map { recent in
      let all = try recent.read(timeZone: zone, step: first.training.step, from: from)
      return Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var shared = request
    shared.horizon = steps
    shared.plannedEvents = planned
    let request = shared
    let recentLabel = recent?.label ?? ""
    let work = members.indices.filter { members[$0] != nil }
    var forecasts = [Forecast?](repeating: nil, count: names.count)
    let frozen = members
    let batch = SeriesBatch(progress: ProgressBar(total: work.count, quiet: quiet))
    failures += await batch.run(count: work.count, name: { names[work[$0]] }) { k in
      let index = work[k]
      guard let member = frozen[index] else { throw InternalError("member without a header") }
      let model = try registry.read(ModelReference(name: names[index], version: member.version))
      var own = request
      if let recentBySeries {
        guard let series = recentBySeries[member.training.series] else {
          throw DataError(file: recentLabel, "no series named '\(member.training.series)'")
        }
        own.recent = series
      }
      return try model.model.forecast(own)
    } handle: { k, forecast in
      forecasts[work[k]] = forecast
    }
    var outcome = Outcome(forecasts: [], failures: [])
    for index in names.indices {
      guard let member = frozen[index], let forecast = forecasts[index] else { continue }
      outcome.forecasts.append(
        (names[index], member.version, member.training.series, forecast))
    }
    outcome.failures = failures.sorted { $0.index < $1.index }
    return outcome
  }

  /// Two models of one series would make two blocks of the same name: both are failed.
  private static func sameSeriesClashes(names: [String], members: inout [Member?])
    -> [SeriesBatch.Failure]
  {
    let bySeries = Dictionary(
      grouping: members.indices.filter { members[$0] != nil },
      by: { members[$0]?.training.series ?? "" })
    var failures: [SeriesBatch.Failure] = []
    for (series, indices) in bySeries where indices.count > 1 {
      let all = indices.map { names[$0] }.joined(separator: ", ")
      for index in indices {
        failures.append(
          SeriesBatch.Failure(
            index: index, name: names[index],
            message: "series '\(series)' is forecast by several models of the group (\(all)); "
              + "choose one with a narrower --model"))
        members[index] = nil
      }
    }
    return failures
  }

  /// The training window of a model file, without building the rest of the model.
  private static func readTraining(_ path: String) throws -> TrainingWindow {
    struct Header: Decodable { var training: TrainingWindow }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError.inputUnreadable(path: path, reason: "cannot read the model file")
    }
    do {
      return try JSONDecoder().decode(Header.self, from: data).training
    } catch {
      throw DataError(file: path, "not a model file: \(error)")
    }
  }
}
