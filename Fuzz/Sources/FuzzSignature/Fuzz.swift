import Foundation
import FuzzSupport
import Signatures

/// SSHSIG armor and blob parsing, then verification of what parses, over the bytes as text and as a blob.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
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
