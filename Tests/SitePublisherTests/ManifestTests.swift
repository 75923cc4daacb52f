import Crypto
import Foundation
import Testing

@testable import SitePublisher

@Suite("manifest.json")
struct ManifestTests {
  struct Manifest: Decodable {
    struct Document: Decodable {
      var id: String
      var revision: Int
      var blob: String
      var files: [String: String]
    }

    var tag: String
    var commit: String
    var effectiveDate: String
    var documents: [Document]
    var files: [String: String]
  }

  static func hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }

  @Test("Every file's SHA-256 in the manifest matches its bytes, and the manifest leaves only itself out")
  func hashesMatch() throws {
    let files = SiteRenderer().render(Fixture.sample())
    let data = try #require(files.first { $0.path == "manifest.json" }).bytes
    let manifest = try JSONDecoder().decode(Manifest.self, from: Data(data))
    #expect(manifest.tag == "published/3")
    #expect(manifest.commit == Fixture.commit)
    #expect(manifest.effectiveDate == "2025-03-14T09:30:00Z")
    let others = files.filter { $0.path != "manifest.json" }
    #expect(Set(manifest.files.keys) == Set(others.map(\.path)))
    for file in others {
      #expect(manifest.files[file.path] == Self.hex(file.bytes), "\(file.path)")
    }
    #expect(manifest.documents.map(\.id) == ["F-001", "POL-001", "QP-002", "QP-003", "WI-001"])
    let audit = try #require(manifest.documents.first { $0.id == "QP-002" })
    #expect(audit.revision == 2)
    #expect(audit.blob == "fedcba9876543210fedcba9876543210fedcba98")
    #expect(audit.files == ["documents/QP-002.html": manifest.files["documents/QP-002.html"]!])
  }

  @Test("The manifest's keys are sorted so the file is stable")
  func sortedKeys() throws {
    let files = SiteRenderer().render(Fixture.sample())
    let text = try #require(Fixture.text(files, "manifest.json"))
    // Pretty-printed top-level keys are indented by exactly two spaces.
    let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      String($0.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(topLevel == ["commit", "documents", "effectiveDate", "files", "tag"])
  }
}
