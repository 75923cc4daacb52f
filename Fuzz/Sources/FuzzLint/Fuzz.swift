import Foundation
import FuzzSupport

@testable import ProcedureLint

/// `sop lint` on documents anyone with push access writes. The input is linted (a) as a whole file beside the
/// examples' companion procedure, (b) as the body behind a fixed front matter, beside the companion and a peer
/// that is read but not linted (so `undefined-acronym`'s "spelled out elsewhere", `duplicate-id` and
/// `broken-reference` see other documents), and (c) cut in two at a point its first two bytes pick, the halves
/// linted together. Each set is linted in its order and reversed: the findings must be the same, each on a linted
/// path at a line from 1 to one past the file's last and a column from 1 (with SOP_FUZZ_LINE_WIDTHS=1, to one past
/// its line's end); the first set is linted twice in the same order, and its JSON report must decode to the same
/// findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  // Documents are a few KB; the rules' cost grows with length, and inputs past this size only slow the run.
  guard size <= 65_536 else { return 0 }
  let input = Data(UnsafeBufferPointer(start: data, count: size))
  let companion = LintFile(path: ExampleRepository.companionPath, data: companionBytes)

  let whole = [LintFile(path: "procedures/QP-020-fuzz.md", data: input), companion]
  let report = check(whole)
  guard ExampleRepository.linter.lint(whole).findings == report.findings else {
    fatalError("the same files, linted twice, gave different findings")
  }
  checkJSON(report)

  check([LintFile(path: "procedures/QP-021-fuzz.md", data: frontMatter + input), companion], peers: [peer])

  guard size >= 2 else { return 0 }
  let rest = input.dropFirst(2)
  let cut = rest.startIndex + (Int(input[input.startIndex]) | Int(input[input.startIndex + 1]) << 8) % (rest.count + 1)
  check([
    LintFile(path: "procedures/QP-030-first.md", data: Data(rest[..<cut])),
    LintFile(path: "work-instructions/WI-031-second.md", data: Data(rest[cut...])),
  ])
  return 0
}

/// A valid front matter for the body case: a procedure of the examples' policy, with an id nobody else has.
private let frontMatter = Data(
  "---\nid: QP-021\ntitle: Handle fuzzed input\ntype: procedure\nowner: maria@example.com\n---\n\n".utf8)

private let companionBytes = Data(ExampleRepository.companion.utf8)

/// A document that is read for what it tells the linted ones but not linted: it spells out two acronyms, has a
/// glossary, shares an id with a known document (QP-002), and references others.
private let peer = LintFile(
  path: "procedures/QP-002-peer.md",
  data: Data(
    ExampleRepository.procedure(
      id: "QP-002", title: "Internal audit",
      purpose: "The Lead Auditor (LA) plans each Internal Quality Audit (IQA) with QP-001 and F-001.",
      extra: "## Glossary\n\n- **NCR:** Non-Conformance Report.\n- **JSA** – Job Safety Analysis.\n"
    ).utf8))

/// Lints `files` (beside `peers`) in order and reversed, checks that both give the same findings and that each
/// finding lies in a linted file, and returns the first report.
@discardableResult
private func check(_ files: [LintFile], peers: [LintFile] = []) -> LintReport {
  let bytes = Dictionary(uniqueKeysWithValues: (files + peers).map { ($0.path, $0.data) })
  func lint(_ files: [LintFile]) -> LintReport {
    ExampleRepository.linter.lint(paths: files.map(\.path), peers: peers.map(\.path)) { bytes[$0]! }
  }
  let report = lint(files)
  let reversed = lint(files.reversed())
  // The report sorts by path, line, column, rule and message; findings equal in all five may come in either order.
  guard counts(report.findings) == counts(reversed.findings), report.summary == reversed.summary else {
    fatalError("the files in reverse order gave other findings:\n\(report.findings)\nreversed:\n\(reversed.findings)")
  }
  let lines = Dictionary(uniqueKeysWithValues: files.map { ($0.path, lineCount($0.data)) })
  let widths = Dictionary(uniqueKeysWithValues: files.map { ($0.path, checksWidths ? lineWidths($0.data) : nil) })
  for finding in report.findings {
    guard let count = lines[finding.path] else { fatalError("a finding on \(finding.path), which was not linted") }
    guard finding.line >= 1, finding.line <= count + 1, finding.column >= 1 else {
      fatalError("finding at line \(finding.line), column \(finding.column) of a \(count)-line file: \(finding)")
    }
    // The column counts characters of its line, so it is at most one past the line's last scalar (with
    // SOP_FUZZ_LINE_WIDTHS=1 only: cmark-gfm misplaces more inline text than is fixed yet, docs/fuzzing.md).
    if let widths = widths[finding.path] ?? nil, finding.line <= widths.count,
      finding.column > widths[finding.line - 1] + 1
    {
      fatalError("finding at column \(finding.column) of a \(widths[finding.line - 1])-scalar line: \(finding)")
    }
  }
  return report
}

private let checksWidths = ProcessInfo.processInfo.environment["SOP_FUZZ_LINE_WIDTHS"] == "1"

/// How many Unicode scalars each line of `data` holds, split at `\n` (a `\r` before it counts); nil when the text
/// holds another line break (a lone `\r`, which Markdown and YAML end a line at, or NEL, LS or PS, which YAML does),
/// so that the lines may be numbered otherwise.
private func lineWidths(_ data: Data) -> [Int]? {
  let text = String(decoding: data, as: UTF8.self)
  var widths: [Int] = []
  var width = 0
  var afterReturn = false
  for scalar in text.unicodeScalars {
    if afterReturn && scalar != "\n" { return nil }
    afterReturn = scalar == "\r"
    switch scalar {
    case "\n":
      widths.append(width)
      width = 0
    case "\u{85}", "\u{2028}", "\u{2029}": return nil
    default: width += 1
    }
  }
  return afterReturn ? nil : widths + [width]
}

private func counts(_ findings: [Finding]) -> [Finding: Int] {
  findings.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}

/// The lines of `data` by the widest reading of a line break (every Unicode newline, `\r\n` as one), so that no
/// reader the linter uses (cmark, YAML, its own) can count more.
private func lineCount(_ data: Data) -> Int {
  String(decoding: data, as: UTF8.self).reduce(1) { $1.isNewline ? $0 + 1 : $0 }
}

/// The JSON report decodes to the findings, less what it does not hold: the excerpt, metrics named like a fixed
/// key, and metrics that are not numbers (written as null).
private func checkJSON(_ report: LintReport) {
  let json = JSONReporter.render(report)
  guard let decoded = try? JSONDecoder().decode(LintReport.self, from: Data(json.utf8)) else {
    fatalError("the JSON report does not decode:\n\(json)")
  }
  let expected = report.findings.map { finding in
    var finding = finding
    finding.excerpt = ""
    finding.metrics = finding.metrics.filter { !Finding.fixedKeys.contains($0.key) && $0.value.isFinite }
    return finding
  }
  guard decoded.findings == expected, decoded.summary == report.summary else {
    fatalError("the JSON report decodes to other findings:\n\(json)\n\(decoded.findings)\n\(expected)")
  }
}

@_cdecl("FuzzLint_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
