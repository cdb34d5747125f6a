import ArgumentParser
import Foundation
import TimeSeries

/// `--series` patterns: exact names, or globs with `*` (any text) and `?` (any one character).
enum SeriesSelection {
  /// Whether `name` matches `pattern` (the whole name; `*` and `?` may match `/` too).
  static func matches(_ name: String, pattern: String) -> Bool {
    let n = Array(name.unicodeScalars)
    let p = Array(pattern.unicodeScalars)
    // Iterative wildcard matching with one backtrack point: O(|n|·|p|) at worst.
    var i = 0
    var j = 0
    var star: Int?
    var resume = 0
    while i < n.count {
      if j < p.count, p[j] == "?" || (p[j] != "*" && p[j] == n[i]) {
        i += 1
        j += 1
      } else if j < p.count, p[j] == "*" {
        star = j
        resume = i
        j += 1
      } else if let starAt = star {
        j = starAt + 1
        resume += 1
        i = resume
      } else {
        return false
      }
    }
    while j < p.count, p[j] == "*" { j += 1 }
    return j == p.count
  }

  /// The series matched by the patterns, in the order of the patterns (each pattern's matches
  /// in input order, a series only once); every pattern must match one.
  /// - Throws: `ValidationError` (exit 64) naming the pattern that matched nothing.
  static func select(_ patterns: [String], _ ingestion: IngestionResult) throws
    -> IngestionResult
  {
    var taken = [Bool](repeating: false, count: ingestion.series.count)
    var order: [Int] = []
    for pattern in patterns {
      var matched = false
      for (index, series) in ingestion.series.enumerated()
      where matches(series.name, pattern: pattern) {
        if !taken[index] { order.append(index) }
        taken[index] = true
        matched = true
      }
      guard matched else {
        let known = ingestion.series.prefix(5).map(\.name).joined(separator: ", ")
        let more = ingestion.series.count > 5 ? ", …" : ""
        throw ValidationError(
          "--series: no series named '\(pattern)' (the input has \(known)\(more))")
      }
    }
    var selected = ingestion
    selected.series = order.map { ingestion.series[$0] }
    selected.stats = order.map { ingestion.stats[$0] }
    return selected
  }
}
