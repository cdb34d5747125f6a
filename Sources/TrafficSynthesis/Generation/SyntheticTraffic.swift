import Foundation
import TimeSeries

/// A generated data set: observed counts, the events a forecaster is told about, and the full
/// truth of how the counts were made.
public struct SyntheticTraffic: Sendable {
  public let scenario: TrafficScenario
  /// Observed request counts per 5-minute slot (whole numbers; none missing).
  public let fiveMinute: Series
  /// Hourly sums of ``fiveMinute``.
  public let hourly: Series
  /// Promotions, the outage and the labelled incident, sorted by start then name. Not the
  /// unplanned surge, the level shift or the public holidays (those come from the calendar).
  public let events: [Event]
  public let truth: GroundTruth
  /// True demand λ per slot: the mean the counts would have without the outage.
  public let demand: [Double]
  /// Mean of each observed count: demand × the outage's observation factor.
  public let expectedCount: [Double]
}

extension TrafficScenario {
  /// Generates the data set. Deterministic: the same scenario gives the same values on every
  /// run, and the written files are byte-identical.
  ///
  /// - Complexity: O(slots); about 0.1 s for the default 122,688 slots in a release build.
  public func generate() throws(SynthesisError) -> SyntheticTraffic {
    try validate()
    let calendar = SpanCalendar(self)
    let planted = PlantedEvents(self, calendar: calendar)
    let model = DemandModel(scenario: self, calendar: calendar, events: planted)
    let demand = model.logDemand().map { exp($0) }
    let factor = model.observationFactor()
    var expected = demand
    for i in expected.indices { expected[i] *= factor[i] }

    var rng = Xoshiro256StarStar(seed: seed, stream: RandomStream.noise)
    var counts = [Double](repeating: 0, count: expected.count)
    for i in expected.indices {
      counts[i] = Double(rng.nextNegativeBinomial(mean: expected[i], size: noise.size))
    }

    let perHour = 3600 / stepSeconds
    var hourlySums = [Double](repeating: 0, count: counts.count / perHour)
    for i in counts.indices { hourlySums[i / perHour] += counts[i] }

    return SyntheticTraffic(
      scenario: self,
      fiveMinute: Series(
        name: "traffic-5m", start: startEpoch, step: Int64(stepSeconds), values: counts,
        timeZone: timeZone),
      hourly: Series(
        name: "traffic-1h", start: startEpoch, step: 3600, values: hourlySums,
        timeZone: timeZone),
      events: eventList(planted, calendar: calendar),
      truth: GroundTruth(scenario: self, calendar: calendar, events: planted),
      demand: demand,
      expectedCount: expected)
  }

  private func eventList(_ planted: PlantedEvents, calendar: SpanCalendar) -> [Event] {
    let clock = FixedOffsetClock(utcOffsetSeconds: utcOffsetSeconds)
    var list = planted.flashSales.map {
      Event(
        name: flashSales.name, kind: .promotion, start: $0.start, end: $0.end,
        scale: $0.occurrence.scale)
    }
    for offset in planted.megaSaleDays {
      let midnight = clock.midnight(calendar[offset].date)
      list.append(
        Event(name: megaSales.name, kind: .promotion, start: midnight, end: midnight + 86_400))
    }
    if let outage = planted.outage, let spec = self.outage {
      list.append(Event(name: spec.name, kind: .outage, start: outage.start, end: outage.end))
    }
    if let incident = planted.incident, let spec = self.incident {
      list.append(
        Event(name: spec.name, kind: .incident, start: incident.start, end: incident.end))
    }
    return list.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
  }
}
