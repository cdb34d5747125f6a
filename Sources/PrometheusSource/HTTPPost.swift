import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP POST and its answer, through one AsyncHTTPClient client for the process: the
/// Prometheus range queries and the surge detector's webhook.
///
/// Why not `URLSession`: on Linux it lives in `FoundationNetworking`, which links libcurl and
/// about thirty libraries behind it (TLS, Kerberos, LDAP, IDN …). The dynamic loader mapped and
/// bound them at the start of every `surgecast` process, about 5 ms each time, though most
/// commands never open a connection. AsyncHTTPClient is built on SwiftNIO, which
/// `surgecast serve` already uses, and carries its own TLS.
public enum HTTPPost {
  /// What the server answered.
  public struct Answer: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The whole body.
    public var body: Data
  }

  /// One client for the process, never shut down (it lives as long as the process).
  ///
  /// Unlike AsyncHTTPClient's shared client, it does not retry a refused or failed connection
  /// until the request's deadline: a command should say at once that nothing listens there,
  /// and the watch's polling loop already tries again at its next interval.
  private static let client: HTTPClient = {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
  }()

  /// Bodies larger than this are refused rather than held in memory (a range query is capped
  /// at `PrometheusClient.maxPointsPerRequest` points per series, far below it).
  public static let maximumBodyBytes = 512 << 20

  /// Sends `body` to `url` and waits, without blocking a thread, for the whole answer or
  /// `timeout` seconds.
  public static func send(to url: URL, contentType: String, body: Data, timeout: Double)
    async throws -> Answer
  {
    var request = HTTPClientRequest(url: url.absoluteString)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: contentType)
    request.body = .bytes(ByteBuffer(bytes: body))
    let response = try await client.execute(request, timeout: deadline(timeout))
    let buffer = try await response.body.collect(upTo: maximumBodyBytes)
    return Answer(status: Int(response.status.code), body: Data(buffer.readableBytesView))
  }

  /// As ``send(to:contentType:body:timeout:)``, blocking the calling thread: for commands
  /// that read their input synchronously. Must not be called on one of SwiftNIO's event loops.
  public static func sendWaiting(to url: URL, contentType: String, body: Data, timeout: Double)
    throws -> Answer
  {
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: contentType)
    let request = try HTTPClient.Request(
      url: url.absoluteString, method: .POST, headers: headers, body: .bytes(body))
    let response = try client.execute(
      request: request, deadline: .now() + deadline(timeout)
    ).wait()
    let bytes = response.body.map { Data($0.readableBytesView) } ?? Data()
    return Answer(status: Int(response.status.code), body: bytes)
  }

  /// A one-line reason for a failed exchange, in words: "Connection refused", "could not
  /// resolve the host name", "timed out", "TLS handshake failed: …", rather than the error
  /// types' layouts.
  public static func reason(_ error: any Error) -> String {
    let text: String
    switch error {
    case let io as IOError:
      text = String(cString: strerror(io.errnoCode))
    case let connection as NIOConnectionError:
      let causes = connection.connectionErrors.map { "\($0.target): \(reason($0.error))" }
      if !causes.isEmpty {
        text = causes.joined(separator: "; ")
      } else if connection.dnsAError != nil || connection.dnsAAAAError != nil {
        text = "could not resolve the host name \(connection.host)"
      } else {
        text = "cannot connect to \(connection.host):\(connection.port)"
      }
    case let client as HTTPClientError
    where client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout:
      text = "timed out (\(client))"
    default:
      let description = String(describing: error)
      // NIOSSL's handshake errors print BoringSSL's whole error stack; the verification
      // failure is the one a user can act on (a private CA missing from the trust store).
      if description.contains("CERTIFICATE_VERIFY_FAILED") {
        text = "TLS handshake failed: the server's certificate is not trusted by this machine"
      } else if description.hasPrefix("handshakeFailed") {
        text = "TLS handshake failed: \(description)"
      } else {
        text = description
      }
    }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  private static func deadline(_ seconds: Double) -> TimeAmount {
    .milliseconds(Int64((max(0.001, seconds) * 1_000).rounded()))
  }
}
