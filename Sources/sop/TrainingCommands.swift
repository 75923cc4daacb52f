import ArgumentParser
import DocumentControl
import Foundation
import Signatures

/// `sop acknowledge ID...`: the reader signs "read and understood" the approved content.
struct AcknowledgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "acknowledge",
    abstract: "Sign that you read and understood the approved content of documents (Acknowledges: trailers).",
    discussion: "See docs/training.md. Only approved content can be acknowledged.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Document ids.")
  var ids: [String]

  @OptionGroup var options: TrainingOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one document id to acknowledge") }
  }

  func run() throws {
    try options.record(ids: ids, attendees: [], global: global)
  }
}

/// `sop train ID... --attendee EMAIL...`: a training recorder records a toolbox talk or session.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Record that you trained people on the approved content of documents (Trained: trailers).",
    discussion: "Needs a training-recorders role (default quality or admin). See docs/training.md.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Document ids.")
  var ids: [String]

  @Option(
    name: .customLong("attendee"), help: ArgumentHelp("An attendee's email (repeat for each).", valueName: "email"))
  var attendees: [String] = []

  @OptionGroup var options: TrainingOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one document id") }
    if attendees.isEmpty { throw ValidationError("name at least one --attendee EMAIL") }
  }

  func run() throws {
    try options.record(ids: ids, attendees: attendees, global: global)
  }
}

/// The options `acknowledge` and `train` share.
struct TrainingOptions: ParsableArguments {
  @Option(help: "The SSH key to sign with: a private key, or a public key whose private half is in ssh-agent.")
  var key: String?

  @Option(help: "A note added to the commit message (the agenda, the place).")
  var message: String?

  @Flag(help: "Refuse documents the person is not required to know (training: in sop.yml).")
  var strict = false

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  /// Signs the record and prints the outcome.
  func record(ids: [String], attendees: [String], global: GlobalOptions) throws {
    var request = TrainingRequest(
      ids: ids, attendees: attendees, keyPath: key, message: message, now: approvalTime())
    request.strict = strict
    let repository = try global.open()
    do {
      let outcome = try repository.recordTraining(request, signer: { path in preferredSigner(forKeyFile: path) })
      if format == .json {
        print(jsonText(outcome))
        return
      }
      print(
        "\(attendees.isEmpty ? "Acknowledged" : "Training recorded") by \(outcome.signer) in commit \(outcome.commit.prefix(12))"
      )
      for record in outcome.records {
        print("  \(record.id) revision \(record.revision): \(record.email)")
      }
    } catch {
      throw fail(repository.explained(error))
    }
  }
}

/// `sop training`: the matrix of people × documents they must know.
struct TrainingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "training",
    abstract: "Show who is trained on the revision in force of each document they must know.",
    discussion: "States: current, due, overdue, outdated (trained on an older revision). See docs/training.md.")

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Only this person.", valueName: "email"))
  var person: String?

  @Option(help: ArgumentHelp("Only this document.", valueName: "id"))
  var document: String?

  @Option(help: "The revision to report at (default HEAD).")
  var at: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let repository = try global.open()
    let report: TrainingReport
    do {
      report = try repository.training(person: person, document: document, at: at, now: currentTime())
    } catch {
      throw fail(repository.explained(error))
    }
    print(format == .json ? jsonText(report) : TrainingText.render(report))
  }
}

/// Renders `sop training` for people.
enum TrainingText {
  static func render(_ report: TrainingReport) -> String {
    var lines: [String] = []
    for person in report.people {
      lines.append("\(person.name) <\(person.email)>")
      if person.documents.isEmpty { lines.append("  nothing to know (training: in sop.yml)") }
      for entry in person.documents {
        var line = "  \(entry.id)  r\(entry.revision)  \(entry.state.rawValue)"
        switch entry.state {
        case .current:
          if let record = entry.record {
            line +=
              "  (\(record.kind.rawValue) r\(record.revision) \(record.time.prefix(10))"
              + (record.kind == .trained ? " by \(record.by))" : ")")
          }
        case .due: line += "  by \(entry.due.prefix(10))"
        case .overdue: line += "  since \(entry.due.prefix(10))"
        case .outdated:
          line += "  (trained on r\(entry.record?.revision ?? 0); retrain by \(entry.due.prefix(10)))"
        }
        lines.append(line)
      }
    }
    let summary = report.summary
    if lines.isEmpty {
      lines.append(
        "Nobody has an approved document to know: sop.yml's training: says who must know what (docs/training.md).")
    }
    lines.append("")
    lines.append(
      "\(summary.current) current, \(summary.due) due, \(summary.overdue) overdue, \(summary.outdated) outdated")
    return lines.joined(separator: "\n")
  }
}
