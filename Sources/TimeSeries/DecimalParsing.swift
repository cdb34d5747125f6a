#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a numeric field could not be read; turned into a message only on the error path.
enum NumberFailure: Error, Sendable, Equatable {
  case malformed
  /// `nan`, `inf`, `Infinity`, …: spelled-out non-finite values.
  case nonFinite
  /// Syntactically a number, but beyond the range of `Double`.
  case outOfRange
}

/// Exact powers of ten up to 10^22, the largest that a `Double` holds exactly.
private let exactPowersOfTen: [Double] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// Parses a decimal number from `bytes[start..<end]` (no surrounding spaces) exactly as a
/// correctly rounded `strtod` would.
///
/// Grammar: `[+-]? digits [. digits] [(e|E) [+-]? digits]` with at least one digit before the
/// exponent; hex floats, `nan` and `inf` are rejected. The fast path (Clinger's) covers every
/// input whose significant digits fit in 2^53 and whose decimal exponent is within ±22: the
/// result is then one correctly rounded IEEE multiplication or division of two exact values,
/// hence itself correctly rounded. Everything else (17-digit round-trip output, huge exponents)
/// goes to the C library's `strtod`, which is correctly rounded on glibc and Darwin.
@inline(__always)
func parseDecimal(
  _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
) -> Result<Double, NumberFailure> {
  var i = start
  guard i < end else { return .failure(.malformed) }
  var negative = false
  if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
    negative = bytes[i] == UInt8(ascii: "-")
    i += 1
  }
  var mantissa: UInt64 = 0
  var significant = 0  // digits accumulated into `mantissa`, leading zeros excluded
  var dropped = false  // a nonzero digit did not fit into `mantissa`
  var exponent = 0
  var digits = 0
  while i < end {
    let d = bytes[i] &- 0x30
    guard d < 10 else { break }
    digits += 1
    if significant < 19 {
      mantissa = mantissa &* 10 &+ UInt64(d)
      if mantissa != 0 { significant += 1 }
    } else {
      exponent += 1
      if d != 0 { dropped = true }
    }
    i += 1
  }
  if i < end && bytes[i] == UInt8(ascii: ".") {
    i += 1
    while i < end {
      let d = bytes[i] &- 0x30
      guard d < 10 else { break }
      digits += 1
      if significant < 19 {
        mantissa = mantissa &* 10 &+ UInt64(d)
        if mantissa != 0 { significant += 1 }
        exponent -= 1
      } else if d != 0 {
        dropped = true
      }
      i += 1
    }
  }
  guard digits > 0 else { return .failure(spelledNonFinite(bytes, start, end)) }
  if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
    i += 1
    var expNegative = false
    if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
      expNegative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var value = 0
    var expDigits = 0
    while i < end {
      let d = bytes[i] &- 0x30
      guard d < 10 else { break }
      // Saturate: anything this large is out of range (or zero) however it ends.
      if value < 100_000 { value = value * 10 + Int(d) }
      expDigits += 1
      i += 1
    }
    guard expDigits > 0 else { return .failure(.malformed) }
    exponent += expNegative ? -value : value
  }
  guard i == end else { return .failure(.malformed) }

  if !dropped && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
    var value = Double(mantissa)
    if exponent >= 0 {
      value *= exactPowersOfTen[exponent]
    } else {
      value /= exactPowersOfTen[-exponent]
    }
    return .success(negative ? -value : value)
  }
  if mantissa == 0 && !dropped { return .success(negative ? -0.0 : 0) }
  return strtodFallback(bytes, start, end)
}

/// The slow, exact path: copies the (already validated) text into a NUL-terminated buffer.
private func strtodFallback(
  _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
) -> Result<Double, NumberFailure> {
  let length = end - start
  let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
    for k in 0..<length { buffer[k] = CChar(bitPattern: bytes[start + k]) }
    buffer[length] = 0
    guard let text = buffer.baseAddress else { return Double.nan }
    return strtod(text, nil)
  }
  return value.isFinite ? .success(value) : .failure(.outOfRange)
}

/// Distinguishes `nan`/`inf` spellings (a clearer message) from other garbage.
private func spelledNonFinite(
  _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
) -> NumberFailure {
  var i = start
  if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
  let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
    .lowercased()
  return ["nan", "inf", "infinity"].contains(word) ? .nonFinite : .malformed
}

extension NumberFailure {
  /// The one-line explanation used in `DataError` messages.
  func message(for text: String) -> String {
    switch self {
    case .malformed:
      return "'\(text)' is not a number"
    case .nonFinite:
      return "'\(text)' is not allowed: values must be finite (leave the field empty for missing)"
    case .outOfRange:
      return "'\(text)' is out of the range of a double"
    }
  }
}
