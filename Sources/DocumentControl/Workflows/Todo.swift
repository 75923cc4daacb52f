import DocumentModel
import Foundation
import GitStore
import Signatures

/// Who `sop todo` is for.
public struct TodoPerson: Codable, Sendable {
  /// The email in the policy in effect.
  public var email: String
  /// The printed name.
  public var name: String
}

/// A document the person may sign now.
public struct TodoApproval: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title.
  public var title: String
  /// The revision the content becomes once every role has signed.
  public var revision: Int
  /// The missing roles this person can fill.
  public var roles: [String]
  /// When the change may take the editorial path, the words it changed (`sop approve --editorial`); else nil.
  public var editorialWords: Int?

  enum CodingKeys: String, CodingKey { case id, title, revision, roles, editorialWords }

  /// Encodes every key (`editorialWords` is null off the editorial path).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(revision, forKey: .revision)
    try container.encode(roles, forKey: .roles)
    try container.encode(editorialWords, forKey: .editorialWords)
  }
}

/// A document the person owns whose periodic review is overdue or due soon.
public struct TodoReview: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title.
  public var title: String
  /// ISO 8601 UTC due date.
  public var nextReview: String
  /// Whether it has passed.
  public var overdue: Bool
}

/// An approved document the person must know and has not been trained on in its revision in force.
public struct TodoAcknowledgement: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title.
  public var title: String
  /// The revision in force.
  public var revision: Int
  /// The training deadline (ISO 8601 UTC).
  public var due: String
  /// `due`, `overdue` or `outdated` (docs/training.md).
  public var state: TrainingState
}

/// A pending `sop.yml` change the person, an admin, has not signed.
public struct TodoPolicy: Codable, Sendable {
  /// The blob of the committed `sop.yml`.
  public var blob: String
}

/// The output of `sop todo` (a contract: docs/cli.md).
public struct TodoReport: Codable, Sendable {
  /// Who it is for.
  public var person: TodoPerson
  /// Documents to sign, by id.
  public var approve: [TodoApproval]
  /// Reviews due within `TodoReport.reviewHorizonDays` days or overdue, by id.
  public var review: [TodoReview]
  /// A pending policy change to sign (at most one).
  public var policy: [TodoPolicy]
  /// Approved documents to read and acknowledge (or be trained on), by id.
  public var acknowledge: [TodoAcknowledgement] = []

  /// Reviews due within this many days are listed.
  public static let reviewHorizonDays = 30
}

/// Whom `sop todo` is for: an email, a key file, or git's configuration.
public enum TodoSubject: Sendable {
  /// `--for EMAIL`.
  case email(String)
  /// `--key PATH`.
  case key(String)
  /// git's `user.signingkey`, else `user.email`.
  case gitConfiguration
}

extension DocumentRepository {
  /// What is waiting for one person at HEAD: documents they may sign now, reviews of documents they own
  /// that are overdue or due within 30 days, and a pending `sop.yml` change when they are an admin.
  public func todo(for subject: TodoSubject, now: Date) throws(ControlError) -> TodoReport {
    let state = try committedState(at: nil)
    guard let effective = state.ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    let person = try todoPerson(subject, effective: effective, committedBlob: state.policyBlob)
    var approve: [TodoApproval] = []
    var candidates: [StoredDocument] = []
    var review: [TodoReview] = []
    let horizon = now.addingTimeInterval(TimeInterval(TodoReport.reviewHorizonDays * 86_400))
    for stored in state.inventory.documents.values.sorted(by: { $0.id < $1.id }) {
      let history = state.ledger.documents[stored.id] ?? DocumentHistory()
      let entry = statusEntry(stored, history: history, policy: state.rules, effective: effective, now: now)
      let frontMatter = stored.document.frontMatter
      if !entry.missing.isEmpty, state.inventory.ambiguous[stored.id] == nil,
        !(history.pending[stored.contentKey] ?? []).contains(where: {
          $0.email.caseInsensitiveCompare(person.email) == .orderedSame
        }),
        case .success(.approval(let eligible)) = ApprovalRules.judgeSigner(
          person, id: stored.id, contentKey: stored.contentKey, content: frontMatter, history: history,
          policy: state.rules)
      {
        let roles = entry.missing.filter(eligible.contains)
        if !roles.isEmpty {
          candidates.append(stored)
          approve.append(
            TodoApproval(
              id: entry.id, title: entry.title, revision: history.revisions.count + 1, roles: roles,
              editorialWords: entry.editorial?.words))
        }
      }
      if frontMatter.owner.caseInsensitiveCompare(person.email) == .orderedSame, let next = entry.nextReview,
        let date = ISO8601DateFormatter().date(from: next), date <= horizon
      {
        review.append(TodoReview(id: entry.id, title: entry.title, nextReview: next, overdue: entry.reviewOverdue))
      }
    }
    // Content with lint errors is refused by `approve` (one lint pass, as there): it waits for its author.
    let blocking = try blockingFindings(
      for: candidates, at: try commit(nil), inventory: state.inventory, policy: state.rules)
    let blocked = Set(candidates.map(\.path).filter { path in blocking.contains { $0.hasPrefix(path + ":") } })
    let blockedIDs = Set(candidates.filter { blocked.contains($0.path) }.map(\.id.rawValue))
    approve.removeAll { blockedIDs.contains($0.id) }
    var policy: [TodoPolicy] = []
    if state.policyBlob != effective.blob, ApprovalRules.judgePolicySigner(person) == nil,
      !(state.ledger.pendingPolicyApprovals[state.policyBlob] ?? []).contains(where: {
        $0.email.caseInsensitiveCompare(person.email) == .orderedSame
      })
    {
      policy.append(TodoPolicy(blob: state.policyBlob.hex))
    }
    var report = TodoReport(
      person: TodoPerson(email: person.email, name: person.name), approve: approve, review: review, policy: policy)
    let matrix = TrainingMatrix(ledger: state.ledger, inventory: state.inventory, policy: effective.policy)
    for id in matrix.requiredDocuments(of: person) {
      guard let document = matrix.trainables[id] else { continue }
      let entry = matrix.entry(for: person, document: document, now: now)
      guard entry.state != .current else { continue }
      report.acknowledge.append(
        TodoAcknowledgement(
          id: id.rawValue, title: document.title, revision: entry.revision, due: entry.due, state: entry.state))
    }
    return report
  }

  /// The person in the policy in effect that `subject` names.
  private func todoPerson(
    _ subject: TodoSubject, effective: EffectivePolicy, committedBlob: ObjectID
  ) throws(ControlError) -> Person {
    var email: String?
    var keyPath: String?
    switch subject {
    case .email(let text): email = text
    case .key(let path): keyPath = path
    case .gitConfiguration:
      if let configured = (try? git.configValue("user.signingkey")) ?? nil, !configured.isEmpty {
        keyPath = configured
      } else {
        email = (try? git.configValue("user.email")) ?? nil
      }
    }
    if let keyPath {
      let resolved = try resolveKeyPath(keyPath)
      defer { resolved.cleanup() }
      let key = try signingPublicKey(resolved)
      guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
      return person
    }
    guard let email else { throw .invalidArgument("pass --for EMAIL or --key PATH; git has no user.email") }
    if let person = effective.policy.person(email: email) { return person }
    throw notInEffect(email: email, committedBlob: committedBlob, effective: effective)
  }

  /// Why `email` is no person: not in `sop.yml` at all, or listed in a committed change not in effect yet.
  func notInEffect(email: String, committedBlob: ObjectID, effective: EffectivePolicy) -> ControlError {
    let head = try? commit(nil)
    if committedBlob != effective.blob, let head, let committed = try? policy(at: head).policy,
      committed.person(email: email) != nil
    {
      return .invalidArgument(
        "\(email) is listed in the committed sop.yml, but that change is not in effect yet: an admin must "
          + "approve it first (sop approve POLICY; see 'sop status')")
    }
    return .invalidArgument("\(email) is not a person in the sop.yml in effect (see 'sop keys')")
  }
}
