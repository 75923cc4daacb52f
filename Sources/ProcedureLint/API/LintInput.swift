import DocumentModel
import Foundation

/// A file to lint: its repository-relative path and its raw bytes.
public struct LintFile: Sendable {
  /// The path relative to the repository root, `/`-separated; used for links and messages.
  public var path: String
  /// The file's bytes, exactly as read.
  public var data: Data

  /// Creates a file to lint.
  public init(path: String, data: Data) {
    self.path = path
    self.data = data
  }
}

/// A document the linter may see referenced, whether or not it is linted in this run.
public struct KnownDocument: Sendable, Hashable {
  /// The document's id.
  public var id: DocumentID
  /// Its path relative to the repository root.
  public var path: String
  /// Whether it is active or obsolete.
  public var status: DocumentStatus
  /// Its title, when known: references by title ("SOP Internal Auditing") are checked only when every
  /// known document has one.
  public var title: String?

  /// Creates a known document.
  public init(id: DocumentID, path: String, status: DocumentStatus = .active, title: String? = nil) {
    self.id = id
    self.path = path
    self.status = status
    self.title = title
  }
}
