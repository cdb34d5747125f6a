/// JSON form: an object with the keys `mae`, `rmse`, `smape`, `mase`, `wape`, `pinball`,
/// `coverage_80`, `coverage_95`.
///
/// JSON has no NaN or infinity, so an undefined metric (`.nan`, or an infinite ratio such as
/// MASE over a perfectly periodic history) is written as `null`, and `null` or an absent key
/// reads back as `.nan`. Every key is always written, so a reader sees which metrics exist.
extension ForecastAccuracy: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case mae, rmse, smape, mase, wape, pinball
    case coverage80 = "coverage_80"
    case coverage95 = "coverage_95"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func value(_ key: CodingKeys) throws -> Double {
      try container.decodeIfPresent(Double.self, forKey: key) ?? .nan
    }
    self.init(
      mae: try value(.mae), rmse: try value(.rmse), smape: try value(.smape),
      mase: try value(.mase), wape: try value(.wape), pinball: try value(.pinball),
      coverage80: try value(.coverage80), coverage95: try value(.coverage95))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    func put(_ value: Double, _ key: CodingKeys) throws {
      if value.isFinite {
        try container.encode(value, forKey: key)
      } else {
        try container.encodeNil(forKey: key)
      }
    }
    try put(mae, .mae)
    try put(rmse, .rmse)
    try put(smape, .smape)
    try put(mase, .mase)
    try put(wape, .wape)
    try put(pinball, .pinball)
    try put(coverage80, .coverage80)
    try put(coverage95, .coverage95)
  }
}
