import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// The content of a document (front matter included) that `selector` names (HEAD when nil): a commit,
  /// `rN`, `published/N` or `work` (see `ContentSelector`).
  public func show(id text: String, at selector: String?) throws(ControlError) -> [UInt8] {
    let parsed = ContentSelector(selector ?? "HEAD")
    if parsed == .revision(0) {
      throw .invalidArgument("r0 is the empty content before revision 1; show r1 or later (see 'sop log \(text)')")
    }
    return try content(of: text, at: parsed).bytes
  }
}
