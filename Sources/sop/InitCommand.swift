import ArgumentParser
import DocumentControl
import Foundation
import GitStore

/// `sop init [DIR]`: a git repository, a commented sop.yml, folders per type and a .gitignore.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Set up a folder for document control (never overwrites sop.yml).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The folder to set up (default: the current folder).")
  var directory: String?

  @Option(
    help: "Your SSH key file for sop.yml (default: git's user.signingkey, else ~/.ssh/id_ed25519.pub).")
  var key: String?

  func run() throws {
    let target = directory.map { $0.hasPrefix("/") ? $0 : global.path + "/" + $0 } ?? global.path
    let person = gitIdentity(at: target)
    do {
      let outcome = try RepositorySetup.initialize(at: target, person: person, keyPath: key)
      if outcome.createdRepository { print("Initialised a git repository in \(outcome.root)") }
      for path in outcome.created { print("created \(path)") }
      print(
        "Next: check sop.yml (people, roles, and everyone's keys before the first commit), commit it, "
          + "then 'sop new procedure \"Title\"'.")
    } catch {
      throw fail(error)
    }
  }

  /// The user's git name and email, to seed the first admin in sop.yml.
  private func gitIdentity(at path: String) -> (name: String, email: String)? {
    let repository = try? Repository.discover(from: path)
    let fallback = try? Repository.discover(from: FileManager.default.currentDirectoryPath)
    for candidate in [repository, fallback].compactMap({ $0 }) {
      if let name = try? candidate.configValue("user.name"), let email = try? candidate.configValue("user.email") {
        return (name, email)
      }
    }
    return nil
  }
}

/// `sop new TYPE "Title"`: a new document from the type's template with the next free id.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new", abstract: "Write a new document from its type's template; prints the path.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document type, a key of types in sop.yml (e.g. procedure).")
  var type: String

  @Argument(help: "The title.")
  var title: String

  @Option(help: "Use this id instead of the next free one.")
  var id: String?

  @Option(help: "The owner's email (default: git's user.email).")
  var owner: String?

  func run() throws {
    let repository = try global.open()
    do {
      let outcome = try repository.createDocument(
        type: type, title: title, id: id, owner: owner, environment: ProcessInfo.processInfo.environment)
      print(outcome.path)
    } catch {
      throw fail(error)
    }
  }
}
