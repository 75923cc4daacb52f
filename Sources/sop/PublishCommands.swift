import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation
import Signatures

/// `sop publish`: a signed `published/N` tag of the approved set, and its static site.
struct PublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Tag the approved revision of every document (signed published/N) and render the site.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "The SSH key to sign the tag with (default: git's user.signingkey).")
  var key: String?

  @Option(help: "The folder for the site (default: _site at the repository root).")
  var out: String?

  @Option(help: "A note added to the tag message.")
  var message: String?

  func run() throws {
    let repository = try global.open()
    let directory = outputURL(out, repository: repository, base: global.path)
    let request = PublishRequest(keyPath: key, outputDirectory: directory, message: message, now: approvalTime())
    do {
      let outcome = try repository.publish(request, signer: { path in preferredSigner(forKeyFile: path) })
      if outcome.isNewTag {
        print("Created signed tag \(outcome.tag) with " + counted(outcome.entries.count, "document") + ".")
      } else {
        print("The approved set has not changed since \(outcome.tag); no new tag. Rendered \(outcome.tag).")
      }
      let withdrawn = outcome.entries.filter(\.isWithdrawn).map(\.id)
      if !withdrawn.isEmpty { print("Withdrawn: \(withdrawn.joined(separator: ", "))") }
      if !outcome.neverApproved.isEmpty {
        print("Not published (never approved): \(outcome.neverApproved.joined(separator: ", "))")
      }
      if !outcome.revoked.isEmpty {
        print("Not published (its approval was revoked): \(outcome.revoked.joined(separator: ", "))")
      }
      if outcome.entries.isEmpty { print("No document has been approved yet: the snapshot is empty.") }
      print(outcome.outputDirectory.appendingPathComponent("index.html").path)
    } catch {
      throw fail(repository.explained(error))
    }
  }
}

/// `sop render TAG --out DIR`: rebuilds the site of an existing snapshot tag, byte for byte.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Rebuild the site of an existing published/N tag, byte-identical.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The snapshot tag, e.g. published/3 (or 3).")
  var tag: String

  @Option(help: "The folder for the site.")
  var out: String

  func run() throws {
    let repository = try global.open()
    let directory = outputURL(out, repository: repository, base: global.path)
    do {
      try repository.render(tag: tag, to: directory)
      print(directory.appendingPathComponent("index.html").path)
    } catch {
      throw fail(error)
    }
  }
}

/// An output folder: absolute, relative to the folder sop runs in (`-C`), or `_site` at the repository root.
func outputURL(_ path: String?, repository: DocumentRepository, base: String) -> URL {
  guard let path else { return URL(fileURLWithPath: repository.root).appendingPathComponent("_site") }
  if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
  return URL(fileURLWithPath: base).appendingPathComponent(path)
    .standardizedFileURL
}
