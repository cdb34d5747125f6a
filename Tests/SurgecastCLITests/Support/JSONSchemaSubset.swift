import Foundation
import TimeSeries

/// A JSON value decoded strictly (booleans are not numbers), for schema validation.
indirect enum JSONValue: Decodable, Equatable {
  case null, bool(Bool), number(Double), string(String), array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }
}

/// A validator for the subset of JSON Schema (2020-12) that Surgecast's schemas use: `type`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `const`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` and `format: date-time`
/// (checked with Surgecast's own ISO 8601 parser). Any other keyword is reported as an error,
/// so a schema can never rely on a rule this validator silently skips.
struct JSONSchemaSubset {
  let schema: JSONValue

  static let annotations: Set<String> = ["$schema", "$id", "title", "description"]

  /// Every violation, as `path: problem` (empty when the instance is valid).
  func violations(of instance: JSONValue) -> [String] {
    var found: [String] = []
    check(instance, against: schema, path: "$", into: &found)
    return found
  }

  private func check(
    _ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]
  ) {
    guard case .object(let rules) = schema else {
      found.append("\(path): schema is not an object")
      return
    }
    for (keyword, rule) in rules.sorted(by: { $0.key < $1.key }) {
      switch keyword {
      case _ where Self.annotations.contains(keyword): continue
      case "type":
        let allowed: [String]
        switch rule {
        case .string(let name): allowed = [name]
        case .array(let names): allowed = names.compactMap { if case .string(let n) = $0 { n } else { nil } }
        default: allowed = []
        }
        if !allowed.contains(where: { Self.matches(value, type: $0) }) {
          found.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value)")
        }
      case "properties":
        guard case .object(let properties) = rule, case .object(let members) = value else { continue }
        for (name, subschema) in properties.sorted(by: { $0.key < $1.key }) {
          if let member = members[name] {
            check(member, against: subschema, path: "\(path).\(name)", into: &found)
          }
        }
      case "required":
        guard case .array(let names) = rule, case .object(let members) = value else { continue }
        for case .string(let name) in names where members[name] == nil {
          found.append("\(path): missing required '\(name)'")
        }
      case "additionalProperties":
        guard rule == .bool(false), case .object(let members) = value else { continue }
        var known: Set<String> = []
        if case .object(let properties)? = rules["properties"] { known = Set(properties.keys) }
        for name in members.keys.sorted() where !known.contains(name) {
          found.append("\(path): unexpected property '\(name)'")
        }
      case "items":
        guard case .array(let elements) = value else { continue }
        for (i, element) in elements.enumerated() {
          check(element, against: rule, path: "\(path)[\(i)]", into: &found)
        }
      case "enum":
        guard case .array(let options) = rule else { continue }
        if !options.contains(value) { found.append("\(path): \(value) is not one of the enum") }
      case "const":
        if value != rule { found.append("\(path): \(value) is not the constant \(rule)") }
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
        guard case .number(let bound) = rule, case .number(let x) = value else { continue }
        let ok: Bool
        switch keyword {
        case "minimum": ok = x >= bound
        case "maximum": ok = x <= bound
        case "exclusiveMinimum": ok = x > bound
        default: ok = x < bound
        }
        if !ok { found.append("\(path): \(x) violates \(keyword) \(bound)") }
      case "format":
        guard rule == .string("date-time"), case .string(let text) = value else {
          if rule != .string("date-time") { found.append("\(path): unsupported format \(rule)") }
          continue
        }
        if (try? Timestamp.parse(text)) == nil || !text.contains("T") {
          found.append("\(path): '\(text)' is not an ISO 8601 date-time")
        }
      default:
        found.append("\(path): schema keyword '\(keyword)' is not supported by this validator")
      }
    }
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array),
      ("object", .object), ("number", .number):
      return true
    case ("integer", .number(let x)): return x == x.rounded() && x.isFinite
    default: return false
    }
  }
}
