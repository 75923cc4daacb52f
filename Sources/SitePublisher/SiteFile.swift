/// One file of a rendered site: a relative, "/"-separated path and its bytes.
public struct SiteFile: Sendable, Equatable {
  /// The path inside the site folder, e.g. `documents/QP-004.html`.
  public var path: String
  /// The file's contents.
  public var bytes: [UInt8]

  /// Creates a file.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
