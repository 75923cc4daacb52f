import Foundation
import Testing

@testable import ProcedureLint

@Suite("Reporters")
struct ReporterTests {
  private let report = LintReport(
    findings: [
      Finding(
        rule: "sentence-length", severity: .warning, path: "b.md", line: 12, column: 4,
        message: "split this step: 34 words, aim for 20 or fewer", metrics: ["words": 34, "max": 20],
        excerpt: "Check the valve"),
      Finding(
        rule: "readability", severity: .suggestion, path: "a.md", line: 9, column: 1,
        message: "reading grade 11.2", metrics: ["grade": 11.2]),
      Finding(rule: "front-matter", severity: .error, path: "b.md", line: 2, column: 5, message: "bad id"),
      Finding(rule: "broken-reference", severity: .error, path: "b.md", line: 12, column: 1, message: "QP-404"),
    ], fileCount: 12)

  @Test("Findings sort by path, line and rule; the summary counts them")
  func order() {
    #expect(report.findings.map(\.rule) == ["readability", "front-matter", "broken-reference", "sentence-length"])
    #expect(report.summary == .init(files: 12, errors: 2, warnings: 1, suggestions: 1))
    #expect(report.hasErrors)
    let filtered = report.filtered(minimumSeverity: .warning)
    #expect(filtered.findings.count == 3)
    #expect(filtered.summary.files == 12)
    #expect(!report.filtered(minimumSeverity: .error).findings.contains { $0.severity != .error })
    #expect(!LintReport(findings: [], fileCount: 1).hasErrors)
  }

  @Test("Text: one line per finding and a summary line; colour only when asked")
  func text() {
    let text = TextReporter.render(report)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "a.md:9:1: suggestion readability: reading grade 11.2")
    #expect(lines[3] == "b.md:12:4: warning sentence-length: split this step: 34 words, aim for 20 or fewer")
    #expect(lines.last == "12 files: 2 errors, 1 warning, 1 suggestion")
    #expect(!text.contains("\u{1B}"))
    let coloured = TextReporter.render(report, isColored: true)
    #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
    #expect(
      TextReporter.summaryLine(.init(files: 1, errors: 0, warnings: 0, suggestions: 2))
        == "1 file: 0 errors, 0 warnings, 2 suggestions")
  }

  @Test("JSON: findings flat with their metrics, sorted keys, whole numbers without fractions")
  func json() throws {
    let text = JSONReporter.render(report)
    #expect(text.contains("\"words\" : 34\n"))
    #expect(text.contains("\"grade\" : 11.2"))
    #expect(!text.contains("excerpt"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object.keys.sorted() == ["findings", "summary"])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 4)
    #expect(findings[3].keys.sorted() == ["column", "line", "max", "message", "path", "rule", "severity", "words"])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary == ["files": 12, "errors": 2, "warnings": 1, "suggestions": 1])
    let decoded = try JSONDecoder().decode(LintReport.self, from: Data(text.utf8))
    #expect(decoded.findings.map(\.metrics) == report.findings.map(\.metrics))
    #expect(decoded.summary == report.summary)
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("      \"") }.map { $0.split(separator: "\"")[1] }
    #expect(Array(keys.prefix(6)) == ["column", "grade", "line", "message", "path", "rule"])
  }

  /// The report as the generic encoder writes it: the layout `JSONReporter` promises to keep.
  private static func encoderJSON(_ report: LintReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  @Test("JSON is byte for byte what JSONEncoder writes: escapes, fractions, key order, empty reports")
  func jsonMatchesEncoder() throws {
    var findings: [Finding] = []
    let awkward = "quote \" back \\ slash / tab \t nl \n cr \r \u{1} \u{8} \u{C} \u{1F} \u{7F} é – \u{2028} 😀"
    let values: [Double] = [
      0, 1, -3, 8.4, 0.1, 1.0 / 3, 1e-5, 2.5e-7, 123_456.789, 1e15, 4e15 + 0.5, 1e20, -0.5, 99.95,
    ]
    for (index, value) in values.enumerated() {
      findings.append(
        Finding(
          rule: index.isMultiple(of: 2) ? "readability" : "passive-voice", severity: .allCases[index % 3],
          path: "docs/\(index % 4)/\(awkward).md", line: index, column: index * 7,
          message: "\(awkward) \(index)",
          metrics: ["grade": value, "words": Double(index), "share": value / 7, "a": 1, "zz": value]))
    }
    findings.append(Finding(rule: "front-matter", severity: .error, path: "x.md", line: 1, column: 1, message: ""))
    for report in [
      LintReport(findings: findings, fileCount: 9), LintReport(findings: [], fileCount: 0), report,
    ] {
      #expect(JSONReporter.render(report) == (try Self.encoderJSON(report)))
    }
  }

  @Test("A metric that is not a number is written as null, not a broken report")
  func jsonNonFinite() throws {
    let odd = LintReport(
      findings: [
        Finding(
          rule: "readability", severity: .suggestion, path: "a.md", line: 1, column: 1, message: "m",
          metrics: ["grade": .nan, "share": .infinity])
      ], fileCount: 1)
    let text = JSONReporter.render(odd)
    #expect(text.contains("\"grade\" : null"))
    #expect(text.contains("\"share\" : null"))
    #expect(text == (try Self.encoderJSON(odd)))
  }

  @Test("SARIF: 2.1.0 log with every rule, levels, locations and fingerprints")
  func sarif() throws {
    let text = SARIFReporter.render(report, informationURI: "https://example.com/sop")
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "sop")
    #expect(driver["informationUri"] as? String == "https://example.com/sop")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == LintRules.ids.map { $0 })
    #expect(rules[2]["name"] as? String == "DocLength")
    for key in ["shortDescription", "fullDescription", "help", "defaultConfiguration"] {
      #expect(rules.allSatisfy { $0[key] != nil })
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.map { $0["level"] as? String } == ["note", "error", "error", "warning"])
    for result in results {
      let ruleID = try #require(result["ruleId"] as? String)
      #expect(result["ruleIndex"] as? Int == LintRules.indexByID[ruleID])
      let location = try #require(
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
      let region = try #require(location["region"] as? [String: Int])
      #expect(region["startLine"] != nil && region["startColumn"] != nil)
      #expect((result["partialFingerprints"] as? [String: String])?["sopFindingHash/v1"] != nil)
    }
  }

  @Test("Fingerprints ignore line numbers and tell repeated findings apart")
  func fingerprints() throws {
    func hashes(_ text: String) throws -> [String] {
      let report = ExampleRepository.linter.lint([LintFile(path: "p.md", data: Data(text.utf8))])
      let log = try #require(
        try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(report).utf8)) as? [String: Any])
      let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
      return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["sopFindingHash/v1"] }
    }
    let step =
      "1. Check the due date on the gauge label and, if the date is less than one week away, send it to the lab today with the form, the old certificate, the last two readings and its note for the lab."
    let before = try hashes(
      ExampleRepository.procedure(steps: step + "\n" + step.replacingOccurrences(of: "1.", with: "2.")))
    let after = try hashes(
      ExampleRepository.procedure(
        purpose: "This procedure keeps our test gear accurate.\n\nIt has a new paragraph.",
        steps: step + "\n" + step.replacingOccurrences(of: "1.", with: "2.")))
    #expect(before.count == 2)
    #expect(Set(before).count == 2)
    #expect(before == after)
  }
}

@Suite("Text output caps")
struct TextCapTests {
  @Test("A file with many findings gets a summary line first; one rule's findings after five are counted")
  func caps() {
    let findings = (1...12).map {
      Finding(
        rule: "sentence-length", severity: .warning, path: "a.md", line: $0, column: 1, message: "split this sentence")
    }
    let report = LintReport(findings: findings, fileCount: 1)
    let lines = TextReporter.render(report).split(separator: "\n").map(String.init)
    #expect(lines.first == "a.md: 12 findings (0 errors, 12 warnings, 0 suggestions)")
    #expect(lines.count == 1 + 5 + 1 + 1)
    #expect(lines[6] == "a.md: 7 more sentence-length findings not shown (run with --all to see them)")
    #expect(lines.last == "1 file: 0 errors, 12 warnings, 0 suggestions")
    let all = TextReporter.render(report, showsAll: true).split(separator: "\n")
    #expect(all.count == 1 + 12 + 1)
    #expect(JSONReporter.render(report).components(separatedBy: "\"rule\"").count == 13)
  }
}
