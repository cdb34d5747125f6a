import Foundation
import LinearAlgebra
import TestSupport

/// Test inputs: NIST StRD files read in place, and seeded planted problems.
enum TestData {
  /// The columns of a numeric CSV with a header line, by header name.
  static func csvColumns(_ relative: String) throws -> [String: [Double]] {
    let text = try String(contentsOf: ProjectPaths.shared(relative), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
    let header = lines[0].split(separator: ",").map(String.init)
    var columns = [String: [Double]](uniqueKeysWithValues: header.map { ($0, []) })
    for line in lines.dropFirst() {
      for (name, field) in zip(header, line.split(separator: ",")) {
        columns[name]!.append(Double(field)!)
      }
    }
    return columns
  }

  /// NIST certified values for one data set.
  struct Certified: Decodable {
    let beta: [Double]
    let sd: [Double]
    let residual_sd: Double
    let r_squared: Double
  }

  static func certified(_ name: String) throws -> Certified {
    let data = try Data(contentsOf: ProjectPaths.shared("nist-strd/certified.json"))
    let all = try JSONDecoder().decode([String: AnyCertified].self, from: data)
    return all[name]!.value!
  }

  /// Decodes entries that are certified blocks and skips the "source" string.
  private struct AnyCertified: Decodable {
    let value: Certified?
    init(from decoder: any Decoder) throws {
      value = try? Certified(from: decoder)
    }
  }

  /// Longley: y on an intercept and x1…x6.
  static func longley() throws -> (x: Matrix, y: [Double]) {
    let c = try csvColumns("nist-strd/longley.csv")
    let y = c["y"]!
    var columns = [[Double]](repeating: [Double](repeating: 1, count: y.count), count: 1)
    for k in 1...6 { columns.append(c["x\(k)"]!) }
    return (try Matrix(columns: columns), y)
  }

  /// Filip: y on 1, x, x², …, x¹⁰ (powers computed from x, as NIST instructs).
  static func filip() throws -> (x: Matrix, y: [Double]) {
    let c = try csvColumns("nist-strd/filip.csv")
    let x = c["x"]!
    let columns = (0...10).map { k in x.map { pow($0, Double(k)) } }
    return (try Matrix(columns: columns), c["y"]!)
  }

  /// A planted problem: n × p design of N(0,1) entries (first column all ones), coefficients
  /// βⱼ = j + 1 − p/2 and N(0, noise²) errors. Well conditioned by construction.
  static func planted(
    rows n: Int, columns p: Int, noise: Double, seed: UInt64
  ) -> (x: Matrix, y: [Double], beta: [Double]) {
    var rng = SplitMix64(seed: seed)
    var x = Matrix(rows: n, columns: p)
    for j in 0..<p {
      for i in 0..<n { x[i, j] = j == 0 ? 1 : rng.normal() }
    }
    let beta = (0..<p).map { Double($0 + 1) - Double(p) / 2 }
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var value = noise * rng.normal()
      for j in 0..<p { value += x[i, j] * beta[j] }
      y[i] = value
    }
    return (x, y, beta)
  }

  /// X·β.
  static func multiply(_ x: Matrix, _ beta: [Double]) -> [Double] {
    (0..<x.rows).map { i in (0..<x.columns).reduce(0) { $0 + x[i, $1] * beta[$1] } }
  }
}

/// |a − b| / |b|: the relative error against a reference value.
func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

/// Largest |aᵢ − bᵢ| / max(|bᵢ|, floor), with the floor guarding against tiny references.
func maxRelativeError(_ a: [Double], _ b: [Double], floor: Double = 1e-300) -> Double {
  precondition(a.count == b.count)
  return zip(a, b).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
}
