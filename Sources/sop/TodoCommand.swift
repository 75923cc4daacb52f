import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation

/// `sop todo`: what is waiting for one person.
struct TodoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "todo",
    abstract: "List what waits for one person: documents to sign, reviews due, a policy change to approve.")

  @OptionGroup var global: GlobalOptions

  @Option(name: .customLong("for"), help: ArgumentHelp("The person's email.", valueName: "email"))
  var email: String?

  @Option(help: "A key file; the person is its owner in the policy in effect.")
  var key: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func validate() throws {
    if email != nil && key != nil { throw ValidationError("pass --for or --key, not both") }
  }

  func run() throws {
    let repository = try global.open()
    let subject: TodoSubject = email.map { .email($0) } ?? key.map { .key($0) } ?? .gitConfiguration
    let report: TodoReport
    do {
      report = try repository.todo(for: subject, now: currentTime())
    } catch {
      throw fail(repository.explained(error))
    }
    print(format == .json ? jsonText(report) : TodoText.render(report))
  }
}

/// Renders `sop todo` for people.
enum TodoText {
  static func render(_ report: TodoReport) -> String {
    var lines = ["Waiting for \(report.person.name) <\(report.person.email)>"]
    if !report.approve.isEmpty {
      lines.append("")
      lines.append("To approve (" + counted(report.approve.count, "document") + "; sop approve ID):")
      for item in report.approve {
        lines.append(
          "  \(item.id)  \(item.title)  r\(item.revision) as \(item.roles.joined(separator: " or "))"
            + (item.editorialWords.map { "  (editorial, \($0) words: sop approve --editorial)" } ?? ""))
      }
    }
    if !report.review.isEmpty {
      lines.append("")
      lines.append("Reviews due (" + counted(report.review.count, "document") + "; sop approve ID records the review):")
      for item in report.review {
        lines.append(
          "  \(item.id)  \(item.title)  " + (item.overdue ? "OVERDUE since " : "due ") + item.nextReview.prefix(10))
      }
    }
    if !report.acknowledge.isEmpty {
      lines.append("")
      lines.append(
        "To read and acknowledge (" + counted(report.acknowledge.count, "document")
          + "; sop acknowledge ID, or a trainer records it with sop train):")
      for item in report.acknowledge {
        let when: String
        switch item.state {
        case .overdue: when = "OVERDUE since \(item.due.prefix(10))"
        case .outdated: when = "revised; retrain by \(item.due.prefix(10))"
        default: when = "due by \(item.due.prefix(10))"
        }
        lines.append("  \(item.id)  \(item.title)  r\(item.revision)  \(when)")
      }
    }
    for item in report.policy {
      lines.append("")
      lines.append(
        "sop.yml: a change (blob \(item.blob.prefix(12))) waits for your admin signature (sop approve POLICY)")
    }
    if report.approve.isEmpty && report.review.isEmpty && report.policy.isEmpty && report.acknowledge.isEmpty {
      lines.append("Nothing waiting.")
    }
    return lines.joined(separator: "\n")
  }
}
