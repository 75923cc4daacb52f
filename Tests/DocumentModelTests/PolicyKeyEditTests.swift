import DocumentModel
import Testing

/// `sop serve`'s enrolment edits `sop.yml` as text, keeping every comment; layouts it does not know give nil.
@Suite("Adding a passkey to sop.yml")
struct PolicyKeyEditTests {
  static let key =
    "sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBL6SsEeRS0ki0eRYRpAuQ+SyRNvLNSRHBnZeaBnS8q/G4rLaWOTKRNJSUo3hx73BeK2MVyITSK8ltsTx89HTPDAAAAALc29wLmV4YW1wbGU= lena@acme.example"

  static let policy = """
    # sop.yml
    version: 1
    organisation: Acme
    people:
      # Quality.
      - email: maria@acme.example
        name: Maria Lopez
        roles: [quality, admin]
        keys:
          - "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3g0KkN5wQNNmsK0gS4c6Hn6v3CFa2FfbI6UO2fJmpC maria"
      - email: lena@acme.example
        name: Lena Park
        roles: [site]

    # types: the kinds of document.
    types:
      procedure:
        prefix: QP
        approvals: [quality]

    """

  @Test("A person without keys gets a keys list; comments and the other people stay as they were")
  func personWithoutKeys() throws {
    let edited = try #require(
      PolicyKeyEdit.addingKey(Self.key, email: "lena@acme.example", name: "Lena", to: Self.policy))
    #expect(edited.contains("    roles: [site]\n    keys:\n      - \"\(Self.key)\"\n\n# types: the kinds"))
    #expect(edited.contains("# Quality."))
    let policy = try Policy.decode(yaml: edited)
    #expect(policy.person(email: "lena@acme.example")?.keys.count == 1)
    #expect(policy.person(email: "maria@acme.example")?.keys.count == 1)
  }

  @Test("A block list of keys gets one more item; a flow list stays a flow list")
  func existingKeys() throws {
    let block = try #require(
      PolicyKeyEdit.addingKey(Self.key, email: "MARIA@acme.example", name: "Maria", to: Self.policy))
    #expect(try Policy.decode(yaml: block).person(email: "maria@acme.example")?.keys.count == 2)
    let flow = Self.policy.replacingOccurrences(of: "    roles: [site]", with: "    roles: [site]\n    keys: []")
    let edited = try #require(PolicyKeyEdit.addingKey(Self.key, email: "lena@acme.example", name: "Lena", to: flow))
    #expect(edited.contains("    keys: [\"\(Self.key)\"]"))
    #expect(try Policy.decode(yaml: edited).person(email: "lena@acme.example")?.keys.count == 1)
  }

  @Test("Someone not listed is added at the end of people, without roles")
  func newPerson() throws {
    let edited = try #require(
      PolicyKeyEdit.addingKey(Self.key, email: "joe@acme.example", name: "Joe \"JR\" Rossi", to: Self.policy))
    let person = try #require(try Policy.decode(yaml: edited).person(email: "joe@acme.example"))
    #expect(person.name == "Joe \"JR\" Rossi")
    #expect(person.roles.isEmpty)
    #expect(person.keys.count == 1)
    #expect(edited.contains("    keys:\n      - \"\(Self.key)\"\n\n# types: the kinds"), "\(edited)")
  }

  @Test("A layout this does not edit, or a key line with a quote, gives nil rather than a broken file")
  func refusals() {
    let oneLine = Self.policy.replacingOccurrences(
      of: "  - email: lena@acme.example\n    name: Lena Park\n    roles: [site]\n",
      with: "  - {email: lena@acme.example, name: Lena Park, roles: [site]}\n")
    #expect(PolicyKeyEdit.addingKey(Self.key, email: "lena@acme.example", name: "Lena", to: oneLine) == nil)
    #expect(
      PolicyKeyEdit.addingKey("ssh-ed25519 \"x", email: "lena@acme.example", name: "Lena", to: Self.policy) == nil)
    #expect(PolicyKeyEdit.addingKey(Self.key, email: "lena@acme.example", name: "Lena", to: "version: 1\n") == nil)
  }
}
