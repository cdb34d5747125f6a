import Autoscaling
import Foundation
import Modeling
import Planning
import Reporting
import TestSupport
import Testing
import TimeSeries

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The whole page on the model of the default data: the expected elements are there,
/// every SVG is well-formed XML, nothing is fetched, and the same input gives the same bytes.
@Suite struct ReportPageTests {
  static let page: String = {
    do { return try makePage() } catch { fatalError("report failed: \(error)") }
  }()

  /// The default hourly data and the model fitted on it as `make run` does (KR holidays).
  static let fitted: (model: FittedModel, history: Series) = {
    do {
      let history = DefaultData.hourly
      var spec = ModelSpec()
      spec.holidays = "KR"
      return (try spec.fit(history, events: DefaultData.events), history)
    } catch {
      fatalError("cannot fit the default data: \(error)")
    }
  }()

  static func makePage() throws -> String {
    let (model, history) = fitted
    let clock = try LocalClock(identifier: "Asia/Seoul")
    let saleStart = clock.startOfDay(CivilDate(2025, 12, 5)) + 20 * 3600
    let sale = Scenario(
      name: "friday_sale",
      events: [
        Event(name: "flash_sale", kind: .promotion, start: saleStart, end: saleStart + 14_400)
      ])
    let past = try PastOccurrence.measure(model: model, history: history)
    let policy = ScalingPolicy(capacityPerStep: 1800)
    let outcomes = try ScenarioPlanner(
      model: model, horizon: 7 * 24, recent: history, pastOccurrences: past, policy: policy,
      components: true
    ).plan([sale])
    let base = outcomes[0]
    let capacity = CapacityView(
      replicas: base.replicas ?? [], demand: base.forecast.quantile(0.95) ?? [],
      demandLabel: "p95 demand", requestsPerReplica: 1800, targetUtilization: 0.7,
      minReplicas: 2, maxReplicas: 500)
    return try ReportPage.html(
      ReportInput(
        model: model, history: history, outcomes: outcomes, pastOccurrences: past,
        capacity: capacity, generator: "surgecast test"))
  }

  func count(_ needle: String) -> Int { Self.page.components(separatedBy: needle).count - 1 }

  @Test func expectedChartsAndElementsArePresent() {
    for id in [
      "chart-quarter", "chart-week", "chart-replicas", "chart-capacity", "chart-scenarios",
      "chart-trend", "chart-daily", "chart-weekly", "chart-yearly", "chart-holidays",
      "chart-promotion-flash_sale", "chart-promotion-mega_sale",
    ] {
      #expect(count("id=\"\(id)\"") == 1, "chart \(id)")
    }
    for cssClass in [
      "series-history", "series-forecast", "band-80", "band-95", "event-marker event-promotion",
      "event-marker event-holiday", "replica-steps", "capacity-line", "scenario-series",
      "promotion-profile", "past-occurrence", "holiday-effect", "tick-label", "axis-title",
      "legend",
    ] {
      #expect(count("class=\"\(cssClass)") >= 1, "class \(cssClass)")
    }
    for kind in ["weekday", "saturday", "sunday_holiday"] {
      #expect(count("class=\"component-daily daily-\(kind)\"") == 1, "daily profile \(kind)")
    }
    // Units and local time on the axes.
    #expect(count(">requests per hour</text>") >= 3)
    #expect(count(">local time (Asia/Seoul)</text>") >= 3)
  }

  @Test func selfContainedAndDeterministic() throws {
    #expect(!Self.page.contains("<script"))
    #expect(!Self.page.contains("<link"))
    let withoutNamespace = Self.page.replacingOccurrences(
      of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
    #expect(!Self.page.contains("nan") && !Self.page.contains("inf\""))
    #expect(try Self.makePage() == Self.page)
  }

  @Test func everySVGIsWellFormed() throws {
    var rest = Self.page[...]
    var checked = 0
    while let open = rest.range(of: "<svg "), let close = rest.range(of: "</svg>") {
      let svg = String(rest[open.lowerBound..<close.upperBound])
      let parser = XMLParser(data: Data(svg.utf8))
      #expect(
        parser.parse(),
        "SVG #\(checked) is not well-formed: \(String(describing: parser.parserError))")
      checked += 1
      rest = rest[close.upperBound...]
    }
    #expect(checked >= 10)
  }
}

/// The backtest section from a given view (the engine itself is tested in ForecastingTests).
@Suite struct BacktestSectionTests {
  @Test func metricsAndForecastAgainstActualAreDrawn() throws {
    let model = ReportPageTests.fitted.model
    let outcomes = try ScenarioPlanner(model: model, horizon: 24).plan([])
    let times = (0..<48).map { model.training.end - Int64(48 - $0) * 3600 }
    let actual = times.indices.map { 1000 + 100 * sin(Double($0) / 4) }
    let view = BacktestView(
      metrics: [("MASE", "0.222"), ("80% coverage", "79.5%")], times: times, actual: actual,
      forecast: actual.map { $0 * 1.02 }, lower: actual.map { $0 * 0.9 },
      upper: actual.map { $0 * 1.1 })
    let page = try ReportPage.html(
      ReportInput(model: model, history: nil, outcomes: outcomes, backtest: view, generator: "t"))
    #expect(page.contains("id=\"chart-backtest\""))
    #expect(page.contains("class=\"backtest-actual\""))
    #expect(page.contains("class=\"backtest-forecast\""))
    #expect(page.contains("<th>MASE</th>") && page.contains("<td>0.222</td>"))
    // Without history, no observed series is drawn and no past occurrences appear.
    #expect(!page.contains("class=\"series-history\""))
    #expect(!page.contains("class=\"past-occurrence\""))
  }
}
