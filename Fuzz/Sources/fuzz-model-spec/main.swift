import FuzzSupport
import Foundation
import Modeling
import TimeSeries

/// `--spec SPEC.json` as `surgecast fit` reads it: decode, validate, then fit a small fixed
/// series with it, since a hostile spec's harm (huge orders, negative counts) shows in the fit.
runFuzzer { bytes, count in
  guard let spec = try? JSONDecoder().decode(ModelSpec.self, from: fuzzData(bytes, count)),
    (try? spec.validate(file: "spec.json")) != nil
  else { return 0 }
  _ = try? spec.fit(fuzzTrainingSeries, events: fuzzTrainingEvents, hasCalendar: true)
  return 0
}
