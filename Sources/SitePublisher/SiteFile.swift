/// One file of a rendered site: a relative, "/"-separated path and its bytes.
public struct SiteFile: Sendable, Equatable {
  /// The path inside the site folder, e.g. `documents/QP-004.html`.
  public var path: String
  /// The file's contents; empty when `previous` is set.
  public var bytes: [UInt8]
  /// Set when the file is the previous site's file at the same path, unchanged since the site-file record took
  /// this identity of it, which held exactly the file's bytes (`PageReuse.unchanged`): the writer links that file
  /// without reading it, and fails with `SiteWriteError.previousFileChanged` if it no longer has this identity.
  public var previous: FileIdentity?

  /// Creates a file.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The previous site's file at `path`, known by its identity (see `previous`).
  public init(path: String, unchanged identity: FileIdentity) {
    self.path = path
    self.bytes = []
    self.previous = identity
  }
}
