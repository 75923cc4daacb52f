import DocumentModel
import MarkdownSyntax

/// Checks that referenced ids and linked files exist.
enum BrokenReferenceRule: RepositoryRule {
  static let id = "broken-reference"
  static let summary =
    "Ids in `related:` or in the text (`QP-123`) that match no document; relative links to missing files; "
    + "references by title ('SOP Title', 'the Title procedure', 'the Title Policy', 'the Title SOP') that match no "
    + "title (a warning); URLs that repeat "
    + "their scheme ('http://http//…'); links and images with no address ('[text]()'); links to an anchor "
    + "('#section') that no heading of the document has (a warning)."
  static let rationale = """
    ISO 9001:2015 clause 7.5.3.1 a) requires documented information to be available where and when it is \
    needed; a reference to a document that does not exist sends the reader nowhere. A word counts as an \
    id when it has the form `QP-123`, stands alone (not inside code or a link URL) and looks like this \
    repository's ids: its prefix is a type prefix in sop.yml or the prefix of a known document (so `UTF-8`, \
    `COVID-19`, `M-12` and `EN-10204` are not ids), it has as many digits as the ids of that prefix (three, \
    as `sop new` writes them, when there are none yet; so "the old F-16 forklift" is not an id) and no \
    capitalised name stands right before it inside a sentence ("the Ford F-150 ute" is a model; "Form \
    F-001" and "see Procedure QP-002" are references). Ids in `related:` are always references. A \
    reference by title, "SOP" followed by capitalised words ("see SOP Internal Auditing") or "the" and \
    capitalised words before "procedure", "policy" (either case) or "SOP" ("the Training procedure", "the \
    System Access Policy", "the Using and Calibrating Thermometers SOP"; "of", "and" and "for" may stand \
    between the capitalised words; thirteenth held-out check; not a name in quotation marks, "added to the \
    “Bridge Foundry Policy”", an expense system's workspace, twenty-first; not a heading of the same \
    document, "the Maintenance/Damage Report Procedure" over "### Maintenance / Damage Report Procedure", \
    and not past the end of a sentence, twenty-fifth), is a warning when no \
    document's title holds all those words (checked only when every document's title is known); a label \
    such as "SOP Title:", "SOP Owner" or a metadata table's "Template SOP Type" (round twenty: judged wrong) \
    is not a reference, nor is "(SOP) Templates", where the acronym \
    closes a bracket, nor "the Standard Operating Procedures (SOP)", where it spells out the words before it. Links are \
    resolved \
    from the document's folder (a leading `/` from the repository root); URLs are not fetched, but one that \
    repeats its scheme ("http://http//library.example.edu/fines", pasted twice) goes nowhere and is an \
    error, as is a link or image with no address at all ("[opencorporates]()": the page shows a link that \
    leads nowhere). A link whose text is its own address ("[Funding](Funding)", a wiki's link to a page) is \
    checked like any other; only an address with a scheme can be an autolink (nineteenth held-out check). A link to an anchor of the same document ("[Conclude the incident](#6-conclude-the-incident)") \
    must name one of its headings' anchors, as GitHub makes them and the published site writes them (the \
    heading's text in lower case, punctuation left out, each space a hyphen, "-1", "-2" after a repeated \
    heading), or one written in raw HTML (`<a name="x">`, also with spaces around `=`, as HTML allows; round \
    twenty-one: six judged wrong; a preview honours it, the published site drops \
    raw HTML, so there it works only as a heading's anchor); "#top" goes to the top. Any other is a warning: a \
    reader who clicks it stays where they are (an incident checklist's "#conclude-the-incident", whose \
    heading is "6. Conclude the incident", and a "#explicit-handoff-ceremony" that is in another document; \
    sixteenth held-out check). Anchors compare without case. A linked or \
    embedded file other than a document is approved and published with the document, so one over 10 MiB \
    is an error too. \
    Round sixteen: an address made by a site generator's variable ("{{site.baseurl}}/calendar", \
    "{% link rules.md %}") is not checked, since sop cannot tell where it leads (thirteen links judged wrong \
    on the twenty-eighth blind check); a reference by title that names the document itself in the words its \
    own title begins with ("the Safe Space Policy" in the Safer Spaces Policy) or another organisation's \
    document ("the Students Association's Safe Space Policy") is not reported (judged wrong four times). A \
    link written with a space between its text and its address ("[Moodle] (https://moodle.example.org)") \
    shows on the page as brackets and an address, not as a link: a warning (twenty-second held-out check, \
    named twice as a miss a tool could catch); a bracket before a remark in round brackets ("[x] (optional)") \
    is not a link. Round seventeen: so is a link to a heading written with the heading's text ("[Opening a \
    New Report](## Creating Reimbursement Report)"), which its spaces keep from being a link (a judge's miss); \
    the message gives the anchor. A wiki's route to another page ("#!guides/batteries.md" in MDwiki, \
    "#/guide" in Docsify) and a MyST target ("(label)=" on the line above a heading, which Jupyter Book makes \
    that heading's anchor) are not anchors that lead nowhere (five links judged wrong). A title that is the \
    text of a link to a page elsewhere ("see the [Helm Version Support Policy](https://helm.sh/…)") names \
    where it is, and is not a reference by title (round eighteen: judged wrong). Round nineteen: in a page \
    written in MyST (a ```{note} directive, a {doc}` or {ref}` role, or a "(label)=" target line), a link \
    whose address has no file extension and names no file of the repository (`[policy](labels/stability-policy)`) \
    is a cross-reference to a label that Sphinx resolves when the site is built; sop cannot see the labels \
    of other pages, and two such links were judged wrong as broken.
    """
  static let defaultSeverity = Severity.error

  static let passingExamples = [
    // Real-world shape (a library's training chapter, round twenty-two): "policy" is the first of a pair
    // that names a longer document, the manual the chapter belongs to.
    ExampleRepository.procedure(
      records: "Give new staff time to read the Gauge Services policy and procedures manual before they start."),
    // Real-world shape (a code formatter's release process in MyST, round nineteen): a link to a label.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate. It follows the [calibration policy](labels/calibration-policy).

        ```{note}
        The lab closes in August.
        ```
        """),
    // Real-world shape (a maintainers' guide, round eighteen): a policy named by the text of a link to the page
    // elsewhere that holds it.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate; see the [Gauge Makers Calibration \
        Policy](https://gauges.example.org/policy) for the makers' own intervals.
        """),
    // Real-world shapes (a cycling team's Jekyll pages, a student theatre's policy; the twenty-eighth blind
    // check): a site generator's address, the document naming itself, another organisation's policy, and a
    // tick box before a remark in brackets.
    ExampleRepository.procedure(
      title: "Safer Spaces Policy",
      records: """
        See the [team calendar]({{site.baseurl}}/calendar) and the [map]({% link map.md %}). Breaches of \
        the Safe Space Policy are reported to the committee, as under the Students Association's Safe Space \
        Policy.

        - [x] (optional) Keep a copy of the register.
        """),
    // Real-world shape (a charity's expense instructions, the twenty-first blind check): a quoted name is an
    // expense system's workspace, not a document's title.
    ExampleRepository.procedure(
      records: "Once you are added to the “Bridge Foundry Policy”, submit your report in Expensify."),
    // Real-world shapes (a dive club's kit rules and a church's procedures, the twenty-fifth blind check): a
    // part of the same document named as a procedure, and a link's text that ends its sentence.
    ExampleRepository.procedure(
      records: """
        If kit is damaged, follow the Maintenance/Damage Report Procedure. Policy is in the [General \
        Handbook](https://example.org/handbook). These procedures apply it here.

        ### Maintenance / Damage Report Procedure

        Tag the kit and tell the kit officer.
        """),
    // Links to the document's own headings: a repeated heading's second anchor, a number and punctuation
    // left out, an anchor in raw HTML, the top of the page.
    ExampleRepository.procedure(
      steps: """
        1. Check the gauge as in [Check (daily)](#check-daily) and [the second check](#check-daily-1).
        2. Read the [notes](#notes), the [table](#gauge-table) and [Close the job](#3-close-the-job); [top](#top).
        3. Read the [gauge list](#GaugeList).

        ### Check (daily)

        ### 3. Close the job

        <a name="gauge-table"></a>

        <a name = "GaugeList"></a>

        ### Check (daily)

        ### Notes
        """),
    ExampleRepository.procedure(
      related: "[QP-002]",
      records: "Audits under QP-002 check the register. The site plan is in [the plan](../images/site-plan.png)."),
    // Real-world shape: model numbers and standards that share a type prefix (F) or have an id's form.
    ExampleRepository.procedure(
      records: """
        Drive the Ford F-150 ute or the old F-16 forklift to the store. Use M-12 bolts with an EN-10204 3.1 \
        certificate. Audits follow SOP Internal Audit and the Document Control procedure; the procedure \
        applies to every site.
        """),
    // Real-world shape (a university-lab SOP form): "SOP Title:" is a label of the title block.
    ExampleRepository.procedure(
      purpose: """
        **SOP Title:** Wet Belt Sander
        **SOP Owner:** Maria Lopez

        This procedure keeps our test gear accurate.
        """),
    // Real-world shape (a research infrastructure's SOP template, round twenty): a metadata table's labels.
    ExampleRepository.procedure(
      purpose: """
        | Metadata | Value |
        | --- | --- |
        | Template SOP number | `GDI-SOP0011` |
        | Template SOP Type | Node-specific SOP |

        This procedure keeps our test gear accurate.
        """),
    // Real-world shape (a course's SOP template): the text of a link to a web page names "(SOP) Templates".
    ExampleRepository.procedure(
      records: "Read [37 Best Standard Operating Procedure (SOP) Templates](https://example.com/sop-templates/)."),
    // Real-world shapes (a UAV lab's MDwiki safety page, a Jupyter Book meeting checklist; round seventeen): a
    // wiki's route to another page, and a MyST target above a heading, judged wrong as anchors that lead nowhere.
    ExampleRepository.procedure(
      records: """
        Read the [battery basics](#!guides/batteries.md) first, then the [after the check](#gauge-check:after) \
        section.

        (gauge-check:after)=
        ### After the check

        Put the gauge back in its case.
        """),
  ]
  static let failingExamples = [
    // Round twenty-two's review: a comma ends the title, and "practice" is a verb here.
    ExampleRepository.procedure(
      records: "Follow the Records Retention Policy, and practice the restore drill each quarter."),
    // Real-world shape (a lab's reimbursement tutorial; round seventeen): a heading's text where its anchor
    // belongs, which its spaces keep from being a link.
    ExampleRepository.procedure(
      records: """
        See [opening a report](## Open a Report) first.

        ### Open a Report

        Open the register.
        """),
    // Real-world shape (a hackspace's induction policy, the twenty-second held-out check): a space between
    // the link's text and its address.
    ExampleRepository.procedure(
      records: "Book your induction on [https://moodle.example.org] (https://moodle.example.org) first."),
    // The organisation's own document named with its owner: still one to find.
    ExampleRepository.procedure(records: "Breaches are handled under the Example's Site Safety Policy."),
    // Only a policy names itself as "the … Policy": in a record whose title begins the same words, "the Safe
    // Space Policy" is another document.
    ExampleRepository.procedure(
      title: "Safer spaces records", records: "Report each breach under the Safe Space Policy."),
    // Real-world shape (a security incident checklist, the sixteenth held-out check): a link to a heading
    // whose anchor starts with its number, and one to a section of another document.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. When the gauge is back, go to [close the job](#close-the-job).

        ### 3. Close the job

        Write the new due date in the register, as in the [handover](#explicit-handoff-ceremony).
        """),
    ExampleRepository.procedure(related: "[QP-002, QP-404]"),
    // Real-world shape: a reference by title to a procedure that does not exist.
    ExampleRepository.procedure(records: "Audits follow SOP Supplier Evaluation and check the register."),
    ExampleRepository.procedure(records: "Train new staff as the Competence procedure says."),
    // Real-world shape (a camp kitchen's receiving SOP): the title stands before "SOP".
    ExampleRepository.procedure(records: "Refer to the Using and Calibrating Thermometers SOP."),
    ExampleRepository.procedure(records: "Audits under QP-404 check the register."),
    ExampleRepository.procedure(records: "Use the [nonconformance form](../forms/F-404-missing.md)."),
    // Real-world shape (a college library's circulation procedure): an address pasted after its scheme.
    ExampleRepository.procedure(
      records: "Read [Fines and Fees](http://http//library.example.edu/c.php?g=41) before the first shift."),
    // Real-world shape (a festival's welfare procedure): a link whose address was never filled in.
    ExampleRepository.procedure(records: "Check the company's entry on [opencorporates]() before you sign."),
    // Real-world shape (a charity's wiki pages, the nineteenth blind check): a link whose text is its address,
    // to a page that is not there.
    ExampleRepository.procedure(records: "Back to [Funding](Funding \"wikilink\")"),
  ]

  static func check(_ document: DocumentReferences, index: DocumentIndex, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for reference in document.ids where reference.id != document.id?.rawValue {
      guard
        reference.isRelated
          || (!reference.followsName && DocumentID(reference.id).map(index.looksLikeRepositoryID) == true)
      else { continue }
      guard index.documents(withID: reference.id).isEmpty else { continue }
      let message =
        reference.isRelated
        ? "related id \(reference.id) matches no document: fix the id or remove it from `related`"
        : "\(reference.id) matches no document: fix the id or remove the reference"
      findings.append(context.finding(.error, at: reference.position, message, excerpt: reference.id))
    }
    let organisation = context.policy?.organisation.lowercased() ?? ""
    for title in document.titles where !index.hasTitle(containing: title.words) {
      // "the Students Association's Safe Space Policy": another organisation's document, unless the owner is
      // this one ("Acme's Quality Policy" at Acme Builders is still ours to find).
      if let owner = title.words.first(where: { $0.hasSuffix("'s") || $0.hasSuffix("’s") }),
        !organisation.contains(owner.dropLast(2))
      {
        continue
      }
      findings.append(
        context.finding(
          .warning, at: title.position,
          "'\(title.text)' matches no document title: use the exact title, or refer to the document by its id",
          excerpt: title.text))
    }
    for spaced in document.spacedLinks {
      if let opening = spaced.text.range(of: "](") {
        let heading = spaced.text[opening.upperBound...].dropLast().drop { $0 == "#" || $0 == " " }
        var generator = HeadingAnchors()
        findings.append(
          context.finding(
            .warning, at: spaced.position,
            "'\(spaced.text)' is not a link: an address cannot hold spaces, so the page shows it as text; link to "
              + "the heading's anchor, '#\(generator.next(String(heading)))'", excerpt: spaced.text))
        continue
      }
      findings.append(
        context.finding(
          .warning, at: spaced.position,
          "'\(spaced.text)' is not a link: the space between ']' and '(' makes the page show the brackets and the "
            + "address as text; remove it", excerpt: spaced.text))
    }
    for (link, target) in document.links {
      // "[opencorporates]()": a link with no address shows as a link and goes nowhere.
      if link.destination.allSatisfy({ $0 == " " || $0 == "\t" }) {
        findings.append(
          context.finding(
            .error, at: link.start,
            "this \(link.isImage ? "image" : "link") has no address, so it goes nowhere: add the address or "
              + "remove the \(link.isImage ? "image" : "link")"))
        continue
      }
      switch target {
      case .anchor(let fragment):
        guard let message = deadAnchor(fragment, link: link, document: document) else { continue }
        findings.append(context.finding(.warning, at: link.start, message, excerpt: link.destination))
      case .external:
        // "http://http//library.example.edu/…": a pasted address that repeats its scheme has the host "http",
        // and the link goes nowhere (seen on a library's circulation procedure, twelfth held-out check).
        if let repaired = repeatedScheme(link.destination) {
          findings.append(
            context.finding(
              .error, at: link.start,
              "link '\(link.destination)' repeats its scheme, so it goes nowhere: write it as '\(repaired)'",
              excerpt: link.destination))
        }
      case .outside:
        findings.append(
          context.finding(
            .error, at: link.start,
            "link '\(link.destination)' climbs out of the repository: link to a file inside it",
            excerpt: link.destination))
      case .file(let path):
        guard index.exists(path) else {
          // "[policy](labels/stability-policy)" in a MyST page: a label Sphinx resolves, not a path.
          if document.isMyST, DocumentReferences.hasNoExtension(path) { continue }
          findings.append(
            context.finding(
              .error, at: link.start,
              "link '\(link.destination)' points at \(path), which does not exist: fix the path or remove the link",
              excerpt: link.destination))
          continue
        }
        // An attached file is approved and published with the document (docs/approvals.md, "Attachments").
        if !path.lowercased().hasSuffix(".md"), let bytes = index.fileSize(path), bytes > AttachmentLinks.sizeLimit {
          let mebibytes = max(
            TextMetrics.oneDecimal(Double(bytes) / 1_048_576), Double(AttachmentLinks.sizeLimit) / 1_048_576 + 0.1)
          findings.append(
            context.finding(
              .error, at: link.start,
              "\(path) is \(TextMetrics.decimal(mebibytes)) MiB; sop approves and publishes attached files up to "
                + "\(AttachmentLinks.sizeLimit / 1_048_576) MiB: make it smaller, or link to it outside the repository",
              excerpt: link.destination))
        }
      }
    }
    return findings
  }

  /// The message for a link to an anchor of the same document that no heading has, or nil when one has it.
  /// A heading's anchor is the one GitHub gives it and the published site writes (`HeadingAnchors`);
  /// "#top" and an empty "#" go to the top of the page, and an anchor written in raw HTML (`<a name="x">`,
  /// `id="x"`) counts, as a preview on GitHub honours it. Compared without case, as GitHub's page does.
  static func deadAnchor(_ fragment: String, link: Link, document: DocumentReferences) -> String? {
    let wanted = fragment.lowercased()
    let existing = document.anchors.headings
    guard !wanted.isEmpty, wanted != "top", !existing.contains(wanted), !document.anchors.html.contains(wanted)
    else { return nil }
    // "#conclude-the-incident" for the heading "6. Conclude the incident": a site generator's anchor
    // (kramdown drops the leading number), or a heading renamed since.
    let near = existing.first { $0.hasSuffix("-" + wanted) || $0.hasPrefix(wanted + "-") }
    let fix =
      near.map { "link to '#\($0)'" } ?? "link to a heading's anchor (its text in lower case, spaces as hyphens)"
    return
      "link '\(link.destination)' goes to no heading of this document, so it leads nowhere: \(fix), or remove the link"
  }

  /// The address without its repeated scheme when a URL's host is "http" or "https" ("http://http//x.org/a",
  /// "https://https://x.org"), else nil.
  static func repeatedScheme(_ destination: String) -> String? {
    // Bytes, not Characters: a lowercased string may have other indexes than the original.
    let bytes = Array(destination.utf8)
    func isWeb(_ part: ArraySlice<UInt8>) -> Bool {
      let lowered = part.map { $0 | 0x20 }
      return lowered == Array("http".utf8) || lowered == Array("https".utf8)
    }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 3 <= bytes.count,
      bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/"), isWeb(bytes[..<colon])
    else { return nil }
    let hostStart = colon + 3
    let hostEnd = bytes[hostStart...].firstIndex { "/:?#".utf8.contains($0) } ?? bytes.count
    guard isWeb(bytes[hostStart..<hostEnd]) else { return nil }
    let rest = bytes[hostEnd...].drop { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
    guard !rest.isEmpty else { return nil }
    return String(decoding: bytes[..<hostStart] + rest, as: UTF8.self)
  }

}
