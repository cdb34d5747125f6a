import Evaluation
import Foundation

extension BacktestReport {
  /// Most origins listed in the text table; longer lists are in `--format json`.
  static let maximumOriginRows = 24

  /// Tables for a terminal: the aggregate of the model and the baselines, the ratios to
  /// seasonal naive and OWA, accuracy by lead time, and the origins.
  var text: String {
    let leads = config.horizon == 1 ? "1 step" : "\(config.horizon) steps"
    var out = "backtest of \(config.data): \(seriesCount) series, \(config.origins) origin"
      + "\(config.origins == 1 ? "" : "s") × \(leads), season \(config.season), "
      + "\(windowCount) windows scored\n\n"

    var table = TextTable(
      [("method", .left), ("mae", .right), ("rmse", .right), ("smape %", .right),
       ("mase", .right), ("wape", .right), ("pinball", .right), ("cov80", .right),
       ("cov95", .right)])
    func row(_ name: String, _ a: ForecastAccuracy) -> [String] {
      [name, Self.number(a.mae), Self.number(a.rmse), Self.number(a.smape), Self.number(a.mase),
       Self.number(a.wape), Self.number(a.pinball), Self.number(a.coverage80),
       Self.number(a.coverage95)]
    }
    table.append(row("surgecast", aggregate))
    for (name, label) in Self.baselineLabels {
      if let scores = baselines[name] { table.append(row(label, scores)) }
    }
    out += table.rendered()

    let r = relativeToSeasonalNaive
    out += "\nsurgecast / seasonal naive: mae \(Self.number(r.mae)), rmse \(Self.number(r.rmse)), "
      + "smape \(Self.number(r.smape)), mase \(Self.number(r.mase)), wape \(Self.number(r.wape))\n"
    out += "OWA vs Naive2: surgecast \(Self.number(owa)), seasonal naive "
      + "\(Self.number(seasonalNaiveOWA)); surgecast 95% MSIS \(Self.number(msis95))\n"

    var byLead = TextTable(
      [("leads", .left), ("mase", .right), ("snaive mase", .right), ("smape %", .right),
       ("snaive smape %", .right), ("cov80", .right), ("cov95", .right)])
    for bucket in byLeadTime {
      byLead.append([
        bucket.leads, Self.number(bucket.metrics.mase),
        Self.number(bucket.baselines["seasonal_naive"]?.mase),
        Self.number(bucket.metrics.smape),
        Self.number(bucket.baselines["seasonal_naive"]?.smape),
        Self.number(bucket.metrics.coverage80), Self.number(bucket.metrics.coverage95),
      ])
    }
    out += "\nby lead time\n" + byLead.rendered()

    if origins.count <= Self.maximumOriginRows {
      var list = TextTable(
        [("series", .left), ("origin", .right), ("start", .left), ("mase", .right),
         ("snaive mase", .right), ("smape %", .right), ("cov80", .right), ("cov95", .right)])
      for origin in origins {
        list.append([
          origin.series, "\(origin.origin + 1)", origin.start, Self.number(origin.metrics.mase),
          Self.number(origin.baselines["seasonal_naive"]?.mase),
          Self.number(origin.metrics.smape), Self.number(origin.metrics.coverage80),
          Self.number(origin.metrics.coverage95),
        ])
      }
      out += "\norigins\n" + list.rendered()
    } else {
      out += "\n\(origins.count) origins: per-origin figures with --format json\n"
    }
    if !failures.isEmpty {
      out += "\n\(failures.count) series failed:\n"
      for failure in failures { out += "  \(failure.series): \(failure.error)\n" }
    }
    return out
  }

  static let baselineLabels = [("seasonal_naive", "seasonal naive"), ("naive2", "naive2")]

  /// Four significant decimals at most; `-` for undefined.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    let magnitude = abs(value)
    let decimals = magnitude >= 1000 ? 1 : magnitude >= 100 ? 2 : magnitude >= 1 ? 3 : 4
    return String(format: "%.\(decimals)f", value)
  }
}
