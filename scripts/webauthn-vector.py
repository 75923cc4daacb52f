#!/usr/bin/env python3
"""Makes WebAuthn (passkey) SSHSIG signatures with stock tools and checks them with ssh-keygen and git.

  webauthn-vector.py [OUT]              OUT defaults to Tests/SignaturesTests/Fixtures/WebAuthn
  webauthn-vector.py --chromium [OUT]   the same proof from headless Chromium's virtual authenticator
                                        (chromium-driver from Debian, selenium from PyPI); writes OUT/chromium/

A browser's ES256 assertion signs authenticatorData || SHA-256(clientDataJSON). OpenSSH accepts it as an
SSHSIG inner signature of type webauthn-sk-ecdsa-sha2-nistp256@openssh.com for an
sk-ecdsa-sha2-nistp256@openssh.com key whose application is the relying-party id (PROTOCOL.u2f,
ssh-ecdsa-sk.c: webauthn_check_prepare_hash and ssh_ecdsa_sk_verify), when the WebAuthn challenge is the
SSHSIG to-be-signed data (PROTOCOL.sshsig). This script plays the browser with Python's `cryptography`
(a P-256 key derived from a fixed seed, deterministic ECDSA, so a rerun writes the same files), writes
positive and negative cases, and records what `ssh-keygen -Y verify` says about each in cases.tsv.
It then builds a git commit whose gpgsig is the good signature and checks `git verify-commit` accepts it.
Needs only python3-cryptography (or `pip install cryptography`), ssh-keygen and git.
"""
import base64
import hashlib
import os
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

RP_ID = "sop.example"
ORIGIN = "https://sop.example"
NAMESPACE = "git"
SEED = b"sop WebAuthn fixture key (test only)"
KEY_TYPE = "sk-ecdsa-sha2-nistp256@openssh.com"
SIG_TYPE = "webauthn-sk-ecdsa-sha2-nistp256@openssh.com"
UP, UV, AT, ED = 0x01, 0x04, 0x40, 0x80
MESSAGE = b"Approve QP-001\n\nApproves: QP-001 0123456789abcdef0123456789abcdef01234567\n"
OTHER_MESSAGE = b"Approve QP-001\n\nApproves: QP-001 76543210fedcba9876543210fedcba9876543210\n"
# The fixed committer line of the git commit fixture.
IDENTITY = "Pat Passkey <pat@sop.example> 1767225600 +0000"


def string(data):
    if isinstance(data, str):
        data = data.encode()
    return len(data).to_bytes(4, "big") + data


def mpint(value):
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    if raw and raw[0] & 0x80:
        raw = b"\0" + raw
    return string(raw)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def private_key():
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    scalar = int.from_bytes(hashlib.sha256(SEED).digest(), "big") % (order - 1) + 1
    return ec.derive_private_key(scalar, ec.SECP256R1())


def key_blob(key, application=RP_ID):
    point = key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return string(KEY_TYPE) + string("nistp256") + string(point) + string(application)


def signed_data(message, hash_algorithm="sha512", namespace=NAMESPACE):
    """PROTOCOL.sshsig: the data a key signs for `message`; here it is the WebAuthn challenge."""
    digest = hashlib.new(hash_algorithm, message).digest()
    return b"SSHSIG" + string(namespace) + string(b"") + string(hash_algorithm) + string(digest)


def client_data(challenge, origin=ORIGIN, kind="webauthn.get", tail=',"crossOrigin":false}'):
    """clientDataJSON in the order browsers emit it."""
    return ('{"type":"%s","challenge":"%s","origin":"%s"' % (kind, b64url(challenge), origin) + tail).encode()


def es256(key, data):
    try:
        algorithm = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
    except TypeError:  # cryptography < 44: randomised nonces, still valid signatures
        algorithm = ec.ECDSA(hashes.SHA256())
    return decode_dss_signature(key.sign(data, algorithm))


def webauthn_signature(key, client, flags=UP | UV, counter=1, origin=ORIGIN, extensions=b"",
                       signed_flags=None, rp_id=RP_ID, signed_extensions=None, wire_client=None):
    """The PROTOCOL.u2f webauthn signature: what the browser signed plus what OpenSSH needs to rebuild it.

    signed_* and wire_client let a negative case sign one thing and claim another."""
    authenticator_data = (hashlib.sha256(rp_id.encode()).digest()
                          + bytes([flags if signed_flags is None else signed_flags])
                          + counter.to_bytes(4, "big")
                          + (extensions if signed_extensions is None else signed_extensions))
    r, s = es256(key, authenticator_data + hashlib.sha256(client).digest())
    return (string(SIG_TYPE) + string(mpint(r) + mpint(s)) + bytes([flags]) + counter.to_bytes(4, "big")
            + string(origin) + string(client if wire_client is None else wire_client) + string(extensions))


def sshsig(key, inner, hash_algorithm="sha512"):
    blob = (b"SSHSIG" + (1).to_bytes(4, "big") + string(key_blob(key)) + string(NAMESPACE) + string(b"")
            + string(hash_algorithm) + string(inner))
    encoded = base64.b64encode(blob).decode()
    lines = [encoded[i:i + 70] for i in range(0, len(encoded), 70)]
    return "-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----\n"


def cases(key):
    """(name, description, armored signature, flags) over MESSAGE."""
    tbs = signed_data(MESSAGE)
    good = client_data(tbs)
    out = []

    def add(name, description, inner, hash_algorithm="sha512"):
        flags = inner[len(string(SIG_TYPE)) + 4 + int.from_bytes(inner[len(string(SIG_TYPE)):][:4], "big")]
        out.append((name, description, sshsig(key, inner, hash_algorithm), flags))

    add("good", "UP and UV set, browser-order client data", webauthn_signature(key, good))
    add("good-presence-only", "UP set, UV clear (a touch, no PIN or biometric)",
        webauthn_signature(key, good, flags=UP, counter=7))
    tbs256 = signed_data(MESSAGE, "sha256")
    add("good-sha256", "SSHSIG hash sha256 instead of sha512",
        webauthn_signature(key, client_data(tbs256)), "sha256")
    add("good-extra-client-fields", "client data with more members after origin (Chrome may add some)",
        webauthn_signature(key, client_data(
            tbs, tail=',"crossOrigin":false,"other_keys_can_be_added_here":"do not compare clientDataJSON"}')))
    add("good-extensions", "ED flag with authenticator extension bytes (CBOR), signed as part of authData",
        webauthn_signature(key, good, flags=UP | UV | ED, extensions=bytes.fromhex("a16b6372656450726f7465637402")))
    add("good-other-origin", "origin https://evil.example in both the client data and the origin field: "
        "OpenSSH checks only that they agree, the relying party is bound by the rp id hash",
        webauthn_signature(key, client_data(tbs, origin="https://evil.example"), origin="https://evil.example"))
    add("bad-origin-mismatch", "client data origin https://evil.example, origin field https://sop.example",
        webauthn_signature(key, client_data(tbs, origin="https://evil.example")))
    add("bad-rp-id", "authenticator data carries sha256(\"evil.example\"), the key's application is sop.example",
        webauthn_signature(key, good, rp_id="evil.example"))
    add("no-user-presence", "UP clear (UV set): ssh-keygen -Y verify accepts it, sop requires user presence",
        webauthn_signature(key, good, flags=UV))
    add("no-flags", "UP and UV clear: ssh-keygen -Y verify accepts it, sop requires user presence", webauthn_signature(key, good, flags=0))
    add("bad-other-challenge", "the challenge is the to-be-signed data of another message",
        webauthn_signature(key, client_data(signed_data(OTHER_MESSAGE))))
    tampered = good.replace(b'"crossOrigin":false', b'"crossOrigin":true')
    add("bad-tampered-client-data", "crossOrigin changed to true after signing (same prefix)",
        webauthn_signature(key, good, wire_client=tampered))
    add("bad-client-data-order", "challenge before type, validly signed (OpenSSH compares a fixed prefix)",
        webauthn_signature(key, ('{"challenge":"%s","type":"webauthn.get","origin":"%s","crossOrigin":false}'
                                 % (b64url(tbs), ORIGIN)).encode()))
    add("bad-client-data-spaces", "JSON with spaces after the colons, validly signed",
        webauthn_signature(key, ('{"type": "webauthn.get", "challenge": "%s", "origin": "%s"}'
                                 % (b64url(tbs), ORIGIN)).encode()))
    add("bad-client-data-create", "type webauthn.create (a registration, not an assertion)",
        webauthn_signature(key, client_data(tbs, kind="webauthn.create")))
    padded = good.replace(b64url(tbs).encode(), base64.urlsafe_b64encode(tbs))
    add("bad-challenge-padded", "challenge base64url with = padding (browsers never pad)",
        webauthn_signature(key, padded))
    quoted = '%s","x":"' % ORIGIN
    add("bad-origin-quote", "origin field containing a quote that the client data continues",
        webauthn_signature(key, client_data(tbs, origin=quoted), origin=quoted))
    add("bad-attested-data-flag", "AT flag set (attested credential data belongs to registrations)",
        webauthn_signature(key, good, flags=UP | AT))
    add("bad-extension-flag-empty", "ED flag set but no extension bytes",
        webauthn_signature(key, good, flags=UP | ED))
    add("bad-extensions-no-flag", "extension bytes without the ED flag",
        webauthn_signature(key, good, flags=UP, extensions=bytes.fromhex("a0")))
    add("bad-flags-differ", "signed with UP only, the SSH flags byte claims UP and UV",
        webauthn_signature(key, good, flags=UP | UV, signed_flags=UP))
    add("bad-counter-differ", "signed with counter 1, the SSH counter says 2",
        webauthn_signature_counter_mismatch(key, good))
    return out


def webauthn_signature_counter_mismatch(key, client):
    """Signed with counter 1, claims counter 2."""
    inner = webauthn_signature(key, client, counter=1)
    # The counter follows string(type), string(sig), flags; rebuild with counter 2.
    head = len(string(SIG_TYPE))
    sig_len = int.from_bytes(inner[head:head + 4], "big")
    at = head + 4 + sig_len + 1
    return inner[:at] + (2).to_bytes(4, "big") + inner[at + 4:]


def run(args, cwd=None, env=None, stdin=None):
    return subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True)


def keygen_verdict(work, allowed, signature, message):
    path = os.path.join(work, "check.sig")
    with open(path, "w") as f:
        f.write(signature)
    result = run(["ssh-keygen", "-Y", "verify", "-n", NAMESPACE, "-f", allowed, "-I", "person", "-s", path],
                 stdin=message)
    return result.returncode == 0, (result.stdout + result.stderr).decode().strip().replace("\n", " | ")


def git_commit_fixture(work, key, allowed, out):
    """An empty-tree commit signed with a WebAuthn SSHSIG the way git writes gpgsig, then git verify-commit."""
    repo = os.path.join(work, "repo")
    env = dict(os.environ, HOME=work, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.path.join(work, "gitconfig"))
    run(["git", "init", "-q", repo], env=env)
    tree = run(["git", "mktree"], cwd=repo, env=env, stdin=b"").stdout.decode().strip()
    body = ("tree %s\nauthor %s\ncommitter %s\n\nApprove QP-001\n\nApproves: QP-001 "
            "0123456789abcdef0123456789abcdef01234567\n" % (tree, IDENTITY, IDENTITY)).encode()
    signature = sshsig(key, webauthn_signature(key, client_data(signed_data(body)))).rstrip("\n")
    header = "gpgsig " + signature.replace("\n", "\n ") + "\n"
    split = body.index(b"\n\n") + 1
    signed = body[:split] + header.encode() + body[split:]
    with open(os.path.join(out, "commit.txt"), "wb") as f:
        f.write(signed)
    path = os.path.join(work, "commit")
    with open(path, "wb") as f:
        f.write(signed)
    commit = run(["git", "hash-object", "-t", "commit", "-w", path], cwd=repo, env=env).stdout.decode().strip()
    result = run(["git", "-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=" + allowed,
                  "verify-commit", "-v", commit], cwd=repo, env=env)
    return commit, result.returncode, (result.stdout + result.stderr).decode()


CHROMIUM_PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>passkey</title></head>
<body><main><h1>passkey</h1></main></body></html>"""

# Runs in the page: makes an ES256 passkey for rp id localhost, then asks it to sign the challenge.
CHROMIUM_SCRIPT = """
const done = arguments[arguments.length - 1];
const b64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
(async () => {
  const created = await navigator.credentials.create({publicKey: {
    challenge: new Uint8Array(32), rp: {id: "localhost", name: "sop"},
    user: {id: new Uint8Array([1]), name: "pat@acme.example", displayName: "Pat"},
    pubKeyCredParams: [{type: "public-key", alg: -7}],
    authenticatorSelection: {residentKey: "preferred", userVerification: "required"}}});
  const assertion = await navigator.credentials.get({publicKey: {
    challenge: bytes(arguments[0]), rpId: "localhost", userVerification: "required",
    allowCredentials: [{type: "public-key", id: created.rawId}]}});
  done({publicKey: b64(created.response.getPublicKey()),
        authenticatorData: b64(assertion.response.authenticatorData),
        clientDataJSON: b64(assertion.response.clientDataJSON),
        signature: b64(assertion.response.signature)});
})().catch((error) => done({error: String(error)}));
"""


def chromium_proof(out):
    """Headless Chromium with WebDriver's virtual authenticator signs MESSAGE's SSHSIG data; ssh-keygen checks."""
    import http.server
    import threading
    from cryptography.hazmat.primitives.serialization import load_der_public_key
    from selenium import webdriver

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(CHROMIUM_PAGE)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = "http://localhost:%d" % server.server_port
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService("/usr/bin/chromedriver"))
    try:
        driver.get(origin + "/")
        driver.execute_cdp_cmd("WebAuthn.enable", {})
        driver.execute_cdp_cmd("WebAuthn.addVirtualAuthenticator", {"options": {
            "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
            "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True}})
        driver.set_script_timeout(30)
        challenge = signed_data(MESSAGE)
        result = driver.execute_async_script(CHROMIUM_SCRIPT, base64.b64encode(challenge).decode())
    finally:
        driver.quit()
        server.shutdown()
    if "error" in result:
        raise SystemExit("Chromium refused: " + result["error"])
    point = load_der_public_key(base64.b64decode(result["publicKey"])).public_bytes(
        Encoding.X962, PublicFormat.UncompressedPoint)
    blob = string(KEY_TYPE) + string("nistp256") + string(point) + string("localhost")
    authenticator_data = base64.b64decode(result["authenticatorData"])
    client = base64.b64decode(result["clientDataJSON"])
    r, s = decode_dss_signature(base64.b64decode(result["signature"]))
    flags, counter, extensions = authenticator_data[32], authenticator_data[33:37], authenticator_data[37:]
    assert authenticator_data[:32] == hashlib.sha256(b"localhost").digest()
    inner = (string(SIG_TYPE) + string(mpint(r) + mpint(s)) + bytes([flags]) + counter + string(origin)
             + string(client) + string(extensions))
    sshsig_blob = (b"SSHSIG" + (1).to_bytes(4, "big") + string(blob) + string(NAMESPACE) + string(b"")
                   + string("sha512") + string(inner))
    encoded = base64.b64encode(sshsig_blob).decode()
    armored = ("-----BEGIN SSH SIGNATURE-----\n" + "\n".join(encoded[i:i + 70] for i in range(0, len(encoded), 70))
               + "\n-----END SSH SIGNATURE-----\n")
    folder = os.path.join(out, "chromium")
    os.makedirs(folder, exist_ok=True)
    line = "%s %s" % (KEY_TYPE, base64.b64encode(blob).decode())
    files = {"passkey.pub": line + " chromium-virtual-authenticator\n", "message.txt": MESSAGE.decode(),
             "allowed_signers": 'person namespaces="git" %s\n' % line, "signature.sig": armored,
             "clientDataJSON": client.decode()}
    for name, text in files.items():
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)
    with tempfile.TemporaryDirectory() as work:
        accepted, said = keygen_verdict(work, os.path.join(folder, "allowed_signers"), armored, MESSAGE)
    print("Chromium %s, flags 0x%02x, origin %s\nclientDataJSON %s\nssh-keygen: %s"
          % (driver.capabilities.get("browserVersion"), flags, origin, client.decode(), said))
    return 0 if accepted else 1


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--chromium":
        return chromium_proof(sys.argv[2] if len(sys.argv) > 2 else default_out())
    out = sys.argv[1] if len(sys.argv) > 1 else default_out()
    os.makedirs(out, exist_ok=True)
    key = private_key()
    line = "%s %s passkey@sop.example" % (KEY_TYPE, base64.b64encode(key_blob(key)).decode())
    with open(os.path.join(out, "passkey.pub"), "w") as f:
        f.write(line + "\n")
    with open(os.path.join(out, "allowed_signers"), "w") as f:
        f.write('person namespaces="git" %s\n' % line.rsplit(" ", 1)[0])
    with open(os.path.join(out, "message.txt"), "wb") as f:
        f.write(MESSAGE)
    allowed = os.path.join(out, "allowed_signers")
    # sop accepts exactly what ssh-keygen accepts, less signatures without user presence (UP).
    rows = ["name\tssh-keygen\tsop\tflags\tdescription\tssh-keygen says"]
    with tempfile.TemporaryDirectory() as work:
        for name, description, armored, flags in cases(key):
            with open(os.path.join(out, name + ".sig"), "w") as f:
                f.write(armored)
            accepted, said = keygen_verdict(work, allowed, armored, MESSAGE)
            sop = accepted and flags & UP != 0
            rows.append("%s\t%s\t%s\t0x%02x\t%s\t%s" % (name, "accepts" if accepted else "rejects",
                                                     "accepts" if sop else "rejects", flags, description, said))
            print("%-28s %-8s %s" % (name, "accepts" if accepted else "rejects", said))
        commit, status, said = git_commit_fixture(work, key, allowed, out)
        print("git verify-commit %s -> exit %d\n%s" % (commit, status, said))
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    return 0 if status == 0 else 1


def default_out():
    return os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "SignaturesTests", "Fixtures", "WebAuthn")


if __name__ == "__main__":
    sys.exit(main())
