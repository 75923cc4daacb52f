import DocumentModel
import Foundation
import ParallelWork

/// Lints controlled documents: reads each file once, runs every enabled rule, and returns one report.
public struct Linter: Sendable {
  /// The repository policy (`sop.yml`), or nil when there is none.
  public let policy: Policy?
  /// Documents that references may point at, besides the files being linted.
  public let knownDocuments: [KnownDocument]
  /// Every file in the repository (relative paths), to check relative links.
  public let existingPaths: Set<String>
  /// The size of a file in the repository, asked only of the files documents link or embed.
  public let fileSize: @Sendable (String) -> Int?

  private let configuration: LintConfiguration
  private let existingDirectories: Set<String>
  /// `policy`, boxed once for every rule context (`RuleContext`).
  private let sharedPolicy: SharedPolicy?

  /// Problems in the `lint:` block of `sop.yml` (unknown rules, options, severities or types), as sentences.
  public var configurationWarnings: [String] { configuration.warnings }

  /// Creates a linter for one repository.
  public init(
    policy: Policy?, knownDocuments: [KnownDocument] = [], existingPaths: Set<String> = [],
    fileSize: @escaping @Sendable (String) -> Int? = { _ in nil }
  ) {
    self.fileSize = fileSize
    self.policy = policy
    sharedPolicy = policy.map(SharedPolicy.init)
    self.knownDocuments = knownDocuments
    self.existingPaths = existingPaths
    configuration = LintConfiguration(policy: policy)
    var directories = Set<String>()
    for path in existingPaths { directories.formUnion(DocumentIndex.directories(of: path)) }
    existingDirectories = directories
  }

  /// Lints `files` in parallel on all cores; the report is the same whatever the thread timing.
  public func lint(_ files: [LintFile]) -> LintReport {
    lint(paths: files.map(\.path)) { files[$0] }
  }

  /// Lints the files at `paths`, each read by `read` on the core that then lints it, so a file is
  /// parsed while its bytes are still in the cache and is let go as soon as it is checked. `peers` are the
  /// repository's other documents, read once each (in parallel) for what references may point at (they join
  /// `knownDocuments`) and for what they say about acronyms: `undefined-acronym` reports an acronym that
  /// another document spells out (or, with `min-documents`, that many documents leave unexplained), so one
  /// document linted by itself gets the same findings as in a run over the whole repository.
  public func lint(paths: [String], peers: [String] = [], reading read: @Sendable (String) -> Data) -> LintReport {
    lint(
      paths: paths, peerCount: peers.count, peer: { LintFile(path: peers[$0], data: read(peers[$0])) },
      file: { LintFile(path: paths[$0], data: read(paths[$0])) })
  }

  private func lint(
    paths: [String], peerCount: Int = 0, peer: @Sendable (Int) -> LintFile = { _ in LintFile(path: "", data: Data()) },
    file: @Sendable (Int) -> LintFile
  ) -> LintReport {
    let results = concurrentMap(count: paths.count) { check(file($0)) }
    let peers = concurrentMap(count: peerCount) { read(peer: peer($0)) }
    let linted = results.compactMap { outcome -> (path: String, id: DocumentID, status: DocumentStatus)? in
      guard let id = outcome.references?.id else { return nil }
      return (outcome.path, id, outcome.status)
    }
    let index = DocumentIndex(
      known: knownDocuments + peers.compactMap(\.known), linted: linted, policy: policy, existingPaths: existingPaths,
      directories: existingDirectories, lintedPaths: paths,
      lintedTitles: results.contains { !($0.references?.titles.isEmpty ?? true) } ? results.compactMap(\.title) : nil,
      fileSize: fileSize)
    let acronyms = UndefinedAcronymRule.Repository(
      results.compactMap { outcome in outcome.acronyms.map { (outcome.path, outcome.label, $0) } }
        + peers.compactMap { peer in peer.acronyms.map { (peer.path, peer.label, $0) } })
    var findings: [Finding] = []
    for outcome in results {
      var fileFindings = outcome.findings
      if let use = outcome.acronyms {
        fileFindings += acronyms.reported(use.findings, minDocuments: outcome.acronymMinDocuments)
      }
      if let references = outcome.references {
        for (ruleIndex, rule) in LintRules.repositoryRules {
          guard let context = context(ruleIndex: ruleIndex, path: outcome.path, type: outcome.typeName)
          else { continue }
          fileFindings += rule.check(references, index: index, context: context)
        }
      }
      if !outcome.controls.isEmpty {
        fileFindings.removeAll { outcome.controls.silences(rule: $0.rule, line: $0.line) }
      }
      findings += fileFindings
    }
    return LintReport(findings: findings, fileCount: paths.count)
  }

  /// The findings for one in-memory document (e.g. content about to be approved), checked against the
  /// known documents and paths.
  public func findings(forText text: String, path: String) -> [Finding] {
    lint([LintFile(path: path, data: Data(text.utf8))]).findings
  }

  /// What a document that is not linted tells the linted ones: the document references may point at, and what
  /// it says about acronyms. Nothing when it is not a readable document.
  private func read(peer file: LintFile) -> (
    known: KnownDocument?, path: String, label: String, acronyms: UndefinedAcronymRule.Use?
  ) {
    guard let text = try? DocumentText.split(path: file.path, data: file.data) else {
      return (nil, file.path, file.path, nil)
    }
    let frontMatter = try? text.frontMatter(path: file.path)
    let known = frontMatter.map {
      KnownDocument(id: $0.id, path: file.path, status: $0.status, title: $0.title)
    }
    let label = frontMatter?.id.description ?? file.path
    let document = LintDocument(path: file.path, text: text, frontMatter: frontMatter)
    return (known, file.path, label, acronymUse(document, path: file.path).use)
  }

  /// What a document says about acronyms, and the `min-documents` of its type. Where `undefined-acronym` is
  /// off for its type (a glossary or reference type, say), what it spells out and its glossary still count
  /// for the other documents; only its own findings are dropped.
  private func acronymUse(_ document: LintDocument, path: String) -> (use: UndefinedAcronymRule.Use, minDocuments: Int)
  {
    guard let context = context(ruleIndex: Self.acronymIndex, path: path, type: document.typeName) else {
      let defaults = RuleContext(
        ruleID: UndefinedAcronymRule.id, path: path, settings: ResolvedRuleSettings(), policy: sharedPolicy)
      var use = UndefinedAcronymRule.use(document, context: defaults)
      use.findings = []
      return (use, 0)
    }
    // Clamped: sop.yml only checks that the number is finite, and 1e19 is not an Int.
    let minDocuments = Int(min(max(context.option("min-documents"), 0), 1_000_000))
    return (UndefinedAcronymRule.use(document, context: context), minDocuments)
  }

  /// What one file yields before the repository rules run.
  private struct FileOutcome: Sendable {
    var path: String
    var findings: [Finding] = []
    /// What `undefined-acronym` found, kept or dropped once every document is read (`UndefinedAcronymRule.Repository`).
    var acronyms: UndefinedAcronymRule.Use?
    /// The rule's `min-documents` for this document's type.
    var acronymMinDocuments = 0
    /// How other documents' messages name this one: its id, else its path.
    var label = ""
    var typeName: String?
    var title: String?
    var status: DocumentStatus = .active
    var references: DocumentReferences?
    var controls = ControlComments.none
  }

  private func context(ruleIndex: Int, path: String, type: String?) -> RuleContext? {
    context(ruleIndex: ruleIndex, path: path, settings: configuration.settings(ruleIndex: ruleIndex, type: type))
  }

  private func context(ruleIndex: Int, path: String, settings: ResolvedRuleSettings) -> RuleContext? {
    guard settings.isEnabled else { return nil }
    return RuleContext(ruleID: LintRules.all[ruleIndex].id, path: path, settings: settings, policy: sharedPolicy)
  }

  private static let frontMatterIndex = LintRules.indexByID[FrontMatterRule.id]!
  private static let acronymIndex = LintRules.indexByID[UndefinedAcronymRule.id]!

  private func check(_ file: LintFile) -> FileOutcome {
    var outcome = FileOutcome(path: file.path)
    let frontMatterIndex = Self.frontMatterIndex
    let text: DocumentText
    do {
      text = try DocumentText.split(path: file.path, data: file.data)
    } catch {
      if let context = context(ruleIndex: frontMatterIndex, path: file.path, type: nil) {
        outcome.findings.append(FrontMatterRule.finding(for: error, context: context))
      }
      return outcome
    }
    var frontMatter: FrontMatter?
    var frontMatterError: DocumentModelError?
    do {
      frontMatter = try text.frontMatter(path: file.path)
    } catch {
      frontMatterError = error
    }
    let document = LintDocument(path: file.path, text: text, frontMatter: frontMatter)
    outcome.typeName = document.typeName
    outcome.title = document.title
    outcome.status = frontMatter?.status ?? .active
    if let frontMatterError,
      let context = context(ruleIndex: frontMatterIndex, path: file.path, type: document.typeName)
    {
      outcome.findings.append(FrontMatterRule.finding(for: frontMatterError, context: context))
    }
    let acronymUse = acronymUse(document, path: file.path)
    outcome.acronyms = acronymUse.use
    outcome.acronymMinDocuments = acronymUse.minDocuments
    // Every rule's settings for this document's type, looked up once.
    let settings = configuration.settings(type: document.typeName)
    for (ruleIndex, rule) in LintRules.documentRules where ruleIndex != Self.acronymIndex {
      guard let context = context(ruleIndex: ruleIndex, path: file.path, settings: settings[ruleIndex]) else {
        continue
      }
      outcome.findings += rule.check(document, context: context)
    }
    outcome.label = frontMatter?.id.description ?? file.path
    outcome.references = DocumentReferences(document: document)
    outcome.controls = document.controls
    return outcome
  }
}
