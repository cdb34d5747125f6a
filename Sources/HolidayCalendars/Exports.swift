// `Holiday.date` is a `CivilDate`, so clients of this module (its tests included) get
// `TimeSeries` with `import HolidayCalendars` instead of needing a second dependency.
@_exported import TimeSeries
