import DocumentModel
import Foundation
import GitStore

/// Where one person stands on one document they must know (docs/training.md, "States").
public enum TrainingState: String, Codable, Sendable, CaseIterable {
  /// Trained on the revision in force, or on one it carries over to.
  case current
  /// No record yet; the deadline has not passed.
  case due
  /// No record, and the deadline has passed.
  case overdue
  /// Trained only on an older revision that needs retraining.
  case outdated
}

/// The record a state rests on, as `sop training` shows it.
public struct TrainingRecordEntry: Codable, Sendable, Hashable {
  /// The revision trained on.
  public var revision: Int
  /// ISO 8601 UTC time of the record commit.
  public var time: String
  /// The signer's email.
  public var by: String
  /// `acknowledged` or `trained`.
  public var kind: TrainingKind

  init(_ record: TrainingRecord) {
    revision = record.revision
    time = UTCTime.iso(record.time)
    by = record.by
    kind = record.kind
  }
}

/// One cell of the matrix.
public struct TrainingDocumentEntry: Codable, Sendable {
  /// The document id.
  public var id: String
  /// The revision in force.
  public var revision: Int
  /// Where the person stands.
  public var state: TrainingState
  /// The deadline (ISO 8601 UTC), also for a current entry.
  public var due: String
  /// The record the state rests on, or nil.
  public var record: TrainingRecordEntry?

  enum CodingKeys: String, CodingKey { case id, revision, state, due, record }

  /// Encodes every key (`record` is null when there is none).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(revision, forKey: .revision)
    try container.encode(state, forKey: .state)
    try container.encode(due, forKey: .due)
    try container.encode(record, forKey: .record)
  }
}

/// One row of the matrix.
public struct TrainingPersonEntry: Codable, Sendable {
  /// The person's email.
  public var email: String
  /// Their printed name.
  public var name: String
  /// The documents they must know, by id.
  public var documents: [TrainingDocumentEntry]
}

/// How many entries are in each state.
public struct TrainingSummary: Codable, Sendable, Hashable {
  public var current = 0
  public var due = 0
  public var overdue = 0
  public var outdated = 0

  mutating func count(_ state: TrainingState) {
    switch state {
    case .current: current += 1
    case .due: due += 1
    case .overdue: overdue += 1
    case .outdated: outdated += 1
    }
  }
}

/// The output of `sop training` (a contract: docs/training.md).
public struct TrainingReport: Codable, Sendable {
  /// People sorted by email, each with documents sorted by id.
  public var people: [TrainingPersonEntry]
  /// Counts over the entries shown.
  public var summary: TrainingSummary
}

/// Derives the training matrix from the ledger: who must know which approved document, and where they stand.
struct TrainingMatrix {
  /// A document that needs training: approved, in force and not withdrawn.
  struct Trainable {
    var id: DocumentID
    var title: String
    var type: String
    /// The revision in force.
    var revision: Int
    /// Revisions whose training counts as current (the one in force, and those it carries over from).
    var counting: Set<Int>
    /// When the oldest of those took effect: the training clock starts here.
    var since: Int64
    /// Counted records by lowercased email, in history order.
    var records: [String: [TrainingRecord]]
  }

  typealias Needs = (ids: Set<String>, types: Set<String>)

  let policy: Policy
  let trainables: [DocumentID: Trainable]
  private let byType: [String: [DocumentID]]
  /// Each policy version's time and its people's needs by lowercased email, newest first.
  private let needsByVersion: [(time: Int64, needs: [String: Needs])]

  /// The documents of `inventory` that need training under the ledger's policy in effect.
  init(ledger: ApprovalLedger, inventory: Inventory, policy: Policy) {
    self.policy = policy
    needsByVersion = ledger.policyVersions.reversed().map { version in
      var needs: [String: Needs] = [:]
      for person in version.policy.people {
        needs[person.email.lowercased()] = version.policy.trainingNeeds(of: person)
      }
      return (version.time, needs)
    }
    var trainables: [DocumentID: Trainable] = [:]
    var byType: [String: [DocumentID]] = [:]
    for (id, stored) in inventory.documents {
      guard let history = ledger.documents[id], let inForce = history.inForce else { continue }
      if stored.document.frontMatter.status == .obsolete, history.revision(withContent: stored.contentKey) != nil {
        continue
      }
      let (counting, since) = Self.countingRevisions(history)
      trainables[id] = Trainable(
        id: id, title: stored.document.frontMatter.title, type: inForce.type, revision: inForce.number,
        counting: counting, since: since,
        records: Dictionary(grouping: history.training) { $0.email.lowercased() })
      byType[inForce.type, default: []].append(id)
    }
    self.trainables = trainables
    self.byType = byType
  }

  /// The revision in force and those before it that it carries training over from (each revision in the chain
  /// waived retraining), and when the oldest of them took effect. Revoked revisions are skipped.
  static func countingRevisions(_ history: DocumentHistory) -> (Set<Int>, Int64) {
    guard var revision = history.inForce else { return ([], 0) }
    var counting: Set<Int> = [revision.number]
    while revision.carriesTrainingOver,
      let previous = history.revisions[..<(revision.number - 1)].last(where: { $0.revocation == nil })
    {
      counting.insert(previous.number)
      revision = previous
    }
    return (counting, revision.approvedAt)
  }

  /// The documents `person` must know, by id.
  func requiredDocuments(of person: Person) -> [DocumentID] {
    let needs = policy.trainingNeeds(of: person)
    var ids = Set(needs.ids.compactMap(DocumentID.init).filter { trainables[$0] != nil })
    for type in needs.types { ids.formUnion(byType[type] ?? []) }
    return ids.sorted()
  }

  /// Where `person` stands on `document` at `now`.
  func entry(for person: Person, document: Trainable, now: Date) -> TrainingDocumentEntry {
    let records = document.records[person.email.lowercased()] ?? []
    let deadline =
      max(document.since, requiredSince(person, document: document))
      + Int64(policy.trainingDays) * 86_400
    var state: TrainingState
    var record: TrainingRecord?
    if let latest = records.last(where: { document.counting.contains($0.revision) }) {
      state = .current
      record = latest
    } else if let latest = records.last {
      state = .outdated
      record = latest
    } else {
      state = Int64(now.timeIntervalSince1970) > deadline ? .overdue : .due
    }
    return TrainingDocumentEntry(
      id: document.id.rawValue, revision: document.revision, state: state, due: UTCTime.iso(deadline),
      record: record.map(TrainingRecordEntry.init))
  }

  /// When the policy started requiring `person` to know `document`: the oldest policy version of the unbroken
  /// run up to the one in effect that lists them with this need.
  private func requiredSince(_ person: Person, document: Trainable) -> Int64 {
    var since: Int64 = 0
    let email = person.email.lowercased()
    for version in needsByVersion {
      guard let needs = version.needs[email],
        needs.ids.contains(document.id.rawValue) || needs.types.contains(document.type)
      else { break }
      since = version.time
    }
    return since
  }

  /// The whole matrix, optionally for one person or one document. People with nothing to know are left out
  /// unless named.
  func report(person email: String?, document: DocumentID?, now: Date) -> TrainingReport {
    var people: [TrainingPersonEntry] = []
    var summary = TrainingSummary()
    let sorted = policy.people.sorted { $0.email.lowercased() < $1.email.lowercased() }
    for person in sorted {
      if let email, person.email.caseInsensitiveCompare(email) != .orderedSame { continue }
      var ids = requiredDocuments(of: person)
      if let document { ids = ids.filter { $0 == document } }
      let entries = ids.compactMap { id in trainables[id].map { entry(for: person, document: $0, now: now) } }
      guard !entries.isEmpty || email != nil else { continue }
      for entry in entries { summary.count(entry.state) }
      people.append(TrainingPersonEntry(email: person.email, name: person.name, documents: entries))
    }
    return TrainingReport(people: people, summary: summary)
  }
}
