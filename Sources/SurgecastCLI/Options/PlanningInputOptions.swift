import ArgumentParser
import Modeling
import Planning
import TimeSeries

/// `--model`, `--horizon`, `--data`: what `plan` and `report` forecast from.
public struct PlanningInputOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', or a registry model NAME[@VERSION] "
        + "(latest version by default).",
      valueName: "model"))
  public var model: String

  @OptionGroup public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp(
      "How far ahead: a duration (48h, 7d, 2w) or a number of steps.", valueName: "span"))
  public var horizon: String = "7d"

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Observed history on the model's grid (e.g. the training data): the forecast starts "
        + "after it, and past occurrences of each promotion are measured in it.",
      valueName: "file"))
  public var historyFile: String?

  public init() {}

  /// The model, the horizon in its steps, the history and its measured past occurrences.
  struct Loaded {
    var model: FittedModel
    var steps: Int
    var history: Series?
    var pastOccurrences: [String: [PastOccurrence]]
  }

  func load() throws -> Loaded {
    let fitted = try ModelLoading.read(model, registry: registry.registry)
    let steps = try HorizonParsing.steps(horizon, step: fitted.training.step)
    let history = try historyFile.map { try ModelLoading.recent($0, model: fitted) }
    let past = try history.map { try PastOccurrence.measure(model: fitted, history: $0) } ?? [:]
    return Loaded(model: fitted, steps: steps, history: history, pastOccurrences: past)
  }
}
