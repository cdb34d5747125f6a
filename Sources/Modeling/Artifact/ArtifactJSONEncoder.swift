/// Encodes a value as pretty-printed JSON with sorted keys: the same bytes as Foundation's
/// `JSONEncoder` with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` and
/// non-finite numbers refused, at a fraction of its cost.
///
/// Why: a model is mostly arrays of numbers (the calibration's quantile table alone holds
/// thousands), and Foundation's encoder spends several hundred nanoseconds of container
/// bookkeeping on each; in a batch of many series that was a tenth of the time per series.
/// Here arrays of `Double` and `Int` are written directly, and everything else goes through
/// `Encodable` into a small tree. Keys sort by their UTF-8 bytes, numbers print as Swift's
/// shortest round-trip form without a trailing ".0", exactly as Foundation does (tests
/// compare the two byte for byte), so model files do not change with the encoder.
struct ArtifactJSONEncoder {
  /// The JSON text of `value`, without a final newline.
  /// - Throws: `EncodingError.invalidValue` for a non-finite number.
  func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let node = try JSONTree.node(for: value, codingPath: [])
    var output: [UInt8] = []
    output.reserveCapacity(1 << 16)
    JSONTree.write(node, indent: 0, into: &output)
    return output
  }
}

/// The tree an `Encodable` value is encoded into before it is written.
enum JSONTree {
  case null
  case bool(Bool)
  /// A number's text, already formatted.
  case number(String)
  case string(String)
  case array(ArrayBox)
  /// An array of finite numbers, formatted as it is written (no string per number).
  case doubles([Double])
  case object(ObjectBox)

  final class ArrayBox {
    var items: [JSONTree] = []
  }

  final class ObjectBox {
    var entries: [(key: String, value: JSONTree)] = []

    /// Sets `key`, replacing an earlier value of the same key (as Foundation does). Types
    /// encode a key once, so the scan for a repeat is over a handful of entries.
    func set(_ node: JSONTree, for key: String) {
      if let index = entries.firstIndex(where: { $0.key == key }) {
        entries[index].value = node
      } else {
        entries.append((key, node))
      }
    }
  }

  /// The node of one value: numbers and arrays of numbers directly, the rest by `encode(to:)`.
  static func node<T: Encodable>(for value: T, codingPath: [any CodingKey]) throws -> JSONTree {
    switch value {
    case let number as Double: return .number(try format(number, codingPath))
    case let numbers as [Double]:
      for number in numbers where !number.isFinite { _ = try format(number, codingPath) }
      return .doubles(numbers)
    case let number as Int: return .number(String(number))
    case let numbers as [Int]:
      let box = ArrayBox()
      box.items = numbers.map { .number(String($0)) }
      return .array(box)
    case let text as String: return .string(text)
    case let flag as Bool: return .bool(flag)
    default:
      let encoder = TreeEncoder(codingPath: codingPath)
      try value.encode(to: encoder)
      // A type that encodes nothing is an empty object, as with Foundation.
      return encoder.root ?? .object(ObjectBox())
    }
  }

  /// Swift's shortest round-trip text without a trailing ".0" ("2.0" → "2", "-0.0" → "-0").
  static func format<Number: BinaryFloatingPoint & CustomStringConvertible & Encodable>(
    _ value: Number, _ codingPath: [any CodingKey]
  ) throws -> String {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value,
        EncodingError.Context(codingPath: codingPath, debugDescription: "non-finite number"))
    }
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// Pretty form: two spaces per level, `"key" : value`, empty containers on two lines.
  static func write(_ node: JSONTree, indent: Int, into output: inout [UInt8]) {
    switch node {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): writeString(text, into: &output)
    case .array(let box):
      writeArray(box.items, indent: indent, into: &output) { item, output in
        write(item, indent: indent + 2, into: &output)
      }
    case .doubles(let numbers):
      writeArray(numbers, indent: indent, into: &output) { number, output in
        writeNumber(number, into: &output)
      }
    case .object(let box):
      output.append(UInt8(ascii: "{"))
      output.append(newline)
      let sorted = box.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      for (index, entry) in sorted.enumerated() {
        if index > 0 { separate(&output) }
        pad(indent + 2, &output)
        writeString(entry.key, into: &output)
        output.append(contentsOf: " : ".utf8)
        write(entry.value, indent: indent + 2, into: &output)
      }
      output.append(newline)
      pad(indent, &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static let newline = UInt8(ascii: "\n")

  /// `[`, each item on its own line one level deeper, `]` (an empty array on two lines).
  private static func writeArray<Item>(
    _ items: [Item], indent: Int, into output: inout [UInt8],
    item writeItem: (Item, inout [UInt8]) -> Void
  ) {
    output.append(UInt8(ascii: "["))
    output.append(newline)
    for (index, item) in items.enumerated() {
      if index > 0 { separate(&output) }
      pad(indent + 2, &output)
      writeItem(item, &output)
    }
    output.append(newline)
    pad(indent, &output)
    output.append(UInt8(ascii: "]"))
  }

  private static func pad(_ count: Int, _ output: inout [UInt8]) {
    for _ in 0..<count { output.append(UInt8(ascii: " ")) }
  }

  /// ",\n" between the items of a container.
  private static func separate(_ output: inout [UInt8]) {
    output.append(UInt8(ascii: ","))
    output.append(newline)
  }

  /// A finite number as `format` writes it, straight from its description's bytes.
  private static func writeNumber(_ value: Double, into output: inout [UInt8]) {
    var text = value.description
    text.withUTF8 { bytes in
      let n = bytes.count
      let trailingZero = n >= 2 && bytes[n - 2] == UInt8(ascii: ".") && bytes[n - 1] == UInt8(ascii: "0")
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<(trailingZero ? n - 2 : n)]))
    }
  }

  /// Quotes and escapes: `"` and `\`, the short escapes \b \f \n \r \t, other control
  /// characters as \u00xx; "/" and non-ASCII characters are written as they are.
  private static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
      case 0x08: output.append(contentsOf: "\\b".utf8)
      case 0x0C: output.append(contentsOf: "\\f".utf8)
      case 0x0A: output.append(contentsOf: "\\n".utf8)
      case 0x0D: output.append(contentsOf: "\\r".utf8)
      case 0x09: output.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "\\u00".utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
