import Autoscaling
import Forecasting
import Foundation
import Hummingbird
import Modeling

/// `surgecast serve`: live recommendations, forecasts and metrics over HTTP (Hummingbird 2).
///
/// Routes (all GET; JSON with sorted keys unless noted):
/// - `/v1/recommendation`: the `recommend --format json` document for the interval holding now
///   (with `settings.live`, plus the surge detector's state and response: `SurgeResponse`);
/// - `/v1/recommendation/keda`: the document KEDA's metrics-api scaler reads (`replicas`);
/// - `/v1/forecast?horizon=24h&quantiles=0.1,0.9`: the forecast from the model's origin;
/// - `/metrics`: Prometheus text; `/healthz`, `/readyz`.
/// Every error is a 4xx/5xx with `{"error":{"message":…}}`. The server reads only the
/// registry folder, and only the one model it was started with: nothing in a request names
/// a file.
public enum SurgecastServer {
  /// Loads the model, binds, calls `onListening(host, port)` and serves until SIGINT/SIGTERM.
  /// - Throws: the registry's and the recommendation's errors before binding; the server's
  ///   own (e.g. the port is taken).
  public static func run(
    _ settings: ServerSettings, onListening: @escaping @Sendable (String, Int) -> Void
  ) async throws {
    let reloader = ModelReloader(settings: settings, initial: try ModelReloader.load(settings))
    // The detector is warmed before binding: a query that cannot be answered stops the start
    // with Prometheus's message, and the first recommendation already includes the surge state.
    var detector: (SurgeMonitor, SurgeMonitor.Tracker)?
    if let live = settings.live {
      let monitor = SurgeMonitor(settings: settings, live: live, reloader: reloader)
      detector = (monitor, try await monitor.start(reloader.current.get().stored))
    }
    let counters = RequestCounters()
    let router = Router()
    router.middlewares.add(CountingMiddleware(counters: counters))
    addRoutes(
      router, reloader: reloader, counters: counters, monitor: detector?.0, settings: settings)
    let app = Application(
      router: router,
      configuration: .init(
        address: .hostname(settings.host, port: settings.port), serverName: "surgecast"),
      onServerRunning: { channel in
        onListening(settings.host, channel.localAddress?.port ?? settings.port)
      })
    let watcher = Task { await reloader.run() }
    defer { watcher.cancel() }
    let surgeWatcher = detector.map { monitor, tracker in Task { await monitor.run(tracker) } }
    defer { surgeWatcher?.cancel() }
    try await app.runService()
  }

  static func addRoutes(
    _ router: Router<BasicRequestContext>, reloader: ModelReloader, counters: RequestCounters,
    monitor: SurgeMonitor?, settings: ServerSettings
  ) {
    router.get("/v1/recommendation") { _, _ in
      json(reloader.current.get().recommendation)
    }
    router.get("/v1/recommendation/keda") { _, _ in
      json(reloader.current.get().keda)
    }
    router.get("/v1/forecast") { request, _ in
      let model = reloader.current.get().stored.model
      let query = try ForecastQuery(
        horizon: request.uri.queryParameters.get("horizon"),
        quantiles: request.uri.queryParameters.get("quantiles"), step: model.training.step)
      let forecast = try model.forecast(
        ForecastRequest(
          horizon: query.steps, plannedEvents: settings.plannedEvents,
          quantiles: query.quantiles))
      return json(try ForecastEncoding.json(forecast))
    }
    router.get("/metrics") { _, _ in
      let text = MetricsExposition.render(
        reloader.current.get(), reloader: reloader, counters: counters, monitor: monitor)
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
    router.get("/healthz") { _, _ in json(Data(#"{"status":"ok"}"#.utf8)) }
    router.get("/readyz") { _, _ in
      let served = reloader.current.get()
      return json(try ServerJSON.encode(["status": "ready", "model": served.stored.label]))
    }
  }

  static func json(_ data: Data) -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}

/// Counts every response by route and status, and turns errors without a message (an unknown
/// route, a wrong method) into the same JSON error shape as the others.
struct CountingMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext
  let counters: RequestCounters

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      let response = try await next(request, context)
      counters.record(path: request.uri.path, status: Int(response.status.code))
      return response
    } catch let error as HTTPError {
      counters.record(path: request.uri.path, status: Int(error.status.code))
      if error.body == nil {
        throw HTTPError(error.status, message: error.status.reasonPhrase)
      }
      throw error
    } catch {
      // A forecast that cannot be made (e.g. a planned event the model never saw) is the
      // server's configuration, not the client's request.
      counters.record(path: request.uri.path, status: 500)
      throw HTTPError(.internalServerError, message: String(describing: error))
    }
  }
}
