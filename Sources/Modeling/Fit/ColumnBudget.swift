import Features

/// The most design columns a fit accepts.
///
/// Memory grows with p² and the penalty search with p³, so a few thousand columns already take
/// minutes and gigabytes; a hostile or mistaken events file (thousands of distinct promotion
/// names, thousands of incidents, each several columns) would otherwise hang the fit or exhaust
/// memory. Real models have 150–300 columns (the default hourly model 232); 1,000 leaves room for
/// dozens of promotion names and incidents.
enum ColumnBudget {
  static let maximumColumns = 1_000

  /// - Throws: `ModelingError.incompatibleData` naming the count and what drives it.
  static func check(_ layout: FeatureLayout, series: String) throws {
    let count = layout.columns.count
    guard count > maximumColumns else { return }
    throw ModelingError.incompatibleData(
      "series '\(series)': the model would have \(count) design columns "
        + "(\(layout.promotions.count) promotion names, \(layout.incidents.count) incidents in "
        + "the data span); at most \(maximumColumns) are supported: merge promotion names, or "
        + "leave old incidents out of the events file")
  }
}
