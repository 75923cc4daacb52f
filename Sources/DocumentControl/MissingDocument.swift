import DocumentModel
import GitStore

extension DocumentRepository {
  /// Why `text` names no committed document, with the fix: the file is in the work tree but not committed,
  /// or the id is one typo away from a committed one.
  func missingDocument(_ text: String, inventory: Inventory?, policy: Policy?) -> ControlError {
    let committed =
      inventory
      ?? (try? commit(nil)).flatMap { head in
        (try? self.policy(at: head)).flatMap { try? self.inventory(at: head, policy: $0.policy) }
      }
    let selection = policy ?? (try? commit(nil)).flatMap { try? self.policy(at: $0).policy }
    if let id = DocumentID(text), committed?.documents[id] == nil, let selection,
      let path = workTreeDocuments(policy: selection)[id]
    {
      return .uncommittedDocument(id: id.rawValue, path: path)
    }
    let known = committed.map { $0.documents.keys.map(\.rawValue).sorted() } ?? []
    return .unknownDocument(id: text, nearest: nearest(text, among: known))
  }

  /// `error` with a hint added when it is an unknown id: what `sop approve` and the other commands that
  /// look documents up in the committed inventory say.
  public func explained(_ error: ControlError) -> ControlError {
    guard case .unknownDocument(let id, nil) = error, id != DocumentID.policy.rawValue else { return error }
    return missingDocument(id, inventory: nil, policy: nil)
  }
}
