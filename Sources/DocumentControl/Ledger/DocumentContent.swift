import Crypto
import DocumentModel
import Foundation
import GitStore

/// A document's controlled content: its blob and its attachments (docs/approvals.md, "Attachments").
///
/// Signatures, revisions and states are keyed by the content key: the blob itself for a document without
/// attachments (so such documents behave exactly as before), else a digest of the blob and every
/// attachment's path and blob.
enum DocumentContent {
  /// The key of content `blob` with `attachments` (repository path → blob).
  static func key(blob: ObjectID, attachments: [String: ObjectID]) -> ObjectID {
    guard !attachments.isEmpty else { return blob }
    var text = "sop-content 1\n\(blob.hex)\n"
    // Paths are length-prefixed: a path may hold any byte but NUL, tabs and newlines included.
    for (path, attachment) in attachments.sorted(by: { $0.key < $1.key }) {
      text += "\(path.utf8.count) \(path) \(attachment.hex)\n"
    }
    let digest = SHA256.hash(data: Data(text.utf8))
    let hex = digest.prefix(20).map { String(format: "%02x", $0) }.joined()
    return ObjectID(hex: hex)!
  }

  /// The attachments of the document at `path` with `body`: each relative link target that is a regular,
  /// non-Markdown file, by repository path (`file` looks an entry up in the same tree).
  static func attachments(
    body: String, path: String, file: (String) throws(GitError) -> TreeFile?
  ) throws(GitError) -> [String: ObjectID] {
    var found: [String: ObjectID] = [:]
    for candidate in AttachmentLinks.candidatePaths(body: body, documentPath: path) {
      guard let entry = try file(candidate), entry.isRegularFile else { continue }
      found[candidate] = entry.blob
    }
    return found
  }
}
