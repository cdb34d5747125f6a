import Forecasting
import TimeSeries

/// The backtest engine (`BacktestPlan.run`, one series) run over many series by `SeriesBatch`,
/// the one parallel runner of the multi-series commands.
public enum BatchBacktest {
  /// The result of each series, in input order whatever order the workers finish in, so that
  /// every byte derived from them is the same from run to run.
  public static func run(_ series: [Series], plan: BacktestPlan, batch: SeriesBatch) async
    -> [Result<SeriesBacktest, any Error>]
  {
    var results = [Result<SeriesBacktest, any Error>](
      repeating: .failure(CancellationError()), count: series.count)
    // The work never throws: each series' error stays with its result, typed, for the caller
    // to report and to pick the exit code from.
    _ = await batch.run(count: series.count, name: { series[$0].name }) { index in
      Result { try plan.run(series[index]) }
    } handle: { index, result in
      results[index] = result
    }
    return results
  }
}
