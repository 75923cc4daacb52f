import DocumentModel
import Foundation
import GitStore
import Signatures

/// What `sop acknowledge` or `sop train` is asked to record.
public struct TrainingRequest: Sendable {
  /// Document ids.
  public var ids: [String]
  /// Attendee emails for `sop train`; empty for `sop acknowledge` (the signer is the reader).
  public var attendees: [String]
  /// The signing key path; nil means git's `user.signingkey`.
  public var keyPath: String?
  /// Free text added to the commit message body (the agenda, the place).
  public var message: String?
  /// The record time (the committer date the signature covers).
  public var now: Date
  /// `--strict`: refuse documents the person is not required to know.
  public var strict = false

  /// Creates a request.
  public init(ids: [String], attendees: [String] = [], keyPath: String? = nil, message: String? = nil, now: Date) {
    self.ids = ids
    self.attendees = attendees
    self.keyPath = keyPath
    self.message = message
    self.now = now
  }
}

/// One record written by `sop acknowledge` or `sop train`.
public struct RecordedTraining: Codable, Sendable {
  /// The document id.
  public var id: String
  /// The revision trained on.
  public var revision: Int
  /// Its blob.
  public var blob: String
  /// The trained person's email.
  public var email: String
}

/// The result of `sop acknowledge` and `sop train`.
public struct TrainingOutcome: Codable, Sendable {
  /// The record commit.
  public var commit: String
  /// The signer's printed name.
  public var signer: String
  /// The signer's key fingerprint.
  public var fingerprint: String
  /// The records, by id then email.
  public var records: [RecordedTraining]
  /// How many times the branch had moved and the commit was rebuilt.
  public var retries: Int
}

extension DocumentRepository {
  /// The training matrix at `revision` (HEAD when nil), judged as of `now` (docs/training.md).
  public func training(person: String?, document: String?, at revision: String?, now: Date)
    throws(ControlError) -> TrainingReport
  {
    let state = try committedState(at: revision)
    guard let effective = state.ledger.effectivePolicy else { throw .noPolicy(revision: revision ?? "HEAD") }
    try checkTrainingIDs(effective, inventory: state.inventory, ledger: state.ledger)
    if let person, effective.policy.person(email: person) == nil {
      throw notInEffect(email: person, committedBlob: state.policyBlob, effective: effective)
    }
    var id: DocumentID?
    if let document {
      guard let parsed = DocumentID(document), state.inventory.documents[parsed] != nil else {
        throw missingDocument(document, inventory: state.inventory, policy: state.rules)
      }
      id = parsed
    }
    return TrainingMatrix(ledger: state.ledger, inventory: state.inventory, policy: effective.policy)
      .report(person: person, document: id, now: now)
  }

  /// Ids in `training:` must name a document of this repository, now or in its history (a withdrawn or
  /// deleted one needs no training and is no error).
  private func checkTrainingIDs(_ effective: EffectivePolicy, inventory: Inventory, ledger: ApprovalLedger)
    throws(ControlError)
  {
    for (role, assignment) in effective.policy.training.sorted(by: { $0.key < $1.key }) {
      for text in assignment.documents {
        guard let id = DocumentID(text), inventory.documents[id] == nil, ledger.documents[id] == nil else { continue }
        let yaml = (try? git.blob(effective.blob)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("training:") } ?? 0
        let line = (lines[start...].firstIndex { $0.contains(text) } ?? start) + 1
        throw .document(
          .invalidValue(
            path: Policy.fileName, line: line, key: "training.\(role)",
            problem: "\(text) names no document in this repository"))
      }
    }
  }

  /// Signs one commit recording that the signer read and understood (`attendees` empty) or trained the
  /// attendees on the approved content of each document, and puts it on the current branch.
  public func recordTraining(_ request: TrainingRequest, signer makeSigner: (String) -> any MessageSigner)
    throws(ControlError) -> TrainingOutcome
  {
    guard !request.ids.isEmpty else { throw .invalidArgument("name at least one document id") }
    let keyPath = try resolveKeyPath(request.keyPath)
    defer { keyPath.cleanup() }
    let key = try signingPublicKey(keyPath)
    let (committed, _, plan, retries) = try appendSignedCommit(
      signer: makeSigner(keyPath.path), now: request.now, maxAttempts: 30
    ) { head throws(ControlError) -> TrainingPlan in
      try planTraining(request, head: head, key: key)
    }
    return TrainingOutcome(
      commit: committed.hex, signer: plan.person.name, fingerprint: key.fingerprint,
      records: plan.records.sorted { ($0.id, $0.email) < ($1.id, $1.email) }, retries: retries)
  }

  private struct TrainingPlan: SignedCommitPlan {
    var person: Person
    var records: [RecordedTraining]
    var message: String
    var signerIdentity: Person { person }
  }

  private func planTraining(_ request: TrainingRequest, head: ObjectID, key: SSHPublicKey)
    throws(ControlError) -> TrainingPlan
  {
    let ledger = try ledger(at: head)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    guard let signer = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
    let inventory = try inventory(at: head, policy: effective.policy)
    let isTraining = !request.attendees.isEmpty
    var attendees: [Person] = []
    for email in request.attendees {
      guard let person = effective.policy.person(email: email) else {
        throw .invalidArgument("attendee \(email) is not a person in the sop.yml in effect (see 'sop keys')")
      }
      if !attendees.contains(person) { attendees.append(person) }
    }
    let trainees = isTraining ? attendees : [signer]
    let matrix = TrainingMatrix(ledger: ledger, inventory: inventory, policy: effective.policy)
    var records: [RecordedTraining] = []
    var trailers: [String] = []
    var seen = Set<DocumentID>()
    var ordered: [String] = []
    for text in request.ids {
      guard let id = DocumentID(text), inventory.documents[id] != nil || ledger.documents[id] != nil else {
        throw missingDocument(text, inventory: inventory, policy: effective.policy)
      }
      guard seen.insert(id).inserted else { continue }
      ordered.append(id.rawValue)
      guard let inForce = ledger.documents[id]?.inForce else {
        throw .refused("\(id) has no approved revision in force; only approved content can be trained on")
      }
      for trainee in trainees {
        if isTraining,
          case .failure(let violation) = ApprovalRules.judgeTrainer(
            signer, attendee: trainee.email, policy: effective.policy)
        {
          throw .ruleViolation(violation)
        }
        if request.strict, !matrix.requiredDocuments(of: trainee).contains(id) {
          throw .refused(
            "\(trainee.name) is not required to know \(id) (training: in sop.yml); leave out --strict to record it")
        }
        records.append(
          RecordedTraining(id: id.rawValue, revision: inForce.number, blob: inForce.blob.hex, email: trainee.email))
        trailers.append(
          isTraining
            ? "Trained: \(id) \(inForce.blob.hex) \(trainee.email)" : "Acknowledges: \(id) \(inForce.blob.hex)")
      }
    }
    let first = records[0]
    let subject: String
    if isTraining {
      let people = attendees.count == 1 ? attendees[0].name : "\(attendees.count) people"
      subject =
        seen.count == 1
        ? "Train \(people) on \(first.id) revision \(first.revision)"
        : "Train \(people) on " + ordered.joined(separator: ", ")
    } else {
      subject =
        seen.count == 1
        ? "Acknowledge \(first.id) revision \(first.revision)" : "Acknowledge " + ordered.joined(separator: ", ")
    }
    var message = subject + "\n\n"
    if let body = request.message?.trimmingCharacters(in: .whitespacesAndNewlines), !body.isEmpty {
      message += body + "\n\n"
    }
    message += trailers.joined(separator: "\n") + "\n"
    return TrainingPlan(person: signer, records: records, message: message)
  }
}
