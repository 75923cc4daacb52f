import Foundation
import GitStore
import TestSupport
import Testing

@testable import DocumentControl

/// `StatusReport.prettyJSON` stands in for Foundation's `JSONEncoder` in `sop status --format json`, whose
/// output is a contract: the two must give the same bytes for every report.
@Suite("Status JSON as the encoder writes it")
struct PrettyJSONTests {
  /// Strings that each take another branch of the encoder's escaping, or none.
  static let oddStrings: [String] = [
    "", "plain", "a\"quote\"", "back\\slash", "a/b/c", "</script>", "tab\there", "new\nline", "cr\r", "\u{8}\u{C}",
    "\u{0}\u{1}\u{1F}", "\u{7F}", "\u{80}", "é and e\u{301}", "ß", "日本語", "😀 👩‍👩‍👧", "\u{2028}\u{2029}", "\u{FEFF}",
    "\\\"", "\\u0041", "  spaces  ", "{\"key\" : [1]}", "null", "true",
  ]

  /// The encoder's bytes: compared as bytes, since String equality would take "é" for "e\u{301}".
  static func encoderBytes(_ report: StatusReport) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(report))
  }

  static func approval(_ generator: inout SplitMixGenerator, strings: [String]) -> ApprovalEntry {
    let commit = ObjectID(hex: String(repeating: "ab", count: 20))!
    let record = ApprovalRecord(
      email: strings.randomElement(using: &generator)!, name: strings.randomElement(using: &generator)!,
      role: strings.randomElement(using: &generator)!, eligibleRoles: [], commit: commit,
      time: Int64.random(in: -100_000_000_000...100_000_000_000, using: &generator), fingerprint: "", meaning: "")
    return ApprovalEntry(record)
  }

  static func randomReport(seed: UInt64, strings: [String]) -> StatusReport {
    var generator = SplitMixGenerator(seed: seed)
    func text() -> String { strings.randomElement(using: &generator)! }
    func optionalText() -> String? { Bool.random(using: &generator) ? nil : text() }
    func texts() -> [String] { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } }
    func number() -> Int { [0, 1, -1, 42, Int.max, Int.min].randomElement(using: &generator)! }
    let documents = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
      DocumentStatusEntry(
        id: text(), title: text(), type: text(), path: text(), owner: text(),
        state: DocumentState.allCases.randomElement(using: &generator)!, revision: number(), blob: text(),
        approvals: (0..<Int.random(in: 0...3, using: &generator)).map { _ in approval(&generator, strings: strings) },
        missing: texts(), lastApproved: optionalText(), nextReview: optionalText(),
        reviewOverdue: Bool.random(using: &generator), stuck: optionalText(),
        editorial: Bool.random(using: &generator) ? nil : EditorialStatus(missing: texts(), words: number()))
    }
    let problems = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
      FileProblem(path: text(), line: number(), column: number(), message: text())
    }
    let policy =
      Bool.random(using: &generator)
      ? nil
      : PolicyStatusEntry(
        state: DocumentState.allCases.randomElement(using: &generator)!, revision: number(), blob: text(),
        effectiveBlob: text(),
        approvals: (0..<Int.random(in: 0...2, using: &generator)).map { _ in approval(&generator, strings: strings) },
        missing: number())
    return StatusReport(documents: documents, problems: problems, policy: policy)
  }

  @Test("Empty and fixed reports")
  func fixedReports() throws {
    let empty = StatusReport(documents: [], problems: [], policy: nil)
    #expect(empty.prettyJSONBytes == (try Self.encoderBytes(empty)))
    let report = Self.randomReport(seed: 1, strings: Self.oddStrings)
    #expect(report.prettyJSONBytes == (try Self.encoderBytes(report)))
  }

  @Test("Random reports with odd strings")
  func randomReports() throws {
    for seed: UInt64 in 0..<400 {
      let report = Self.randomReport(seed: seed, strings: Self.oddStrings)
      #expect(report.prettyJSONBytes == (try Self.encoderBytes(report)), "seed \(seed)")
    }
  }

  @Test("Every scalar below 0x100, and random runs of scalars, in every string")
  func everyScalar() throws {
    var strings = (0..<0x100).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    var generator = SplitMixGenerator(seed: 99)
    let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "€", "😀", "\u{10FFFF}", "\u{FFFD}"]
    strings += (0..<200).map { _ in
      String(
        String.UnicodeScalarView(
          (0..<Int.random(in: 1...12, using: &generator)).map { _ in
            scalars.randomElement(using: &generator)!
          }))
    }
    for seed: UInt64 in 1_000..<1_100 {
      let report = Self.randomReport(seed: seed, strings: strings)
      #expect(report.prettyJSONBytes == (try Self.encoderBytes(report)), "seed \(seed)")
    }
  }
}
