import Foundation
import TestSupport
import Testing

/// The published site end to end (docs/publishing.md, "The site"): links between documents, effective dates
/// that stay with their revision, the withdrawn page, authors, "Suggest a change" and the search index, made
/// by stock git commits and `sop publish`, and re-rendered byte for byte.
@Suite("sop publish: the site")
struct SitePublishTests {
  static func materials(step: String) -> String {
    """
    ---
    id: QP-002
    title: Storing materials
    type: procedure
    owner: bob@acme.example
    related: [QP-001, F-001]
    ---

    # Storing materials

    ## Purpose

    Keep the yard tidy. Move materials as [the handling procedure](QP-001.md) says, and see QP-001.

    ## Steps

    1. \(step)
    2. Report damage on [the form](../forms/F-001.md).
    """
  }

  static func day(_ clock: Int) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(clock)))
  }

  static func read(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  @Test("Links, effective dates, authors, withdrawn page and search survive three snapshots and render")
  func threeSnapshots() throws {
    let team = try AttackTeam(
      extraPolicy: "site:\n  suggest-change: \"https://tracker.example/new?title={id}%20r{revision}%20{title}\"\n")
    try team.commit(
      ["procedures/QP-002.md": Self.materials(step: "Stack pallets no higher than two.")], as: AttackTeam.danaID,
      "QP-002: storing materials")
    try team.approveQP001()
    try team.approve("QP-002", key: team.alice, as: AttackTeam.aliceID)
    try team.approve("QP-002", key: team.bob, as: AttackTeam.bobID)
    let site = team.folder("site")
    let firstDay = Self.day(team.scratch.clock)
    let first = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(first.status == 0, "\(first.stderr)")
    var page = try Self.read(site, "documents/QP-002.html")
    #expect(page.contains("<a class=\"doc-link\" href=\"QP-001.html\">the handling procedure</a>"), "\(page)")
    #expect(page.contains("see <a class=\"doc-ref\" href=\"QP-001.html\">QP-001</a>."))
    #expect(page.contains("<span class=\"unlinked\">the form</span> <span class=\"link-note\">(not in effect"))
    #expect(page.contains("<h2 id=\"related-heading\">Related documents</h2>"))
    #expect(page.contains("href=\"https://tracker.example/new?title=QP-002%20r1%20Storing%20materials\""))
    #expect(page.contains("<td>Dana Author</td>"))
    var index = try Self.read(site, "assets/search-index.js")
    #expect(index.contains("pallets"))

    // Three days later, revision 2 of QP-002 by Erin: QP-001 keeps the first snapshot's date.
    team.scratch.clock += 3 * 86_400
    try team.commit(
      ["procedures/QP-002.md": Self.materials(step: "Stack pallets no higher than three.")],
      as: AttackTeam.erinID, "QP-002: three pallets")
    try team.approve("QP-002", key: team.alice, as: AttackTeam.aliceID)
    try team.approve("QP-002", key: team.bob, as: AttackTeam.bobID)
    let secondDay = Self.day(team.scratch.clock)
    #expect(secondDay != firstDay)
    let second = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(second.status == 0, "\(second.stderr)")
    page = try Self.read(site, "documents/QP-001.html")
    #expect(page.contains("<dt>Effective</dt><dd><time datetime=\"\(firstDay)\">"), "\(page)")
    page = try Self.read(site, "documents/QP-002.html")
    #expect(page.contains("<dt>Effective</dt><dd><time datetime=\"\(secondDay)\">"))
    #expect(page.contains("<td>Erin Quality</td>") && page.contains("<td>Dana Author</td>"))
    #expect(page.contains("<td class=\"nowrap\"><time datetime=\"\(firstDay)\">\(firstDay)</time></td>"))
    let indexPage = try Self.read(site, "index.html")
    #expect(indexPage.contains("<td class=\"nowrap\">\(firstDay)</td>"))

    // Withdrawn with a reason, approved, published: QP-001 keeps a page and links to it become text.
    team.scratch.clock += 3 * 86_400
    team.scratch.identity = AttackTeam.danaID
    let withdraw = try team.cli.sop("withdraw", "QP-001", "--reason", "Replaced by QP-002")
    #expect(withdraw.status == 0, "\(withdraw.stderr)")
    try team.approveQP001()
    let thirdDay = Self.day(team.scratch.clock)
    let third = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(third.status == 0, "\(third.stderr)")
    page = try Self.read(site, "documents/QP-001.html")
    #expect(page.contains("<p class=\"withdrawal-reason\">Replaced by QP-002</p>"), "\(page)")
    #expect(page.contains("<dt>Withdrawn by</dt><dd>Alice Nguyen (quality), Bob Smith (owner)</dd>"))
    #expect(page.contains("<dt>Withdrawn on</dt><dd><time datetime=\"\(thirdDay)\">"))
    #expect(page.contains("Revision 1, effective from <time datetime=\"\(firstDay)\">"))
    page = try Self.read(site, "documents/QP-002.html")
    #expect(
      page.contains(
        "<span class=\"unlinked\">the handling procedure</span> <span class=\"link-note\">(QP-001 is withdrawn)</span>")
    )
    #expect(!page.contains("href=\"QP-001.html\""))
    index = try Self.read(site, "assets/search-index.js")
    #expect(!index.contains("\"QP-001\""))

    // The site of every snapshot renders byte for byte again.
    let again = team.folder("again")
    let render = try team.cli.sop("render", "published/3", "--out", again.path)
    #expect(render.status == 0, "\(render.stderr)")
    for path in [
      "index.html", "documents/QP-001.html", "documents/QP-002.html", "assets/search-index.js", "manifest.json",
    ] {
      #expect(try Self.read(site, path) == (try Self.read(again, path)), "\(path)")
    }
  }
}
