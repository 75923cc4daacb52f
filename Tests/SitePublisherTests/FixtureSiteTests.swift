import Foundation
import Testing

@testable import SitePublisher

/// Writes the sample site for `scripts/browser-check.sh` when SOP_SITE_FIXTURE_DIR names a folder.
@Suite("Fixture site")
struct FixtureSiteTests {
  static let folder = ProcessInfo.processInfo.environment["SOP_SITE_FIXTURE_DIR"]

  @Test("Writes the sample site for the browser check", .enabled(if: folder != nil))
  func writeFixture() throws {
    let folder = try #require(Self.folder)
    try SiteWriter().write(SiteRenderer().render(Fixture.sample()), to: URL(fileURLWithPath: folder))
  }
}
