import ArgumentParser
import DocumentControl
import Foundation
import GitStore

/// The `sop` command: document control for ISO 9001-style management systems on git.
@main
struct SopCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "sop",
    abstract: "Document control on git: procedures as Markdown, approvals as signed commits.",
    discussion: "Exit codes: 0 ok, 1 findings or problems, 2 usage or input error. See docs/cli.md.",
    version: version,
    subcommands: [
      InitCommand.self, NewCommand.self, StatusCommand.self, ShowCommand.self, ApproveCommand.self,
      LogCommand.self, DiffCommand.self, TodoCommand.self, VerifyCommand.self, KeysCommand.self, LintCommand.self,
      PublishCommand.self, RenderCommand.self, GuardCommand.self, ReviewCommand.self, RevokeCommand.self,
      WithdrawCommand.self, AcknowledgeCommand.self, TrainCommand.self, TrainingCommand.self, PdfCommand.self,
      ServeCommand.self,
    ])

  /// Moves a leading `-C PATH` (git's habit: `sop -C repo status`) after the subcommand, where it is declared.
  static func argumentsWithGlobalOptionsMoved(_ arguments: [String]) -> [String] {
    var rest = arguments
    var leading: [String] = []
    while rest.count >= 2, rest[0] == "-C" {
      leading += rest[0...1]
      rest.removeFirst(2)
    }
    guard !leading.isEmpty, !rest.isEmpty else { return arguments }
    rest.insert(contentsOf: leading, at: 1)
    return rest
  }

  /// Parses, runs, and maps every failure to sop's exit codes (argument errors are 2, not 64).
  static func main() {
    // libgit2 starts on another thread while the arguments are parsed; the first repository opened waits for it.
    Thread.detachNewThread { Repository.startLibrary() }
    do {
      var command = try parseAsRoot(argumentsWithGlobalOptionsMoved(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((message.isEmpty ? "\(error)" : message).utf8 + [10]))
      Foundation.exit(2)
    }
  }
}
