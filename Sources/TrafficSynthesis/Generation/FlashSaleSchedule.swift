import TimeSeries

/// One drawn flash sale.
struct FlashSaleOccurrence: Sendable, Equatable {
  /// Offset of its local date from the span's first date.
  var dayOffset: Int
  var startHour: Int
  var scale: Double
}

/// Draws the flash-sale calendar from the scenario's schedule stream.
///
/// A sale goes only on a *plain* day whose date a week earlier is plain too (no holiday, eve,
/// mega sale, outage, incident, surge, nor a level shift in between), so that "the same hour a
/// week earlier" is a clean control for measuring its lift without a model.
enum FlashSaleSchedule {
  static func draw(
    _ spec: FlashSaleSpec, days: Int, blocked: Set<Int>, rng: inout Xoshiro256StarStar
  ) -> [FlashSaleOccurrence] {
    var result: [FlashSaleOccurrence] = []
    var scaleDeck: [Double] = []
    var saleDays: Set<Int> = []
    func isEligible(_ day: Int) -> Bool {
      day - 7 >= 0 && !blocked.contains(day) && !blocked.contains(day - 7)
        && !saleDays.contains(day - 7)
    }
    var cursor = 7 + rng.nextInt(in: 1...spec.minGapDays)
    while cursor < days {
      var day = cursor
      while day < days && !isEligible(day) { day += 1 }
      if day >= days { break }
      let hour = pickHour(spec.startHours, &rng)
      if scaleDeck.isEmpty { scaleDeck = shuffled(spec.scales, &rng) }
      let scale = scaleDeck.removeLast()
      result.append(FlashSaleOccurrence(dayOffset: day, startHour: hour, scale: scale))
      saleDays.insert(day)
      cursor = day + rng.nextInt(in: spec.minGapDays...spec.maxGapDays)
    }
    return result
  }

  private static func pickHour(_ hours: [WeightedHour], _ rng: inout Xoshiro256StarStar) -> Int {
    let total = hours.reduce(0) { $0 + $1.weight }
    var target = rng.nextUnit() * total
    for option in hours {
      if target < option.weight { return option.hour }
      target -= option.weight
    }
    return hours[hours.count - 1].hour
  }

  /// Fisher–Yates with the scenario's generator (not the standard library's `shuffled`, whose
  /// use of the generator is not specified).
  private static func shuffled(_ values: [Double], _ rng: inout Xoshiro256StarStar) -> [Double] {
    var deck = values
    for i in stride(from: deck.count - 1, to: 0, by: -1) {
      deck.swapAt(i, rng.nextInt(in: 0...i))
    }
    return deck
  }
}
