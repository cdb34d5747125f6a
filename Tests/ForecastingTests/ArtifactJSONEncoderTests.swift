import Foundation
import Testing
import TestSupport

@testable import Modeling

/// The model encoder must write exactly what Foundation's encoder writes with the model
/// file's options, so that model files do not depend on which of the two wrote them.
@Suite("Artifact JSON encoder")
struct ArtifactJSONEncoderTests {
  static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .throw
    return Array(try encoder.encode(value))
  }

  /// Keys that sort differently by case, by bytes and by numbers; escapes; empty containers;
  /// integral, negative-zero, tiny and huge doubles; optionals; nesting; integer widths.
  struct EdgeCases: Encodable {
    var b = "x"
    var B = 1
    var a10 = 2.0
    var a9 = 1e16
    var _x = -0.0
    var empty = [Double]()
    var emptyObject: [String: Int] = [:]
    var absent: Int? = nil
    var present: Int? = 3
    var text = "q\"\\/\n\t\u{1}\u{1F}é😀\r\u{8}\u{c}"
    var byName: [String: Double] = [
      "b": 0.1, "A": 1e-5, "a": 123_456_789_012_345_680, "ä": 2.5, "a_b": 1, "aB": 3, "a-b": 4,
    ]
    var nestedArrays = [[1.0, 2.5], []]
    var nestedObjects = [["k": [1]]]
    var flag = true
    var big = Int64.max
    var small = Int8.min
    var unsigned = UInt64.max
    var single: Float = 0.1
    var byIndex: [Int: String] = [2: "two", 10: "ten"]
  }

  @Test("edge cases are written byte for byte as Foundation writes them")
  func edgeCasesMatchFoundation() throws {
    #expect(try ArtifactJSONEncoder().encode(EdgeCases()) == Self.foundation(EdgeCases()))
  }

  @Test("random doubles of every magnitude are written as Foundation writes them")
  func doublesMatchFoundation() throws {
    var rng = SplitMix64(seed: 41)
    let values = (0..<2_000).map { k -> Double in
      let mantissa = rng.normal()
      let exponent = Double(Int(rng.uniform() * 80) - 40)
      return k % 7 == 0 ? (mantissa * 1e6).rounded() : mantissa * pow(10, exponent)
    }
    #expect(try ArtifactJSONEncoder().encode(values) == Self.foundation(values))
  }

  @Test("the committed default model re-encodes to its own bytes and to Foundation's")
  func committedModelMatches() throws {
    let path = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let model = try ModelFile.decode(data, file: path)
    let encoded = try ModelFile.encode(model)
    #expect(Array(encoded.dropLast()) == (try Self.foundation(model)))
    #expect(encoded == data)
  }

  @Test("a non-finite number is refused with its coding path")
  func nonFiniteIsRefused() {
    struct Holder: Encodable { var values = [1.0, .nan] }
    #expect(throws: EncodingError.self) { try ArtifactJSONEncoder().encode(Holder()) }
    #expect(throws: EncodingError.self) { try ArtifactJSONEncoder().encode(Double.infinity) }
  }
}
