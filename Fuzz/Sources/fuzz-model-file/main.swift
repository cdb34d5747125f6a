import FuzzSupport
import Forecasting
import Modeling

/// A model artifact as `surgecast forecast --model` reads it: decode (schema check, structural
/// validation), then forecast a day with the default quantiles, since a file that passes
/// validation must also forecast without crashing.
runFuzzer { bytes, count in
  guard let model = try? ModelFile.decode(fuzzData(bytes, count), file: "model.json") else {
    return 0
  }
  _ = try? model.forecast(ForecastRequest(horizon: 24, components: true))
  return 0
}
