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
    nextReviewDays: Double? = 200, ownerName: String = "Tom Becker"
  ) -> SiteDocument {
    SiteDocument(
      id: id, title: title, type: type, path: "procedures/\(id).md", ownerName: ownerName,
      ownerEmail: "tom.becker@acme-builders.example", revision: revision,
      blob: "fedcba9876543210fedcba9876543210fedcba98", markdown: markdown,
      nextReview: nextReviewDays.map { effectiveDate.addingTimeInterval($0 * day) },
      signatures: [signer(), signer("Tom Becker", role: "owner")],
      history: (1...max(1, revision)).map { number in
        RevisionRecord(
          revision: number, date: effectiveDate.addingTimeInterval(Double(number - revision) * 90 * day),
          signatures: [signer(daysBefore: Double(revision - number) * 90 + 3)],
          changeSubjects: ["\(id): change for revision \(number)"])
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

  /// A small but complete snapshot: several types, a revised document with a redline, a withdrawn document.
  static func sample() -> SiteSnapshot {
    snapshot(
      documents: [
        document(id: "F-001", title: "Nonconformance report", type: "form", revision: 1, nextReviewDays: 400),
        document(
          id: "QP-002", title: "Internal audit", markdown: auditBody, previousMarkdown: auditPreviousBody,
          nextReviewDays: 45),
        document(id: "QP-003", title: "Nonconformance and corrective action", revision: 1, nextReviewDays: -10),
        document(
          id: "WI-001", title: "Concrete pour inspection", type: "work-instruction", revision: 3,
          nextReviewDays: 120),
        document(id: "POL-001", title: "Quality, health and safety policy", type: "policy", nextReviewDays: nil),
      ],
      withdrawn: [WithdrawnDocument(id: "QP-009", title: "Old site diary", revision: 4, date: effectiveDate)],
      changes: SnapshotChanges(added: ["F-001", "QP-003"], revised: ["QP-002"], withdrawn: ["QP-009"]))
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
