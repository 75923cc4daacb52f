import DocumentModel
import Foundation
import GitStore
import ProcedureLint

/// The result of linting the work tree.
public struct LintOutcome: Sendable {
  /// The findings.
  public var report: LintReport
  /// Problems in the `lint:` block of `sop.yml`, as sentences (printed as warnings).
  public var configurationWarnings: [String]
}

extension DocumentRepository {
  /// Lints documents in the work tree, committed or not. `paths` are files or folders (relative to
  /// `directory` or absolute); none means every document in the repository.
  public func lint(paths: [String], relativeTo directory: String) throws(ControlError) -> LintOutcome {
    let policy = try workTreePolicy()
    let selection = DocumentSelection(patterns: policy?.documents)
    let allFiles = workTreeFiles()
    var targets: [String] = []
    if paths.isEmpty {
      targets = allFiles.filter(selection.includes)
    } else {
      for path in paths {
        let relative = try repositoryRelative(path, from: directory)
        let isFolder = relative.isEmpty || allFiles.contains { $0.hasPrefix(relative + "/") }
        if isFolder {
          let prefix = relative.isEmpty ? "" : relative + "/"
          targets += allFiles.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".md") && selection.includes($0) }
        } else if allFiles.contains(relative) {
          targets.append(relative)
        } else {
          throw .invalidArgument("\(path): no such file in the work tree")
        }
      }
    }
    targets = Array(Set(targets)).sorted()
    let targetSet = Set(targets)
    // The other documents: what references may point at, and what they say about acronyms
    // (`undefined-acronym` reports those another document spells out); the linter reads each once, in parallel.
    let peers = allFiles.filter { selection.includes($0) && !targetSet.contains($0) }
    let root = root
    let linter = Linter(policy: policy, existingPaths: Set(allFiles)) { path in
      (try? FileManager.default.attributesOfItem(atPath: root + "/" + path))?[.size] as? Int
    }
    let report = linter.lint(paths: targets, peers: peers) { WorkTree.read(root + "/" + $0) }
    return LintOutcome(report: report, configurationWarnings: linter.configurationWarnings)
  }

  /// Error findings for committed content about to be signed, as `path:line:column: rule: message` lines.
  func blockingFindings(for documents: [StoredDocument], at commit: ObjectID, inventory: Inventory, policy: Policy)
    throws(ControlError) -> [String]
  {
    guard !documents.isEmpty else { return [] }
    let files: [TreeFile]
    var lintFiles: [LintFile] = []
    do {
      files = try git.files(inCommit: commit)
      for document in documents {
        lintFiles.append(LintFile(path: document.path, data: Data(try git.blob(document.blob))))
      }
    } catch {
      throw .git(error)
    }
    let linted = Set(documents.map(\.path))
    let known = inventory.documents.values.filter { !linted.contains($0.path) }.map {
      KnownDocument(id: $0.id, path: $0.path, status: $0.document.frontMatter.status)
    }
    let blobs = Dictionary(files.map { ($0.path, $0.blob) }) { first, _ in first }
    let gitDirectory = git.gitDirectory
    let linter = Linter(policy: policy, knownDocuments: known, existingPaths: Set(files.map(\.path))) { path in
      // Asked only of linked files, from any thread: a handle of its own.
      guard let blob = blobs[path], let repository = try? DocumentRepository(discoveringFrom: gitDirectory) else {
        return nil
      }
      return try? repository.git.blob(blob).count
    }
    let report = linter.lint(lintFiles)
    return report.findings.filter { $0.severity == .error }.map {
      "\($0.path):\($0.line):\($0.column): \($0.rule): \($0.message)"
    }
  }

  /// `sop.yml` as it is in the work tree (lint judges uncommitted work), or nil when there is none.
  func workTreePolicy() throws(ControlError) -> Policy? {
    let url = URL(fileURLWithPath: root).appendingPathComponent(Policy.fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    do {
      return try Policy.decode(data: data)
    } catch {
      throw .document(error)
    }
  }

  /// Every file in the work tree, relative and sorted: hidden and ignored folders are skipped, and
  /// ignored Markdown files too (other ignored files only ever serve as link targets).
  func workTreeFiles() -> [String] {
    // Tracked files are never ignored, so git is asked only about untracked documents and folders.
    let tracked = (try? git.indexPaths()) ?? []
    let files = WorkTree.files(under: root) { entry in
      if entry.name.hasPrefix(".") { return false }
      switch entry.kind {
      case .directory:
        return !git.isIgnored(entry.path + "/")
      case .file, .symbolicLink:
        // Asking git about every file is slow on big trees; only documents need the exact answer.
        return !entry.path.hasSuffix(".md") || tracked.contains(entry.path) || !git.isIgnored(entry.path)
      }
    }
    return files.sorted()
  }

  private func repositoryRelative(_ path: String, from directory: String) throws(ControlError) -> String {
    let absolute = path.hasPrefix("/") ? path : directory + "/" + path
    let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    if standardized == rootPath { return "" }
    guard standardized.hasPrefix(rootPath + "/") else {
      throw .invalidArgument("\(path) is outside the repository at \(root)")
    }
    return String(standardized.dropFirst(rootPath.count + 1))
  }

}
