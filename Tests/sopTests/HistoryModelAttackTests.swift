// Attack tests for the history model of docs/approvals.md (rules H1–H11), written against the contract,
// independently of the implementation. Every attack is built with stock git and ssh-keygen (signed commits
// with `git commit -S`, `git merge`, `git checkout --orphan`, `git clone --depth`), never with `sop approve`;
// then the real `sop` binary is run and its exit code, JSON and messages are checked.
//
// Results on main at 669902c (before the history model is implemented), `swift test --filter
// HistoryModelAttackTests`. FAIL is expected for attacks today; legit counterparts must PASS (before and after),
// except where today's code also refuses an honest team (marked "legit, fails today").
//
// | test                                  | rule | kind                  | today | why it fails today                         |
// |---------------------------------------|------|-----------------------|-------|--------------------------------------------|
// | h1FirstRunPinsRoot                    | H1   | legit, fails today    | FAIL  | nothing pinned, no `root` in verify JSON   |
// | h1OrphanAsFirstParent                 | H1   | attack                | FAIL  | status, verify, log exit 0; publish 1      |
// | h1ForcePushedNewRoot                  | H1   | attack                | FAIL  | no `sop.root` pinned; replaced history ok  |
// | h1TwoRootsNothingPinned               | H1   | attack                | FAIL  | exit 0, roots not listed                   |
// | h1OrphanAsSecondParent                | H1   | attack                | FAIL  | side policy trusted: QP-001 approved r2    |
// | h2PolicyRollbackByMergeOrder          | H2   | attack                | FAIL  | removed key counts; policy back to r1      |
// | h2OldBranchMergedAfterPolicyChange    | H2   | legit                 | PASS  |                                            |
// | h3RevokedKeyOnOldBranch               | H3   | attack                | FAIL  | revoked key completes QP-001 r1            |
// | h3ParallelApprovalsMerge              | H3   | legit                 | PASS  |                                            |
// | h3ApprovalFromAnotherClone            | H3   | legit                 | PASS  |                                            |
// | h4StalePolicySignature                | H4   | attack                | FAIL  | stale admin signature puts C in effect     |
// | h4StaleDocumentSignature              | H4   | attack                | FAIL  | stale quality signature completes r1       |
// | h4PendingSignatureStillQualifies      | H4   | legit                 | PASS  |                                            |
// | h5MergeOursOfAbandonedBranch          | H5   | attack                | FAIL  | tag and log list the abandoned blob        |
// | h5FeatureBranchApprovedThenMerged     | H5   | legit                 | PASS  |                                            |
// | h5RevertToSupersededText              | H5   | attack                | FAIL  | reverted text shows approved r1            |
// | h5ReapprovedRevertIsNewRevision       | H5   | legit, fails today    | FAIL  | re-approval counted as a review: r1        |
// | h6TypeChangeDropsOwner                | H6   | attack                | FAIL  | quality alone approves r2; r2 published    |
// | h6TypePrefixMismatchReported          | H6   | attack                | FAIL  | not reported; approvable                   |
// | h7DuplicateID                         | H7   | attack                | FAIL  | approve signs, publish tags, verify ok     |
// | h7RenameIsNotDuplicate                | H7   | legit                 | PASS  |                                            |
// | h8IdLineForms (BOM, `id :`, `"id":`,  | H8   | attack                | FAIL  | edit not tracked: editor approves own text |
// |   id after 72 KB of front matter)     |      |                       |       | (all four forms; the parser accepts each)  |
// | h9CommitterIsAuthor                   | H9   | attack                | FAIL  | committer email ignored                    |
// | h10ShallowClone (+ --unshallow legit) | H10  | attack (+ legit part) | FAIL  | shallow clone verifies "ok", exit 0        |
// | h11BackDated (+ same-second legit)    | H11  | attack (+ legit part) | FAIL  | no `back-dated` problem                    |
// | unapprovedDocumentsGlobHidesNothing   | pol. | attack                | FAIL  | committed glob hides QP-001 from status    |
// | mergeCommitNeverApproves              | 3    | attack                | FAIL  | signed merge counts as quality's approval  |

import Foundation
import TestSupport
import Testing

@Suite("History model attacks (H1–H11, stock git and ssh-keygen)")
struct HistoryModelAttackTests {
  typealias Team = AttackTeam

  // MARK: H1 · one pinned root

  @Test("H1 legit: the first run pins the single root; verify prints it")
  func h1FirstRunPinsRoot() throws {
    let team = try Team()
    try team.approveQP001()
    let root = try #require(try team.roots().first)
    let status = try team.status()
    #expect(status.result.status == 0, "\(status.result.stderr)")
    #expect(status.result.stderr.lowercased().contains("root"), "pinning is said on stderr")
    #expect(try team.scratch.git("config", "--get", "sop.root") == root)
    #expect(status.json?.document("QP-001")?.state == "approved")
    let verify = try team.verify()
    #expect(verify.result.status == 0, "\(verify.result.stdout)\(verify.result.stderr)")
    #expect(verify.json?.ok == true)
    #expect(verify.json?.root == root)
  }

  @Test("H1: an orphan root merged in as the first parent is refused (exit 2) by status, verify, publish")
  func h1OrphanAsFirstParent() throws {
    let team = try Team()
    try team.approveQP001()
    #expect(try team.status().result.status == 0)  // this clone now trusts (pins) the honest root
    try team.scratch.git("checkout", "-q", "--orphan", "evil")
    try team.commit(
      ["sop.yml": team.attackerPolicy(), Team.document: procedureText(step: "Skip it.")], as: Team.malloryID,
      "Evil root")
    try team.attackerApprovesQP001()
    try team.merge(["-s", "ours", "--allow-unrelated-histories", "main"], as: Team.malloryID)
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "evil")  // the push git hosts accept
    let status = try team.status()
    #expect(status.result.status == 2, "\(status.result.stdout)")
    #expect(status.result.stderr.lowercased().contains("root"), "\(status.result.stderr)")
    let verify = try team.verify()
    #expect(verify.result.status == 2)
    #expect(verify.json?.ok != true, "never ok")
    // Alice's key is registered in the trusted policy: the only reason left to refuse is the root.
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 2, "\(publish.stdout)\(publish.stderr)")
    #expect(try team.scratch.git("tag", "-l", "published/*").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: team.folder("site").path))
    let log = try team.cli.sop("log", "QP-001")
    #expect(log.status == 2, "\(log.stdout)")
  }

  @Test("H1: a force-pushed history with a new root is refused in a clone that pinned the old one")
  func h1ForcePushedNewRoot() throws {
    let team = try Team()
    try team.approveQP001()
    let firstRoot = try #require(try team.roots().first)
    let clone = team.folder("clone")
    try team.git(in: team.scratch.home, "clone", "-q", "file://\(team.scratch.url.path)", clone.path)
    #expect(try team.status(in: clone).result.status == 0)
    #expect(try team.git(in: clone, "config", "--get", "sop.root") == firstRoot)
    // The attacker replaces the upstream history with a new single-root one and force-pushes it.
    try team.scratch.git("checkout", "-q", "--orphan", "replacement")
    try team.commit(
      ["sop.yml": team.attackerPolicy(), Team.document: procedureText(step: "Skip it.")], as: Team.malloryID,
      "Fresh start")
    try team.attackerApprovesQP001()
    try team.scratch.git("branch", "-M", "main")
    try team.git(in: clone, "fetch", "-q", "origin")
    try team.git(in: clone, "reset", "-q", "--hard", "origin/main")
    let status = try team.status(in: clone)
    #expect(status.result.status == 2, "\(status.result.stdout)")
    #expect(status.result.stderr.lowercased().contains("root"), "\(status.result.stderr)")
    let verify = try team.verify(in: clone)
    #expect(verify.result.status == 2)
    #expect(verify.json?.ok != true, "never ok")
    #expect(try team.git(in: clone, "config", "--get", "sop.root") == firstRoot)
  }

  @Test("H1: two roots and nothing pinned: refused (exit 2), both roots listed")
  func h1TwoRootsNothingPinned() throws {
    let team = try Team()
    try team.approveQP001()
    try team.scratch.git("checkout", "-q", "--orphan", "side")
    try team.scratch.git("rm", "-q", "-r", "--cached", ".")
    try FileManager.default.removeItem(at: team.scratch.url.appendingPathComponent("procedures"))
    try FileManager.default.removeItem(at: team.scratch.url.appendingPathComponent("sop.yml"))
    try team.commit(["notes/readme.txt": "Side notes.\n"], as: Team.danaID, "Side root")
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["--allow-unrelated-histories", "side"])
    let roots = try team.roots()
    #expect(roots.count == 2)
    for command in ["status", "verify"] {
      let result = try team.cli.sop(command)
      #expect(result.status == 2, "\(command): \(result.stdout)")
      for root in roots {
        #expect(result.stderr.contains(String(root.prefix(7))), "\(command) lists \(root): \(result.stderr)")
      }
    }
    let pinned = try runProcess(
      "git", ["config", "--get", "sop.root"], in: team.scratch.url, environment: team.scratch.environment)
    #expect(pinned.status != 0, "nothing is pinned when the root is ambiguous")
  }

  @Test("H1: an orphan history merged as the second parent brings its policy and signatures for nothing")
  func h1OrphanAsSecondParent() throws {
    let team = try Team()
    try team.approveQP001()
    #expect(try team.status().result.status == 0)  // pins the honest root
    try team.scratch.git("checkout", "-q", "--orphan", "evil")
    let evilText = procedureText(step: "Skip the gloves.")
    try team.commit(["sop.yml": team.attackerPolicy(), Team.document: evilText], as: Team.malloryID, "Evil root")
    let evilApprovals = try team.attackerApprovesQP001()
    try team.scratch.git("checkout", "-q", "main")
    // The merge takes the side's files: its sop.yml and its QP-001 text.
    team.scratch.identity = Team.malloryID
    team.scratch.clock += 60
    try team.scratch.git("merge", "-q", "--no-commit", "-s", "ours", "--allow-unrelated-histories", "evil")
    try team.scratch.git("checkout", "evil", "--", ".")
    try team.scratch.git("commit", "-q", "-m", "Merge evil")
    #expect(try team.blob() == (try team.blob(at: "evil")))
    let status = try team.status()
    let entry = try #require(status.json?.document("QP-001"), "\(status.result.stdout)\(status.result.stderr)")
    #expect(entry.state == "draft")
    #expect(entry.revision == 1)
    #expect(entry.approvals?.contains { evilApprovals.contains($0.commit) } != true)
    #expect(status.json?.policy?.state == "draft")
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.ok == false)
    for commit in evilApprovals {
      #expect(verify.json?.kinds(of: commit) == ["foreign-root"], "the side's approvals are reported")
    }
  }

  // MARK: H2 · policy moves forward only

  @Test("H2: a merge whose first parent predates an approved policy change does not bring the old policy back")
  func h2PolicyRollbackByMergeOrder() throws {
    let team = try Team()
    let p1 = try team.rev()
    // P2 removes Erin; Alice (admin) approves it.
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.status().json?.policy?.revision == 2)
    // Attacker: check out P1 and merge main into it, so the merge's first parent is P1.
    try team.scratch.git("checkout", "-q", "-b", "rollback", p1)
    try team.merge(["--no-ff", "main"])
    let erinCommit = try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "rollback")
    let status = try team.status()
    let entry = try #require(status.json?.document("QP-001"))
    #expect(entry.state == "draft")
    #expect(entry.missing == ["quality"])
    #expect(status.json?.policy?.state == "approved")
    #expect(status.json?.policy?.revision == 2)
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: erinCommit) == ["unknown-key"])
  }

  @Test("H2 legit: a branch forked before a policy change, approved there by someone still registered, merged after")
  func h2OldBranchMergedAfterPolicyChange() throws {
    let team = try Team()
    let fork = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "review", fork)
    try team.approve(key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "main")
    try team.approve(key: team.bob, as: Team.bobID)
    try team.merge(["review"])
    let status = try team.status()
    let entry = try #require(status.json?.document("QP-001"))
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(status.json?.policy?.state == "approved")
    #expect(status.json?.policy?.revision == 2)
    let verify = try team.verify()
    #expect(verify.result.status == 0, "\(verify.result.stdout)")
    #expect(verify.json?.ok == true)
  }

  // MARK: H3 · judged where it enters

  @Test("H3: a revoked key signing on a branch forked before the removal counts for nothing")
  func h3RevokedKeyOnOldBranch() throws {
    let team = try Team()
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "-b", "thief", beforeRemoval)
    let erinCommit = try team.approve(key: team.erin, as: Team.erinID)
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["thief"])
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft")
    #expect(entry.revision == 0)
    #expect(entry.missing == ["quality"])
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.kinds(of: erinCommit) == ["unknown-key"])
  }

  @Test("H3 legit: two approvers sign the same content on two branches; after git merge both count")
  func h3ParallelApprovalsMerge() throws {
    let team = try Team()
    let tip = try team.rev()
    try team.approve(key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "bob", tip)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["bob"])
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(entry.missing.isEmpty)
    let verify = try team.verify()
    #expect(verify.result.status == 0, "\(verify.result.stdout)")
    #expect(verify.json?.ok == true)
  }

  @Test("H3 legit: an approval made in another clone from the same tip and pulled in counts")
  func h3ApprovalFromAnotherClone() throws {
    let team = try Team()
    let clone = team.folder("bob-clone")
    try team.git(in: team.scratch.home, "clone", "-q", "file://\(team.scratch.url.path)", clone.path)
    try team.approve(key: team.alice, as: Team.aliceID)
    team.scratch.identity = Team.bobID
    team.scratch.clock += 60
    let blob = try team.blob()
    try team.git(
      in: clone, "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.bob.path)", "commit", "-q", "--allow-empty",
      "-S", "-m", "Approve QP-001", "-m", "Approves: QP-001 \(blob)")
    try team.scratch.git("fetch", "-q", clone.path, "main:bob")
    try team.merge(["bob"])
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(try team.verify().json?.ok == true)
  }

  // MARK: H4 · signatures must still qualify when they complete

  @Test("H4: a POLICY signature from someone who lost admin meanwhile does not complete the change")
  func h4StalePolicySignature() throws {
    let team = try Team(policyApprovals: 2)
    // Change C (adds Mallory as an admin): Erin signs it, then it waits for a second admin.
    let changeC = team.policy(
      people: team.members {
        $0.append(
          Member(
            name: Team.malloryID.name, email: Team.malloryID.email, roles: ["quality", "admin"],
            key: team.mallory.publicKey))
      }, policyApprovals: 2)
    try team.commit(["sop.yml": changeC], as: Team.danaID, "Add Mallory")
    let blobC = try team.blob("sop.yml")
    try team.approve("POLICY", key: team.erin, as: Team.erinID)
    // Change D (Erin is no longer an admin), approved by Alice and Frank, takes effect.
    let changeD = team.policy(
      people: team.members { members in
        members = members.map { member in
          var copy = member
          if copy.email == Team.erinID.email { copy.roles = ["quality"] }
          return copy
        }
      }, policyApprovals: 2)
    try team.commit(["sop.yml": changeD], as: Team.danaID, "Erin leaves the admin team")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.approve("POLICY", key: team.frank, as: Team.frankID)
    #expect(try team.status().json?.policy?.revision == 2)
    // C is committed again, byte for byte; Alice adds the second signature.
    try team.commit(["sop.yml": changeC], as: Team.danaID, "Add Mallory again")
    #expect(try team.blob("sop.yml") == blobC)
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    let status = try team.status()
    #expect(status.json?.policy?.state == "draft")
    #expect(status.json?.policy?.revision == 2)
    #expect(status.json?.policy?.missing == 1)
    // Mallory's key is not in effect: her approval gives nothing.
    let malloryCommit = try team.approve(key: team.mallory, as: Team.malloryID)
    #expect(try team.qp001()?.missing == ["quality", "owner"])
    #expect(try team.verify().json?.kinds(of: malloryCommit) == ["unknown-key"])
  }

  @Test("H4: a document signature from someone who lost the role meanwhile does not complete the revision")
  func h4StaleDocumentSignature() throws {
    let team = try Team()
    try team.approve(key: team.erin, as: Team.erinID)
    #expect(try team.qp001()?.missing == ["owner"])
    let erinWithoutQuality = team.policy(
      people: team.members { members in
        members = members.map { member in
          var copy = member
          if copy.email == Team.erinID.email { copy.roles = ["admin"] }
          return copy
        }
      })
    try team.commit(["sop.yml": erinWithoutQuality], as: Team.danaID, "Erin moves to IT")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft")
    #expect(entry.revision == 0)
    #expect(entry.missing == ["quality"])
  }

  @Test("H4 legit: pending signatures that still qualify complete the revision after an unrelated policy change")
  func h4PendingSignatureStillQualifies() throws {
    let team = try Team()
    try team.approve(key: team.erin, as: Team.erinID)
    let renamed = team.policy(organisation: "Acme Builders")
    try team.commit(["sop.yml": renamed], as: Team.danaID, "New company name")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(try team.verify().json?.ok == true)
  }

  // MARK: H5 · in force means in the mainline

  @Test("H5: git merge -s ours of an abandoned, fully approved edit keeps and publishes the mainline revision")
  func h5MergeOursOfAbandonedBranch() throws {
    let team = try Team()
    try team.approveQP001()
    let mainline = try team.blob()
    try team.scratch.git("checkout", "-q", "-b", "abandoned")
    try team.commit(
      [Team.document: procedureText(step: "Skip the gloves on Fridays.")], as: Team.danaID, "Abandoned edit")
    let abandoned = try team.blob()
    try team.approveQP001()
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["-s", "ours", "abandoned"])
    #expect(try team.blob() == mainline)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(entry.blob == mainline)
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
    let tag = try team.scratch.git("cat-file", "-p", "published/1")
    #expect(tag.contains(mainline))
    #expect(!tag.contains(abandoned))
    let log = try team.cli.sop("log", "QP-001", "--format", "json")
    #expect(!log.stdout.contains(abandoned))
  }

  @Test("H5 legit: an edit approved on a feature branch and merged normally is the new revision")
  func h5FeatureBranchApprovedThenMerged() throws {
    let team = try Team()
    try team.approveQP001()
    try team.scratch.git("checkout", "-q", "-b", "feature")
    try team.commit([Team.document: procedureText(step: "Wear cut-resistant gloves.")], as: Team.danaID, "Edit")
    let edited = try team.blob()
    try team.approveQP001()
    try team.scratch.git("checkout", "-q", "main")
    try team.commit(["notes/meeting.txt": "Minutes.\n"], as: Team.danaID, "Unrelated work on main")
    try team.merge(["feature"])
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 2)
    #expect(entry.blob == edited)
    #expect(try team.verify().json?.ok == true)
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
    #expect(try team.scratch.git("cat-file", "-p", "published/1").contains("QP-001 r2 \(edited)"))
  }

  @Test("H5: reverting to a superseded revision's text is a draft, not approved")
  func h5RevertToSupersededText() throws {
    let team = try Team()
    let textA = procedureText(step: "Wear gloves.")
    try team.approveQP001()
    let blobA = try team.blob()
    try team.commit([Team.document: procedureText(step: "Wear cut-resistant gloves.")], as: Team.danaID, "r2 text")
    let blobB = try team.blob()
    try team.approveQP001()
    #expect(try team.qp001()?.revision == 2)
    try team.commit([Team.document: textA], as: Team.danaID, "Back to the old text")
    #expect(try team.blob() == blobA)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft")
    #expect(entry.revision == 2)
    #expect(entry.missing == ["quality", "owner"])
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
    let tag = try team.scratch.git("cat-file", "-p", "published/1")
    #expect(tag.contains(blobB))
    #expect(!tag.contains(blobA))
  }

  @Test("H5 legit: approving the reverted text again makes a new revision (3)")
  func h5ReapprovedRevertIsNewRevision() throws {
    let team = try Team()
    try team.approveQP001()
    try team.commit([Team.document: procedureText(step: "Wear cut-resistant gloves.")], as: Team.danaID, "r2 text")
    try team.approveQP001()
    try team.commit([Team.document: procedureText(step: "Wear gloves.")], as: Team.danaID, "Back to r1 text")
    try team.approveQP001()
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 3)
    #expect(try team.verify().json?.ok == true)
  }

  // MARK: H6 · the id's prefix fixes the type

  @Test("H6: changing QP-001 to type form and having only quality approve does not approve it")
  func h6TypeChangeDropsOwner() throws {
    let team = try Team()
    try team.approveQP001()
    let r1 = try team.blob()
    let asForm = procedureText(step: "Wear gloves.").replacingOccurrences(
      of: "type: procedure", with: "type: form")
    try team.commit([Team.document: asForm], as: Team.danaID, "Make it a form")
    let aliceCommit = try team.approve(key: team.alice, as: Team.aliceID)
    // The mismatched document may be listed as a draft or reported under problems; never approved.
    let status = try team.status()
    if let entry = status.json?.document("QP-001") {
      #expect(entry.state == "draft")
      #expect(entry.revision == 1)
    } else {
      #expect(status.json?.problems?.contains { $0.path == Team.document } == true, "\(status.result.stdout)")
    }
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: aliceCommit) == ["content-mismatch"])
    // What is published stays revision 1, the procedure.
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
    #expect(try team.scratch.git("cat-file", "-p", "published/1").contains("QP-001 r1 \(r1)"))
  }

  @Test("H6: a document whose type does not match its id's prefix is reported")
  func h6TypePrefixMismatchReported() throws {
    let team = try Team()
    let path = "procedures/QP-002.md"
    let mismatched = procedureText(id: "QP-002").replacingOccurrences(of: "type: procedure", with: "type: form")
    try team.commit([path: mismatched], as: Team.danaID, "QP-002 as a form")
    let status = try team.status()
    #expect(status.result.status == 1, "\(status.result.stdout)")
    #expect(status.json?.problems?.contains { $0.path == path } == true, "\(status.result.stdout)")
    let aliceCommit = try team.approve("QP-002", key: team.alice, as: Team.aliceID)
    #expect(try team.status().json?.document("QP-002")?.state != "approved")
    #expect(try team.verify().json?.kinds(of: aliceCommit) == ["content-mismatch"])
  }

  // MARK: H7 · an id belongs to one file

  @Test("H7: a second file with the same id: approve and publish refuse, verify reports duplicate-id")
  func h7DuplicateID() throws {
    let team = try Team()
    try team.approveQP001()
    let decoy = "aaa/QP-001.md"  // sorts before procedures/
    try team.commit([decoy: procedureText(step: "Skip the gloves.")], as: Team.malloryID, "Decoy")
    let head = try team.rev()
    let approve = try team.cli.sop("approve", "QP-001", "--key", team.alice.path)
    #expect(approve.status == 1 || approve.status == 2)
    let message = approve.stderr.lowercased()
    #expect(message.contains("duplicate") || message.contains("ambiguous"), "\(approve.stderr)")
    #expect(try team.rev() == head)
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status != 0, "\(publish.stdout)")
    #expect(try team.scratch.git("tag", "-l", "published/*").isEmpty)
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.problems.contains { $0.kind == "duplicate-id" && $0.document == "QP-001" } == true)
  }

  @Test("H7 legit: moving a document to another path (git mv) keeps one id, its revision and publishing")
  func h7RenameIsNotDuplicate() throws {
    let team = try Team()
    try team.approveQP001()
    try team.scratch.git("mv", Team.document, "procedures/QP-001-handling.md")
    try team.commit([:], as: Team.danaID, "Rename QP-001")
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(entry.path == "procedures/QP-001-handling.md")
    let verify = try team.verify()
    #expect(verify.result.status == 0, "\(verify.result.stdout)")
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
  }

  // MARK: H8 · one parser decides identity

  static let idForms: [(name: String, rewrite: @Sendable (String) -> String)] = [
    ("byte-order mark", { "\u{FEFF}" + $0 }),
    ("space before colon", { $0.replacingOccurrences(of: "\nid: QP-001\n", with: "\nid : QP-001\n") }),
    ("quoted key", { $0.replacingOccurrences(of: "\nid: QP-001\n", with: "\n\"id\": QP-001\n") }),
    (
      "long front matter",
      {
        $0.replacingOccurrences(
          of: "\nid: QP-001\n", with: "\n# " + String(repeating: "notes ", count: 12_000) + "\nid: QP-001\n")
      }
    ),
  ]

  @Test("H8: an edit that rewrites the id line in a form the parser accepts is tracked: the editor is an author")
  func h8IdLineForms() throws {
    for form in Self.idForms {
      let team = try Team()
      try team.approveQP001()
      let edited = form.rewrite(procedureText(step: "Wear gloves rated for cuts."))
      #expect(edited != procedureText(step: "Wear gloves rated for cuts."), "\(form.name) rewrote nothing")
      try team.commit([Team.document: edited], as: Team.aliceID, "Alice edits QP-001 (\(form.name))")
      let blob = try team.blob()
      let before = try #require(try team.qp001(), "\(form.name): the parser reads the edited document")
      #expect(before.blob == blob, "\(form.name)")
      #expect(before.state == "draft", "\(form.name)")
      let aliceCommit = try team.approve(key: team.alice, as: Team.aliceID)
      try team.approve(key: team.bob, as: Team.bobID)
      let entry = try #require(try team.qp001())
      #expect(entry.state == "draft", "\(form.name)")
      #expect(entry.missing == ["quality"], "\(form.name)")
      #expect(try team.verify().json?.kinds(of: aliceCommit) == ["self-approval"], "\(form.name)")
    }
  }

  // MARK: H9 · authors and committers

  @Test("H9: a change committed by the approver under someone else's author email is a self-approval")
  func h9CommitterIsAuthor() throws {
    let team = try Team()
    try team.scratch.write(Team.document, procedureText(step: "Wear gloves and glasses."))
    team.scratch.clock += 60
    try team.scratch.git("add", "-A")
    try team.scratch.git(
      ["commit", "-q", "-m", "Edit committed by Alice"],
      extraEnvironment: [
        "GIT_AUTHOR_NAME": Team.danaID.name, "GIT_AUTHOR_EMAIL": Team.danaID.email,
        "GIT_COMMITTER_NAME": Team.aliceID.name, "GIT_COMMITTER_EMAIL": "Alice@ACME.example",
      ])
    let aliceCommit = try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft")
    #expect(entry.missing == ["quality"])
    #expect(try team.verify().json?.kinds(of: aliceCommit) == ["self-approval"])
  }

  // MARK: H10 · complete history or nothing

  @Test("H10: a shallow clone is refused with exit 2 and a hint to --unshallow, never ok")
  func h10ShallowClone() throws {
    let team = try Team()
    try team.approveQP001()
    let shallow = team.folder("shallow")
    try team.git(in: team.scratch.home, "clone", "-q", "--depth", "1", "file://\(team.scratch.url.path)", shallow.path)
    #expect(FileManager.default.fileExists(atPath: shallow.appendingPathComponent(".git/shallow").path))
    let verify = try team.verify(in: shallow)
    #expect(verify.result.status == 2, "\(verify.result.stdout)")
    #expect(verify.result.stderr.contains("--unshallow"), "\(verify.result.stderr)")
    #expect(verify.json?.ok != true, "never ok")
    let status = try team.status(in: shallow)
    #expect(status.result.status == 2, "\(status.result.stdout)")
    #expect(status.result.stderr.contains("--unshallow"), "\(status.result.stderr)")
    // Legit: once the full history is fetched, the same clone verifies.
    try team.git(in: shallow, "fetch", "-q", "--unshallow")
    let complete = try team.verify(in: shallow)
    #expect(complete.result.status == 0, "\(complete.result.stdout)\(complete.result.stderr)")
    #expect(complete.json?.ok == true)
    #expect(try team.status(in: shallow).json?.document("QP-001")?.state == "approved")
  }

  // MARK: H11 · back-dating

  @Test("H11: an approval dated before its parent is reported back-dated, and still counts")
  func h11BackDated() throws {
    let team = try Team()
    let parentTime = Int(try team.scratch.git("log", "-1", "--format=%ct"))!
    team.scratch.clock = parentTime - 86_400 - 60  // signedEmptyCommit adds 60
    let aliceCommit = try team.approve(key: team.alice, as: Team.aliceID)
    #expect(Int(try team.scratch.git("log", "-1", "--format=%ct"))! < parentTime)
    #expect(try team.qp001()?.missing == ["owner"])
    // Legit: an approval in the same second as its parent is not back-dated.
    let aliceTime = Int(try team.scratch.git("log", "-1", "--format=%ct"))!
    team.scratch.clock = aliceTime - 60
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.scratch.git("log", "-1", "--format=%ct") == String(aliceTime))
    #expect(try team.qp001()?.state == "approved")
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.problems.map(\.kind) == ["back-dated"])
    #expect(verify.json?.kinds(of: aliceCommit) == ["back-dated"])
  }

  // MARK: Only the effective policy decides; merges never approve

  @Test("An unapproved sop.yml edit to documents: does not hide a draft from status")
  func unapprovedDocumentsGlobHidesNothing() throws {
    let team = try Team()
    try team.approveQP001()
    try team.commit(
      [
        Team.document: procedureText(step: "Skip the gloves."),
        "sop.yml": team.policy(documents: ["forms/**/*.md"]),
      ], as: Team.danaID, "Quietly edit QP-001 and narrow documents")
    let status = try team.status()
    #expect(status.json?.policy?.state == "draft")
    let entry = try #require(status.json?.document("QP-001"), "\(status.result.stdout)")
    #expect(entry.state == "draft")
    #expect(entry.revision == 1)
  }

  @Test("A signed merge commit carrying an Approves: trailer never counts")
  func mergeCommitNeverApproves() throws {
    let team = try Team()
    let blob = try team.blob()
    try team.scratch.git("checkout", "-q", "-b", "side")
    try team.commit(["notes/side.txt": "side\n"], as: Team.danaID, "Side note")
    try team.scratch.git("checkout", "-q", "main")
    team.scratch.identity = Team.aliceID
    team.scratch.clock += 60
    try team.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.alice.path)", "merge", "-q", "-s", "ours", "--no-ff",
      "-S", "-m", "Approve QP-001\n\nApproves: QP-001 \(blob)", "side")
    let merge = try team.rev()
    #expect(try team.rev("HEAD^{tree}") == (try team.rev("HEAD^1^{tree}")))
    #expect(try team.scratch.git("cat-file", "-p", "HEAD").contains("gpgsig"))
    #expect(try team.qp001()?.missing == ["quality", "owner"])
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.ok == false)
    #expect(verify.json?.kinds(of: merge).isEmpty == false)
  }
}
