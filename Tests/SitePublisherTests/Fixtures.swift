import Foundation

@testable import SitePublisher

/// Sample snapshots for the tests, shaped like the sample repository's procedures.
enum Fixture {
  /// 2025-03-14 09:30:00 UTC.
  static let effectiveDate = Date(timeIntervalSince1970: 1_741_944_600)
  static let commit = "0123456789abcdef0123456789abcdef01234567"
  static let day: TimeInterval = 86_400

  static func signer(
    _ name: String = "Maria Lopez", role: String = "quality", meaning: String = "Approved",
    daysBefore: Double = 3
  ) -> Signer {
    Signer(
      name: name, email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@acme-builders.example",
      role: role, time: effectiveDate.addingTimeInterval(-daysBefore * day),
      fingerprint: "SHA256:7m1dTXi6cF4uKuH2vX0t6C3m9yq9u8o2bq8tGv7m3Xk",
      commit: "89abcdef0123456789abcdef0123456789abcdef", meaning: meaning)
  }

  static let auditBody = """
    # Internal audit

    ## Purpose

    This procedure explains how we check that our system works as planned.

    ## Procedure

    1. Plan audits for the year so each area is checked at least once.
    2. Tell the area manager the date and scope one week ahead.
    3. Write the audit report within five working days.

    | Record | Kept by |
    |---|---|
    | Audit report | Quality Manager |
    """

  static let auditPreviousBody = """
    # Internal audit

    ## Purpose

    This procedure explains how we check that our quality system works.

    ## Procedure

    1. Plan audits for the year so each area is checked at least once.
    2. Tell the area manager the date and scope one week ahead.
    3. Write the audit report within ten working days.

    | Record | Kept by |
    |---|---|
    | Audit report | Quality Manager |
    """

  static func document(
    id: String, title: String, type: String = "procedure", revision: Int = 2,
    markdown: String = "# Title\n\nSome text.\n", previousMarkdown: String? = nil,
    nextReviewDays: Double? = 200, ownerName: String = "Tom Becker", path: String? = nil
  ) -> SiteDocument {
    SiteDocument(
      id: id, title: title, type: type, path: path ?? "procedures/\(id).md", ownerName: ownerName,
      ownerEmail: "tom.becker@acme-builders.example", revision: revision,
      blob: "fedcba9876543210fedcba9876543210fedcba98", markdown: markdown,
      nextReview: nextReviewDays.map { effectiveDate.addingTimeInterval($0 * day) },
      signatures: [signer(), signer("Tom Becker", role: "owner")],
      history: (1...max(1, revision)).map { number in
        var record = RevisionRecord(
          revision: number, date: effectiveDate.addingTimeInterval(Double(number - revision) * 90 * day),
          signatures: [signer(daysBefore: Double(revision - number) * 90 + 3)],
          changeSubjects: ["\(id): change for revision \(number)"])
        record.authors = ["Sam Writer"]
        record.effectiveDate = effectiveDate.addingTimeInterval(Double(number - revision) * 90 * day + 3_600)
        return record
      },
      previousMarkdown: previousMarkdown, previousRevision: previousMarkdown == nil ? nil : revision - 1)
  }

  static func snapshot(
    documents: [SiteDocument], withdrawn: [WithdrawnDocument] = [],
    changes: SnapshotChanges = SnapshotChanges(added: [], revised: [], withdrawn: [])
  ) -> SiteSnapshot {
    SiteSnapshot(
      tag: "published/3", commit: commit, effectiveDate: effectiveDate, organisation: "Acme Builders Pty Ltd",
      publisher: signer(meaning: "Published", daysBefore: 0), tagFingerprint: "SHA256:publisherKeyFingerprint",
      documents: documents, withdrawn: withdrawn, changes: changes,
      stateCounts: ["approved": 5, "draft": 2, "obsolete": 1], previousTag: "published/2")
  }

  /// A body that links other documents: by file, by bare id, to a withdrawn one and to a draft.
  static let nonconformanceBody = """
    # Nonconformance and corrective action

    ## Procedure

    1. Record the problem on form F-001 ([the report form](../forms/F-001-nonconformance-report.md)).
    2. For problems found in an audit, follow QP-002, not [the old site diary](QP-009.md#use) or
       [the draft checklist](QP-010-draft-checklist.md).
    3. Quote ids in code as they are: `QP-002`. This procedure is QP-003.
    """

  /// The body of the work instruction, whose words only the full-text search finds.
  static let pourBody = """
    # Concrete pour inspection

    ## Steps

    1. Check the reinforcement cover with the spacer gauge before the pour.

       ![The spacer gauge on the bar](images/spacer-gauge.png "Spacer gauge")

    2. Record the slump test on form F-001 when it fails ([the gauge photo](images/spacer-gauge.png)).
    """

  /// An 8 × 6 pixel PNG, the photo the work instruction embeds.
  static let photo: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
    0x00, 0x08, 0x00, 0x00, 0x00, 0x06, 0x08, 0x02, 0x00, 0x00, 0x00, 0x71, 0x67, 0x48, 0xAC, 0x00, 0x00, 0x00,
    0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x38, 0x61, 0xA3, 0x81, 0x15, 0x31, 0x0C, 0xA4, 0x04, 0x00,
    0x9A, 0x46, 0x38, 0x41, 0x05, 0x10, 0x39, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
    0x60, 0x82,
  ]

  /// The withdrawn site diary, with its withdrawal signatures, reason and last text in force.
  static func withdrawnDiary() -> WithdrawnDocument {
    var record = WithdrawnDocument(id: "QP-009", title: "Old site diary", revision: 4, date: effectiveDate)
    record.type = "procedure"
    record.path = "procedures/QP-009.md"
    record.reason = "Replaced by the daily pre-start meeting record.\n\nThe paper diary is no longer kept."
    record.signatures = [signer(), signer("Tom Becker", role: "owner")]
    record.lastInForce = 3
    record.lastInForceEffective = effectiveDate.addingTimeInterval(-200 * day)
    record.lastInForceMarkdown = "# Old site diary\n\nWrite the day's events in the diary.\n"
    return record
  }

  /// A small but complete snapshot: several types, a revised document with a redline, a withdrawn document,
  /// links between documents, related documents and a "Suggest a change" link.
  static func sample() -> SiteSnapshot {
    var nonconformance = document(
      id: "QP-003", title: "Nonconformance and corrective action", revision: 1, markdown: nonconformanceBody,
      nextReviewDays: -10)
    nonconformance.related = ["F-001", "QP-009", "QP-010"]
    var pour = document(
      id: "WI-001", title: "Concrete pour inspection", type: "work-instruction", revision: 3, markdown: pourBody,
      nextReviewDays: 120, path: "work-instructions/WI-001.md")
    pour.effectiveDate = effectiveDate.addingTimeInterval(-30 * day)
    pour.attachments = [SiteAttachment(path: "work-instructions/images/spacer-gauge.png", bytes: photo)]
    var sample = snapshot(
      documents: [
        document(
          id: "F-001", title: "Nonconformance report", type: "form", revision: 1, nextReviewDays: 400,
          path: "forms/F-001-nonconformance-report.md"),
        document(
          id: "QP-002", title: "Internal audit", markdown: auditBody, previousMarkdown: auditPreviousBody,
          nextReviewDays: 45),
        nonconformance,
        pour,
        document(id: "POL-001", title: "Quality, health and safety policy", type: "policy", nextReviewDays: nil),
      ],
      withdrawn: [withdrawnDiary()],
      changes: SnapshotChanges(added: ["F-001", "QP-003"], revised: ["QP-002"], withdrawn: ["QP-009"]))
    sample.suggestChange = "mailto:quality@acme-builders.example?subject={id}%20revision%20{revision}%3A%20{title}"
    return sample
  }

  static func text(_ files: [SiteFile], _ path: String) -> String? {
    files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  /// A fresh, empty temporary folder for one test.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sop-site-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
