import Foundation
import Signatures
import Synchronization
import TestSupport
import Testing
import WebApprovals

/// `sop serve`'s core on a repository made with stock git: Pat (quality, admin) holds only the fixture passkey;
/// requests go straight to `ApprovalServer.handle`, as the browser would send them.
final class ServeHarness: @unchecked Sendable {
  static let pat = (name: "Pat Passkey", email: "pat@acme.example")

  let team: AttackTeam
  let passkey: SoftwarePasskey
  let server: ApprovalServer
  private let clock: ServeClock
  private(set) var cookie: String?
  private(set) var csrf: String?
  private var counter: UInt32 = 0

  init(patRoles: [String] = ["quality", "admin"], extraPolicy: String = "", pushRemote: String? = nil) throws {
    passkey = try SoftwarePasskey()
    let member = Member(
      name: Self.pat.name, email: Self.pat.email, roles: patRoles, key: passkey.publicKey.openSSHString)
    team = try AttackTeam(staff: [member], extraPolicy: extraPolicy)
    let start = Date(timeIntervalSince1970: TimeInterval(team.scratch.clock + 3_600))
    let clock = ServeClock(start)
    self.clock = clock
    var configuration = ServeConfiguration(
      repositoryPath: team.scratch.url.path, rpID: SoftwarePasskey.rpID, origin: SoftwarePasskey.origin,
      pushRemote: pushRemote)
    configuration.clock = { clock.now() }
    server = ApprovalServer(configuration: configuration)
  }

  /// Moves the server's clock on.
  func advance(_ seconds: TimeInterval) {
    clock.advance(seconds)
  }

  /// The next authenticator counter (authenticators count up).
  func nextCounter() -> UInt32 {
    counter += 1
    return counter
  }

  func get(_ path: String) async -> WebResponse {
    var headers: [String: String] = [:]
    if let cookie { headers["cookie"] = cookie }
    return await server.handle(WebRequest(method: "GET", path: path, headers: headers))
  }

  /// A JSON post as the pages send it: this origin, the session cookie and the CSRF token, unless told otherwise.
  func post(
    _ path: String, _ body: [String: Any], origin: String? = SoftwarePasskey.origin, withToken: Bool = true,
    contentType: String = "application/json"
  ) async -> WebResponse {
    var headers = ["content-type": contentType]
    if let origin { headers["origin"] = origin }
    if let cookie { headers["cookie"] = cookie }
    if withToken, let csrf { headers["x-csrf-token"] = csrf }
    let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
    return await server.handle(WebRequest(method: "POST", path: path, headers: headers, body: data))
  }

  static func json(_ response: WebResponse) -> [String: String] {
    (try? JSONSerialization.jsonObject(with: response.body) as? [String: String]) ?? [:]
  }

  /// Signs in with the fixture passkey; keeps the session cookie and the page's CSRF token.
  @discardableResult
  func signIn(flags: UInt8 = 0x05, with other: SoftwarePasskey? = nil) async throws -> WebResponse {
    let options = Self.json(await post("/sign-in/challenge", [:]))
    let challenge = try #require(options["challenge"].flatMap(WebAuthnRelyingParty.base64URLDecoded))
    let answer = try (other ?? passkey).assertion(challenge: challenge, flags: flags, counter: nextCounter())
    let response = await post(
      "/sign-in",
      [
        "challengeId": options["challengeId"] ?? "", "authenticatorData": answer.authenticatorData,
        "clientDataJSON": answer.clientDataJSON, "signature": answer.signature,
      ])
    if let setCookie = response.header("Set-Cookie") {
      cookie = String(setCookie.prefix { $0 != ";" })
      let page = await get("/todo").text
      if let range = page.range(of: #"name="sop-csrf" content=""#) {
        csrf = String(page[range.upperBound...].prefix { $0 != "\"" })
      }
    }
    return response
  }

  /// Enrols `passkey` for `name` and `email`, as the enrolment page does, with client data from `origin`.
  func enrol(_ passkey: SoftwarePasskey, name: String, email: String, origin: String = SoftwarePasskey.origin)
    async throws -> WebResponse
  {
    let options = Self.json(await post("/enrol/challenge", ["name": name, "email": email]))
    let challenge = try #require(options["challenge"].flatMap(WebAuthnRelyingParty.base64URLDecoded))
    return await post(
      "/enrol",
      [
        "challengeId": options["challengeId"] ?? "",
        "clientDataJSON": SoftwarePasskey.registrationClientData(challenge: challenge, origin: origin),
        "publicKey": SoftwarePasskey.base64URL(passkey.subjectPublicKeyInfo),
      ])
  }

  /// Prepares an action; returns the response and its fields.
  func prepare(_ action: [String: Any]) async -> (response: WebResponse, fields: [String: String]) {
    let response = await post("/actions/prepare", action)
    return (response, Self.json(response))
  }

  /// Finishes a prepared action with an assertion over `challenge` (the prepared one unless changed).
  func finish(
    _ prepared: [String: String], challenge: Data? = nil, origin: String = SoftwarePasskey.origin,
    rpID: String = SoftwarePasskey.rpID, flags: UInt8 = 0x05
  ) async throws -> WebResponse {
    let signed = try #require(challenge ?? prepared["challenge"].flatMap(WebAuthnRelyingParty.base64URLDecoded))
    let answer = try passkey.assertion(
      challenge: signed, origin: origin, rpID: rpID, flags: flags, counter: nextCounter())
    return await finish(actionId: prepared["actionId"] ?? "", answer)
  }

  func finish(actionId: String, _ answer: (authenticatorData: String, clientDataJSON: String, signature: String)) async
    -> WebResponse
  {
    await post(
      "/actions/finish",
      [
        "actionId": actionId, "authenticatorData": answer.authenticatorData, "clientDataJSON": answer.clientDataJSON,
        "signature": answer.signature,
      ])
  }

  func head() throws -> String { try team.rev() }
}

/// The server's clock in a test: it only moves when told.
final class ServeClock: Sendable {
  private let time: Mutex<Date>

  init(_ start: Date) {
    time = Mutex(start)
  }

  func now() -> Date { time.withLock { $0 } }

  func advance(_ seconds: TimeInterval) {
    time.withLock { $0 += seconds }
  }
}
