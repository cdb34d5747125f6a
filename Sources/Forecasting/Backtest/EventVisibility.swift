import Modeling
import TimeSeries

/// Which events a backtest origin may use.
///
/// The fit sees only events that start before the origin: an incident or outage after it is
/// not known yet. The forecast may use events planned in advance — promotions and holidays —
/// that fall in the window, as a forecast made at the origin would (that is what the events
/// calendar is for); it uses those the fitted model has learned an effect for, or that carry an
/// explicit lift. Incidents and outages inside the window are never passed to the forecast.
public enum EventVisibility {
  /// Events known at `origin` for fitting.
  public static func forFit(_ events: [Event], origin: Int64) -> [Event] {
    events.filter { $0.start < origin }
  }

  /// Planned events overlapping `[start, end)` that `model` can forecast.
  public static func planned(_ events: [Event], model: FittedModel, start: Int64, end: Int64)
    -> [Event]
  {
    let known = Set(model.knownEventNames)
    return events.filter { event in
      (event.kind == .promotion || event.kind == .holiday)
        && event.start < end && event.end > start
        && (known.contains(event.name) || event.lift != nil)
    }
  }
}
