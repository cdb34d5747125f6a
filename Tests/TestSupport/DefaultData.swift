import Foundation
import TimeSeries

/// The project's generated default data (`Datasets/`), read once per test process in its time
/// zone, as `make run` reads it. The model fits stay in each test target (they need Modeling).
public enum DefaultData {
  /// The time zone the default data is generated in.
  public static let timeZone = "Asia/Seoul"

  /// `Datasets/traffic-1h.csv` as one series in Seoul time.
  public static let hourly: Series = series("traffic-1h.csv")

  /// `Datasets/traffic-5m.csv` as one series in Seoul time.
  public static let fiveMinute: Series = series("traffic-5m.csv")

  /// `Datasets/events.csv` (promotions, incidents, outages) in Seoul time.
  public static let events: [Event] = {
    let path = ProjectPaths.datasets("events.csv").path
    guard let events = try? EventsCSV.read(path: path, timeZone: timeZone) else {
      fatalError("cannot read \(path)")
    }
    return events
  }()

  private static func series(_ file: String) -> Series {
    let path = ProjectPaths.datasets(file).path
    guard let result = try? SeriesCSV.read(path: path, options: .init(timeZone: timeZone)),
      var series = result.series.first
    else { fatalError("cannot read \(path)") }
    series.timeZone = timeZone
    return series
  }
}
