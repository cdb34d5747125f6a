import Foundation
import TestSupport
import Testing

/// `surgecast serve` on a loopback port: every endpoint, JSON errors, and a new model version
/// swapped in during a burst of requests without one failed request.
@Suite("serve end to end", .serialized)
struct ServeEndToEndTests {
  /// A running server on a free port, with its own registry folder.
  final class Server: @unchecked Sendable {
    let directory: TemporaryDirectory
    let serve: ServeProcess
    var port: Int { serve.port }

    init() throws {
      directory = try TemporaryDirectory()
      let folder = directory.url.appendingPathComponent("registry/traffic-1h")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json"),
        to: folder.appendingPathComponent("v1.json"))
      serve = try ServeProcess(
        [
          "--registry", directory.path("registry"), "--model", "traffic-1h",
          "--capacity-per-replica", "0.5/s", "--reload-interval", "1s",
          "--now", "2025-12-01T09:30:00+09:00",
        ], stderrPath: directory.path("stderr"))
    }

    func get(_ path: String) async throws -> (status: Int, body: Data) {
      try await serve.get(path)
    }

    /// Publishes the same model as version 2, atomically (write beside, then rename).
    func publishVersion2() throws {
      try ServeProcess.publishVersion2(
        of: directory.url.appendingPathComponent("registry/traffic-1h"))
    }

    func stop() {
      serve.stop()
      directory.cleanUp()
    }
  }

  static func object(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func everyEndpointAnswers() async throws {
    let server = try Server()
    defer { server.stop() }
    let recommendation = try await server.get("/v1/recommendation")
    #expect(recommendation.status == 200)
    let document = try Self.object(recommendation.body)
    #expect(document["schema_version"] as? Int == 1)
    #expect((document["schedule"] as? [Any])?.isEmpty == false)
    let keda = try Self.object(try await server.get("/v1/recommendation/keda").body)
    let replicas = try #require(keda["replicas"] as? Int)
    #expect(replicas >= 2)
    let forecast = try await server.get("/v1/forecast?horizon=6h&quantiles=0.1,0.9")
    #expect(forecast.status == 200)
    #expect((try Self.object(forecast.body)["rows"] as? [Any])?.count == 6)
    let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
    #expect(metrics.contains("surgecast_recommended_replicas{series=\"traffic-1h\"} \(replicas)"))
    #expect(metrics.contains("surgecast_http_requests_total{route=\"/v1/forecast\",status=\"200\"} 1"))
    #expect(try await server.get("/healthz").status == 200)
    #expect(try await server.get("/readyz").status == 200)
    for bad in ["/v1/forecast?horizon=soon", "/v1/forecast?quantiles=2", "/v1/forecast?horizon=9999d",
      "/../../etc/passwd", "/v1/recommendation/../../Models"]
    {
      let answer = try await server.get(bad)
      #expect((400..<500).contains(answer.status), "\(bad): \(answer.status)")
      let error = try Self.object(answer.body)["error"] as? [String: Any]
      #expect(error?["message"] is String, "\(bad)")
    }
  }

  @Test func aNewVersionIsSwappedInDuringABurstWithoutAFailedRequest() async throws {
    let server = try Server()
    defer { server.stop() }
    var seen: Set<String> = []
    var failures = 0
    var requests = 0
    var published = false
    let deadline = Date().addingTimeInterval(20)
    while !seen.contains("traffic-1h@v2") && Date() < deadline {
      if requests >= 200 && !published {
        try server.publishVersion2()
        published = true
      }
      let results = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
        for _ in 0..<20 {
          group.addTask {
            let answer = try? await server.get("/v1/recommendation")
            let model = answer.flatMap { try? Self.object($0.body)["model"] as? [String: Any] }
            return (answer?.status ?? 0, model?["name"] as? String)
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      for (status, name) in results {
        requests += 1
        if status != 200 || name == nil { failures += 1 }
        if let name { seen.insert(name) }
      }
    }
    #expect(failures == 0, "\(failures) of \(requests) requests failed")
    #expect(seen == ["traffic-1h@v1", "traffic-1h@v2"])
    #expect(requests > 200)
    let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
    #expect(metrics.contains("surgecast_model_reloads_total 1"))
  }
}
