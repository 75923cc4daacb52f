import DocumentControl
import Testing

@Suite("Content selectors of sop diff and sop show --at")
struct ContentSelectorTests {
  @Test("rN, published/N and work are read as selectors; everything else is a commit for git to resolve")
  func parsing() {
    #expect(ContentSelector("r0") == .revision(0))
    #expect(ContentSelector("r12") == .revision(12))
    #expect(ContentSelector("published/3") == .published(3))
    #expect(ContentSelector("work") == .work)
    for text in ["HEAD", "main~2", "r-1", "r+1", "r", "release", "published/0", "published/x", "published", "Work"] {
      #expect(ContentSelector(text) == .commit(text), "\(text)")
    }
    for text in ["r3", "published/2", "work", "HEAD~1"] {
      #expect(ContentSelector(text).description == text)
    }
  }
}
