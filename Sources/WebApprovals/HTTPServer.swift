import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat

/// Serves `ApprovalServer` over HTTP/1.1 with Hummingbird 2; the only file that knows the HTTP library.
/// TLS is the reverse proxy's job (docs/serve.md): the server listens on loopback by default.
public enum HTTPServer {
  /// Runs until the process is stopped. `onListening` gets the address once the socket is bound.
  public static func run(
    _ server: ApprovalServer, host: String, port: Int, onListening: @escaping @Sendable (String) -> Void
  ) async throws {
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      var request = request
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: ApprovalServer.bodyLimit)
      } catch {
        return Response(status: .contentTooLarge)
      }
      var headers: [String: String] = [:]
      for field in request.headers {
        let name = field.name.canonicalName
        // Repeated fields are joined the way HTTP allows (cookies with "; ").
        let separator = name == "cookie" ? "; " : ", "
        headers[name] = headers[name].map { $0 + separator + field.value } ?? field.value
      }
      var query: [String: String] = [:]
      for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
      let answer = await server.handle(
        WebRequest(
          method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
          body: Data(buffer: body)))
      var fields = HTTPFields()
      for (name, value) in answer.headers {
        if let field = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: field, value: value)) }
      }
      return Response(
        status: HTTPResponse.Status(code: answer.status), headers: fields,
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
    let application = Application(
      responder: responder,
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "sop"),
      onServerRunning: { channel in onListening("\(channel.localAddress.map { "\($0)" } ?? "\(host):\(port)")") },
      logger: {
        var logger = Logger(label: "sop-serve")
        logger.logLevel = .warning
        return logger
      }())
    try await application.runService()
  }
}
