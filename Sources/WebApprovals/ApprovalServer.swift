import DocumentControl
import DocumentModel
import Foundation
import Signatures
import SitePublisher

/// `sop serve`'s core: every route, free of the HTTP library (`HTTPServer` adapts it to Hummingbird), so tests
/// drive it request by request (docs/serve.md).
///
/// The server never holds a signing key. It prepares the exact commit object a workflow would sign, asks the
/// passkey to sign that object's SSHSIG data, checks the assertion (origin, relying party, challenge, user
/// presence, signature), wraps it as an SSHSIG that `git verify-commit` accepts, verifies that, and runs the
/// CLI's workflow again with the signature, which writes the commit with compare-and-swap on the branch.
public final class ApprovalServer: Sendable {
  let configuration: ServeConfiguration
  let state = ServerState()
  let gate: RepositoryGate

  /// Bodies larger than this are refused unread.
  public static let bodyLimit = 64 * 1024

  /// Creates a server for `configuration`.
  public init(configuration: ServeConfiguration) {
    self.configuration = configuration
    gate = RepositoryGate(path: configuration.repositoryPath)
  }

  /// The cookie that carries the session id.
  var cookieName: String { configuration.isSecureOrigin ? "__Host-sop-session" : "sop-session" }

  /// Answers one request.
  public func handle(_ request: WebRequest) async -> WebResponse {
    var response: WebResponse
    switch request.method {
    case "GET", "HEAD":
      response = await get(request)
    case "POST":
      response = await post(request)
    default:
      response = Self.json(405, ["error": "method \(request.method.prefix(16)) is not allowed"])
    }
    response.headers.append(contentsOf: Self.securityHeaders)
    if request.method == "HEAD" { response.body = Data() }
    return response
  }

  /// Sent with every response: scripts and styles only from this server, no framing, no referrer, no caching.
  static let securityHeaders: [(String, String)] = [
    (
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
  ]

  // MARK: - Pages

  private func get(_ request: WebRequest) async -> WebResponse {
    let now = configuration.clock()
    let session = currentSession(request, now: now)
    let path = request.path
    switch path {
    case "/assets/serve.js":
      return WebResponse(
        status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8")], body: Data(ServeAssets.script.utf8))
    case "/assets/serve.css":
      return WebResponse(
        status: 200, headers: [("Content-Type", "text/css; charset=utf-8")], body: Data(ServeAssets.style.utf8))
    case "/sign-in":
      return Self.html(200, Pages.signIn(relyingParty: configuration.relyingParty, signedIn: session?.session))
    case "/enrol":
      return Self.html(200, Pages.enrol(relyingParty: configuration.relyingParty, signedIn: session?.session))
    default:
      break
    }
    // The policy is read only for someone not signed in: a signed-in page never depends on public-read.
    if session == nil {
      guard path == "/" || path.hasPrefix("/documents"), await readPublicly() else { return Self.redirect("/sign-in") }
    }
    let viewer = session?.session
    switch path {
    case "/":
      return Self.redirect(viewer == nil ? "/documents" : "/todo")
    case "/todo":
      guard let viewer else { return Self.redirect("/sign-in") }
      return await page { repository throws(ControlError) in
        Pages.todo(try repository.todo(for: .email(viewer.email), now: now), session: viewer)
      }
    case "/documents":
      return await page { repository throws(ControlError) in
        Pages.documents(try repository.status(at: nil, now: now), session: viewer)
      }
    case "/admin":
      guard let viewer else { return Self.redirect("/sign-in") }
      return await page { repository throws(ControlError) in
        Pages.admin(try PolicyChangePreview(repository: repository, now: now, viewer: viewer.email), session: viewer)
      }
    default:
      guard path.hasPrefix("/documents/") else { return Self.html(404, Pages.notFound(session: viewer)) }
      let id = String(path.dropFirst("/documents/".count))
      if id == DocumentID.policy.rawValue { return Self.redirect(viewer == nil ? "/sign-in" : "/admin") }
      return await page { repository throws(ControlError) in
        Pages.document(
          try DocumentView(repository: repository, id: id, viewer: viewer?.email, now: now), session: viewer)
      }
    }
  }

  /// Renders a page from repository data; a refusal becomes a page that says it.
  private func page(_ make: @escaping @Sendable (DocumentRepository) throws(ControlError) -> Markup) async
    -> WebResponse
  {
    switch await gate.run(make) {
    case .success(let markup): return Self.html(200, markup)
    case .failure(let error):
      let status = if case .unknownDocument = error { 404 } else { 409 }
      return Self.html(status, Pages.problem(error.description))
    }
  }

  /// Whether `sop.yml` in effect says `serve: {public-read: true}`.
  private func readPublicly() async -> Bool {
    let result = await gate.run { repository throws(ControlError) in
      try repository.ledger(at: repository.commit(nil)).effectivePolicy?.policy.servePublicRead ?? false
    }
    return (try? result.get()) ?? false
  }

  // MARK: - Posts

  private func post(_ request: WebRequest) async -> WebResponse {
    // A post from any other site is refused before it is read: the browser names the page that sent it.
    guard request.headers["origin"] == configuration.relyingParty.origin else {
      return Self.json(403, ["error": "this request did not come from \(configuration.relyingParty.origin)"])
    }
    guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
      return Self.json(415, ["error": "send JSON (the pages of this server do)"])
    }
    guard request.body.count <= Self.bodyLimit else { return Self.json(413, ["error": "the request is too large"]) }
    let now = configuration.clock()
    switch request.path {
    case "/sign-in/challenge":
      let (id, bytes) = state.issueChallenge(.signIn, lifetime: configuration.challengeLifetime, now: now)
      return Self.json(
        200,
        ["challengeId": id, "challenge": WebAuthnRelyingParty.base64URL(bytes), "rpId": configuration.relyingParty.id])
    case "/sign-in":
      return await signIn(request, now: now)
    case "/enrol/challenge":
      return enrolChallenge(request, now: now)
    case "/enrol":
      return await enrol(request, now: now)
    default:
      break
    }
    // Everything else acts for the signed-in person: a live session and its CSRF token are both required.
    guard let (sessionID, session) = currentSession(request, now: now) else {
      return Self.json(401, ["error": "your sign-in has expired or you are not signed in; sign in again"])
    }
    guard let token = request.headers["x-csrf-token"], constantTimeEqual(token, session.csrfToken) else {
      return Self.json(403, ["error": "the form's security token is missing or wrong; reload the page"])
    }
    switch request.path {
    case "/sign-out":
      state.endSession(sessionID)
      return Self.json(200, ["redirect": "/sign-in"], cookies: [expiredCookie])
    case "/actions/prepare":
      return await prepareAction(request, sessionID: sessionID, session: session, now: now)
    case "/actions/finish":
      return await finishAction(request, sessionID: sessionID, session: session, now: now)
    default:
      return Self.json(404, ["error": "no such action"])
    }
  }

  func currentSession(_ request: WebRequest, now: Date) -> (id: String, session: Session)? {
    guard let id = request.cookies[cookieName], let session = state.session(id, now: now) else { return nil }
    return (id, session)
  }

  // MARK: - Sign-in

  private struct AssertionBody: Decodable {
    var challengeId: String
    var authenticatorData: String
    var clientDataJSON: String
    var signature: String

    var response: WebAuthnAssertionResponse? {
      guard let data = WebAuthnRelyingParty.base64URLDecoded(authenticatorData),
        let client = WebAuthnRelyingParty.base64URLDecoded(clientDataJSON),
        let signature = WebAuthnRelyingParty.base64URLDecoded(signature)
      else { return nil }
      return WebAuthnAssertionResponse(authenticatorData: data, clientDataJSON: client, signature: signature)
    }
  }

  private func signIn(_ request: WebRequest, now: Date) async -> WebResponse {
    guard let body = try? JSONDecoder().decode(AssertionBody.self, from: request.body), let response = body.response
    else { return Self.json(400, ["error": "the sign-in response is not readable"]) }
    guard let challenge = state.takeChallenge(body.challengeId, now: now), case .signIn = challenge.purpose else {
      return Self.json(400, ["error": "this sign-in challenge was already used or has expired; try again"])
    }
    let relyingParty = configuration.relyingParty
    let result = await gate.run {
      repository throws(ControlError) -> Result<(Person, String, UInt32), WebAuthnRefusal> in
      guard let policy = try repository.ledger(at: repository.commit(nil)).effectivePolicy?.policy else {
        throw .noPolicy(revision: "HEAD")
      }
      var refusals: [String] = []
      for (person, key) in Passkeys.inPolicy(policy, relyingParty: relyingParty) {
        do throws(WebAuthnRefusal) {
          let facts = try relyingParty.checkAssertion(
            response, challenge: challenge.bytes, key: key, requireUserVerification: policy.requiresUserVerification)
          return .success((person, key.openSSHString, facts.counter))
        } catch {
          refusals.append(error.reason)
        }
      }
      // The same reason for every key is about the response itself (origin, challenge, flags), so it is named.
      if let first = refusals.first, refusals.allSatisfy({ $0 == first }),
        !first.hasPrefix("the passkey's signature does not match")
      {
        return .failure(WebAuthnRefusal(first))
      }
      return .failure(
        WebAuthnRefusal(
          "this passkey is not in the policy in effect; enrol it, and an admin must approve the sop.yml change first"))
    }
    switch result {
    case .failure(let error): return Self.json(409, ["error": error.description])
    case .success(.failure(let refusal)): return Self.json(403, ["error": refusal.reason])
    case .success(.success(let (person, keyLine, counter))):
      guard state.advanceCounter(counter, for: keyLine) else {
        return Self.json(403, ["error": Self.counterWentBack.reason])
      }
      let session = Session(
        email: person.email, keyLine: keyLine, csrfToken: ServerState.randomToken(),
        expires: now + configuration.sessionLifetime)
      let id = state.newSession(session)
      return Self.json(200, ["redirect": "/todo"], cookies: [sessionCookie(id)])
    }
  }

  func sessionCookie(_ id: String) -> String {
    let secure = configuration.isSecureOrigin ? "; Secure" : ""
    return
      "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(configuration.sessionLifetime))\(secure)"
  }

  private var expiredCookie: String {
    let secure = configuration.isSecureOrigin ? "; Secure" : ""
    return "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0\(secure)"
  }

  // MARK: - Enrolment

  private struct EnrolChallengeBody: Decodable {
    var name: String
    var email: String
  }

  private struct EnrolBody: Decodable {
    var challengeId: String
    var clientDataJSON: String
    var publicKey: String
  }

  private func enrolChallenge(_ request: WebRequest, now: Date) -> WebResponse {
    guard let body = try? JSONDecoder().decode(EnrolChallengeBody.self, from: request.body) else {
      return Self.json(400, ["error": "send your name and email"])
    }
    let name = body.name.trimmingCharacters(in: .whitespaces)
    let email = body.email.trimmingCharacters(in: .whitespaces).lowercased()
    if let problem = Passkeys.problem(name: name, email: email) { return Self.json(400, ["error": problem]) }
    let (id, bytes) = state.issueChallenge(
      .enrol(email: email, name: name), lifetime: configuration.challengeLifetime, now: now)
    return Self.json(
      200,
      [
        "challengeId": id, "challenge": WebAuthnRelyingParty.base64URL(bytes), "rpId": configuration.relyingParty.id,
        "rpName": "sop", "userId": WebAuthnRelyingParty.base64URL(Passkeys.userHandle(email: email)), "email": email,
        "name": name,
      ])
  }

  private func enrol(_ request: WebRequest, now: Date) async -> WebResponse {
    guard let body = try? JSONDecoder().decode(EnrolBody.self, from: request.body),
      let clientData = WebAuthnRelyingParty.base64URLDecoded(body.clientDataJSON),
      let spki = WebAuthnRelyingParty.base64URLDecoded(body.publicKey)
    else { return Self.json(400, ["error": "the new passkey's response is not readable"]) }
    guard let challenge = state.takeChallenge(body.challengeId, now: now),
      case .enrol(let email, let name) = challenge.purpose
    else { return Self.json(400, ["error": "this enrolment challenge was already used or has expired; start again"]) }
    do throws(WebAuthnRefusal) {
      try configuration.relyingParty.checkRegistration(clientDataJSON: clientData, challenge: challenge.bytes)
    } catch {
      return Self.json(403, ["error": error.reason])
    }
    let key: SSHPublicKey
    do {
      key = try WebAuthnAssertion.publicKey(subjectPublicKeyInfo: spki, rpID: configuration.relyingParty.id)
    } catch {
      return Self.json(400, ["error": error.description])
    }
    let result = await gate.run { repository throws(ControlError) in
      try repository.enrolKey(key, email: email, name: name, now: now)
    }
    switch result {
    case .failure(let error):
      return Self.json(409, ["error": error.description])
    case .success(let enrolment):
      let pushed = enrolment.commit == nil ? nil : await push()
      let next =
        enrolment.commit == nil
        ? "Add this line to your entry in sop.yml (\(enrolment.manualReason ?? "")); an admin then approves the change."
        : "sop.yml now lists this passkey as a pending change: it signs nothing until an admin approves it."
      return Self.json(
        200,
        [
          "keyLine": enrolment.keyLine, "fingerprint": enrolment.fingerprint, "commit": enrolment.commit ?? "",
          "message": next + (pushed.map { " " + $0 } ?? ""),
        ])
    }
  }

  // MARK: - Signing actions

  private struct FinishBody: Decodable {
    var actionId: String
    var authenticatorData: String
    var clientDataJSON: String
    var signature: String
  }

  private func prepareAction(_ request: WebRequest, sessionID: String, session: Session, now: Date) async
    -> WebResponse
  {
    guard let action = try? JSONDecoder().decode(ActionRequest.self, from: request.body) else {
      return Self.json(400, ["error": "the action is not readable"])
    }
    // Whole seconds: the commit object carries seconds, and the same object is rebuilt when finishing.
    let time = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    let keyLine = session.keyLine
    let prepared = await gate.run { repository throws(ControlError) in
      try action.prepare(keyLine: keyLine, time: time, on: repository)
    }
    switch prepared {
    case .failure(let error):
      return Self.json(409, ["error": error.description])
    case .success(let message):
      guard let challenge = WebAuthnAssertion.challenge(message: message) else {
        return Self.json(500, ["error": "could not form the data to sign"])
      }
      let id = state.storeAction(
        PendingAction(
          request: action, sessionID: sessionID, keyLine: keyLine, message: message, challenge: challenge, time: time,
          expires: now + configuration.challengeLifetime))
      return Self.json(
        200,
        [
          "actionId": id, "challenge": WebAuthnRelyingParty.base64URL(challenge), "rpId": configuration.relyingParty.id,
          "meaning": action.meaning,
        ])
    }
  }

  private func finishAction(_ request: WebRequest, sessionID: String, session: Session, now: Date) async
    -> WebResponse
  {
    guard let body = try? JSONDecoder().decode(FinishBody.self, from: request.body),
      let data = WebAuthnRelyingParty.base64URLDecoded(body.authenticatorData),
      let client = WebAuthnRelyingParty.base64URLDecoded(body.clientDataJSON),
      let signature = WebAuthnRelyingParty.base64URLDecoded(body.signature)
    else { return Self.json(400, ["error": "the passkey's response is not readable"]) }
    // Taken before anything is checked: a prepared action is answered once, right or wrong.
    guard let pending = state.takeAction(body.actionId, now: now), pending.sessionID == sessionID else {
      return Self.json(400, ["error": "this signature request was already used or has expired; start again"])
    }
    let response = WebAuthnAssertionResponse(authenticatorData: data, clientDataJSON: client, signature: signature)
    let relyingParty = configuration.relyingParty
    let state = state
    let result = await gate.run { repository throws(ControlError) -> Result<ActionResult, WebAuthnRefusal> in
      guard let policy = try repository.ledger(at: repository.commit(nil)).effectivePolicy?.policy else {
        throw .noPolicy(revision: "HEAD")
      }
      let key: SSHPublicKey
      do throws(SignatureError) {
        key = try SSHPublicKey(authorizedKey: pending.keyLine)
      } catch {
        throw .signing(error)
      }
      let armored: String
      do {
        let facts = try relyingParty.checkAssertion(
          response, challenge: pending.challenge, key: key, requireUserVerification: policy.requiresUserVerification)
        guard state.advanceCounter(facts.counter, for: pending.keyLine) else { return .failure(Self.counterWentBack) }
        armored = try WebAuthnAssertion.armoredSignature(
          publicKey: key, authenticatorData: data, clientDataJSON: client, signature: signature,
          origin: relyingParty.origin)
      } catch let refusal as WebAuthnRefusal {
        return .failure(refusal)
      } catch {
        return .failure(WebAuthnRefusal("\(error)"))
      }
      // What git and ssh-keygen will check, checked here first: nothing unverifiable is ever committed.
      guard case .valid(let signer) = verifySSHSignature(armored: armored, message: pending.message, namespace: "git"),
        signer.blob == key.blob
      else { return .failure(WebAuthnRefusal("the signature does not verify as an SSH signature of the commit")) }
      return .success(
        try pending.request.run(
          keyLine: pending.keyLine, time: pending.time,
          signer: PresignedSigner(signedMessage: pending.message, armored: armored), on: repository))
    }
    switch result {
    case .failure(let error):
      return Self.json(409, ["error": error.description])
    case .success(.failure(let refusal)):
      return Self.json(403, ["error": refusal.reason])
    case .success(.success(let outcome)):
      let pushed = await push()
      let target = pending.request.ids?.first.map { $0 == DocumentID.policy.rawValue ? "/admin" : "/documents/\($0)" }
      return Self.json(
        200,
        [
          "commit": outcome.commit, "message": (outcome.lines + (pushed.map { [$0] } ?? [])).joined(separator: "\n"),
          "redirect": target ?? "/todo",
        ])
    }
  }

  /// `--push REMOTE`: pushes the current branch; a failure is reported, the commit stays here.
  private func push() async -> String? {
    guard let remote = configuration.pushRemote else { return nil }
    let path = configuration.repositoryPath
    return await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(returning: GitPush.push(repository: path, remote: remote))
      }
    }
  }

  static let counterWentBack = WebAuthnRefusal(
    "the passkey's counter went back: a copied passkey or a replayed response")

  // MARK: - Responses

  static func html(_ status: Int, _ markup: Markup) -> WebResponse {
    WebResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(markup.text.utf8))
  }

  static func json(_ status: Int, _ object: [String: String], cookies: [String] = []) -> WebResponse {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = (try? encoder.encode(object)) ?? Data("{}".utf8)
    return WebResponse(
      status: status, headers: [("Content-Type", "application/json")] + cookies.map { ("Set-Cookie", $0) }, body: body)
  }

  static func redirect(_ location: String) -> WebResponse {
    WebResponse(status: 303, headers: [("Location", location)])
  }
}

/// Compares two tokens in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
  let left = Array(a.utf8)
  let right = Array(b.utf8)
  guard left.count == right.count else { return false }
  var difference: UInt8 = 0
  for index in left.indices { difference |= left[index] ^ right[index] }
  return difference == 0
}
