import Foundation

/// JSON encoding for command output: sorted keys and pretty printing, so that the same input
/// gives byte-identical output (diffable, cacheable, testable).
enum JSONOutput {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      // Our report types contain only strings, integers and finite doubles.
      throw InternalError("cannot encode \(type(of: value)) as JSON: \(error)")
    }
  }
}
