import DocumentModel
import Foundation
import Testing

@Suite("sop.yml policy")
struct PolicyTests {
  let yaml = """
    version: 1
    organisation: Acme Builders Pty Ltd
    people:
      - email: alice@acme.example
        name: Alice Nguyen
        roles: [quality, admin]
        keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA alice@laptop"]
      - email: bob@acme.example
        name: no
        roles: [operations]
    types:
      procedure:
        prefix: QP
        approvals: [quality, owner]
        review-every: 12 months
        required-sections: [Purpose, Scope]
    documents: ["**/*.md"]
    """

  func failure(_ text: String) -> DocumentModelError? {
    do {
      _ = try Policy.decode(yaml: text)
      return nil
    } catch {
      return error
    }
  }

  @Test("The documented keys decode into typed values with defaults")
  func decodes() throws {
    let policy = try Policy.decode(yaml: yaml)
    #expect(policy.organisation == "Acme Builders Pty Ltd")
    #expect(policy.people[1].name == "no")
    #expect(policy.types["procedure"]?.reviewEvery == ReviewInterval(count: 12, unit: .months))
    #expect(policy.allowsSelfApproval == false)
    #expect(policy.policyApprovals == 1)
    #expect(policy.publishRoles == ["admin"])
    #expect(policy.person(email: "ALICE@acme.example")?.name == "Alice Nguyen")
    #expect(policy.typeName(forPrefix: "QP") == "procedure")
  }

  @Test("A typo'd key is an error naming the key and its line, with a suggestion")
  func typo() {
    let broken = failure(yaml.replacingOccurrences(of: "approvals: [quality, owner]", with: "aprovals: [quality]"))
    guard case .unknownKey(_, 14, "types.procedure.aprovals", let hint)? = broken else {
      Issue.record("got \(String(describing: broken))")
      return
    }
    #expect(hint == "did you mean 'approvals'?")
    #expect(failure(yaml + "\nreviewers: 2\n")?.line == 18)
  }

  @Test("Wrong types and values name the key and line")
  func invalidValues() {
    let interval = failure(yaml.replacingOccurrences(of: "12 months", with: "yearly"))
    #expect(interval?.key == "types.procedure.review-every")
    #expect(interval?.line == 15)
    #expect(failure(yaml.replacingOccurrences(of: "version: 1", with: "version: 2"))?.key == "version")
    #expect(failure(yaml.replacingOccurrences(of: "roles: [operations]", with: "roles: operations"))?.line == 10)
    let duplicate = failure(yaml.replacingOccurrences(of: "bob@acme.example", with: "alice@acme.example"))
    #expect(duplicate?.message.contains("listed twice") == true)
  }

  @Test("Malformed YAML in sop.yml reports its line")
  func malformed() {
    let broken = failure("version: 1\norganisation: [unclosed\npeople: []\n")
    guard case .malformedYAML(_, let line, _, _)? = broken else {
      Issue.record("got \(String(describing: broken))")
      return
    }
    #expect(line >= 2)
  }

  @Test("Review intervals add calendar periods in UTC")
  func intervals() {
    let start = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14
    let later = ReviewInterval("12 months")!.adding(to: start)
    #expect(later.timeIntervalSince(start) == 366 * 86_400)
    #expect(ReviewInterval("1 year") == ReviewInterval(count: 1, unit: .years))
    #expect(ReviewInterval("soon") == nil)
  }

  @Test("Review periods longer than 1000 years are refused, and huge dates never trap")
  func hostileIntervals() throws {
    #expect(ReviewInterval("1000 years") == ReviewInterval(count: 1_000, unit: .years))
    for text in ["1001 years", "12001 months", "52180 weeks", "365251 days", "9223372036854775807 weeks"] {
      #expect(ReviewInterval(text) == nil, "\(text)")
    }
    let endOfTime = Date(timeIntervalSince1970: TimeInterval(Int64.max))
    for unit in [ReviewInterval.Unit.days, .weeks, .months, .years] {
      _ = ReviewInterval(count: 1_000, unit: unit).adding(to: endOfTime)
      _ = ReviewInterval(count: .max, unit: unit).adding(to: Date(timeIntervalSince1970: 0))
    }
    #expect(throws: DocumentModelError.self) {
      try Policy.decode(
        yaml: "version: 1\ntypes:\n  procedure:\n    prefix: QP\n    review-every: 9223372036854775807 weeks\n")
    }
  }

  @Test(
    "Whole numbers are decimal: YAML 1.1 base-60 numbers are an error, never an overflow",
    arguments: ["version: 22:2222222222222222222:22", "policy-approvals: 1:1:1:1:1:1:1:1:1:1:1:1", "version: 1.0"])
  func sexagesimal(line: String) {
    let base = "version: 1\norganisation: A\npeople: []\ntypes: {}\n"
    let yaml = base.replacingOccurrences(
      of: "version: 1\n", with: line.hasPrefix("version") ? line + "\n" : "version: 1\n" + line + "\n")
    #expect(throws: DocumentModelError.self) { try Policy.decode(yaml: yaml) }
    #expect((try? Policy.decode(yaml: base + "policy-approvals: 2\n"))?.policyApprovals == 2)
  }

  @Test("UTC dates are exact over every Int second and clamp beyond it")
  func extremeDates() {
    #expect(UTCDate(seconds: .max).isoText == "292277026596-12-04T15:30:07Z")
    #expect(UTCDate(seconds: .min).isoText == "-292277022657-01-27T08:29:52Z")
    #expect(UTCDate(seconds: -1).isoText == "1969-12-31T23:59:59Z")
    #expect(UTCDate(seconds: -86_400).isoText == "1969-12-31T00:00:00Z")
    #expect(UTCDate(Date(timeIntervalSince1970: TimeInterval(Int64.max))) == UTCDate(seconds: .max))
    #expect(UTCDate(Date(timeIntervalSince1970: -1e300)) == UTCDate(seconds: .min))
    #expect(UTCDate(Date(timeIntervalSince1970: .nan)) == UTCDate(seconds: 0))
    #expect(UTCDate(Date(timeIntervalSince1970: 1_700_000_000.5)).isoText == "2023-11-14T22:13:20Z")
  }

  @Test("Date texts written digit by digit are the interpolated texts")
  func dateTexts() {
    // The texts before years 0 to 9999 were written digit by digit.
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(abs(value))
      let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
      return value < 0 ? "-" + padded : padded
    }
    let edges = [
      0, -1, 1, 86_399, 86_400, -62_167_219_200, -62_167_219_201, 253_402_300_799, 253_402_300_800, .max, .min,
      951_782_400, 1_700_000_000,
    ]
    // A step that is no whole number of minutes, hours or days, so every field takes many values.
    let spread = Array(stride(from: -70_000_000_000, to: 260_000_000_000, by: 109_999_997))
    for seconds in edges + spread {
      let date = UTCDate(seconds: seconds)
      let day = "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
      let time = "\(pad(date.hour, 2)):\(pad(date.minute, 2)):\(pad(date.second, 2))"
      #expect(date.isoText == "\(day)T\(time)Z", "\(seconds)")
      #expect(date.dateTimeText == "\(day) \(time) UTC", "\(seconds)")
    }
  }

  @Test("Document selection skips README, CHANGELOG and templates, and honours globs")
  func selection() {
    let all = DocumentSelection(patterns: nil)
    #expect(all.includes("procedures/qp-1.md"))
    #expect(!all.includes("README.md") && !all.includes("docs/CHANGELOG.md") && !all.includes("templates/form.md"))
    #expect(!all.includes("notes.txt"))
    let narrow = DocumentSelection(patterns: ["procedures/**/*.md", "*.md"])
    #expect(narrow.includes("procedures/a/b/qp.md") && narrow.includes("procedures/qp.md"))
    #expect(narrow.includes("top.md"))
    #expect(!narrow.includes("forms/f.md"))
  }

  @Test("Document selection names a file as splitting its path by Characters does")
  func selectionNames() {
    // The selection before it searched for the last "/" instead of splitting every path.
    func reference(_ selection: DocumentSelection, _ path: String) -> Bool {
      guard path.hasSuffix(".md") else { return false }
      let name = path.split(separator: "/").last.map(String.init) ?? path
      if name == "README.md" || name == "CHANGELOG.md" || path.hasPrefix("templates/") { return false }
      guard let patterns = selection.patterns, !patterns.isEmpty else { return true }
      return patterns.contains { Glob.matches(pattern: $0, path: path) }
    }
    let selections = [
      DocumentSelection(patterns: nil), DocumentSelection(patterns: []), DocumentSelection(patterns: ["**/*.md"]),
    ]
    let paths = [
      "", ".md", "/.md", "README.md", "/README.md", "a//README.md", "a/README.md", "a/CHANGELOG.md", "CHANGELOG.md",
      "a/README.mdx", "a/readme.md", "templates/x.md", "a/templates/x.md", "a\u{600}/README.md",
      "a/\u{301}README.md", "a/README.md\u{301}", "a/README.m\u{301}d", "a/\u{600}README.md", "/", "a/b/c.md",
      "\u{1F469}\u{200D}/README.md", "a/R\u{45}ADME.md", "é/README.md", "README.md/x.md", "x/.md",
    ]
    for selection in selections {
      for path in paths {
        #expect(selection.includes(path) == reference(selection, path), "\(path.debugDescription)")
      }
    }
  }

  @Test("site.suggest-change: an http(s) or mailto URL template; anything else is an error with its line")
  func suggestChange() throws {
    #expect(try Policy.decode(yaml: yaml).suggestChange == nil)
    let mail = "mailto:quality@acme.example?subject={id}%20revision%20{revision}"
    let policy = try Policy.decode(yaml: yaml + "\nsite:\n  suggest-change: \"\(mail)\"\n")
    #expect(policy.suggestChange == mail)
    let tracker = try Policy.decode(yaml: yaml + "\nsite: {suggest-change: 'https://tracker.example/new?t={title}'}\n")
    #expect(tracker.suggestChange == "https://tracker.example/new?t={title}")
    for bad in ["javascript:alert(1)", "ftp://x.example/{id}", "https://x.example/a b", "https://", "data:text/html,x"]
    {
      let error = failure(yaml + "\nsite:\n  suggest-change: '\(bad)'\n")
      #expect(error?.key == "site.suggest-change", "\(bad)")
      #expect(error?.line == 19, "\(bad)")
    }
    #expect(failure(yaml + "\nsite:\n  suggest-chang: 'https://x.example'\n")?.line == 19)
  }

  @Test("A policy without site: encodes exactly as before; with it, the key round-trips")
  func suggestChangeEncoding() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plain = String(decoding: try encoder.encode(try Policy.decode(yaml: yaml)), as: UTF8.self)
    #expect(!plain.contains("site"))
    var policy = try Policy.decode(yaml: yaml)
    policy.suggestChange = "https://x.example/{id}"
    let data = try encoder.encode(policy)
    #expect(
      String(decoding: data, as: UTF8.self).contains("\"site\":{\"suggest-change\":\"https:\\/\\/x.example\\/{id}\"}"))
  }
}
