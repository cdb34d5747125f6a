import ArgumentParser
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

/// A group of registry models used together by `forecast` and `recommend`: each model's work
/// runs in parallel (`SeriesBatch`), results come back in the order of the names, and each
/// failing model is reported on its own.
///
/// Two passes keep memory to a few models at a time. `prepare` reads each model's training
/// window only (its series name, grid and end) to check the group and to read the events and
/// the recent data once, on the shared grid; `run` reads each model again and does the work.
struct ModelGroup {
  /// One model of the group as the first pass found it.
  struct Member: Sendable {
    var name: String
    var version: Int
    var training: TrainingWindow
  }

  /// What the work of one model gets.
  struct Input: Sendable {
    var member: Member
    var model: FittedModel
    /// Its series from `--data` / `--prometheus`, if given.
    var recent: Series?
    var plannedEvents: [Event]
  }

  /// The successful results in the order of the names, and every failure (by name order).
  struct Outcome<Output> {
    var results: [(member: Member, output: Output)]
    var failures: [SeriesBatch.Failure]
  }

  var names: [String]
  var registry: ModelRegistry
  /// Members by name index; nil for a model that already failed.
  private var members: [Member?]
  private var failures: [SeriesBatch.Failure]
  /// The shared step and zone of the readable members.
  private(set) var step: Int64
  private(set) var timeZone: String
  private var plannedEvents: [Event]
  private var recentBySeries: [String: Series]?
  private var recentLabel: String

  /// The first pass: every model's training window, the group's shared grid, the events and
  /// the recent data.
  /// - Throws: `ValidationError` when the models do not share one step and zone; the errors of
  ///   reading the events and recent data.
  static func prepare(
    names: [String], registry: ModelRegistry, recent: RecentData?, eventsFile: String?
  ) async throws -> ModelGroup {
    var members = [Member?](repeating: nil, count: names.count)
    var failures = await SeriesBatch().run(count: names.count, name: { names[$0] }) { index in
      let version = try registry.resolve(ModelReference(name: names[index]))
      let training = try Self.readTraining(registry.path(of: names[index], version: version))
      return Member(name: names[index], version: version, training: training)
    } handle: { index, member in
      members[index] = member
    }
    failures += Self.sameSeriesClashes(members: &members)
    let present = members.compactMap { $0 }
    let first = present.first?.training
    for member in present
    where member.training.step != first?.step || member.training.timeZone != first?.timeZone {
      throw ValidationError(
        "--model: the models of the group do not share one step and time zone "
          + "(\(first?.step ?? 0) s in \(first?.timeZone ?? "") vs "
          + "\(member.training.step) s in \(member.training.timeZone)); use them separately")
    }
    let step = first?.step ?? 0
    let zone = first?.timeZone ?? "UTC"
    let planned = first == nil ? [] : try SeriesLoading.events(file: eventsFile, timeZone: zone)
    var bySeries: [String: Series]?
    if let recent, let from = present.map(\.training.end).min() {
      let all = try recent.read(timeZone: zone, step: step, from: from)
      bySeries = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
    return ModelGroup(
      names: names, registry: registry, members: members, failures: failures, step: step,
      timeZone: zone, plannedEvents: planned, recentBySeries: bySeries,
      recentLabel: recent?.label ?? "")
  }

  /// Whether any model is left to work on.
  var isEmpty: Bool { members.allSatisfy { $0 == nil } }

  /// The second pass: `work` for every model that passed the first, in parallel.
  func run<Output: Sendable>(
    quiet: Bool, work: @escaping @Sendable (Input) throws -> Output
  ) async -> Outcome<Output> {
    let members = members
    let registry = registry
    let planned = plannedEvents
    let recentBySeries = recentBySeries
    let recentLabel = recentLabel
    let indices = members.indices.filter { members[$0] != nil }
    var outputs = [Output?](repeating: nil, count: members.count)
    let batch = SeriesBatch(progress: ProgressBar(total: indices.count, quiet: quiet))
    let later = await batch.run(count: indices.count, name: { names[indices[$0]] }) { k in
      guard let member = members[indices[k]] else { throw InternalError("a member without a window") }
      let stored = try registry.read(ModelReference(name: member.name, version: member.version))
      var recent: Series?
      if let recentBySeries {
        guard let series = recentBySeries[member.training.series] else {
          throw DataError(file: recentLabel, "no series named '\(member.training.series)'")
        }
        recent = series
      }
      return try work(
        Input(member: member, model: stored.model, recent: recent, plannedEvents: planned))
    } handle: { k, output in
      outputs[indices[k]] = output
    }
    var outcome = Outcome<Output>(results: [], failures: [])
    for index in members.indices {
      if let member = members[index], let output = outputs[index] {
        outcome.results.append((member, output))
      }
    }
    let remapped = later.map {
      SeriesBatch.Failure(index: indices[$0.index], name: $0.name, message: $0.message)
    }
    outcome.failures = (failures + remapped).sorted { $0.index < $1.index }
    return outcome
  }

  /// Two models of one series would give two results of the same name: both are failed.
  private static func sameSeriesClashes(members: inout [Member?]) -> [SeriesBatch.Failure] {
    let present = members.indices.filter { members[$0] != nil }
    let bySeries = Dictionary(grouping: present, by: { members[$0]?.training.series ?? "" })
    var failures: [SeriesBatch.Failure] = []
    for (series, indices) in bySeries where indices.count > 1 {
      let all = indices.compactMap { members[$0]?.name }.joined(separator: ", ")
      for index in indices {
        failures.append(
          SeriesBatch.Failure(
            index: index, name: members[index]?.name ?? "",
            message: "series '\(series)' is used by several models of the group (\(all)); "
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
