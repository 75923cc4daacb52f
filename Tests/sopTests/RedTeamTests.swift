// Red-team tests for the history model of docs/approvals.md (rules 1–6, H1–H12, revoked keys, withdrawing
// approvals) and for `sop guard` (docs/team.md). Every attack is built with stock git and ssh-keygen only
// (`git commit -S`, `git merge`, `git commit-tree`, `git replace`, `git update-ref`); `sop approve` and
// `sop publish` are used only as the honest party. Each test's comment says what sop should do and which rule
// says so. Tests marked FAIL in the red-team report fail on the code they were written against.

import Foundation
import TestSupport
import Testing

@Suite("Red team: history model, revocations, snapshots and guard (stock git and ssh-keygen)")
struct RedTeamTests {
  typealias Team = AttackTeam

  // MARK: Withdrawing approvals

  /// "Withdrawing an approval" + "Revoked keys": a key removed (or revoked) by an approved policy change "signs
  /// for nobody from the commit where that policy takes effect, like a removed key". A thief holding Erin's old
  /// key has push access and no registered key, so a `Revokes:` signed with it must count for nothing: QP-001
  /// stays approved (r1) and `verify` reports the revocation (`unknown-key`). Erin's past approvals keep counting.
  @Test("A Revokes: signed with a key the policy in effect no longer registers withdraws nothing")
  func removedKeyCannotRevoke() throws {
    let team = try Team()
    let erinApproval = try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.qp001()?.state == "approved")
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.qp001()?.state == "approved", "past approvals of a removed key keep counting")
    team.scratch.identity = Team.malloryID
    let revocation = try team.scratch.signedEmptyCommit(
      "Revoke QP-001\n\nthief\n\nRevokes: \(erinApproval)", key: team.erin.path)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)")
    #expect(verify.json?.kinds(of: revocation).contains("unknown-key") == true, "\(verify.result.stdout)")
  }

  /// Rule 6 + H9 (authorship is the author *and* committer emails of each change commit) + withdrawing ("its
  /// changes are unapproved again"). Alice (quality) commits QP-001's new text T2 with Dana as the author field:
  /// as its committer she is an author. Erin and Bob approve T2 (r2); Erin withdraws her approval, so r2 leaves
  /// force and T2's changes are unapproved again, still by their authors Dana and Alice. Alice's quality
  /// signature on T2 must then be a `self-approval` and QP-001 must stay a draft of r1.
  @Test("After a revocation the committer of a change is still its author")
  func revocationKeepsCommitterAsAuthor() throws {
    let team = try Team()
    try team.approveQP001()
    try team.scratch.write(Team.document, procedureText(step: "Alice's shortcut."))
    team.scratch.identity = Team.aliceID
    team.scratch.clock += 60
    try team.scratch.git("commit", "-q", "-am", "Edit", "--author=\(Team.danaID.name) <\(Team.danaID.email)>")
    let erinApproval = try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.qp001()?.revision == 2)
    team.scratch.identity = Team.erinID
    try team.scratch.signedEmptyCommit(
      "Revoke QP-001\n\nsigned too early\n\nRevokes: \(erinApproval)", key: team.erin.path)
    #expect(try team.qp001()?.state == "draft")
    let aliceApproval = try team.approve(key: team.alice, as: Team.aliceID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft", "Alice approved the change she committed")
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: aliceApproval) == ["self-approval"], "\(verify.result.stdout)")
  }

  /// Rule 3 applies to revocations ("a signed, empty commit carrying Revokes:"): a signed merge commit carrying
  /// `Revokes:` withdraws nothing, and verify reports it (`content-changed`).
  @Test("A Revokes: trailer on a signed merge commit withdraws nothing")
  func revocationOnMergeIgnored() throws {
    let team = try Team()
    let aliceApproval = try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let tip = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "side", tip)
    try team.commit(["notes.txt": "side\n"], as: Team.danaID, "Side note")
    try team.scratch.git("checkout", "-q", "main")
    team.scratch.identity = Team.aliceID
    team.scratch.clock += 60
    try team.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.alice.path)", "merge", "-q", "--no-ff", "-S", "side",
      "-m", "Merge side\n\nRevokes: \(aliceApproval)")
    let merge = try team.rev()
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: merge) == ["content-changed"], "\(verify.result.stdout)")
  }

  /// Withdrawing: `Revokes:` must name a signed approval commit of this history. Naming a snapshot tag object
  /// or a commit that exists only in another history is `content-mismatch`, and withdraws nothing.
  @Test("Revokes: naming a tag object or a foreign commit withdraws nothing and is reported")
  func revocationOfTagOrForeignCommit() throws {
    let team = try Team()
    let aliceApproval = try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let tagObject = try team.rev("refs/tags/published/1")
    let foreign = try team.scratch.git(["commit-tree", "HEAD^{tree}", "-m", "unrelated"])
    team.scratch.identity = Team.aliceID
    let revocation = try team.scratch.signedEmptyCommit(
      "Revoke\n\nwrong ids\n\nRevokes: \(tagObject)\nRevokes: \(foreign)", key: team.alice.path)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: revocation) == ["content-mismatch", "content-mismatch"], "\(verify.result.stdout)")
    _ = aliceApproval
  }

  // MARK: Rule 6 / H9 · authors of content a merge brings in

  /// Rule 6 + H9: "what a side branch brought in is credited to that branch's own commits". Alice (quality)
  /// writes QP-001's new text on a branch that is first merged with `-s ours` (her commit is now reachable but
  /// her text is not in the mainline). After r1 completes, a keyless merge (stock `git commit-tree`) whose
  /// second parent is Alice's commit brings her text in. Alice wrote the change since the revision in force,
  /// so with `self-approval: false` her signature must not count: QP-001 stays a draft of r1 and verify says
  /// `self-approval`. (The new revision's change history must also name Alice's commit.)
  @Test(
    "A merge bringing in content from an already-seen commit still credits that commit's author",
    .disabled(
      "known limit, docs/approvals.md H9: a commit already credited to a completed revision is not credited again"))
  func alreadySeenCommitKeepsItsAuthor() throws {
    let team = try Team()
    try team.scratch.git("checkout", "-q", "-b", "alice-edit")
    let aliceEdit = try team.commit(
      [Team.document: procedureText(step: "Alice's shortcut.")], as: Team.aliceID, "Alice rewrites QP-001")
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["-s", "ours", "alice-edit"])
    try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.qp001()?.revision == 1)
    team.scratch.identity = Team.malloryID
    team.scratch.clock += 60
    let merge = try team.scratch.git([
      "commit-tree", "\(aliceEdit)^{tree}", "-p", "HEAD", "-p", aliceEdit, "-m", "Merge alice-edit again",
    ])
    try team.scratch.git("merge", "-q", "--ff-only", merge)
    let aliceApproval = try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft", "Alice approved her own text")
    #expect(entry.revision == 1)
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: aliceApproval) == ["self-approval"], "\(verify.result.stdout)")
  }

  // MARK: H5 · a merge that reverts to a text signed on a side branch

  /// Derived state + H5: "Signatures collected on a content that is then edited do not carry over", "reverting
  /// to an old text makes a draft", and H5 "a genuine signature on text that never reached the mainline (… or
  /// text changed on the mainline before the merge) counts for nothing". T1 is signed on branch `early`; the
  /// mainline then replaces T1 by T2, approved as r1. Mallory (no key) merges `early` resolving QP-001 back to
  /// T1: the stale T1 signatures must not make T1 a new revision; QP-001 is a draft showing r1 (T2), and publish
  /// keeps T2.
  @Test(
    "A keyless merge that reverts to a text signed on an old branch does not resurrect those signatures",
    .disabled("known limit, docs/approvals.md H5: a merge may choose a text genuinely approved on the branch it merges")
  )
  func revertingMergeDoesNotResurrectStaleSignatures() throws {
    let team = try Team()
    try team.scratch.git("checkout", "-q", "-b", "early")
    try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "main")
    try team.commit([Team.document: procedureText(step: "Wear gloves and goggles.")], as: Team.danaID, "Rewrite")
    let approvedT2 = try team.blob()
    try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.qp001()?.revision == 1)
    team.scratch.identity = Team.malloryID
    try team.scratch.git("merge", "-q", "--no-ff", "--no-commit", "early")
    try team.scratch.git("checkout", "early", "--", Team.document)
    try team.scratch.commitAll("Merge early")
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft", "T1 became approved again through a merge nobody signed")
    #expect(entry.revision == 1)
    #expect(entry.blob != approvedT2)
  }

  // MARK: H3 · who chooses the mainline

  /// H3 ("Why: after an approved policy change removes a stolen key, the thief forks from before the removal,
  /// signs there and merges") and "Revoked keys" ("the mainline rule (H3) is what stops a thief who
  /// back-dates"). Bob's owner signature is pending; Erin's key is stolen and removed by an approved policy
  /// change. The thief forks from before the removal, signs quality with Erin's key, then runs `git merge
  /// --no-ff main` on that branch (first parent: the thief's branch) and pushes it as main, which is a
  /// fast-forward any host accepts. The removed key must count for nothing: QP-001 stays a draft missing
  /// quality, and verify reports Erin's commit (`unknown-key`).
  @Test("A thief who makes his own branch the first parent does not get a removed key counted")
  func firstParentSwapKeepsRemovedKey() throws {
    let team = try Team()
    try team.approve(key: team.bob, as: Team.bobID)
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.qp001()?.missing == ["quality"])
    try team.scratch.git("checkout", "-q", "-b", "thief", beforeRemoval)
    let erinCommit = try team.approve(key: team.erin, as: Team.erinID)
    try team.merge(["--no-ff", "main"], as: Team.malloryID)
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "thief")
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft", "a removed key approved QP-001")
    #expect(entry.revision == 0)
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)")
    #expect(verify.json?.kinds(of: erinCommit) == ["unknown-key"], "\(verify.result.stdout)")
  }

  /// H2 ("A policy version in effect at a commit stays in effect in every descendant until a newer approved
  /// change replaces it; no merge order can bring an older one back") and H3. Erin (admin) has her key stolen
  /// and removed by an approved change. The thief forks from before the removal, writes a sop.yml that makes
  /// Mallory an admin, approves it with Erin's key, merges main into his branch (first parent: his branch),
  /// resolves sop.yml to his text and fast-forwards main. The removed key must approve nothing: the policy at
  /// the tip is still the removal (Mallory's key is not effective), and verify reports Erin's POLICY approval.
  @Test("A removed admin key cannot put a policy in effect by making its branch the first parent")
  func firstParentSwapPolicyTakeover() throws {
    let team = try Team()
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    // A clone in use: sop has judged main since the removal (H13; a fresh clone trusts its first history).
    #expect(try team.status().result.status == 0)
    try team.scratch.git("checkout", "-q", "-b", "thief", beforeRemoval)
    let evil = team.policy(
      people: team.members {
        $0.append(
          Member(
            name: Team.malloryID.name, email: Team.malloryID.email, roles: ["quality", "admin"],
            key: team.mallory.publicKey))
      })
    try team.commit(["sop.yml": evil], as: Team.malloryID, "Add Mallory")
    let erinPolicy = try team.approve("POLICY", key: team.erin, as: Team.erinID)
    team.scratch.identity = Team.malloryID
    _ = try? team.scratch.git("merge", "-q", "--no-ff", "--no-edit", "main")
    try team.scratch.write("sop.yml", evil)
    try team.scratch.commitAll("Merge main")
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "thief")
    let keys = try team.cli.sop("keys")
    #expect(!keys.stdout.contains(team.mallory.publicKey.split(separator: " ")[1]), "Mallory's key is effective")
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)")
    #expect(verify.json?.kinds(of: erinPolicy) == ["unknown-key"], "\(verify.result.stdout)")
  }

  /// H2: "A policy version in effect at a commit stays in effect in every descendant until a newer approved
  /// change replaces it; no merge order can bring an older one back." Main has P1 → P2 (approved; removes
  /// Erin's stolen key). Mallory, with no key at all, checks out P1's commit, runs `git merge --no-ff --no-commit
  /// main`, puts P1's sop.yml back, commits and fast-forwards main. The merge descends from P2's approval, so
  /// P2 must stay in effect: Erin's key is not effective at the tip, and a later approval with it is
  /// `unknown-key`.
  @Test("A keyless merge with the old policy as first parent and sop.yml resolved to it does not roll back")
  func keylessPolicyRollbackByFirstParent() throws {
    let team = try Team()
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "rollback", beforeRemoval)
    team.scratch.identity = Team.malloryID
    try team.scratch.git("merge", "-q", "--no-ff", "--no-commit", "main")
    try team.scratch.git("checkout", beforeRemoval, "--", "sop.yml")
    try team.scratch.commitAll("Merge main")
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "rollback")
    let keys = try team.cli.sop("keys")
    #expect(!keys.stdout.contains(team.erin.publicKey.split(separator: " ")[1]), "Erin's removed key is back")
    let erinCommit = try team.approve(key: team.erin, as: Team.erinID)
    try team.approve(key: team.bob, as: Team.bobID)
    #expect(try team.qp001()?.revision == 0, "the removed key approved QP-001")
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: erinCommit) == ["unknown-key"], "\(verify.result.stdout)")
  }

  /// Derived state ("A content approved earlier and then superseded is not approved again by going back to
  /// it: reverting to an old text makes a draft") and H5's Why ("reverting a document to a superseded text
  /// made it approved again"). QP-001 has r1 (T1) and r2 (T2). Mallory, with no key, checks out the commit
  /// where r1 completed, runs `git merge --no-ff --no-commit main`, puts T1 back, commits and fast-forwards
  /// main. QP-001 must be a draft that still shows r2 in force; T1 must not be published again.
  @Test("A keyless merge with an old revision as first parent does not bring a superseded text back in force")
  func keylessRevertToSupersededByFirstParent() throws {
    let team = try Team()
    try team.approveQP001()
    let r1Commit = try team.rev()
    let t1 = try team.blob()
    try team.commit([Team.document: procedureText(step: "New step.")], as: Team.danaID, "Edit")
    try team.approveQP001()
    #expect(try team.qp001()?.revision == 2)
    try team.scratch.git("checkout", "-q", "-b", "revert", r1Commit)
    team.scratch.identity = Team.malloryID
    try team.scratch.git("merge", "-q", "--no-ff", "--no-commit", "main")
    try team.scratch.git("checkout", r1Commit, "--", Team.document)
    try team.scratch.commitAll("Merge main")
    try team.scratch.git("checkout", "-q", "main")
    try team.scratch.git("merge", "-q", "--ff-only", "revert")
    #expect(try team.blob() == t1)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft", "the superseded text T1 is shown approved again")
    #expect(entry.revision == 2)
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0, "\(publish.stderr)")
    let snapshot = try team.scratch.git("tag", "-l", "--format=%(contents)", "published/1")
    #expect(!snapshot.contains(t1), "the superseded text was published: \(snapshot)")
  }

  /// The keyless revert of `keylessRevertToSupersededByFirstParent` pushed to a guarded server. The server
  /// judged main before (H13); a fresh clone of what the server keeps must still see revision 2 in force, so
  /// the guard refuses a merge that a fresh clone would read differently.
  @Test("Guard: a keyless first-parent revert to a superseded text leaves the newer revision in force")
  func guardRejectsKeylessRevert() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approveQP001()
    let r1Commit = try team.rev()
    try team.commit([Team.document: procedureText(step: "New step.")], as: Team.danaID, "Edit")
    try team.approveQP001()
    #expect(try team.push("main").status == 0)
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("checkout", "-q", "-b", "revert", r1Commit)
    team.scratch.identity = Team.malloryID
    try team.scratch.git("merge", "-q", "--no-ff", "--no-commit", "main")
    try team.scratch.git("checkout", r1Commit, "--", Team.document)
    try team.scratch.commitAll("Merge main")
    _ = before
    _ = try team.push("revert:main")
    let clone = team.folder("judge")
    try team.git(in: team.scratch.home, "clone", "-q", server.path, clone.path)
    try team.git(in: clone, "config", "sop.root", try team.roots().first ?? "")
    let status = try team.cli.sop(["status", "--format", "json"], in: clone)
    let entry = try JSONDecoder().decode(StatusJSON.self, from: Data(status.stdout.utf8)).document("QP-001")
    #expect(entry?.revision == 2, "\(status.stdout)")
  }

  /// The keyless rollback of `keylessPolicyRollbackByFirstParent` pushed to a guarded server cannot roll
  /// sop.yml back (H2): an approved policy takes effect wherever its approvals enter.
  @Test("Guard: a keyless first-parent policy rollback leaves the newer policy in effect")
  func guardRejectsKeylessPolicyRollback() throws {
    let (team, server) = try AttackTeam.guarded()
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.push("main").status == 0)
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("checkout", "-q", "-b", "rollback", beforeRemoval)
    team.scratch.identity = Team.malloryID
    try team.scratch.git("merge", "-q", "--no-ff", "--no-commit", "main")
    try team.scratch.git("checkout", beforeRemoval, "--", "sop.yml")
    try team.scratch.commitAll("Merge main")
    _ = before
    _ = try team.push("rollback:main")
    let clone = team.folder("judge")
    try team.git(in: team.scratch.home, "clone", "-q", server.path, clone.path)
    try team.git(in: clone, "config", "sop.root", try team.roots().first ?? "")
    let keys = try team.cli.sop(["keys"], in: clone)
    #expect(keys.status == 0 && !keys.stdout.contains(team.erin.publicKey.split(separator: " ")[1]), "\(keys.stdout)")
  }

  /// team.md: the guard rejects "an approval … that sop verify would flag"; the first-parent swap of
  /// `firstParentSwapKeepsRemovedKey` pushed to a guarded server must be rejected, and main must not move.
  @Test("Guard: the first-parent swap that gets a removed key counted is rejected")
  func guardRejectsFirstParentSwap() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approve(key: team.bob, as: Team.bobID)
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.push("main").status == 0)
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("checkout", "-q", "-b", "thief", beforeRemoval)
    try team.approve(key: team.erin, as: Team.erinID)
    try team.merge(["--no-ff", "main"], as: Team.malloryID)
    let result = try team.push("thief:main")
    #expect(result.status != 0, "\(result.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }

  // MARK: H12 · a removed publisher's key

  /// H12 + "Revoked keys" (a removed or revoked key "signs for nobody from the commit where that policy takes
  /// effect"). Erin (admin, so a publisher) has her key removed by an approved change after published/2.
  /// The thief signs `published/3` with Erin's key on a commit from before the removal, chained to
  /// published/2, listing QP-001's superseded r1: a rollback of the published set. verify must flag it (exit
  /// 1) and publish must refuse to build on it.
  @Test(
    "A removed publisher key cannot add a snapshot by tagging a commit from before its removal",
    .disabled("known limit, docs/approvals.md H12: revoke a stolen key (revoked: {at}) rather than only remove it"))
  func removedPublisherKeyTagsOldCommit() throws {
    let team = try Team()
    try team.approveQP001()
    let oldCommit = try team.rev()
    let r1Blob = try team.blob()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    try team.commit([Team.document: procedureText(step: "New step.")], as: Team.danaID, "Edit")
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin's stolen key")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    let previous = try team.rev("refs/tags/published/2")
    team.scratch.identity = Team.erinID
    team.scratch.clock += 60
    try team.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.erin.path)", "tag", "-s", "published/3", "-m",
      "sop snapshot published/3\n\nQP-001 r1 \(r1Blob)\n\nPrevious: \(previous)", oldCommit)
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)")
    #expect(verify.json?.problems.contains { $0.document == "published/3" } == true, "\(verify.result.stdout)")
    try team.commit([Team.document: procedureText(step: "Third step.")], as: Team.danaID, "Edit again")
    try team.approveQP001()
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 1, "\(publish.stdout)\(publish.stderr)")
  }

  // MARK: Extreme timestamps

  /// cli.md: exit codes are 0, 1 or 2; nothing traps. A keyless change commit to QP-001 whose author and
  /// committer time is 9223372036854775807 (git fsck accepts it; only git-hash-object is needed) must not crash
  /// `sop log` (it printed `Fatal error: Double value cannot be converted to Int`).
  @Test("A change commit dated Int64.max does not crash sop log, status or verify")
  func extremeTimestampDoesNotTrap() throws {
    let team = try Team()
    try team.approveQP001()
    try team.scratch.write(Team.document, procedureText(step: "From the far future."))
    try team.scratch.git("add", "-A")
    let tree = try team.scratch.git("write-tree")
    let parent = try team.rev()
    let time = "9223372036854775807 +0000"
    let raw =
      "tree \(tree)\nparent \(parent)\nauthor Mallory <mallory@evil.example> \(time)\n"
      + "committer Mallory <mallory@evil.example> \(time)\n\nFar future\n"
    let file = team.folder("commit.txt")
    try Data(raw.utf8).write(to: file)
    let commit = try team.scratch.git("hash-object", "-t", "commit", "-w", file.path)
    try team.scratch.git("update-ref", "refs/heads/main", commit)
    try team.scratch.git("reset", "-q", "--hard")
    for arguments in [["log", "QP-001"], ["status"], ["verify"], ["show", "QP-001"]] {
      let result = try team.cli.sop(arguments)
      #expect(
        [0, 1, 2].contains(result.status), "sop \(arguments.joined(separator: " ")): \(result.stderr.prefix(300))")
    }
  }

  /// Rule 6 + H8 ("every edit the parser accepts … is a change of that document, with its author, for rule 6").
  /// With `documents: ["procedures/**"]`, Alice (quality) moves QP-001 to `drafts/` (outside the globs) and
  /// rewrites it there; Dana moves it back. The text Alice wrote is QP-001's new content, so Alice is an author
  /// and, with `self-approval: false`, her signature must not count: QP-001 stays a draft of r1.
  @Test("Editing a document while it sits outside the documents: globs does not hide its author")
  func editOutsideGlobsKeepsAuthor() throws {
    let team = try Team(documents: ["procedures/**"])
    try team.approveQP001()
    try team.scratch.git("mv", Team.document, "drafts-QP-001.md")
    try team.commit(["drafts-QP-001.md": procedureText(step: "Alice's shortcut.")], as: Team.aliceID, "Park and edit")
    try team.scratch.git("mv", "drafts-QP-001.md", Team.document)
    team.scratch.identity = Team.danaID
    try team.scratch.commitAll("Move back")
    let aliceApproval = try team.approve(key: team.alice, as: Team.aliceID)
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.revision == 1, "Alice approved the text she wrote")
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: aliceApproval) == ["self-approval"], "\(verify.result.stdout)")
  }

  /// H2/H3 + rule 2: a policy change approved on a side branch (P2: Frank gets quality) by Alice, while main
  /// meanwhile removed Alice's admin role (P1'). At the merge both Alice's POLICY signature and Frank's quality
  /// signature on the side branch are judged under P1': neither counts, QP-001 stays a draft missing quality.
  @Test("A policy change approved on a side branch by someone no longer admin at the merge does not take effect")
  func sideBranchPolicyJudgedAtEntry() throws {
    let team = try Team()
    try team.approve(key: team.bob, as: Team.bobID)
    let fork = try team.rev()
    let demoted = team.policy(
      people: team.members { members in
        if let index = members.firstIndex(where: { $0.email == Team.aliceID.email }) {
          members[index].roles = ["operations"]
        }
      })
    try team.commit(["sop.yml": demoted], as: Team.danaID, "Alice leaves admin and quality")
    try team.approve("POLICY", key: team.erin, as: Team.erinID)
    try team.scratch.git("checkout", "-q", "-b", "side", fork)
    let frankQuality = team.policy(
      people: team.members { members in
        if let index = members.firstIndex(where: { $0.email == Team.frankID.email }) {
          members[index].roles = ["admin", "quality"]
        }
      })
    try team.commit(["sop.yml": frankQuality], as: Team.danaID, "Frank does quality")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    let frank = try team.approve(key: team.frank, as: Team.frankID)
    try team.scratch.git("checkout", "-q", "main")
    team.scratch.identity = Team.danaID
    _ = try? team.scratch.git("merge", "-q", "--no-ff", "--no-edit", "side")
    try team.scratch.write("sop.yml", frankQuality)
    try team.scratch.commitAll("Merge side")
    let entry = try #require(try team.qp001())
    #expect(entry.revision == 0)
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: frank) == ["not-authorised"], "\(verify.result.stdout)")
  }

  /// Trailer spellings sop accepts, as git's trailer parser does: CRLF line ends, an upper-case key, and the
  /// same `Approves:` twice in one commit (counted once).
  @Test("Legit: CRLF, APPROVES: and a repeated trailer in one commit count once")
  func trailerSpellings() throws {
    let team = try Team()
    let blob = try team.blob()
    team.scratch.identity = Team.aliceID
    team.scratch.clock += 60
    try team.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.alice.path)", "commit", "-q", "--allow-empty", "-S",
      "--cleanup=verbatim", "-m", "Approve\r\n\r\nAPPROVES: QP-001 \(blob)\r\nApproves: QP-001 \(blob)\r\n")
    try team.approve(key: team.bob, as: Team.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.approvals?.count == 2)
    #expect(try team.verify().json?.ok == true)
  }

  // MARK: Legit shapes that must keep working

  /// H2/H3 legit: an octopus merge of three branches (Alice's approval, Bob's approval, an unrelated edit)
  /// brings both approvals in at the merge, under the policy in effect there: QP-001 approved r1, verify ok.
  @Test("Legit: approvals brought in by an octopus merge count")
  func octopusMergeOfApprovals() throws {
    let team = try Team()
    let tip = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "a", tip)
    try team.approve(key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "b", tip)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "-b", "c", tip)
    try team.commit(["notes.txt": "c\n"], as: Team.danaID, "Notes")
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["a", "b", "c"])
    #expect(try team.scratch.git("rev-list", "--parents", "-n", "1", "HEAD").split(separator: " ").count == 4)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    let verify = try team.verify()
    #expect(verify.json?.ok == true, "\(verify.result.stdout)")
  }

  /// H3 in an octopus (`git merge --no-ff`, so main stays the first parent): a removed key's approval on one
  /// of the branches is judged under the policy in effect at the merge, which no longer registers it:
  /// `unknown-key`, it counts for nothing.
  @Test("An octopus merge carrying a removed key's approval: unknown-key, counts for nothing")
  func octopusWithRemovedKey() throws {
    let team = try Team()
    let beforeRemoval = try team.rev()
    let withoutErin = team.policy(people: team.members { $0.removeAll { $0.email == Team.erinID.email } })
    try team.commit(["sop.yml": withoutErin], as: Team.danaID, "Remove Erin")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "thief", beforeRemoval)
    let erinCommit = try team.approve(key: team.erin, as: Team.erinID)
    try team.scratch.git("checkout", "-q", "-b", "bob", "main")
    try team.approve(key: team.bob, as: Team.bobID)
    try team.scratch.git("checkout", "-q", "-b", "notes", "main")
    try team.commit(["notes.txt": "n\n"], as: Team.danaID, "Notes")
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["--no-ff", "thief", "bob", "notes"])
    let entry = try #require(try team.qp001())
    #expect(entry.revision == 0)
    #expect(entry.missing == ["quality"])
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: erinCommit) == ["unknown-key"], "\(verify.result.stdout)")
  }

  /// Rule 3 legit: an approval is an empty commit with one parent; that parent may itself be a merge.
  @Test("Legit: approvals whose parent is a merge commit count")
  func approvalOnTopOfMerge() throws {
    let team = try Team()
    let tip = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "side", tip)
    try team.commit(["notes.txt": "x\n"], as: Team.danaID, "Notes")
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["--no-ff", "side"])
    try team.approveQP001()
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(try team.verify().json?.ok == true)
  }

  /// Legit criss-cross: two branches each merge the other, each carrying one of the two signatures; the
  /// final merge brings in everything once. Approved r1, verify ok.
  @Test("Legit: criss-cross merges carrying approvals count once")
  func crissCrossMerges() throws {
    let team = try Team()
    let tip = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "x", tip)
    try team.approve(key: team.alice, as: Team.aliceID)
    try team.scratch.git("checkout", "-q", "-b", "y", tip)
    try team.approve(key: team.bob, as: Team.bobID)
    try team.merge(["--no-ff", "x"])
    try team.scratch.git("checkout", "-q", "x")
    try team.merge(["--no-ff", "y~1"])
    try team.scratch.git("checkout", "-q", "main")
    try team.merge(["--no-ff", "x"])
    try team.merge(["--no-ff", "y"])
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved")
    #expect(entry.revision == 1)
    #expect(try team.verify().json?.ok == true)
  }

  // MARK: Trailers

  /// "Its message ends with trailers": an `Approves:` line in the body, followed by another paragraph, is no
  /// trailer and approves nothing.
  @Test("Approves: in the body but not in the trailer block counts for nothing")
  func approvesOutsideTrailerBlock() throws {
    let team = try Team()
    let blob = try team.blob()
    team.scratch.identity = Team.aliceID
    try team.scratch.signedEmptyCommit(
      "Approve QP-001\n\nApproves: QP-001 \(blob)\n\nThanks for the review.", key: team.alice.path)
    team.scratch.identity = Team.bobID
    try team.scratch.signedEmptyCommit(
      "Approve QP-001\n\nApproves: QP-001 \(blob)\n\nSigned off.", key: team.bob.path)
    #expect(try team.qp001()?.revision == 0)
  }

  // MARK: H12 · snapshot tag names

  /// H12 / publishing.md: a `published/*` reference whose name is not `published/N` with N a whole number from
  /// 1 spelled canonically, or that replays another snapshot under another name, is `snapshot-chain` in verify
  /// (exit 1, never 2 and never a crash), and publish refuses to build on it (exit 1).
  @Test("published/01, published/+1, published/1.0 and a huge N are reported, never exit 2 or a trap")
  func oddSnapshotNames() throws {
    let team = try Team()
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let genuine = try team.rev("refs/tags/published/1")
    for name in ["published/01", "published/+1", "published/1.0", "published/99999999999999999999999"] {
      try team.scratch.git("update-ref", "refs/tags/\(name)", genuine)
    }
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)\(verify.result.stderr)")
    let flagged = Set((verify.json?.problems ?? []).filter { $0.kind == "snapshot-chain" }.map(\.document))
    #expect(
      flagged == ["published/01", "published/+1", "published/1.0", "published/99999999999999999999999"],
      "\(verify.result.stdout)")
    try team.commit([Team.document: procedureText(step: "New step.")], as: Team.danaID, "Edit")
    try team.approveQP001()
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 1, "\(publish.stdout)\(publish.stderr)")
  }

  /// H12: an unsigned annotated tag with the largest N an Int holds is `unsigned`, and publish refuses (exit 1)
  /// instead of computing N + 1 (no overflow trap).
  @Test("An unsigned published/9223372036854775807 is reported and publish refuses without trapping")
  func maxIntSnapshot() throws {
    let team = try Team()
    try team.approveQP001()
    team.scratch.identity = Team.malloryID
    try team.scratch.git("tag", "-a", "published/9223372036854775807", "-m", "sop snapshot")
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)\(verify.result.stderr)")
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 1, "\(publish.stdout)\(publish.stderr)")
  }

  // MARK: git replace

  /// Signatures cover the real objects: a `refs/replace/*` object that makes stock git show an approved text
  /// at the tip must not change what sop judges. Mallory's unapproved edit at the tip stays a draft.
  @Test("git replace does not make sop see an approved text that is not at the tip")
  func replaceRefsIgnored() throws {
    let team = try Team()
    try team.approveQP001()
    let approvedTip = try team.rev()
    try team.commit([Team.document: procedureText(step: "Skip the gloves.")], as: Team.malloryID, "Evil edit")
    let evil = try team.rev()
    try team.scratch.git("replace", evil, approvedTip)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft")
    _ = evil
  }

  /// `git replace --graft` makes stock git hide Mallory's unregistered approval from `git log`; sop judges the
  /// real objects (signatures cover them), so verify still reports it (`unknown-key`).
  @Test("git replace --graft does not hide an approval from sop verify")
  func replaceGraftIgnored() throws {
    let team = try Team()
    let alice = try team.approve(key: team.alice, as: Team.aliceID)
    let mallory = try team.approve(key: team.mallory, as: Team.malloryID)
    let tip = try team.commit(["notes.txt": "x\n"], as: Team.danaID, "Notes")
    try team.scratch.git("replace", "--graft", tip, alice)
    #expect(!(try team.scratch.git("log", "--format=%H")).contains(mallory))
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: mallory) == ["unknown-key"], "\(verify.result.stdout)")
  }

  /// H1: `sop.root` pinned to a commit that is not a root: every command refuses with exit 2 (never 0, never a
  /// trap), naming the root the history really starts at.
  @Test("sop.root pinned to a non-root commit is refused with exit 2")
  func pinnedNonRoot() throws {
    let team = try Team()
    let root = try team.rev()
    let approval = try team.approve(key: team.alice, as: Team.aliceID)
    try team.scratch.git("config", "sop.root", approval)
    let status = try team.cli.sop("status")
    #expect(status.status == 2)
    #expect(status.stderr.contains(root), "\(status.stderr)")
  }

  // MARK: sop guard

  /// team.md: the guard rejects only what verify would flag. Two honest snapshots made offline
  /// (`published/1`, `published/2`, each signed by Alice, chained) pushed with the branch in one push are a
  /// valid chain and must be accepted: "honest teams are not blocked".
  @Test("Guard legit: two chained snapshots pushed in one push are accepted")
  func guardTwoSnapshotsInOnePush() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    try team.commit([Team.document: procedureText(step: "New step.")], as: Team.danaID, "Edit")
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let result = try team.push("main", "refs/tags/published/1", "refs/tags/published/2")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try team.git(in: server, "tag", "-l", "published/*").split(separator: "\n").count == 2)
  }

  /// team.md lists "rewrite the default branch (anything but a fast-forward)" as rejected, so rewriting a feature
  /// branch is allowed. A feature branch that carried an approved sop.yml change, reset and force-pushed, is an
  /// honest clean-up of a branch, not a rollback of the record (main never had that policy).
  @Test("Guard legit: force-pushing a feature branch that dropped its own policy change is accepted")
  func guardFeatureBranchPolicyRewind() throws {
    let (team, _) = try AttackTeam.guarded()
    try team.scratch.git("checkout", "-q", "-b", "feature")
    let frankQuality = team.policy(
      people: team.members { members in
        if let index = members.firstIndex(where: { $0.email == Team.frankID.email }) {
          members[index].roles = ["admin", "quality"]
        }
      })
    try team.commit(["sop.yml": frankQuality], as: Team.danaID, "Frank does quality")
    try team.approve("POLICY", key: team.alice, as: Team.aliceID)
    #expect(try team.push("feature").status == 0)
    try team.scratch.git("reset", "-q", "--hard", "main")
    try team.commit(["notes.txt": "other\n"], as: Team.danaID, "Something else")
    let forced = try team.push("--force", "feature")
    #expect(forced.status == 0, "\(forced.stderr)")
  }

  /// team.md: the guard protects the default branch; a feature branch may be deleted or force-pushed, and a
  /// push of several refs is judged ref by ref.
  @Test("Guard legit: deleting and force-pushing a feature branch are accepted")
  func guardFeatureBranchRewrite() throws {
    let (team, _) = try AttackTeam.guarded()
    try team.scratch.git("checkout", "-q", "-b", "feature")
    try team.commit(["notes.txt": "one\n"], as: Team.danaID, "One")
    #expect(try team.push("feature").status == 0)
    try team.scratch.git("reset", "-q", "--hard", "HEAD~1")
    try team.commit(["notes.txt": "two\n"], as: Team.danaID, "Two")
    let forced = try team.push("--force", "feature")
    #expect(forced.status == 0, "\(forced.stderr)")
    let deleted = try team.push(":feature")
    #expect(deleted.status == 0, "\(deleted.stderr)")
  }

  /// team.md: a push is refused whole when one update is bad: a good branch update together with a forged
  /// approval on another branch is rejected, and the server's main does not move.
  @Test("Guard: a push of several refs with one forged approval is rejected whole")
  func guardMultiRefPushRejectedWhole() throws {
    let (team, server) = try AttackTeam.guarded()
    let before = try team.git(in: server, "rev-parse", "main")
    try team.approveQP001()
    try team.scratch.git("checkout", "-q", "-b", "evil")
    try team.approve(key: team.mallory, as: Team.aliceID)
    let result = try team.push("main", "evil")
    #expect(result.status != 0)
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }
}
