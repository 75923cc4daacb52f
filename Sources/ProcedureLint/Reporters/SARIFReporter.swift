import Foundation

/// Renders a report as SARIF 2.1.0 for GitHub code scanning.
public enum SARIFReporter {
  /// The report as a SARIF log with one run; every rule is listed, results point at rules by index.
  /// `informationURI` (optional in SARIF) is left out unless the caller knows where docs/lint.md is published.
  public static func render(_ report: LintReport, informationURI: String? = nil) -> String {
    let rules = LintRules.all.map { rule in
      SARIF.Rule(
        id: rule.id, name: LintRuleCatalog.pascalCase(rule.id), shortDescription: .init(text: rule.summary),
        fullDescription: .init(text: rule.rationale), help: .init(text: LintRuleCatalog.helpText(rule)),
        defaultConfiguration: .init(level: rule.defaultSeverity.sarifLevel))
    }
    var occurrences: [String: Int] = [:]
    let results = report.findings.map { finding -> SARIF.Result in
      let key = fingerprintSource(finding)
      let occurrence = occurrences[key, default: 0]
      occurrences[key] = occurrence + 1
      return SARIF.Result(
        ruleId: finding.rule, ruleIndex: LintRules.indexByID[finding.rule] ?? 0, level: finding.severity.sarifLevel,
        message: .init(text: finding.message),
        locations: [
          .init(
            physicalLocation: .init(
              artifactLocation: .init(uri: finding.path),
              region: .init(startLine: finding.line, startColumn: finding.column)))
        ],
        partialFingerprints: ["sopFindingHash/v1": fingerprint(key) + ":\(occurrence + 1)"])
    }
    let log = SARIF.Log(
      runs: [SARIF.Run(tool: .init(driver: .init(informationUri: informationURI, rules: rules)), results: results)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(log) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Rule, path and the offending text (or the message without its numbers): no line numbers, so a
  /// finding keeps its fingerprint when lines above it move.
  static func fingerprintSource(_ finding: Finding) -> String {
    let text =
      finding.excerpt.isEmpty
      ? String(finding.message.unicodeScalars.filter { !("0"..."9").contains($0) }.map(Character.init))
      : finding.excerpt
    let normalized = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return finding.rule + "\u{0}" + finding.path + "\u{0}" + normalized
  }

  /// Two 64-bit FNV-1a hashes (different offsets) as 32 hex digits.
  static func fingerprint(_ text: String) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x6c62_272e_07bb_0142
    for byte in text.utf8 {
      first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
    return hex(first) + hex(second)
  }
}

/// The subset of SARIF 2.1.0 that sop writes, as Codable values.
enum SARIF {
  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name = "sop"
    var informationUri: String?
    var rules: [Rule]
  }

  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Text
    var defaultConfiguration: Configuration
  }

  struct Text: Encodable {
    var text: String
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var partialFingerprints: [String: String]
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }

  struct ArtifactLocation: Encodable {
    var uri: String
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
  }
}
