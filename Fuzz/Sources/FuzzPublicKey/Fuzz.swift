import Foundation
import FuzzSupport
import Signatures

/// Public key lines, key blobs and allowed-signers files; whatever parses must render and parse back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: bytes, as: UTF8.self)
  if let key = try? SSHPublicKey(authorizedKey: text) {
    _ = key.fingerprint
    guard let again = try? SSHPublicKey(authorizedKey: key.authorizedKeyLine), again.blob == key.blob else {
      fatalError("a parsed key line does not read back: \(key.authorizedKeyLine)")
    }
  }
  _ = try? SSHPublicKey(blob: bytes)
  if let signers = try? parseAllowedSigners(text) {
    let rendered = renderAllowedSigners(signers)
    guard let again = try? parseAllowedSigners(rendered), Set(again) == Set(signers) else {
      fatalError("parsed allowed signers do not read back:\n\(rendered)")
    }
  }
  return 0
}

@_cdecl("FuzzPublicKey_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
