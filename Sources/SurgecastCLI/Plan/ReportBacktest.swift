import Forecasting
import Foundation
import Modeling
import Reporting
import TimeSeries

/// `report --backtest`: the model's method re-fitted at past origins of the history.
enum ReportBacktest {
  /// Backtests `history` over the last `origins` windows of `horizon` steps, fitting the same
  /// way the model was (its holiday calendar; every automatic choice remade at each origin),
  /// and turns the result into the report's metrics table and chart.
  static func view(
    model: FittedModel, history: Series, events: [Event], horizon: Int, origins: Int
  ) throws -> BacktestView {
    var spec = ModelSpec()
    spec.holidays = model.spec.holidays
    let plan = BacktestPlan(
      horizon: horizon, origins: origins, season: BacktestPlan.defaultSeason(step: history.step),
      spec: spec, events: events, hasCalendar: model.training.hasCalendar)
    let windows = try plan.run(history).windows
    let summary = BacktestSummary(windows, horizon: horizon)
    let model = summary.aggregate
    let naive = summary.baselines[.seasonalNaive]
    func fixed(_ x: Double?, _ decimals: Int) -> String {
      guard let x, x.isFinite else { return "–" }
      return String(format: "%.\(decimals)f", x)
    }
    func percent(_ x: Double) -> String { x.isFinite ? String(format: "%.1f%%", x * 100) : "–" }
    let metrics: [(name: String, value: String)] = [
      ("windows", "\(summary.windowCount) × \(horizon) steps"),
      ("MAE", fixed(model.mae, 0)), ("seasonal naive MAE", fixed(naive?.mae, 0)),
      ("sMAPE", fixed(model.smape, 2)), ("MASE", fixed(model.mase, 3)),
      ("seasonal naive MASE", fixed(naive?.mase, 3)), ("OWA", fixed(summary.owa, 3)),
      ("80% coverage", percent(model.coverage80)), ("95% coverage", percent(model.coverage95)),
    ]
    var times: [Int64] = []
    var actual: [Double] = []
    var forecast: [Double] = []
    var lower: [Double] = []
    var upper: [Double] = []
    for window in windows {
      times += window.forecast.times
      actual += window.actual
      forecast += window.forecast.mean
      lower += window.forecast.quantile(0.1) ?? window.forecast.mean
      upper += window.forecast.quantile(0.9) ?? window.forecast.mean
    }
    return BacktestView(
      metrics: metrics, times: times, actual: actual, forecast: forecast, lower: lower,
      upper: upper)
  }
}
