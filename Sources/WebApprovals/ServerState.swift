import Crypto
import Foundation
import Signatures
import Synchronization

/// A signed-in person.
struct Session: Sendable {
  /// The person's email in the policy in effect when they signed in (checked again on every action).
  var email: String
  /// The passkey they signed in with (its `sk-ecdsa` key line without comment).
  var keyLine: String
  /// The token every form and request that changes something must carry.
  var csrfToken: String
  /// When it stops working.
  var expires: Date
}

/// What a challenge was issued for; a response for one purpose never counts for another.
enum ChallengePurpose: Sendable {
  case signIn
  case enrol(email: String, name: String)
}

/// A challenge the browser may answer once.
struct IssuedChallenge: Sendable {
  var bytes: Data
  var purpose: ChallengePurpose
  var expires: Date
}

/// An action prepared and waiting for the passkey's signature over `message`.
struct PendingAction: Sendable {
  var request: ActionRequest
  /// The session that prepared it: only that session may finish it.
  var sessionID: String
  /// The signer's passkey.
  var keyLine: String
  /// The commit object to sign, as the workflow built it.
  var message: Data
  /// The WebAuthn challenge: the SSHSIG to-be-signed data of `message`.
  var challenge: Data
  /// The commit time the prepared object carries; the commit is rebuilt with the same one.
  var time: Date
  var expires: Date
}

/// The server's memory: sessions, open challenges and prepared actions, each used at most once, and the last
/// counter seen per passkey. Nothing here signs; losing it (a restart) only signs everyone out.
final class ServerState: Sendable {
  private struct Tables {
    var sessions: [String: Session] = [:]
    var challenges: [String: IssuedChallenge] = [:]
    var actions: [String: PendingAction] = [:]
    var counters: [String: UInt32] = [:]
  }

  private let tables = Mutex(Tables())

  /// `count` bytes from the system's random source.
  static func randomBytes(_ count: Int) -> Data {
    var generator = SystemRandomNumberGenerator()
    return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  /// Random bytes as base64url (32 by default): session ids, tokens, challenge ids.
  static func randomToken(bytes count: Int = 32) -> String {
    WebAuthnRelyingParty.base64URL(randomBytes(count))
  }

  func newSession(_ session: Session) -> String {
    let id = Self.randomToken()
    tables.withLock { $0.sessions[id] = session }
    return id
  }

  /// The session for `id` if it has not expired at `now` (an expired one is forgotten).
  func session(_ id: String?, now: Date) -> Session? {
    guard let id else { return nil }
    return tables.withLock { tables in
      guard let session = tables.sessions[id] else { return nil }
      guard session.expires > now else {
        tables.sessions[id] = nil
        return nil
      }
      return session
    }
  }

  func endSession(_ id: String) {
    tables.withLock { $0.sessions[id] = nil }
  }

  func issueChallenge(_ purpose: ChallengePurpose, lifetime: TimeInterval, now: Date) -> (id: String, bytes: Data) {
    let id = Self.randomToken(bytes: 16)
    let bytes = Self.randomBytes(32)
    tables.withLock { tables in
      tables.challenges = tables.challenges.filter { $0.value.expires > now }
      tables.challenges[id] = IssuedChallenge(bytes: bytes, purpose: purpose, expires: now + lifetime)
    }
    return (id, bytes)
  }

  /// Removes and returns the challenge `id`: a second answer to it finds nothing.
  func takeChallenge(_ id: String, now: Date) -> IssuedChallenge? {
    tables.withLock { tables in
      let challenge = tables.challenges.removeValue(forKey: id)
      return challenge.flatMap { $0.expires > now ? $0 : nil }
    }
  }

  func storeAction(_ action: PendingAction) -> String {
    let id = Self.randomToken(bytes: 16)
    tables.withLock { tables in
      tables.actions = tables.actions.filter { $0.value.expires > action.time }
      tables.actions[id] = action
    }
    return id
  }

  /// Removes and returns the prepared action `id`: a replayed signature finds nothing to finish.
  func takeAction(_ id: String, now: Date) -> PendingAction? {
    tables.withLock { tables in
      let action = tables.actions.removeValue(forKey: id)
      return action.flatMap { $0.expires > now ? $0 : nil }
    }
  }

  /// Records `counter` for `keyLine`; false when the authenticator keeps a counter and it did not move forward
  /// (a cloned authenticator, or an old assertion played again).
  func advanceCounter(_ counter: UInt32, for keyLine: String) -> Bool {
    tables.withLock { tables in
      let last = tables.counters[keyLine] ?? 0
      if counter == 0 && last == 0 { return true }
      guard counter > last else { return false }
      tables.counters[keyLine] = counter
      return true
    }
  }
}
