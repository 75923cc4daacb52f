import Signatures

extension DocumentRepository {
  /// The public key of a resolved signing key path (a public or private key file), as a control error.
  func signingPublicKey(_ keyPath: KeyPath) throws(ControlError) -> SSHPublicKey {
    do {
      return try Signatures.publicKey(forKeyFile: keyPath.path)
    } catch {
      throw .signing(error)
    }
  }
}
