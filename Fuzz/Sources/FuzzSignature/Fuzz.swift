import Foundation
import FuzzSupport

@testable import Signatures

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
  fuzzWebAuthnFields(bytes)
  return 0
}

/// The genuine passkey signature with the input as its client data, its origin, or its extensions (ED flag
/// set): OpenSSH's prefix, quote and flag checks run on hostile bytes, and none of it may verify.
func fuzzWebAuthnFields(_ bytes: Data) {
  guard let original = genuine.last, let fields = original.webAuthn, let flags = original.securityKeyFlags,
    let counter = original.securityKeyCounter
  else { fatalError("the genuine WebAuthn signature is missing") }
  let variants: [(origin: [UInt8], clientData: Data, extensions: Data, flags: UInt8)] = [
    (fields.originBytes, bytes, fields.extensions, flags),
    ([UInt8](bytes), fields.clientDataJSON, fields.extensions, flags),
    (fields.originBytes, fields.clientDataJSON, bytes, flags | WebAuthnFields.extensionDataFlag),
  ]
  for variant in variants {
    var inner = WireWriter()
    inner.appendString(WebAuthnFields.signatureAlgorithm)
    inner.appendString([UInt8](original.signature))
    inner.appendUInt8(variant.flags)
    inner.appendUInt32(counter)
    inner.appendString(variant.origin)
    inner.appendString([UInt8](variant.clientData))
    inner.appendString([UInt8](variant.extensions))
    var blob = WireWriter()
    blob.appendRaw(SSHSignature.magic)
    blob.appendUInt32(1)
    blob.appendString([UInt8](original.publicKey.blob))
    blob.appendString(original.namespace)
    blob.appendString([UInt8]())
    blob.appendString(original.hashAlgorithm)
    blob.appendString(inner.bytes)
    guard let signature = try? SSHSignature(blob: blob.data) else { continue }
    let unchanged =
      variant.origin == fields.originBytes && variant.clientData == fields.clientDataJSON
      && variant.extensions == fields.extensions && variant.flags == flags
    if signature.verify(message: Data(signedMessage.utf8), namespace: "git").isValid, !unchanged {
      fatalError("a WebAuthn signature with other client data, origin or extensions verified")
    }
  }
}

@_cdecl("FuzzSignature_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
