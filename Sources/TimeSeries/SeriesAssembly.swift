extension SeriesCSV {
  /// Turns one series' rows into a regular `Series`: orders them, merges duplicates, finds the
  /// step, checks that every row sits on the grid, and places rows in slots, gaps as `.nan`.
  static func assemble(
    _ buffer: SeriesBuffer, file: String, field: String, options: SeriesReadOptions,
    clock: LocalClock
  ) throws -> (series: Series, stats: IngestionStats) {
    var rows = buffer
    let rowsRead = rows.times.count
    func format(_ t: Int64) -> String { Timestamp.format(t, clock: clock) }
    func fail(_ line: Int32, _ message: String) -> DataError {
      DataError(file: file, line: Int(line), field: field, message)
    }

    // 1. Order.
    var outOfOrder = 0
    var firstDisorder: Int?
    for i in rows.times.indices.dropFirst() where rows.times[i] < rows.times[i - 1] {
      outOfOrder += 1
      if firstDisorder == nil { firstDisorder = i }
    }
    if let i = firstDisorder {
      guard options.unsorted == .sort else {
        throw fail(
          rows.lines[i],
          "timestamps out of order in series '\(rows.name)': \(format(rows.times[i])) comes "
            + "after \(format(rows.times[i - 1])) (line \(rows.lines[i - 1])); sort the file "
            + "or pass --unsorted sort")
      }
      // Stable, so that keep-last still means the last row in the file.
      let order = rows.times.indices.sorted {
        (rows.times[$0], $0) < (rows.times[$1], $1)
      }
      rows.times = order.map { rows.times[$0] }
      rows.values = order.map { rows.values[$0] }
      rows.lines = order.map { rows.lines[$0] }
    }

    // 2. Duplicates.
    var merged = 0
    if rows.times.indices.dropFirst().contains(where: { rows.times[$0] == rows.times[$0 - 1] }) {
      var times: [Int64] = []
      var values: [Double] = []
      var lines: [Int32] = []
      times.reserveCapacity(rows.times.count)
      values.reserveCapacity(rows.times.count)
      lines.reserveCapacity(rows.times.count)
      for i in rows.times.indices {
        let t = rows.times[i]
        guard let last = times.last, last == t else {
          times.append(t)
          values.append(rows.values[i])
          lines.append(rows.lines[i])
          continue
        }
        switch options.duplicates {
        case .error:
          throw fail(
            rows.lines[i],
            "duplicate timestamp \(format(t)) in series '\(rows.name)' (also at line "
              + "\(lines[lines.count - 1])); pass --duplicates sum or keep-last to merge")
        case .sum:
          let (a, b) = (values[values.count - 1], rows.values[i])
          values[values.count - 1] = a.isNaN ? b : b.isNaN ? a : a + b
        case .keepLast:
          values[values.count - 1] = rows.values[i]
          lines[lines.count - 1] = rows.lines[i]
        }
        merged += 1
      }
      rows.times = times
      rows.values = values
      rows.lines = lines
    }

    // 3. Step.
    let stepWasGiven = options.step != nil
    let step: Int64
    if let given = options.step {
      step = given.seconds
    } else if let inferred = inferStep(rows.times) {
      step = inferred
    } else {
      throw fail(
        rows.lines[0],
        "series '\(rows.name)' has a single timestamp, so its step cannot be inferred; pass "
          + "--step")
    }
    let stepText = TimeSpan(seconds: step)?.description ?? "\(step)s"

    // 4. Grid and slots.
    let t0 = rows.times[0]
    var slotIndex: [Int] = []
    slotIndex.reserveCapacity(rows.times.count)
    var gapCount = 0
    var gapSlots = 0
    for i in rows.times.indices {
      let offset = rows.times[i] - t0
      guard offset % step == 0 else {
        throw fail(
          rows.lines[i],
          "mixed steps: \(format(rows.times[i])) is not on the \(stepText) grid of series "
            + "'\(rows.name)' that starts at \(format(t0)) (line \(rows.lines[0])); the step was "
            + (stepWasGiven ? "given" : "inferred as the most common interval (pass --step to "
              + "set it)"))
      }
      let slot = offset / step
      guard slot < Int64(options.maxSlots) else {
        throw fail(
          rows.lines[i],
          "\(format(rows.times[i])) would make series '\(rows.name)' longer than "
            + "\(options.maxSlots) slots of \(stepText) (gap after \(format(rows.times[i - 1])), "
            + "line \(rows.lines[i - 1])); is the timestamp a typo?")
      }
      if let previous = slotIndex.last, Int(slot) - previous > 1 {
        gapCount += 1
        gapSlots += Int(slot) - previous - 1
      }
      slotIndex.append(Int(slot))
    }
    let slots = (slotIndex.last ?? 0) + 1
    var values = [Double](repeating: .nan, count: slots)
    var emptyValues = 0
    for i in slotIndex.indices {
      let v = rows.values[i]
      if v.isNaN { emptyValues += 1 }
      values[slotIndex[i]] = v
    }

    let series = Series(
      name: rows.name, start: t0, step: step, values: values, timeZone: options.timeZone)
    let stats = IngestionStats(
      name: rows.name, rowsRead: rowsRead, duplicatesMerged: merged, rowsOutOfOrder: outOfOrder,
      step: step, stepWasGiven: stepWasGiven, gapCount: gapCount, gapSlots: gapSlots,
      emptyValues: emptyValues, missingSlots: gapSlots + emptyValues, slots: slots,
      first: t0, last: rows.times[rows.times.count - 1])
    return (series, stats)
  }

  /// The most common positive difference between consecutive (sorted, distinct) timestamps;
  /// ties go to the smaller step. A few gaps or restarts cannot outvote the regular interval,
  /// unlike the minimum (one stray early row) or the first difference.
  ///
  /// Counts runs of equal differences first, so regular data costs one comparison per row and
  /// the dictionary sees only the changes. `nil` for fewer than two timestamps.
  static func inferStep(_ times: [Int64]) -> Int64? {
    guard times.count >= 2 else { return nil }
    var counts: [Int64: Int] = [:]
    var current = times[1] - times[0]
    var run = 0
    for i in times.indices.dropFirst() {
      let d = times[i] - times[i - 1]
      if d == current {
        run += 1
      } else {
        counts[current, default: 0] += run
        current = d
        run = 1
      }
    }
    counts[current, default: 0] += run
    return counts.filter { $0.key > 0 }.max {
      $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
    }?.key
  }
}
