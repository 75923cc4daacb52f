import DocumentModel
import Testing

@Suite("Attachment links: which relative targets of a body are files approved with it")
struct AttachmentLinksTests {
  @Test func findsImagesLinksReferenceDefinitionsAndImgTags() {
    let body = """
      ![The guard fitted](images/guard.jpg "Guard")
      See the [drawing](drawings/frame%20v2.pdf#page=2) and [F-001](../forms/F-001.md).
      <img src="images/panel.png" alt="Panel">

      [wiring]: <diagrams/wiring diagram.svg>
      """
    #expect(
      AttachmentLinks.targets(in: body).map(\.path) == [
        "images/guard.jpg", "drawings/frame v2.pdf", "../forms/F-001.md", "images/panel.png",
        "diagrams/wiring diagram.svg",
      ])
    #expect(AttachmentLinks.targets(in: body).map(\.line) == [1, 2, 2, 3, 5])
    // Markdown documents are linked documents, not attachments.
    #expect(
      AttachmentLinks.candidatePaths(body: body, documentPath: "work-instructions/WI-001.md") == [
        "work-instructions/diagrams/wiring diagram.svg", "work-instructions/drawings/frame v2.pdf",
        "work-instructions/images/guard.jpg", "work-instructions/images/panel.png",
      ])
  }

  @Test func leavesOutURLsAbsolutePathsFragmentsAndCode() {
    let body = """
      [site](https://example.com/a.png) [mail](mailto:a@b.example) [top](#purpose) [root](/etc/passwd)
      [win](C:\\photos\\a.jpg) `![not](code.png)`

      ```
      ![not](fenced.png)
      ```

          ![not](indented.png)
      """
    #expect(AttachmentLinks.targets(in: body).isEmpty)
  }

  @Test func resolvesAgainstTheDocumentsFolderAndNeverLeavesTheRepository() {
    #expect(AttachmentLinks.resolve("../images/a.png", from: "docs/wi/WI-001.md") == "docs/images/a.png")
    #expect(AttachmentLinks.resolve("./a.png", from: "WI-001.md") == "a.png")
    #expect(AttachmentLinks.resolve("../../a.png", from: "wi/WI-001.md") == nil)
    #expect(AttachmentLinks.resolve("../../../etc/passwd", from: "a/b/WI-001.md") == nil)
  }

  @Test func textWithoutLinksCostsNothing() {
    #expect(AttachmentLinks.targets(in: "1. Wear gloves.\n2. Lift with your legs.\n").isEmpty)
  }
}
