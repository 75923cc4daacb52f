import Foundation

/// Something that makes SSHSIG signatures; injected so callers and tests can choose how keys are used.
public protocol MessageSigner: Sendable {
  /// Signs `message` for `namespace` and returns the armored signature without its final newline,
  /// which is how git stores it inside commit and tag objects.
  func sign(_ message: Data, namespace: String) throws(SignatureError) -> String
}

/// Rejects namespaces ssh-keygen would reject, before any work is done.
func validateNamespace(_ namespace: String) throws(SignatureError) {
  guard !namespace.isEmpty, !namespace.utf8.contains(0) else {
    throw .invalidNamespace(namespace)
  }
}

/// Whether `path` is an unencrypted OpenSSH ed25519 private key that `NativeEd25519Signer` can use.
public func canSignNatively(privateKeyFile path: String) -> Bool {
  (try? NativeEd25519Signer(privateKeyFile: path)) != nil
}

/// The fastest signer that works for `path`: native for unencrypted ed25519 keys, ssh-keygen otherwise
/// (encrypted, agent-held, FIDO and non-ed25519 keys).
public func preferredSigner(forKeyFile path: String, environment: [String: String]? = nil)
  -> any MessageSigner
{
  if let native = try? NativeEd25519Signer(privateKeyFile: path) { return native }
  return SSHKeygenSigner(keyPath: path, environment: environment)
}

/// Reads the public key that belongs to `path`, which may name a public or a private key file.
///
/// A public key file is parsed directly; for a private key the neighbouring `path.pub` is used if present,
/// otherwise the public key stored in the clear inside an OpenSSH private key file (even an encrypted one).
public func publicKey(forKeyFile path: String) throws(SignatureError) -> SSHPublicKey {
  let text = try readKeyFile(path)
  if path.hasSuffix(".pub") || looksLikePublicKey(text) {
    return try parsePublicKeyFile(text, path: path)
  }
  let publicPath = path + ".pub"
  if FileManager.default.fileExists(atPath: publicPath) {
    return try parsePublicKeyFile(try readKeyFile(publicPath), path: publicPath)
  }
  let file = try OpenSSHPrivateKeyFile(text: text, path: path)
  return file.publicKey
}

private func looksLikePublicKey(_ text: String) -> Bool {
  let start = text.drop(while: { $0.isWhitespace })
  return ["ssh-", "sk-", "ecdsa-"].contains { start.hasPrefix($0) }
}

/// A `.pub` file holds one key line; blank lines and `#` comments around it are tolerated.
private func parsePublicKeyFile(_ text: String, path: String) throws(SignatureError) -> SSHPublicKey {
  let lines = text.split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }
    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  guard let line = lines.first else {
    throw .unreadableKeyFile(path: path, reason: "it contains no public key")
  }
  do {
    return try SSHPublicKey(authorizedKey: line)
  } catch {
    throw .unreadableKeyFile(path: path, reason: error.description)
  }
}

/// Reads a key file as UTF-8, turning file-system errors into a sentence.
func readKeyFile(_ path: String) throws(SignatureError) -> String {
  let data: Data
  do {
    data = try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    let reason =
      FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
    throw .unreadableKeyFile(path: path, reason: reason)
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw .unreadableKeyFile(path: path, reason: "it is not a text key file")
  }
  return text
}
