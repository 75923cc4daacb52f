import Crypto
import Foundation
import FuzzSupport

@testable import Signatures

/// A fixed signing key, so genuine signatures of the input reach the accepting path.
let signingKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 0x5a, count: 32))

/// The encodings of the identity and of small-order points: under them a crafted R = [s]B verifies for any
/// message, so hostile s values reach the final comparison instead of failing early.
let craftedKeys: [Data] = [
  "0100000000000000000000000000000000000000000000000000000000000000",
  "0100000000000000000000000000000000000000000000000000000000000080",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "0000000000000000000000000000000000000000000000000000000000000080",
].map { hex in
  Data(stride(from: 0, to: hex.count, by: 2).map { offset in
    let start = hex.index(hex.startIndex, offsetBy: offset)
    return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
  })
}

/// The table verifier against BoringSSL's `ED25519_verify` (through swift-crypto) on the same bytes: any
/// difference is a failure, whichever way it goes.
func compare(_ signature: Data, _ message: Data, key: Data, _ what: String) {
  guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return }
  let expected = publicKey.isValidSignature(signature, for: message)
  let tables = Ed25519Verification.isValidWithTables(signature, for: message, key: key) ?? false
  guard expected == tables else {
    fatalError("\(what): BoringSSL says \(expected), the tables say \(tables)")
  }
}

/// The first byte picks what the rest is: (0) a key, a signature and a message as they are; (1) a message
/// signed by the fixed key, then the same signature with the next 64 bytes XORed into it; (2) a crafted key,
/// a scalar s and a message, with R = [s]B, and s + a multiple of the order in the top byte's place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard let mode = bytes.first else { return 0 }
  let rest = bytes.dropFirst()
  switch mode % 3 {
  case 0:
    guard rest.count >= 96 else { return 0 }
    let key = Data(rest.prefix(32))
    let signature = Data(rest.dropFirst(32).prefix(64))
    compare(signature, Data(rest.dropFirst(96)), key: key, "raw")
  case 1:
    let mask = Data(rest.prefix(64))
    let message = Data(rest.dropFirst(64))
    guard let genuine = try? signingKey.signature(for: message) else { return 0 }
    let key = signingKey.publicKey.rawRepresentation
    guard Ed25519Verification.isValidWithTables(genuine, for: message, key: key) == true else {
      fatalError("a genuine signature does not verify with the tables")
    }
    var changed = genuine
    for (index, byte) in mask.enumerated() { changed[index] ^= byte }
    compare(changed, message, key: key, "changed")
    compare(genuine, message.isEmpty ? Data([0]) : message.dropLast(), key: key, "other message")
  default:
    guard rest.count >= 34 else { return 0 }
    let key = craftedKeys[Int(rest[rest.startIndex]) % craftedKeys.count]
    var scalar = [UInt8](rest.dropFirst().prefix(32))
    let extra = rest[rest.startIndex + 33]
    scalar[31] &= 0x7f
    guard let r = Ed25519Verification.baseMultiple(scalar) else { return 0 }
    let message = Data(rest.dropFirst(34))
    compare(Data(r) + Data(scalar), message, key: key, "crafted")
    // The same point with a larger s: the top byte raised by the input (s + k·2^248), which only the bound
    // on s may reject when it changes the scalar by a multiple of the order.
    var raised = scalar
    raised[31] = raised[31] &+ extra
    compare(Data(r) + Data(raised), message, key: key, "raised")
  }
  return 0
}

@_cdecl("FuzzEd25519_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
