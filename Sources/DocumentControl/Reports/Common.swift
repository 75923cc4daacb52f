import DocumentModel
import Foundation
import GitStore

/// Whole Unix seconds of a request's clock (`SOP_NOW`, `GIT_COMMITTER_DATE`): a time git cannot
/// store is bad input, not a trap.
func unixSeconds(_ date: Date) throws(ControlError) -> Int64 {
  guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) else {
    throw .invalidArgument("the time \(date.timeIntervalSince1970) is outside the range of git's times")
  }
  return seconds
}

/// Formats times as ISO 8601 UTC (`2026-11-27T05:04:30Z`), the only time format in sop's JSON,
/// with the model's arithmetic `UTCDate` (no calendars or formatters per call).
public enum UTCTime {
  /// The ISO 8601 UTC text of a Unix time.
  public static func iso(_ seconds: Int64) -> String {
    UTCDate(seconds: Int(seconds)).isoText
  }

  /// The ISO 8601 UTC text of a date.
  public static func iso(_ date: Date) -> String { UTCDate(date).isoText }

  /// The date part only, `2026-11-27`.
  public static func day(_ date: Date) -> String { UTCDate(date).dayText }
}

/// One signature as the JSON of `status` shows it.
public struct ApprovalEntry: Codable, Sendable, Hashable {
  /// The signer's email.
  public var email: String
  /// The signer's printed name.
  public var name: String
  /// The role the signature fills.
  public var role: String
  /// The approval commit id.
  public var commit: String
  /// ISO 8601 UTC time.
  public var time: String

  init(_ record: ApprovalRecord) {
    email = record.email
    name = record.name
    role = record.role
    commit = record.commit.hex
    time = UTCTime.iso(record.time)
  }
}

/// A signature with everything 21 CFR 11.50 asks to show.
public struct SignatureEntry: Codable, Sendable, Hashable {
  /// The printed name.
  public var name: String
  /// The email.
  public var email: String
  /// The role.
  public var role: String
  /// ISO 8601 UTC time.
  public var time: String
  /// "Approved" or "Reviewed".
  public var meaning: String
  /// The key's SHA-256 fingerprint.
  public var fingerprint: String
  /// The commit id.
  public var commit: String
  /// The signer's note (`--message`), or nil.
  public var comment: String?

  init(_ record: ApprovalRecord) {
    name = record.name
    email = record.email
    role = record.role
    time = UTCTime.iso(record.time)
    meaning = record.meaning
    fingerprint = record.fingerprint
    commit = record.commit.hex
    comment = record.comment
  }

  enum CodingKeys: String, CodingKey { case name, email, role, time, meaning, fingerprint, commit, comment }

  /// Encodes every key (`comment` is null without a note).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(email, forKey: .email)
    try container.encode(role, forKey: .role)
    try container.encode(time, forKey: .time)
    try container.encode(meaning, forKey: .meaning)
    try container.encode(fingerprint, forKey: .fingerprint)
    try container.encode(commit, forKey: .commit)
    try container.encode(comment, forKey: .comment)
  }
}

/// A change commit in `sop log`.
public struct ChangeEntry: Codable, Sendable, Hashable {
  /// The commit id.
  public var commit: String
  /// The subject line.
  public var subject: String
  /// The author's name.
  public var author: String
  /// The author's email.
  public var email: String
  /// ISO 8601 UTC author time.
  public var time: String
  /// The commit message's text after its subject (why), or "".
  public var reason: String

  init(_ record: ChangeRecord) {
    commit = record.commit.hex
    subject = record.subject
    author = record.authorName
    email = record.authorEmail
    time = UTCTime.iso(record.time)
    reason = record.reason
  }
}

/// Where a document (or `sop.yml`) stands (raw values are the JSON and text spelling, a contract).
public enum DocumentState: String, Codable, Sendable, CaseIterable {
  /// The content at the tip is the revision in force.
  case approved
  /// The content at the tip is not approved (yet).
  case draft
  /// The revision in force withdraws the document (`status: obsolete`).
  case obsolete
}
