import Foundation

/// One field of a CSV record: a byte range into the scanned buffer, quotes already stripped.
struct CSVField: Sendable {
  /// First byte of the field's content (after an opening quote).
  var start: Int
  /// One past the last byte of the content (before a closing quote).
  var end: Int
  /// The field was quoted and contains doubled quotes (`""`) that must be unescaped when the
  /// field is read as text; numbers and timestamps never need this.
  var hasEscapedQuotes: Bool
  var wasQuoted: Bool

  var isEmpty: Bool { start == end }
}

/// A byte-level RFC 4180 tokenizer that never builds a String per row.
///
/// Handles a UTF-8 byte-order mark, LF or CRLF line ends, a missing final newline, quoted fields
/// (with `""` escapes and embedded newlines). Line numbers are physical and 1-based, so an error
/// in a record names the line where that record starts, as an editor shows it.
struct CSVScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  private(set) var position: Int
  /// Physical line on which the next record starts.
  private(set) var line: Int = 1
  /// Physical line on which the record most recently returned starts.
  private(set) var recordLine: Int = 0

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
    // Excel and Windows tools prefix UTF-8 files with EF BB BF; it is not part of the header.
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    position = hasBOM ? 3 : 0
  }

  /// Whether only whitespace (spaces, tabs, CR, LF) remains.
  var atEndIgnoringBlankLines: Bool {
    var i = position
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0D, 0x0A: i += 1
      default: return false
      }
    }
    return true
  }

  /// Reads the next record into `fields` (cleared first); returns `false` at end of input.
  mutating func nextRecord(into fields: inout [CSVField]) throws -> Bool {
    fields.removeAll(keepingCapacity: true)
    let count = bytes.count
    guard position < count else { return false }
    recordLine = line
    var i = position
    while true {
      if i < count && bytes[i] == UInt8(ascii: "\"") {
        let field = try scanQuoted(from: i + 1)
        fields.append(field.field)
        i = field.next
      } else {
        // Unquoted: the fast path, a scan for the next comma or newline.
        let start = i
        while i < count {
          let b = bytes[i]
          if b == UInt8(ascii: ",") || b == 0x0A { break }
          i += 1
        }
        var end = i
        if i < count && bytes[i] == 0x0A && end > start && bytes[end - 1] == 0x0D { end -= 1 }
        if i == count && end > start && bytes[end - 1] == 0x0D { end -= 1 }
        fields.append(CSVField(start: start, end: end, hasEscapedQuotes: false, wasQuoted: false))
      }
      if i >= count {
        position = count
        return true
      }
      if bytes[i] == 0x0A {
        position = i + 1
        line += 1
        return true
      }
      i += 1  // the comma
    }
  }

  /// Scans a quoted field whose content starts at `start`; returns the field and the index of
  /// the delimiter (comma, newline or end) that follows the closing quote.
  private mutating func scanQuoted(from start: Int) throws -> (field: CSVField, next: Int) {
    let count = bytes.count
    var i = start
    var escaped = false
    while true {
      guard i < count else {
        throw DataError(
          file: file, line: recordLine, "unterminated quoted field (a '\"' is never closed)")
      }
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        if i + 1 < count && bytes[i + 1] == UInt8(ascii: "\"") {
          escaped = true
          i += 2
          continue
        }
        break
      }
      if b == 0x0A { line += 1 }
      i += 1
    }
    let field = CSVField(start: start, end: i, hasEscapedQuotes: escaped, wasQuoted: true)
    var next = i + 1
    if next < count && bytes[next] == 0x0D && next + 1 < count && bytes[next + 1] == 0x0A {
      next += 1
    } else if next < count && bytes[next] == 0x0D && next + 1 == count {
      next += 1
    }
    if next < count && bytes[next] != UInt8(ascii: ",") && bytes[next] != 0x0A {
      throw DataError(
        file: file, line: recordLine, "unexpected character after a closing quote")
    }
    return (field, next)
  }

  /// The field's content as a String, with `""` unescaped and surrounding spaces trimmed.
  func text(_ field: CSVField) -> String {
    var (start, end) = (field.start, field.end)
    if !field.wasQuoted { (start, end) = trimmed(field) }
    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return field.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
  }

  /// The field's byte range without leading and trailing spaces or tabs.
  @inline(__always)
  func trimmed(_ field: CSVField) -> (Int, Int) {
    var start = field.start
    var end = field.end
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    return (start, end)
  }

  /// Whether a field's bytes equal another byte range of the same buffer (used to recognise a
  /// repeated series name without building a String).
  func equalBytes(_ a: CSVField, _ b: (start: Int, end: Int)) -> Bool {
    let n = a.end - a.start
    guard n == b.end - b.start else { return false }
    guard let base = bytes.baseAddress else { return n == 0 }
    return memcmp(base + a.start, base + b.start, n) == 0
  }
}

/// Reads a whole file as bytes, turning I/O failures into a `DataError` that names the file.
func readFileBytes(_ path: String) throws -> Data {
  guard let data = FileManager.default.contents(atPath: path) else {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    let why = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot read"
    throw DataError(file: path, why)
  }
  return data
}
