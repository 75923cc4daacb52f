import DocumentModel
import GitStore
import Signatures

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

  /// `error` with a hint added: for an unknown id, the uncommitted file or the nearest id; for a key no one
  /// has in the policy in effect, whether the committed `sop.yml` adds it in a change not approved yet.
  public func explained(_ error: ControlError) -> ControlError {
    switch error {
    case .unknownDocument(let id, nil) where id != DocumentID.policy.rawValue:
      return missingDocument(id, inventory: nil, policy: nil)
    case .unregisteredKey(let fingerprint):
      guard let head = try? commit(nil), let committed = try? policy(at: head).policy,
        let person = committed.people.first(where: { person in
          person.keys.contains { (try? SSHPublicKey(authorizedKey: $0))?.fingerprint == fingerprint }
        })
      else { return error }
      return .refused(
        "key \(fingerprint) is \(person.email)'s in the committed sop.yml, but that change is not in effect yet: "
          + "an admin must approve it first (sop approve POLICY; see 'sop status')")
    default:
      return error
    }
  }
}
