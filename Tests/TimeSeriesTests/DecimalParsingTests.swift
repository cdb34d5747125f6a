import TestSupport
import Foundation
import Testing

@testable import TimeSeries

@Suite("Decimal parsing")
struct DecimalParsingTests {
  func parse(_ text: String) -> Result<Double, NumberFailure> {
    Array(text.utf8).withUnsafeBufferPointer { parseDecimal($0, 0, $0.count) }
  }

  @Test func typicalInputs() {
    let cases: [(String, Double)] = [
      ("0", 0), ("605", 605), ("1.5", 1.5), ("+2", 2), ("-3.25", -3.25), (".5", 0.5),
      ("5.", 5), ("1e3", 1000), ("1E-2", 0.01), ("2.5e+10", 2.5e10), ("000123.4500", 123.45),
      ("9.59076113897809", 9.59076113897809), ("0.1", 0.1),
      ("123456789012345678", 123_456_789_012_345_680),  // nearest Double
      ("1e22", 1e22), ("1e23", 1e23), ("1.7976931348623157e308", .greatestFiniteMagnitude),
      ("0.000000000000000000000000001", 1e-27), ("0e999999", 0),
    ]
    for (text, expected) in cases {
      #expect(parse(text) == .success(expected), "\(text)")
    }
  }

  @Test func failures() {
    #expect(parse("nan") == .failure(.nonFinite))
    #expect(parse("-Infinity") == .failure(.nonFinite))
    #expect(parse("INF") == .failure(.nonFinite))
    #expect(parse("1e999") == .failure(.outOfRange))
    for bad in ["", "-", ".", "e5", "1e", "1e+", "0x10", "1,5", "1.2.3", "12abc", "1 2"] {
      #expect(parse(bad) == .failure(.malformed), "\(bad)")
    }
  }

  /// Seeded sweep over bit patterns, magnitudes and printed forms: the parse of Swift's
  /// shortest representation, and of `%.17g` is the
  /// identical Double; `%.30f` (rounded) agrees with `Double(String)`.
  @Test func roundTripsRandomDoublesExactly() {
    var random = SplitMix64(seed: 2025)
    for k in 0..<50_000 {
      let value: Double
      switch k % 3 {
      case 0: value = Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
      case 1: value = Double.random(in: 0..<1e6, using: &random)
      default: value = Double(Int.random(in: 0..<100_000, using: &random)) / 100
      }
      let text = value.description
      #expect(parse(text) == .success(value), "\(text)")
      // More digits than needed: exercises digits beyond the 19 kept in the fast mantissa.
      let long = String(format: "%.17g", value)
      #expect(parse(long) == .success(value), "\(long)")
      let fixed = String(format: "%.30f", value)  // rounded for tiny values: compare with stdlib
      if let reference = Double(fixed) { #expect(parse(fixed) == .success(reference), "\(fixed)") }
    }
  }
}
