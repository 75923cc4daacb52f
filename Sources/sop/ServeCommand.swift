import ArgumentParser
import DocumentControl
import Foundation
import Synchronization
import WebApprovals

/// `sop serve`: approve, review, acknowledge and revoke in a browser, signed with a passkey (docs/serve.md).
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve approvals in a browser, signed with passkeys that stock git verifies.",
    discussion: """
      Put it behind a TLS reverse proxy and give the public origin: sop serve --rp-id sop.example.com \
      --origin https://sop.example.com. The server holds no signing key. See docs/serve.md.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Where to listen.", valueName: "host:port"))
  var listen = "127.0.0.1:8080"

  @Option(name: .customLong("rp-id"), help: ArgumentHelp("The WebAuthn relying-party id.", valueName: "domain"))
  var rpID: String

  @Option(help: ArgumentHelp("The origin browsers use, such as https://sop.example.com.", valueName: "url"))
  var origin: String

  @Option(help: ArgumentHelp("Push the branch to this remote after every commit.", valueName: "remote"))
  var push: String?

  func validate() throws {
    if let problem = ServeConfiguration.problem(rpID: rpID, origin: origin) { throw ValidationError(problem) }
    if let push, push.isEmpty || push.hasPrefix("-") {
      throw ValidationError("--push needs a remote name or URL, not '\(push)'")
    }
    guard Self.hostAndPort(listen) != nil else {
      throw ValidationError("--listen must be host:port with a port from 1 to 65535, not '\(listen)'")
    }
  }

  static func hostAndPort(_ text: String) -> (String, Int)? {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (1...65_535).contains(port)
    else { return nil }
    let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    return host.isEmpty ? nil : (host, port)
  }

  func run() throws {
    // Opened once here so that a wrong path fails now, with the CLI's message, not at the first request.
    let repository = try global.open()
    guard let (host, port) = Self.hostAndPort(listen) else { throw ExitCode(2) }
    let server = ApprovalServer(
      configuration: ServeConfiguration(repositoryPath: repository.root, rpID: rpID, origin: origin, pushRemote: push))
    let failure = Mutex<String?>(nil)
    let done = DispatchSemaphore(value: 0)
    let origin = origin
    Task {
      do {
        try await HTTPServer.run(server, host: host, port: port) { address in
          // Written unbuffered: scripts wait for this line on a pipe.
          FileHandle.standardOutput.write(
            Data("sop serve: listening on \(address) for \(origin); stop with Ctrl-C\n".utf8))
        }
      } catch {
        failure.withLock { $0 = "\(error)" }
      }
      done.signal()
    }
    done.wait()
    if let message = failure.withLock({ $0 }) {
      throw fail(.invalidArgument("could not serve on \(listen): \(message)"))
    }
  }
}
