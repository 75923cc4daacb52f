import Crypto
import Foundation
import Testing

@testable import Signatures

/// The table verifier (`CEd25519Tables`) must answer exactly as BoringSSL's `ED25519_verify`
/// (`Curve25519.Signing.PublicKey.isValidSignature`) on genuine, tampered and crafted signatures and keys.
@Suite("Ed25519 verification with per-key tables")
struct Ed25519TablesTests {
  /// The group order L, little-endian.
  static let order: [UInt8] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
  ]

  /// Both verifiers' answers; the table answer is nil only when the key is not a point.
  func answers(_ signature: Data, _ message: Data, key: Data) throws -> (expected: Bool, tables: Bool?) {
    let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: key)
    return (
      publicKey.isValidSignature(signature, for: message),
      Ed25519Verification.isValidWithTables(signature, for: message, key: key)
    )
  }

  func expectSame(_ signature: Data, _ message: Data, key: Data, _ note: String) throws {
    let (expected, tables) = try answers(signature, message, key: key)
    // A key that is not a point has no table; BoringSSL rejects every signature by it.
    #expect(tables ?? false == expected, "\(note)")
  }

  @Test("genuine signatures verify, at every message length around the stack buffer")
  func genuine() throws {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 63, 64, 100, 447, 448, 449, 512, 1000, 5000] {
      let key = Curve25519.Signing.PrivateKey()
      let message = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
      let signature = try key.signature(for: message)
      let (expected, tables) = try answers(signature, message, key: key.publicKey.rawRepresentation)
      #expect(expected)
      #expect(tables == true, "length \(length)")
    }
  }

  /// A message signed by a new key: the message, the signature and the key's encoding.
  func signedSample(_ text: String) throws -> (message: Data, signature: Data, key: Data) {
    let key = Curve25519.Signing.PrivateKey()
    let message = Data(text.utf8)
    return (message, try key.signature(for: message), key.publicKey.rawRepresentation)
  }

  /// scalar + L, little-endian, 32 bytes (the carry out of the top byte cannot happen for scalars below 2^255 − L).
  static func plusOrder(_ scalar: some Collection<UInt8>) -> [UInt8] {
    var sum = [UInt8](repeating: 0, count: 32)
    var carry = 0
    for (index, byte) in scalar.enumerated() {
      let total = Int(byte) + Int(order[index]) + carry
      sum[index] = UInt8(total & 0xff)
      carry = total >> 8
    }
    return sum
  }

  @Test("every flipped bit of signature, message and key is rejected by both")
  func tampered() throws {
    let (message, signature, raw) = try signedSample("tree 0123\nparent 4567\n\nApprove QP-001\n")
    for bit in 0..<(64 * 8) {
      var changed = signature
      changed[bit / 8] ^= 1 << (bit % 8)
      try expectSame(changed, message, key: raw, "signature bit \(bit)")
    }
    for bit in 0..<(message.count * 8) {
      var changed = message
      changed[bit / 8] ^= 1 << (bit % 8)
      try expectSame(signature, changed, key: raw, "message bit \(bit)")
    }
    for bit in 0..<(32 * 8) {
      var changed = raw
      changed[bit / 8] ^= 1 << (bit % 8)
      try expectSame(signature, message, key: changed, "key bit \(bit)")
    }
  }

  @Test("s at and above the group order, and with its top bits set, is rejected by both")
  func scalarBounds() throws {
    let (message, signature, raw) = try signedSample("bounds")
    // s + L is the same scalar mod L: valid arithmetic, rejected only by the bound (malleability).
    let sum = Self.plusOrder(signature.suffix(32))
    let malleable = signature.prefix(32) + Data(sum)
    let (expected, tables) = try answers(malleable, message, key: raw)
    #expect(!expected)
    #expect(tables == false)
    var candidates: [Data] = [signature.prefix(32) + Data(Self.order)]
    var belowOrder = Self.order
    belowOrder[0] -= 1
    candidates.append(signature.prefix(32) + Data(belowOrder))
    for top: UInt8 in [0x20, 0x40, 0x80, 0xe0, 0x1f, 0x11, 0x10] {
      var changed = signature
      changed[63] = top
      candidates.append(changed)
    }
    candidates.append(signature.prefix(32) + Data(repeating: 0, count: 32))
    candidates.append(signature.prefix(32) + Data(repeating: 0xff, count: 32))
    for (index, candidate) in candidates.enumerated() {
      try expectSame(candidate, message, key: raw, "candidate \(index)")
    }
  }

  /// Under the identity key every s has its signature, R = [s]B, so s + L (the same scalar) and s = L itself
  /// reach the final comparison with a matching R: only the bound on s rejects them.
  @Test("s + L and s = L with a matching R are rejected by both; s itself is accepted by both")
  func malleableScalars() throws {
    var identity = Data(repeating: 0, count: 32)
    identity[0] = 1
    let message = Data("malleable".utf8)
    for small in [[1], [2], [0xff, 0xff]] as [[UInt8]] {
      let scalar = small + [UInt8](repeating: 0, count: 32 - small.count)
      let plusOrder = Self.plusOrder(scalar)
      let r = try #require(Ed25519Verification.baseMultiple(scalar))
      let genuine = try answers(Data(r) + Data(scalar), message, key: identity)
      #expect(genuine.expected && genuine.tables == true)
      let malleable = try answers(Data(r) + Data(plusOrder), message, key: identity)
      #expect(!malleable.expected && malleable.tables == false)
    }
    let identityPoint = try #require(Ed25519Verification.baseMultiple([UInt8](repeating: 0, count: 32)))
    #expect(identityPoint == [1] + [UInt8](repeating: 0, count: 31))
    let atOrder = try answers(Data(identityPoint) + Data(Self.order), message, key: identity)
    #expect(!atOrder.expected && atOrder.tables == false)
  }

  /// Keys of small order make a signature that holds for every message under the cofactorless check:
  /// with A the identity, [s]B - [h]A = [s]B whatever h is. Both verifiers must accept those alike and
  /// treat every other crafted key the same way.
  @Test("crafted keys: the identity, small-order points, non-canonical and non-point encodings")
  func craftedKeys() throws {
    var keys: [Data] = []
    var identity = Data(repeating: 0, count: 32)
    identity[0] = 1
    keys.append(identity)
    var negativeZero = identity
    negativeZero[31] = 0x80  // x = 0 with the sign bit set
    keys.append(negativeZero)
    var minusOne = Data(repeating: 0xff, count: 32)  // y = p - 1 + 2^255 - ...: order-2 point encodings
    minusOne[0] = 0xec
    minusOne[31] = 0x7f
    keys.append(minusOne)
    var aboveP = Data(repeating: 0xff, count: 32)  // y >= p, non-canonical
    aboveP[31] = 0x7f
    keys.append(aboveP)
    var pPlusOne = Data(repeating: 0xff, count: 32)
    pPlusOne[0] = 0xee
    pPlusOne[31] = 0x7f
    keys.append(pPlusOne)
    keys.append(Data(repeating: 0, count: 32))
    // The order-8 points' encodings (RFC 8032 test lore, as in libsodium's blocklist).
    let smallOrder = [
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ]
    for hex in smallOrder { keys.append(Data(hexBytes(hex))) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<16 { keys.append(Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })) }

    // R = [s]B for a few s: valid under the identity key for any message.
    let scalars: [[UInt8]] = [
      [1] + [UInt8](repeating: 0, count: 31), [2] + [UInt8](repeating: 0, count: 31),
      (0..<31).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0x0f],
    ]
    var accepted = 0
    for scalar in scalars {
      guard let encoded = Ed25519Verification.baseMultiple(scalar) else {
        Issue.record("no base multiple")
        continue
      }
      let signature = Data(encoded) + Data(scalar)
      for key in keys {
        for message in [Data(), Data("a".utf8), Data("approve".utf8)] {
          let (expected, tables) = try answers(signature, message, key: key)
          #expect(tables ?? false == expected, "key \(key.map { String(format: "%02x", $0) }.joined())")
          if expected { accepted += 1 }
        }
      }
    }
    // The identity key accepts all three signatures for all three messages, so the agreement above covers
    // the accepting path, not only rejection.
    #expect(accepted >= 9)
  }

  @Test("random signatures of valid shape agree, for many keys and messages")
  func randomSignatures() throws {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<300 {
      let key = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
      var signature = Data((0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) })
      if round % 2 == 0 { signature[63] &= 0x0f }
      try expectSame(signature, Data("m\(round)".utf8), key: key, "round \(round)")
    }
  }

  @Test("the cached path answers as BoringSSL across the table threshold, from several threads")
  func cachedPath() async throws {
    let key = Curve25519.Signing.PrivateKey()
    let messages = (0..<40).map { Data("approval \($0)".utf8) }
    let signatures = try messages.map { try key.signature(for: $0) }
    #expect(!Ed25519Verification.hasTable(for: key.publicKey.rawRepresentation))
    await withTaskGroup(of: Void.self) { group in
      for worker in 0..<4 {
        group.addTask {
          for (index, message) in messages.enumerated() {
            let signature = signatures[index]
            let other = signatures[(index + 1) % signatures.count]
            #expect(Ed25519Verification.isValid(signature, for: message, key: key.publicKey), "\(worker) \(index)")
            #expect(!Ed25519Verification.isValid(other, for: message, key: key.publicKey), "\(worker) \(index)")
            #expect(!Ed25519Verification.isValid(signature.prefix(63), for: message, key: key.publicKey))
          }
        }
      }
    }
    #expect(Ed25519Verification.hasTable(for: key.publicKey.rawRepresentation))
  }
}

private func hexBytes(_ text: String) -> [UInt8] {
  var bytes: [UInt8] = []
  var index = text.startIndex
  while index < text.endIndex {
    let next = text.index(index, offsetBy: 2)
    bytes.append(UInt8(text[index..<next], radix: 16)!)
    index = next
  }
  return bytes
}
