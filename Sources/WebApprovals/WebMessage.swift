import Foundation

/// A request as the server core sees it, free of any HTTP library so tests can drive every handler directly.
public struct WebRequest: Sendable {
  /// `GET` or `POST` (others are refused).
  public var method: String
  /// The path, without the query.
  public var path: String
  /// Query parameters.
  public var query: [String: String]
  /// Header fields, names lower-cased.
  public var headers: [String: String]
  /// The body (bounded by the transport).
  public var body: Data

  /// Creates a request.
  public init(
    method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: Data = Data()
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    self.body = body
  }

  /// The cookies of the `Cookie` header.
  public var cookies: [String: String] {
    var result: [String: String] = [:]
    for part in (headers["cookie"] ?? "").split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2 { result[pair[0]] = pair[1] }
    }
    return result
  }
}

/// A response from the server core.
public struct WebResponse: Sendable {
  /// The HTTP status code.
  public var status: Int
  /// Header fields in order (`Set-Cookie` may repeat).
  public var headers: [(String, String)]
  /// The body.
  public var body: Data

  /// Creates a response.
  public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The first value of header `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  /// The body as text.
  public var text: String { String(decoding: body, as: UTF8.self) }
}
