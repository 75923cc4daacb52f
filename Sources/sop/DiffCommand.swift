import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation

/// `sop diff ID [FROM [TO]]`: what changed, word by word, with the change commits and their authors.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Show what changed in a document, word by word, and who changed it.",
    discussion: """
      FROM and TO: rN (the Nth approved revision; r0 = nothing), published/N (the content that snapshot lists),
      work (the file in the work tree) or any commit. Default: the revision in force against HEAD.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document id (or POLICY).")
  var id: String

  @Argument(help: "The older content (default: the revision in force).")
  var from: String?

  @Argument(help: "The newer content (default: HEAD).")
  var to: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let repository = try global.open()
    let diff: DocumentDiff
    do {
      diff = try repository.diff(id: id, from: from, to: to)
    } catch {
      throw fail(error)
    }
    let isColored = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    print(format == .json ? jsonText(diff) : DiffText.render(diff, isColored: isColored))
  }
}

/// Renders `sop diff` for people: marked words when piped, colour on a terminal.
enum DiffText {
  static func render(_ diff: DocumentDiff, isColored: Bool) -> String {
    func side(_ side: DiffSide) -> String {
      side.selector + (side.blob.map { " (blob \($0.prefix(12)))" } ?? "")
    }
    var lines = ["\(diff.id)  \(diff.title)", "\(side(diff.from)) → \(side(diff.to))"]
    if !diff.changes.isEmpty {
      lines.append("")
      lines.append(counted(diff.changes.count, "change commit") + ":")
      for change in diff.changes {
        lines.append(
          "  \(change.commit.prefix(7)) \(change.time.prefix(10)) \(change.author) <\(change.email)>: \(change.subject)"
        )
      }
    }
    if diff.uncommittedEdits { lines.append("  (and edits in the work tree, not committed)") }
    lines.append("")
    if diff.blocks.isEmpty {
      lines.append("No changes in the text.")
      return lines.joined(separator: "\n")
    }
    for block in diff.blocks {
      var text = block.marker.isEmpty ? "" : block.marker + " "
      if block.kind == "heading" { text = "# " }
      var previous: String?
      for piece in block.pieces {
        // A replacement reads as one edit, like git's --word-diff: `[-old-]{+new+}`, no space between.
        if piece.spaced && !(previous == "delete" && piece.operation == "insert") { text += " " }
        text += marked(piece, isColored: isColored)
        previous = piece.operation
      }
      lines.append(text)
      lines.append("")
    }
    lines.append(
      counted(diff.insertedWords, "word") + " inserted, " + counted(diff.deletedWords, "word") + " deleted"
        + (diff.wordLevel ? "" : " (some passages too large to compare word by word are shown whole)"))
    switch diff.retraining {
    case "required"?:
      lines.append(
        "Retraining: required (people who must know \(diff.id) train again, unless every approval says "
          + "sop approve --no-retraining)")
    case .some:
      lines.append("Retraining: not required (every approval so far says --no-retraining; training carries over)")
    case nil: break
    }
    return lines.joined(separator: "\n")
  }

  static func marked(_ piece: DiffPiece, isColored: Bool) -> String {
    switch (piece.operation, isColored) {
    case ("delete", true): return "\u{1B}[31m\(piece.text)\u{1B}[0m"
    case ("insert", true): return "\u{1B}[32m\(piece.text)\u{1B}[0m"
    case ("delete", false): return "[-\(piece.text)-]"
    case ("insert", false): return "{+\(piece.text)+}"
    default: return piece.text
    }
  }
}
