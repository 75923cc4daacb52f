import CEd25519Tables
import Crypto
import Foundation
import Synchronization

/// Ed25519 verification for the many signatures a history holds by a few keys.
///
/// A status or verify over thousands of approvals checks thousands of signatures by the same handful of keys.
/// BoringSSL's `ED25519_verify` decodes the key and doubles its way through both scalars every time; once a key
/// has been seen a few times, sop writes down every multiple of it that a verification adds (about 80 KB,
/// `CEd25519Tables`), and each later signature by that key costs about 128 point additions and no doublings.
/// The answer is the same as `Curve25519.Signing.PublicKey.isValidSignature` for every input (same checks,
/// same final comparison of encodings; the differential tests and the `Ed25519` fuzz harness hold it to that).
/// Nothing is remembered about signatures, only points derived from public keys, so nothing read here can
/// make a later signature pass: every signature is still checked in full.
enum Ed25519Verification {
  /// A key's table is built on its `tableAfterUses`-th verification: building it costs about two ordinary
  /// verifications, so a key that signs once or twice never pays for it.
  static let tableAfterUses = 4
  /// At most this many keys get a table (about 80 KB each); others are verified as before.
  static let maximumTables = 256
  /// Keys counted before the table threshold; a flood of one-off keys stops being counted here.
  static let maximumCounted = 4096

  private final class Table: Sendable {
    nonisolated(unsafe) let pointer: OpaquePointer
    init?(encoding: [UInt8]) {
      guard encoding.count == 32, let made = encoding.withUnsafeBufferPointer({ sop_ed25519_table_new($0.baseAddress) })
      else { return nil }
      pointer = made
    }
    deinit { sop_ed25519_table_free(pointer) }
  }

  private struct State {
    var uses: [Data: Int] = [:]
    var tables: [Data: Table] = [:]
  }

  /// The base point B of RFC 8032, encoded.
  private static let baseEncoding: [UInt8] = [0x58] + [UInt8](repeating: 0x66, count: 31)
  private static let baseTable: Table? =
    sop_ed25519_tables_available() == 1 ? Table(encoding: baseEncoding) : nil
  private static let state = Mutex(State())

  /// Whether `signature` is a valid ed25519 signature of `message` by `key`.
  static func isValid(_ signature: Data, for message: Data, key: Curve25519.Signing.PublicKey) -> Bool {
    guard signature.count == 64, let table = table(for: key.rawRepresentation) else {
      return key.isValidSignature(signature, for: message)
    }
    return withExtendedLifetime(table) {
      verify(signature, message: message, keyTable: table.pointer) == 1
    }
  }

  /// Verifies with the tables directly, whether or not the key has been seen before (for the tests).
  static func isValidWithTables(_ signature: Data, for message: Data, key: Data) -> Bool? {
    guard signature.count == 64, let table = Table(encoding: [UInt8](key)) else { return nil }
    return withExtendedLifetime(table) { verify(signature, message: message, keyTable: table.pointer) == 1 }
  }

  /// Whether the key has a table (for the tests: the repeated verifications above must reach it).
  static func hasTable(for key: Data) -> Bool { state.withLock { $0.tables[key] != nil } }

  /// The encoding of scalar * B (B the base point), for the tests to craft signatures with.
  static func baseMultiple(_ scalar: [UInt8]) -> [UInt8]? {
    guard let baseTable, scalar.count == 32 else { return nil }
    var out = [UInt8](repeating: 0, count: 32)
    let done = withExtendedLifetime(baseTable) { sop_ed25519_multiple(&out, baseTable.pointer, scalar) }
    return done == 1 ? out : nil
  }

  private static func verify(_ signature: Data, message: Data, keyTable: OpaquePointer) -> Int32 {
    guard let baseTable else { return 0 }
    return withExtendedLifetime(baseTable) {
      signature.withUnsafeBytes { signatureBytes in
        message.withUnsafeBytes { messageBytes in
          sop_ed25519_verify(
            keyTable, baseTable.pointer, messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
            signatureBytes.bindMemory(to: UInt8.self).baseAddress)
        }
      }
    }
  }

  /// The key's table once it has been used often enough, or nil to verify the ordinary way.
  private static func table(for key: Data) -> Table? {
    guard baseTable != nil, key.count == 32 else { return nil }
    enum Lookup {
      case found(Table)
      case build
      case ordinary
    }
    let lookup = state.withLock { state -> Lookup in
      if let table = state.tables[key] { return .found(table) }
      guard state.tables.count < maximumTables,
        let uses = state.uses[key] ?? (state.uses.count < maximumCounted ? 0 : nil)
      else { return .ordinary }
      state.uses[key] = uses + 1
      return uses + 1 >= tableAfterUses ? .build : .ordinary
    }
    switch lookup {
    case .found(let table): return table
    case .ordinary: return nil
    case .build:
      // Built outside the lock (about two verifications' work); a thread that raced here keeps the first.
      guard let made = Table(encoding: [UInt8](key)) else { return nil }
      return state.withLock { state in
        if let existing = state.tables[key] { return existing }
        state.tables[key] = made
        state.uses[key] = nil
        return made
      }
    }
  }
}
