import Foundation
import Signatures

/// How `sop serve` runs (docs/serve.md): which repository, which relying party and origin, and the lifetimes
/// that bound what a stolen cookie or challenge is worth.
public struct ServeConfiguration: Sendable {
  /// The repository (any path inside its work tree).
  public var repositoryPath: String
  /// The relying party: passkeys are made for `id` and every response must come from `origin`.
  public var relyingParty: WebAuthnRelyingParty
  /// `--push REMOTE`: push the branch there after every commit the server makes.
  public var pushRemote: String?
  /// How long a sign-in lasts, from the moment it was made (not extended by use).
  public var sessionLifetime: TimeInterval = 30 * 60
  /// How long a challenge (sign-in, enrolment or a signature) may be answered.
  public var challengeLifetime: TimeInterval = 5 * 60
  /// The clock; tests move it to expire sessions.
  public var clock: @Sendable () -> Date = { Date() }

  /// Creates a configuration.
  public init(repositoryPath: String, rpID: String, origin: String, pushRemote: String? = nil) {
    self.repositoryPath = repositoryPath
    self.relyingParty = WebAuthnRelyingParty(id: rpID, origin: origin)
    self.pushRemote = pushRemote
  }

  /// Whether cookies get `Secure` (and the `__Host-` name): always when the origin is https.
  public var isSecureOrigin: Bool { relyingParty.origin.lowercased().hasPrefix("https://") }

  /// Why `origin` and `rpID` cannot work together, or nil. WebAuthn requires the rp id to be the origin's host
  /// or a registrable suffix of it, and browsers allow passkeys only on https origins or on localhost.
  public static func problem(rpID: String, origin: String) -> String? {
    guard let url = URL(string: origin), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
      url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil
    else { return "--origin must be a bare origin such as https://sop.example.com, not '\(origin)'" }
    if origin.hasSuffix("/") { return "--origin must not end with a slash: \(origin.dropLast())" }
    guard scheme == "https" || (scheme == "http" && (host == "localhost" || host == "127.0.0.1")) else {
      return "--origin must be https (browsers allow passkeys over http only on localhost)"
    }
    let id = rpID.lowercased()
    guard !id.isEmpty, host == id || host.hasSuffix("." + id) else {
      return "--rp-id \(rpID) must be the origin's host \(host) or a domain it belongs to"
    }
    return nil
  }
}
