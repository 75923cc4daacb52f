import Foundation
import Signatures
import TestSupport
import Testing
import WebApprovals

/// `sop serve` (issue 16, docs/serve.md): a passkey signs in a browser, the server writes the commit, and stock
/// git and `sop verify` accept it; every attack on the way is refused with nothing committed. Requests go to
/// the server's core directly; the browser tests (scripts/serve-browser-test.py) drive the same routes through
/// Hummingbird and headless Chromium.
@Suite("sop serve: passkey approvals in a browser")
struct ServeTests {
  @Test("Pat signs in and approves QP-001 with the passkey; git verify-commit and sop verify accept the commit")
  func approveInBrowser() async throws {
    let serve = try ServeHarness()
    try serve.team.approve(key: serve.team.bob, as: AttackTeam.bobID)
    let signIn = try await serve.signIn()
    #expect(signIn.status == 200, "\(signIn.text)")
    let cookie = try #require(signIn.header("Set-Cookie"))
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] { #expect(cookie.contains(attribute)) }
    #expect(cookie.hasPrefix("__Host-sop-session="))
    let todo = await serve.get("/todo")
    #expect(todo.status == 200)
    #expect(todo.text.contains("QP-001"), "\(todo.text)")

    let (prepared, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    #expect(prepared.status == 200, "\(prepared.text)")
    #expect(fields["meaning"] == "Approve QP-001")
    let before = try serve.head()
    let finished = try await serve.finish(fields)
    #expect(finished.status == 200, "\(finished.text)")
    let commit = try #require(ServeHarness.json(finished)["commit"])
    #expect(try serve.head() == commit)
    #expect(try serve.team.rev("HEAD^") == before)

    let verified = try PasskeyApprovalTests.gitVerifies(commit, in: serve.team)
    #expect(verified.status == 0, "\(verified.stderr)")
    let verify = try serve.team.verify()
    #expect(verify.json?.ok == true, "\(verify.result.stdout)")
    #expect(try serve.team.qp001()?.state == "approved")
  }

  @Test("A replayed assertion is refused and nothing is committed")
  func replay() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    let challenge = try #require(fields["challenge"].flatMap(WebAuthnRelyingParty.base64URLDecoded))
    let answer = try serve.passkey.assertion(challenge: challenge, counter: serve.nextCounter())
    let first = await serve.finish(actionId: fields["actionId"] ?? "", answer)
    #expect(first.status == 200, "\(first.text)")
    let head = try serve.head()
    let again = await serve.finish(actionId: fields["actionId"] ?? "", answer)
    #expect(again.status == 400)
    #expect(ServeHarness.json(again)["error"]?.contains("already used") == true)
    #expect(try serve.head() == head)
  }

  @Test(
    "An assertion for other data, a wrong origin, a wrong relying party and a missing user-presence flag are refused")
  func badAssertions() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let head = try serve.head()
    let cases: [(String, (ServeHarness, [String: String]) async throws -> WebResponse)] = [
      ("another challenge", { try await $0.finish($1, challenge: Data(repeating: 7, count: 32)) }),
      ("origin", { try await $0.finish($1, origin: "https://evil.example") }),
      ("relying party", { try await $0.finish($1, rpID: "evil.example") }),
      ("user-presence", { try await $0.finish($1, flags: 0x04) }),
    ]
    for (expected, attack) in cases {
      let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
      let response = try await attack(serve, fields)
      #expect(response.status == 403, "\(expected): \(response.text)")
      #expect(ServeHarness.json(response)["error"]?.contains(expected) == true, "\(expected): \(response.text)")
      #expect(try serve.head() == head, "\(expected)")
    }
  }

  @Test("An assertion whose counter went back (a copied passkey) is refused and nothing is committed")
  func counterGoesBack() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    let challenge = try #require(fields["challenge"].flatMap(WebAuthnRelyingParty.base64URLDecoded))
    let head = try serve.head()
    // The sign-in used counter 1; a copy of the passkey still at 1 signs again.
    let answer = try serve.passkey.assertion(challenge: challenge, counter: 1)
    let response = await serve.finish(actionId: fields["actionId"] ?? "", answer)
    #expect(response.status == 403)
    #expect(ServeHarness.json(response)["error"]?.contains("counter went back") == true)
    #expect(try serve.head() == head)
  }

  @Test("A cross-site post, a post without the CSRF token and a form post are refused")
  func crossSite() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let action: [String: Any] = ["action": "approve", "ids": ["QP-001"]]
    let crossSite = await serve.post("/actions/prepare", action, origin: "https://evil.example")
    #expect(crossSite.status == 403)
    let noOrigin = await serve.post("/actions/prepare", action, origin: nil)
    #expect(noOrigin.status == 403)
    let noToken = await serve.post("/actions/prepare", action, withToken: false)
    #expect(noToken.status == 403)
    #expect(ServeHarness.json(noToken)["error"]?.contains("security token") == true)
    let form = await serve.post("/actions/prepare", action, contentType: "application/x-www-form-urlencoded")
    #expect(form.status == 415)
  }

  @Test("An expired session is refused, before and after preparing, and nothing is committed")
  func expiredSession() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    let head = try serve.head()
    serve.advance(31 * 60)
    let finished = try await serve.finish(fields)
    #expect(finished.status == 401, "\(finished.text)")
    let prepared = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    #expect(prepared.response.status == 401)
    #expect(await serve.get("/todo").status == 303)
    #expect(try serve.head() == head)
  }

  @Test("A refused action gets the CLI's message: Pat may not approve QP-001 twice")
  func sameRefusalAsCLI() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    #expect(try await serve.finish(fields).status == 200)
    let (again, _) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    #expect(again.status == 409)
    let message = try #require(ServeHarness.json(again)["error"])
    #expect(message == "Pat Passkey has already signed this content of QP-001")
  }

  @Test("A passkey not in the policy in effect cannot sign in; a missing user-presence flag cannot either")
  func signInRefusals() async throws {
    let serve = try ServeHarness(patRoles: ["quality"])
    let noPresence = try await serve.signIn(flags: 0x04)
    #expect(noPresence.status == 403)
    #expect(noPresence.header("Set-Cookie") == nil)
    // Another passkey of the same relying party, listed for nobody.
    let stranger = try SoftwarePasskey(seed: "a stranger's passkey")
    let response = try await serve.signIn(with: stranger)
    #expect(response.status == 403)
    #expect(ServeHarness.json(response)["error"]?.contains("not in the policy in effect") == true)
    #expect(response.header("Set-Cookie") == nil)
  }

  @Test("Enrolment commits a pending sop.yml change that adds the key; it signs nothing until an admin approves")
  func enrolment() async throws {
    let serve = try ServeHarness()
    let newcomer = try SoftwarePasskey(seed: "Dana's passkey")
    let head = try serve.head()
    let wrongOrigin = try await serve.enrol(
      newcomer, name: "Dana Author", email: "dana@acme.example", origin: "https://evil.example")
    #expect(wrongOrigin.status == 403)
    #expect(try serve.head() == head, "a refused enrolment commits nothing")
    let enrolled = try await serve.enrol(newcomer, name: "Dana Author", email: "dana@acme.example")
    #expect(enrolled.status == 200, "\(enrolled.text)")
    let fields = ServeHarness.json(enrolled)
    let keyLine = try #require(fields["keyLine"])
    #expect(keyLine.hasPrefix("sk-ecdsa-sha2-nistp256@openssh.com "))
    #expect(try serve.team.rev("HEAD^") == head)
    let policy = try serve.team.scratch.git("show", "HEAD:sop.yml")
    #expect(policy.contains(String(keyLine.split(separator: " ")[1])))
    let status = try serve.team.status()
    #expect(status.json?.policy?.state == "draft", "\(status.result.stdout)")

    // The admin page says what the change does, and Pat (admin) approves it with the passkey.
    try await serve.signIn()
    let admin = await serve.get("/admin")
    #expect(admin.text.contains("Dana Author &lt;dana@acme.example&gt;: adds key passkey SHA256:"), "\(admin.text)")
    let (prepared, approval) = await serve.prepare(["action": "approve", "ids": ["POLICY"]])
    #expect(prepared.status == 200, "\(prepared.text)")
    let finished = try await serve.finish(approval)
    #expect(finished.status == 200, "\(finished.text)")
    #expect(try serve.team.status().json?.policy?.state == "approved")
    #expect(try serve.team.verify().json?.ok == true)
  }

  @Test("Pat revokes the approval in the browser: a signed Revokes commit, and QP-001 needs quality again")
  func revoke() async throws {
    let serve = try ServeHarness()
    try await serve.signIn()
    let (_, approval) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    let approved = try #require(ServeHarness.json(try await serve.finish(approval))["commit"])
    let page = await serve.get("/documents/QP-001").text
    #expect(page.contains("data-approval=\"\(approved)\""), "\(page)")
    let (prepared, fields) = await serve.prepare([
      "action": "revoke", "approval": approved, "reason": "Signed too early",
    ])
    #expect(prepared.status == 200, "\(prepared.text)")
    let finished = try await serve.finish(fields)
    #expect(finished.status == 200, "\(finished.text)")
    let message = try serve.team.scratch.git("log", "-1", "--format=%B")
    #expect(message.contains("Revokes: \(approved)"), "\(message)")
    #expect(try serve.team.verify().json?.ok == true)
    #expect(try serve.team.qp001()?.missing.contains("quality") == true)
    let (missingReason, _) = await serve.prepare(["action": "revoke", "approval": approved])
    #expect(missingReason.status == 409)
    #expect(ServeHarness.json(missingReason)["error"] == "say why the approval is revoked")
  }

  @Test("--push pushes the branch after each commit the server makes")
  func push() async throws {
    let remote = try ScratchRepository()
    try remote.git("init", "-q", "--bare", remote.url.appendingPathComponent("central.git").path)
    let central = remote.url.appendingPathComponent("central.git").path
    let serve = try ServeHarness(pushRemote: central)
    try await serve.signIn()
    let (_, fields) = await serve.prepare(["action": "approve", "ids": ["QP-001"]])
    let finished = try await serve.finish(fields)
    #expect(ServeHarness.json(finished)["message"]?.contains("Pushed to") == true, "\(finished.text)")
    let branch = try serve.team.scratch.git("symbolic-ref", "--short", "HEAD")
    let pushed = try remote.git("--git-dir", central, "rev-parse", branch)
    #expect(pushed == (try serve.head()))
  }

  @Test("A key enrolled for someone who already has one is flagged on the admin page: ask them")
  func enrolmentUnderAnotherName() async throws {
    let serve = try ServeHarness()
    let impostor = try SoftwarePasskey(seed: "an impostor's passkey")
    let enrolled = try await serve.enrol(impostor, name: "Pat", email: "pat@acme.example")
    #expect(enrolled.status == 200, "\(enrolled.text)")
    try await serve.signIn()
    let admin = await serve.get("/admin").text
    #expect(admin.contains("already sign with another key: ask them whether they enrolled this one"), "\(admin)")
  }

  @Test("Pages escape what documents and people say, and send the security headers")
  func pagesAreSafe() async throws {
    let serve = try ServeHarness()
    let page = await serve.get("/sign-in")
    #expect(page.status == 200)
    #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
    #expect(page.header("X-Frame-Options") == "DENY")
    #expect(await serve.get("/todo").status == 303)
    #expect(await serve.get("/documents").status == 303)
    try await serve.signIn()
    let documents = await serve.get("/documents/QP-001")
    #expect(documents.status == 200)
    #expect(documents.text.contains("<main id=\"main\""))
    #expect(documents.text.contains("data-action=\"approve\""))
    #expect(await serve.get("/documents/POLICY").header("Location") == "/admin")
    // Markup escapes strings: a fragment that reached a page as a String would show as escaped tags.
    for path in ["/todo", "/documents", "/documents/QP-001", "/admin", "/enrol"] {
      let text = await serve.get(path).text
      #expect(!text.contains("&lt;p&gt;") && !text.contains("&lt;ul&gt;") && !text.contains("Markup("), "\(path)")
    }
  }

  @Test("serve: public-read: true shows documents without signing in, and nothing else")
  func publicRead() async throws {
    let serve = try ServeHarness(extraPolicy: "serve:\n  public-read: true\n")
    #expect(await serve.get("/documents").status == 200)
    let page = await serve.get("/documents/QP-001")
    #expect(page.status == 200)
    #expect(!page.text.contains("data-action="))
    #expect(await serve.get("/todo").status == 303)
  }

  @Test("sop serve refuses a bad origin, rp id or listen address with exit 2 before serving")
  func commandLine() throws {
    let scratch = try ScratchRepository()
    let cli = CLIHarness(scratch: scratch)
    let cases: [([String], String)] = [
      (["--rp-id", "example.com", "--origin", "http://example.com"], "must be https"),
      (["--rp-id", "other.example", "--origin", "https://sop.example"], "must be the origin's host"),
      (["--rp-id", "localhost", "--origin", "http://localhost:8080/"], "must not end with a slash"),
      (
        ["--rp-id", "localhost", "--origin", "http://localhost:8080", "--listen", "8080"], "--listen must be host:port"
      ),
      (["--rp-id", "sop.example", "--origin", "https://sop.example/path"], "bare origin"),
      (["--rp-id", "sop.example", "--origin", "https://sop.example", "--push=--upload-pack=x"], "--push needs"),
    ]
    for (arguments, message) in cases {
      let result = try cli.sop(["serve"] + arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }
}
