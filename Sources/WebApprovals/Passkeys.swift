import Crypto
import DocumentModel
import Foundation
import Signatures

/// Which keys of a policy are passkeys of this server, and what an enrolment may name.
enum Passkeys {
  /// Every `sk-ecdsa-sha2-nistp256@openssh.com` key of the policy whose application is this relying party,
  /// with its person. Other keys (ssh-ed25519, security keys made with ssh-keygen) keep signing on the CLI.
  static func inPolicy(_ policy: Policy, relyingParty: WebAuthnRelyingParty) -> [(Person, SSHPublicKey)] {
    policy.people.flatMap { person in
      person.keys.compactMap { line -> (Person, SSHPublicKey)? in
        guard line.hasPrefix(SSHPublicKey.passkeyAlgorithm), let key = try? SSHPublicKey(authorizedKey: line),
          key.securityKeyApplication == relyingParty.id
        else { return nil }
        return (person, key)
      }
    }
  }

  /// The WebAuthn user handle for `email`: a hash, so the authenticator stores no address in the clear.
  static func userHandle(email: String) -> Data {
    Data(SHA256.hash(data: Data(email.lowercased().utf8)))
  }

  /// Why a name or email cannot be enrolled, or nil.
  static func problem(name: String, email: String) -> String? {
    if name.isEmpty || name.count > Policy.nameLimit { return "give your name (1 to \(Policy.nameLimit) characters)" }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "the name contains control characters"
    }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_+"))
    guard email.count <= 200, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
      email.unicodeScalars.allSatisfy({ allowed.contains($0) || $0 == "@" })
    else { return "give your work email address, such as name@example.com" }
    return nil
  }
}

/// `--push REMOTE` with stock git: the branch the server commits to, pushed after each commit.
enum GitPush {
  static func push(repository: String, remote: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", repository, "push", "--quiet", remote, "HEAD"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return "Not pushed: git could not be started (\(error)); the commit is kept here."
    }
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason = text.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
      return "Not pushed to \(remote): \(reason); the commit is kept here and goes with the next push."
    }
    return "Pushed to \(remote)."
  }
}
