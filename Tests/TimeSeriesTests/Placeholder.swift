// TimeSeriesTests: tests in progress.
