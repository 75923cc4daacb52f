import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation
import Signatures

/// `sop status`: the inventory with derived revision, state, approvals and review dates.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "List documents with their derived revision, state and next review.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Option(help: "Show the repository as it was at this revision.")
  var at: String?

  func run() throws {
    let repository = try global.open()
    let report: StatusReport
    do {
      report = try repository.status(at: at, now: currentTime())
    } catch {
      throw fail(error)
    }
    if format == .json {
      // The same bytes as `jsonText(report)`, written by hand: the encoder was a tenth of a cold status.
      printLine(report.prettyJSONBytes)
    } else {
      print(StatusText.render(report))
    }
    endWithoutFreeing(report.problems.isEmpty ? 0 : 1)
  }
}

/// Renders `sop status` for people.
enum StatusText {
  static func render(_ report: StatusReport) -> String {
    var lines: [String] = []
    let idWidth = max(6, report.documents.map(\.id.count).max() ?? 0) + 2
    let titleWidth = min(44, max(8, report.documents.map { displayWidth($0.title) }.max() ?? 0)) + 2
    lines.append(
      padded("ID", idWidth) + padded("REV", 5) + padded("STATE", 10) + padded("TITLE", titleWidth) + "NOTES")
    for document in report.documents {
      var notes: [String] = []
      if !document.missing.isEmpty { notes.append("needs " + document.missing.joined(separator: ", ")) }
      if let editorial = document.editorial {
        notes.append(
          "or " + (editorial.missing.isEmpty ? "editorial" : "needs \(editorial.missing.joined(separator: ", "))")
            + " (editorial, \(editorial.words) word\(editorial.words == 1 ? "" : "s"))")
      }
      if let stuck = document.stuck { notes.append("STUCK: " + stuck) }
      if let next = document.nextReview {
        notes.append((document.reviewOverdue ? "REVIEW OVERDUE since " : "review by ") + next.prefix(10))
      }
      lines.append(
        padded(document.id, idWidth) + padded("r\(document.revision)", 5) + padded(document.state.rawValue, 10)
          + padded(truncated(document.title, width: titleWidth - 2), titleWidth) + notes.joined(separator: "; "))
    }
    let approved = report.documents.filter { $0.state == .approved }.count
    let drafts = report.documents.filter { $0.state == .draft }.count
    lines.append("")
    lines.append(
      counted(report.documents.count, "document") + ": \(approved) approved, \(drafts) draft, "
        + "\(report.documents.count - approved - drafts) obsolete")
    if let policy = report.policy {
      lines.append(
        policy.state == .approved
          ? "sop.yml: in effect (policy revision \(policy.revision))"
          : "sop.yml: changed, not in effect until " + counted(policy.missing, "more admin approval")
            + " (sop approve POLICY)")
    }
    if !report.problems.isEmpty {
      lines.append("")
      lines.append(counted(report.problems.count, "problem") + ":")
      for problem in report.problems {
        lines.append("\(problem.path):\(problem.line):\(problem.column): \(problem.message)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// `sop show ID`: the document as stored at a revision.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print a document as it was at a revision of the repository.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document id (or POLICY for sop.yml).")
  var id: String

  @Option(help: "rN, published/N, work or a commit (default HEAD), as for sop diff.")
  var at: String?

  func run() throws {
    let repository = try global.open()
    do {
      let bytes = try repository.show(id: id, at: at)
      FileHandle.standardOutput.write(Data(bytes))
    } catch {
      throw fail(error)
    }
  }
}

/// `sop log ID`: revisions with approvers and the changes between them.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "Show a document's revisions, signatures and change commits.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document id (or POLICY).")
  var id: String

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Option(help: "As of this revision (default HEAD).")
  var at: String?

  func run() throws {
    let repository = try global.open()
    do {
      let log = try repository.log(id: id, at: at)
      print(format == .json ? jsonText(log) : LogText.render(log))
    } catch {
      throw fail(error)
    }
  }
}

/// Renders `sop log` like an eQMS change history.
enum LogText {
  static func render(_ log: DocumentLog) -> String {
    let inForce = log.revisions.last { $0.revoked == nil }?.revision ?? 0
    var lines = ["\(log.id)  \(log.title)  (\(log.state), revision \(inForce))", ""]
    for revision in log.revisions.reversed() {
      lines.append(
        "Revision \(revision.revision)  approved \(readable(revision.approvedAt))  blob \(revision.blob)"
          + (revision.editorialWords.map { "  (editorial change, \($0) words)" } ?? ""))
      if let revoked = revision.revoked {
        lines.append(
          "  REVOKED \(readable(revoked.time)) by \(revoked.name) <\(revoked.email)>, commit \(revoked.commit.prefix(12)): "
            + "\(revoked.reason.isEmpty ? "(no reason given)" : revoked.reason) (not in force)")
      }
      for signature in revision.approvals + revision.reviews {
        lines.append("  " + signatureLine(signature))
      }
      if !revision.changes.isEmpty { lines.append("  Changes:") }
      for change in revision.changes.reversed() {
        lines.append("    \(change.commit.prefix(7)) \(change.time.prefix(10)) \(change.author): \(change.subject)")
      }
      if revision.retraining == "not-required" {
        lines.append("  Retraining not required: earlier training carries over")
      }
      if !revision.training.isEmpty { lines.append("  Training:") }
      for record in revision.training {
        lines.append(
          "    \(record.time.prefix(10)) \(record.kind.rawValue): \(record.name) <\(record.email)>"
            + (record.kind == .trained ? " by \(record.by)" : ""))
      }
      lines.append("")
    }
    if !log.pendingChanges.isEmpty || !log.pendingApprovals.isEmpty {
      lines.append("Not yet approved:")
      for change in log.pendingChanges.reversed() {
        lines.append("    \(change.commit.prefix(7)) \(change.time.prefix(10)) \(change.author): \(change.subject)")
      }
      for signature in log.pendingApprovals { lines.append("  " + signatureLine(signature)) }
    }
    if log.revisions.isEmpty && log.pendingChanges.isEmpty { lines.append("No approved revisions yet.") }
    return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
  }

  static func signatureLine(_ signature: SignatureEntry) -> String {
    "\(signature.meaning)  \(signature.name) <\(signature.email)> as \(signature.role)  \(readable(signature.time))  "
      + "\(signature.fingerprint)  commit \(signature.commit.prefix(12))"
      + (signature.comment.map { "\n      \"\($0)\"" } ?? "")
  }

  static func readable(_ iso: String) -> String {
    String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
  }
}

/// `sop verify`: audits every approval commit and published tag.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify", abstract: "Check every approval commit and published tag; exit 1 on problems.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let repository = try global.open()
    let report: VerifyReport
    do {
      report = try repository.verify()
    } catch {
      throw fail(error)
    }
    if format == .json {
      print(jsonText(report))
    } else {
      for problem in report.problems {
        print("\(problem.commit.prefix(12)) \(problem.document) \(problem.kind.rawValue): \(problem.message)")
      }
      print("trusted root: \(report.root) (git config sop.root)")
      print(
        (report.ok ? "ok: " : counted(report.problems.count, "problem") + ": ") + "checked "
          + counted(report.checkedCommits, "signed record") + " (approvals, revocations, training) and "
          + counted(report.checkedTags, "published tag"))
    }
    if !report.ok { throw ExitCode(1) }
  }
}

/// `sop keys`: the effective policy's keys as a git allowed-signers file.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Print the effective policy's keys in git's allowed-signers format.",
    discussion: """
      sop keys > .git/allowed_signers
      git config gpg.ssh.allowedSignersFile .git/allowed_signers
      Then git log --show-signature and git verify-commit agree with sop about who signed.
      """)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let repository = try global.open()
    do {
      let ledger = try repository.ledger(at: try repository.commit(nil))
      guard let policy = ledger.effectivePolicy?.policy else { throw ControlError.noPolicy(revision: "HEAD") }
      var signers: [AllowedSigner] = []
      for person in policy.people {
        for line in person.keys {
          guard let key = try? SSHPublicKey(authorizedKey: line),
            let signer = try? AllowedSigner(principal: person.email, key: key, namespaces: ["git"])
          else {
            printError("sop: skipping a key of \(person.email) that does not parse: \(line.prefix(40))…")
            continue
          }
          signers.append(signer)
        }
        // A revoked key stays listed for what it signed before its revocation, as git's valid-before.
        for revocation in person.revokedKeys {
          let date = UTCDate(Date(timeIntervalSince1970: TimeInterval(revocation.at)))
          let before = String(
            format: "%04d%02d%02d%02d%02d%02dZ", date.year, date.month, date.day, date.hour, date.minute, date.second)
          guard let key = try? SSHPublicKey(authorizedKey: revocation.key),
            let signer = try? AllowedSigner(
              principal: person.email, key: key, namespaces: ["git"], validBefore: before)
          else { continue }
          signers.append(signer)
        }
      }
      print(renderAllowedSigners(signers), terminator: "")
    } catch let error as ControlError {
      throw fail(error)
    }
  }
}
