import TimeSeries

/// Bounds on what `surgecast fit` accepts, checked right after reading, before any fitting.
enum FitLimits {
  /// The most slots (rows plus gaps) one fit accepts. The fit holds its design matrix in
  /// memory, about 1.5 KB per slot with the default ~200 columns: 2 million slots is ~3 GB and
  /// ~20 s on the project's 2-core machine (1 million minutely slots measured at 1.5 GB and
  /// 8.3 s in a release build; 12.7 s with the machine loaded).
  /// That covers four years of 1-minute data; finer or longer histories should be aggregated.
  static let maximumSlots = 2_000_000

  /// - Throws: `DataError` naming the file, the slot count and what to do.
  static func check(_ series: Series, file: String) throws {
    guard series.count > maximumSlots else { return }
    throw DataError(
      file: file,
      "series '\(series.name)' has \(series.count) slots of \(series.step) s; fit accepts at "
        + "most \(maximumSlots) (about 3 GB of memory): aggregate to a coarser step or fit a "
        + "shorter history")
  }
}
