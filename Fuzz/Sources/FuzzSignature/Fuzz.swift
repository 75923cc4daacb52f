import Foundation
import FuzzSupport
import Signatures

/// The genuine signatures, parsed once and checked, so the forgery check below is never vacuous.
let genuine: [SSHSignature] = {
  let parsed = genuineSignatures.map { try! SSHSignature(armored: $0) }
  for signature in parsed where !signature.verify(message: Data(signedMessage.utf8), namespace: "git").isValid {
    fatalError("the genuine \(signature.signatureAlgorithm) signature does not verify")
  }
  return parsed
}()

/// SSHSIG armor and blob parsing, then verification of what parses, over the bytes as text and as a blob;
/// and the bytes as a message under genuine signatures, which must verify only for the message they sign.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  for signature in genuine where signature.verify(message: bytes, namespace: "git").isValid {
    guard bytes == Data(signedMessage.utf8) else { fatalError("a \(signature.signatureAlgorithm) forgery") }
  }
  let message = Data("tree 0000\n\nmessage\n".utf8)
  if let signature = try? SSHSignature(armored: String(decoding: bytes, as: UTF8.self)) {
    _ = signature.verify(message: message, namespace: "git")
    _ = signature.publicKey.fingerprint
  }
  if let signature = try? SSHSignature(blob: bytes) {
    _ = signature.verify(message: message, namespace: signature.namespace)
  }
  _ = verifySSHSignature(armored: String(decoding: bytes, as: UTF8.self), message: bytes, namespace: "git")
  return 0
}

@_cdecl("FuzzSignature_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
