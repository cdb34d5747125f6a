/// Requests served, by route and status, for `/metrics`.
///
/// Paths outside the known routes count as `other`, so a client probing random URLs cannot
/// grow the label set without bound.
final class RequestCounters: Sendable {
  static let routes: Set<String> = [
    "/v1/recommendation", "/v1/recommendation/keda", "/v1/forecast", "/metrics", "/healthz",
    "/readyz",
  ]
  private let counts = Locked<[Key: Int]>([:])

  struct Key: Hashable, Comparable {
    var route: String
    var status: Int
    static func < (a: Key, b: Key) -> Bool { (a.route, a.status) < (b.route, b.status) }
  }

  func record(path: String, status: Int) {
    let route = Self.routes.contains(path) ? path : "other"
    counts.update { $0[Key(route: route, status: status), default: 0] += 1 }
  }

  /// Every (route, status) with its count, sorted.
  func snapshot() -> [(Key, Int)] {
    counts.get().sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}
