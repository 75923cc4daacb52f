import ArgumentParser
import DocumentControl
import Foundation

/// `sop guard`: the shared repository's `pre-receive` hook.
struct GuardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guard",
    abstract: "Reject pushes that would break the approval record (a git pre-receive hook).",
    discussion: """
      Install in the shared (bare) repository:
        printf '#!/bin/sh\\nexec sop guard\\n' > hooks/pre-receive && chmod +x hooks/pre-receive
      Reads '<old> <new> <ref>' lines on standard input, as git gives them, and exits 1 (git then
      refuses the whole push) when any update would add a second root, roll sop.yml back, delete or move
      a published/* tag, rewrite the default branch, or add an approval or snapshot that sop verify flags.
      """)

  func run() throws {
    var updates: [ReferenceUpdate] = []
    while let line = readLine() {
      guard !line.isEmpty else { continue }
      guard let update = ReferenceUpdate(hookLine: line) else {
        printError("sop guard: not a pre-receive line: \(line)")
        throw ExitCode(2)
      }
      updates.append(update)
    }
    let repository: DocumentRepository
    do {
      repository = try DocumentRepository(fromGitEnvironment: ())
      repository.notify = { printError("sop guard: \($0)") }
    } catch {
      throw fail(error)
    }
    let rejections: [GuardRejection]
    do {
      rejections = try repository.guardPush(updates)
    } catch {
      throw fail(error)
    }
    for rejection in rejections {
      printError("sop guard: rejected \(rejection.reference): \(rejection.reason)")
    }
    if !rejections.isEmpty { throw ExitCode(1) }
  }
}
