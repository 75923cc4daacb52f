import DocumentModel
import Foundation
import FuzzSupport
import Signatures

/// The fixture passkey of scripts/webauthn-vector.py (relying party `sop.example`).
let passkey = try! SSHPublicKey(
  authorizedKey:
    "sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBOXRNCKSUmFnKEmWYWG4rn4E4CJz7jOt56MWh/ddGz/2UYB2H7iQdLEzIvHyy4Y0ylH0v0tdLaDvcrBJkZVVBGIAAAALc29wLmV4YW1wbGU="
)
let relyingParty = WebAuthnRelyingParty(id: "sop.example", origin: "https://sop.example")
let challenge = Data(repeating: 0x5A, count: 32)

/// What `sop serve` reads from a browser: the input split into authenticator data, client data and signature
/// for `checkAssertion` (none may verify: that would be a forgery for the fixture key), the whole as a
/// registration's client data, as base64url, and as the `sop.yml` an enrolment edits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  let first = bytes.first.map { Int($0) } ?? 0
  let second = bytes.dropFirst().first.map { Int($0) } ?? 0
  let rest = bytes.dropFirst(2)
  let authenticatorData = Data(rest.prefix(first))
  let clientData = Data(rest.dropFirst(first).prefix(second * 4))
  let signature = Data(rest.dropFirst(first + second * 4))
  let response = WebAuthnAssertionResponse(
    authenticatorData: authenticatorData, clientDataJSON: clientData, signature: signature)
  if (try? relyingParty.checkAssertion(response, challenge: challenge, key: passkey, requireUserVerification: false))
    != nil
  {
    fatalError("an assertion made without the passkey's private key verified")
  }
  try? relyingParty.checkRegistration(clientDataJSON: bytes, challenge: challenge)
  let text = String(decoding: bytes, as: UTF8.self)
  _ = WebAuthnRelyingParty.base64URLDecoded(text)
  _ = passkey.securityKeyApplication
  if let edited = PolicyKeyEdit.addingKey(passkey.authorizedKeyLine, email: "pat@acme.example", name: "Pat", to: text),
    (try? Policy.decode(yaml: edited)) == nil
  {
    fatalError("an enrolment wrote a sop.yml that does not decode")
  }
  return 0
}

@_cdecl("FuzzWebAuthn_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
