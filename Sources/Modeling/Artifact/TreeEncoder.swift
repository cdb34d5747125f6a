/// The `Encoder` behind `ArtifactJSONEncoder`: records what a type encodes as a `JSONTree`.
///
/// Containers write into reference boxes, so nested containers and containers asked for
/// again (as Foundation allows) all reach the same node.
final class TreeEncoder: Encoder {
  let codingPath: [any CodingKey]
  let userInfo: [CodingUserInfoKey: Any] = [:]
  /// What was encoded; nil if nothing was.
  var root: JSONTree?

  init(codingPath: [any CodingKey]) {
    self.codingPath = codingPath
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedTreeContainer<Key>(box: objectBox(), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedTreeContainer(box: arrayBox(), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleTreeContainer(encoder: self)
  }

  func objectBox() -> JSONTree.ObjectBox {
    if case .object(let box) = root { return box }
    let box = JSONTree.ObjectBox()
    root = .object(box)
    return box
  }

  func arrayBox() -> JSONTree.ArrayBox {
    if case .array(let box) = root { return box }
    let box = JSONTree.ArrayBox()
    root = .array(box)
    return box
  }
}

/// A key in a coding path for array elements and super encoders.
private struct TreeKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(intValue: Int) {
    stringValue = "Index \(intValue)"
    self.intValue = intValue
  }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: JSONTree.ObjectBox
  let codingPath: [any CodingKey]

  /// Sets `key`, replacing an earlier value of the same key (as Foundation does).
  private func set(_ node: JSONTree, for key: Key) {
    box.set(node, for: key.stringValue)
  }

  mutating func encodeNil(forKey key: Key) throws { set(.null, for: key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), for: key) }
  mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), for: key) }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    set(.number(try JSONTree.format(value, codingPath + [key])), for: key)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    set(.number(try JSONTree.format(value, codingPath + [key])), for: key)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    set(.number(String(value)), for: key)
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(String(value)), for: key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    set(try JSONTree.node(for: value, codingPath: codingPath + [key]), for: key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONTree.ObjectBox()
    set(.object(nested), for: key)
    return KeyedEncodingContainer(
      KeyedTreeContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONTree.ArrayBox()
    set(.array(nested), for: key)
    return UnkeyedTreeContainer(box: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    superEncoder(named: TreeKey(stringValue: "super"))
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    superEncoder(named: key)
  }

  private func superEncoder(named key: any CodingKey) -> any Encoder {
    let encoder = TreeEncoder(codingPath: codingPath + [key])
    box.set(.object(encoder.objectBox()), for: key.stringValue)
    return encoder
  }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
  let box: JSONTree.ArrayBox
  let codingPath: [any CodingKey]
  var count: Int { box.items.count }

  private var nextPath: [any CodingKey] { codingPath + [TreeKey(intValue: box.items.count)] }

  mutating func encodeNil() throws { box.items.append(.null) }
  mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
  mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
  mutating func encode(_ value: Double) throws {
    box.items.append(.number(try JSONTree.format(value, nextPath)))
  }
  mutating func encode(_ value: Float) throws {
    box.items.append(.number(try JSONTree.format(value, nextPath)))
  }
  mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
  mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    box.items.append(try JSONTree.node(for: value, codingPath: nextPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let path = nextPath
    let nested = JSONTree.ObjectBox()
    box.items.append(.object(nested))
    return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(box: nested, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = nextPath
    let nested = JSONTree.ArrayBox()
    box.items.append(.array(nested))
    return UnkeyedTreeContainer(box: nested, codingPath: path)
  }

  mutating func superEncoder() -> any Encoder {
    let encoder = TreeEncoder(codingPath: nextPath)
    box.items.append(.object(encoder.objectBox()))
    return encoder
  }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
  let encoder: TreeEncoder
  var codingPath: [any CodingKey] { encoder.codingPath }

  mutating func encodeNil() throws { encoder.root = .null }
  mutating func encode(_ value: Bool) throws { encoder.root = .bool(value) }
  mutating func encode(_ value: String) throws { encoder.root = .string(value) }
  mutating func encode(_ value: Double) throws {
    encoder.root = .number(try JSONTree.format(value, codingPath))
  }
  mutating func encode(_ value: Float) throws {
    encoder.root = .number(try JSONTree.format(value, codingPath))
  }
  mutating func encode(_ value: Int) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: Int64) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: Int8) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: Int16) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: Int32) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: UInt) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: UInt8) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: UInt16) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: UInt32) throws { encoder.root = .number(String(value)) }
  mutating func encode(_ value: UInt64) throws { encoder.root = .number(String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    encoder.root = try JSONTree.node(for: value, codingPath: codingPath)
  }
}
