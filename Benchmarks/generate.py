#!/usr/bin/env python3
"""Generates benchmark repositories for sop with stock git and ssh-keygen only (no sop code).

  generate.py approvals DIR [--documents 650]   650 procedures, each approved by quality and owner
                                               with `git commit -S` (1,300 signed approval commits)
  generate.py history DIR [--documents 5000 --commits 20000]
                                               5,000 documents and 20,000 commits (git fast-import)
  generate.py signed DIR [--documents 5000 --cycles 1500]
                                               5,000 documents each approved by quality and owner in its own
                                               `git commit -S`, then CYCLES edits each approved again:
                                               14,501 commits of which 13,000 are signed approvals (packed)
  generate.py corpus DIR [--documents 5000]    ~900-word procedures as plain files, for lint
  generate.py publish DIR [--documents 5000]   5,000 ~700-word procedures approved in two signed commits
  generate.py peers DIR [--documents 5000]     the same documents for doorstop (DIR/doorstop) and strictdoc
  generate.py long DIR --from SIGNED_DIR [--commits 20000]
                                               a copy of a `signed` repository with unsigned edits appended
                                               (git fast-import) up to COMMITS commits; DIR/approve-id names
                                               the last document edited, a draft to approve
  generate.py training DIR [--documents 5000 --people 500 --records 50000]
                                               5,000 approved procedures, 500 people (most without keys) and
                                               50,000 training trailers in ~2,600 signed empty commits
"""
import argparse
import datetime
import os
import random
import subprocess
import sys

WORDS = ("the site supervisor checks each load before the crew starts work and records the result "
         "on the daily form with the date time and name of the person who did the check then reports "
         "any damage to the quality coordinator who decides whether the material can be used safely").split()


def env(home):
    e = dict(os.environ)
    e.update({"HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.path.join(home, ".gitconfig"),
              "GIT_AUTHOR_NAME": "Dana Author", "GIT_AUTHOR_EMAIL": "dana@bench.example",
              "GIT_COMMITTER_NAME": "Dana Author", "GIT_COMMITTER_EMAIL": "dana@bench.example",
              "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"})
    return e


def run(args, cwd, e, **kw):
    return subprocess.run(args, cwd=cwd, env=e, check=True, text=True, capture_output=True, **kw).stdout


def make_keys(home, e, names=("alice", "bob")):
    """Unencrypted ed25519 keys (Alice and Bob by default) in HOME; returns their public key lines."""
    keys = {}
    for who in names:
        path = os.path.join(home, who)
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", path], home, e)
        keys[who] = open(path + ".pub").read().strip()
    return keys


def signed_repository(target):
    """A new repository on main whose sop.yml registers Alice's and Bob's keys; Dana authors."""
    home = os.path.join(target, "home")
    repo = os.path.join(target, "repo")
    os.makedirs(home)
    os.makedirs(repo)
    e = env(home)
    keys = make_keys(home, e)
    run(["git", "init", "-q", "-b", "main"], repo, e)
    with open(os.path.join(repo, "sop.yml"), "w") as f:
        f.write(policy([("alice@bench.example", "Alice", "quality, admin", keys["alice"]),
                        ("bob@bench.example", "Bob", "operations", keys["bob"]),
                        ("dana@bench.example", "Dana", "author", None)]))
    return home, repo, e, keys


SIGNERS = {"alice": ("Alice", "alice@bench.example"), "bob": ("Bob", "bob@bench.example"),
           "carol": ("Carol", "carol@bench.example")}


def signed_commit(repo, e, home, who, message, when=None):
    """An empty commit by WHO (a key in HOME), signed with `git commit -S`; WHEN dates it (ISO 8601)."""
    name, email = SIGNERS[who]
    e2 = dict(e, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
    if when:
        e2.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    run(["git", "-c", "gpg.format=ssh", "-c", f"user.signingkey={os.path.join(home, who)}", "commit", "-q",
         "--allow-empty", "-S", "-F", "-"], repo, e2, input=message)


def paragraph(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    # Real text does not write a word twice in a row ("the the"), and lint's repeated-word rule would report
    # each such pair (48,852 in the history corpus). The second of a pair becomes the word after it in WORDS,
    # without drawing from rng, so every other word of every corpus stays as it was.
    for k in range(1, n):
        if words[k] == words[k - 1]:
            at = WORDS.index(words[k]) + 1
            while WORDS[at % len(WORDS)] == words[k]:
                at += 1
            words[k] = WORDS[at % len(WORDS)]
    return " ".join(words).capitalize() + "."


def procedure(i, rng, words=900, owner="bob@bench.example"):
    steps = "\n".join(f"{k}. {paragraph(rng, rng.randint(8, 16))}" for k in range(1, 8))
    body_words = max(0, words - 120)
    prose = "\n\n".join(paragraph(rng, 20) for _ in range(body_words // 20))
    return (f"---\nid: QP-{i:05d}\ntitle: Procedure {i}\ntype: procedure\nowner: {owner}\n---\n\n"
            f"# Procedure {i}\n\n## Purpose\n\n{paragraph(rng, 14)}\n\n## Scope\n\n{paragraph(rng, 12)}\n\n"
            f"## Responsibilities\n\n{paragraph(rng, 12)}\n\n## Procedure\n\n{steps}\n\n## Records\n\n{prose}\n")


def policy(keys):
    people = ""
    for email, name, roles, key in keys:
        people += f"  - email: {email}\n    name: {name}\n    roles: [{roles}]\n"
        if key:
            people += f"    keys: [\"{key}\"]\n"
    return (f"version: 1\norganisation: Bench\npeople:\n{people}types:\n  procedure:\n    prefix: QP\n"
            "    approvals: [quality, owner]\n    review-every: 12 months\n")


def approvals(target, documents):
    home, repo, e, keys = signed_repository(target)
    rng = random.Random(1)
    os.makedirs(os.path.join(repo, "procedures"))
    for i in range(1, documents + 1):
        with open(os.path.join(repo, "procedures", f"QP-{i:05d}.md"), "w") as f:
            f.write(procedure(i, rng, words=150))
    run(["git", "add", "-A"], repo, e)
    run(["git", "commit", "-q", "-m", "Documents"], repo, e)
    blobs = dict(line.split("\t")[::-1] for line in run(["git", "ls-tree", "-r", "HEAD", "procedures"], repo, e)
                 .splitlines() for line in [line.split(" ", 2)[2]])
    count = 0
    for i in range(1, documents + 1):
        blob = blobs[f"procedures/QP-{i:05d}.md"]
        for who in ("alice", "bob"):
            signed_commit(repo, e, home, who, f"Approve QP-{i:05d}\n\nApproves: QP-{i:05d} {blob}\n")
            count += 1
    with open(os.path.join(home, "allowed_signers"), "w") as f:
        f.write(f"alice@bench.example namespaces=\"git\" {keys['alice']}\n")
        f.write(f"bob@bench.example namespaces=\"git\" {keys['bob']}\n")
    print(f"{repo}: {documents} documents, {count} signed approval commits")


def commit_documents(repo, e, documents, words):
    """Writes QP-00001… into 50 folders under procedures/ and commits them once."""
    rng = random.Random(4)
    for i in range(1, documents + 1):
        folder = os.path.join(repo, "procedures", str(i % 50))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"QP-{i:05d}.md"), "w") as f:
            f.write(procedure(i, rng, words=words))
    run(["git", "add", "-A"], repo, e)
    run(["git", "commit", "-q", "-m", "Documents"], repo, e)


def document_blobs(repo, e):
    """{id: (path, blob)} of the procedures at HEAD."""
    blobs = {}
    for line in run(["git", "ls-tree", "-r", "HEAD", "procedures"], repo, e).splitlines():
        meta, path = line.split("\t")
        blobs[os.path.basename(path)[:-3]] = (path, meta.split()[2])
    return blobs


def many(target, documents):
    """Documents committed once, Alice (quality) and Bob (owner) registered: for approving many ids at once."""
    home, repo, e, keys = signed_repository(target)
    commit_documents(repo, e, documents, words=150)
    print(f"{repo}: {documents} documents, keys in {home}")


def publish(target, documents):
    """Approved documents for the publish benchmark: two signed approval commits, one trailer per document."""
    home, repo, e, keys = signed_repository(target)
    commit_documents(repo, e, documents, words=700)
    trailers = [f"Approves: {i} {blob}" for i, (path, blob) in document_blobs(repo, e).items()]
    for who in ("alice", "bob"):
        signed_commit(repo, e, home, who, "Approve all\n\n" + "\n".join(trailers) + "\n")
    print(f"{repo}: {documents} documents approved in 2 signed commits; publish key {home}/alice")


STAFF_ROLES = ("site", "office", "workshop")


def iso(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def training(target, documents, people, records):
    """Training records for `sop training`: approved procedures, PEOPLE people and RECORDS trailers.

    Alice (quality, admin), Bob (operations, the owner) and Carol (quality, a training recorder) have keys;
    the other people are staff without keys in the roles site, office and workshop (a tenth hold two).
    `training:` gives `everyone` two ids and each role 10–30. Carol gives toolbox talks: one signed empty
    commit trains 6–14 people of a role on 1–3 of its documents (`Trained:` trailers); one commit in
    twenty is instead Alice, Bob or Carol acknowledging 1–3 of their own (`Acknowledges:`). The last few
    ids of each role's list are never taught (overdue). Half-way, a third of the required documents and
    2% of the rest get a second approved revision, half of them `Retraining: not-required`, so the
    matrix also has outdated entries and carried-over training. Commits are an hour apart from 2026-01-02.
    """
    home = os.path.join(target, "home")
    repo = os.path.join(target, "repo")
    os.makedirs(home)
    os.makedirs(repo)
    e = env(home)
    keys = make_keys(home, e, ("alice", "bob", "carol"))
    run(["git", "init", "-q", "-b", "main"], repo, e)
    rng = random.Random(5)
    persons = [("alice@bench.example", "Alice", ["quality", "admin"], keys["alice"]),
               ("bob@bench.example", "Bob", ["operations"], keys["bob"]),
               ("carol@bench.example", "Carol", ["quality"], keys["carol"]),
               ("dana@bench.example", "Dana", ["author"], None)]
    for n in range(1, people - len(persons) + 1):
        roles = rng.sample(STAFF_ROLES, 2) if rng.random() < 0.1 else rng.choices(STAFF_ROLES, (6, 2, 2))
        roles = [STAFF_ROLES[n - 1]] if n <= len(STAFF_ROLES) else roles   # every role is held
        persons.append((f"staff{n:04d}@bench.example", f"Staff {n}", roles, None))
    ids = [f"QP-{i:05d}" for i in range(1, documents + 1)]
    required = {"everyone": ids[:2]}
    for role in ("quality", "operations") + STAFF_ROLES:
        required[role] = sorted(rng.sample(ids[2:], min(len(ids) - 2, rng.randint(10, 30))))
    lists = {role: "[" + ", ".join(required[role]) + "]" for role in required}
    lists["workshop"] = "{documents: " + lists["workshop"] + "}"   # the mapping form too
    with open(os.path.join(repo, "sop.yml"), "w") as f:
        f.write(policy([(email, name, ", ".join(roles), key) for email, name, roles, key in persons]))
        f.write("training:\n" + "".join(f"  {role}: {lists[role]}\n" for role in required))
        f.write("training-days: 14\ntraining-recorders: [quality, admin]\n")
    commit_documents(repo, e, documents, words=300)
    blobs = document_blobs(repo, e)
    for who in ("alice", "bob"):
        signed_commit(repo, e, home, who, "Approve all\n\n" + "".join(
            f"Approves: {i} {blob}\n" for i, (path, blob) in blobs.items()))

    members = {"everyone": [p[0] for p in persons if p[0] != SIGNERS["carol"][1]]}   # Carol gives the talks
    for role in required:
        if role != "everyone":
            members[role] = [p[0] for p in persons if role in p[2]]
    taught = {role: required[role][:max(1, len(required[role]) - 3)] for role in required}
    taught["everyone"] = required["everyone"]
    own = {name.lower(): sorted(set(required["everyone"]).union(*(required.get(r, []) for r in roles)))
           for email, name, roles, key in persons if key}
    revision = {i: 1 for i in ids}
    time = 1767225600 + 86400
    trailers = commits = 0
    revised = []
    while trailers < records:
        time += 3600
        if not revised and trailers >= records // 2:
            revised = revise(repo, e, home, rng, ids, required, blobs, revision, time)
            blobs = document_blobs(repo, e)
            time += 3600
        if commits % 20 == 19:
            who = rng.choice(sorted(own))
            chosen = sorted(rng.sample(own[who], min(len(own[who]), rng.randint(1, 3))))[:records - trailers]
            lines = [f"Acknowledges: {i} {blobs[i][1]}" for i in chosen]
            subject = f"Acknowledge {chosen[0]} revision {revision[chosen[0]]}"
        else:
            who = "carol"
            role = rng.choices(("everyone",) + STAFF_ROLES, (1, 6, 2, 2))[0]
            attendees = rng.sample(members[role], min(len(members[role]), rng.randint(6, 14)))
            chosen = sorted(rng.sample(taught[role], min(len(taught[role]), rng.randint(1, 3))))
            lines = [f"Trained: {i} {blobs[i][1]} {a}" for i in chosen for a in attendees][:records - trailers]
            subject = (f"Train {len(attendees)} people on {chosen[0]} revision {revision[chosen[0]]}"
                       if len(chosen) == 1 else f"Toolbox talk for {role}: {', '.join(chosen)}")
        signed_commit(repo, e, home, who, subject + "\n\n" + "\n".join(lines) + "\n", iso(time))
        trailers += len(lines)
        commits += 1
    with open(os.path.join(home, "allowed_signers"), "w") as f:
        for who in ("alice", "bob", "carol"):
            f.write(f"{SIGNERS[who][1]} namespaces=\"git\" {keys[who]}\n")
    print(f"{repo}: {documents} documents, {len(persons)} people, {trailers} training trailers in {commits} "
          f"signed commits, {len(revised)} documents revised half-way; keys and allowed_signers in {home}")


def revise(repo, e, home, rng, ids, required, blobs, revision, time):
    """A second revision of some documents, approved by Alice and Bob; half need no retraining."""
    needed = sorted(set().union(*required.values()))
    chosen = sorted(set(rng.sample(needed, len(needed) // 3)) | set(rng.sample(ids, len(ids) // 50)))
    when = iso(time)
    for i in chosen:
        with open(os.path.join(repo, blobs[i][0]), "a") as f:
            f.write("\nKeep the completed form for seven years.\n")
        revision[i] += 1
    run(["git", "commit", "-q", "-a", "-m", f"Revise {len(chosen)} procedures"], repo,
        dict(e, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when))
    new = document_blobs(repo, e)
    editorial, full = chosen[::2], chosen[1::2]
    for group, note in ((full, ""), (editorial, "Retraining: not-required\n")):
        for who in ("alice", "bob"):
            signed_commit(repo, e, home, who, f"Approve {len(group)} revisions\n\n" + "".join(
                f"Approves: {i} {new[i][1]}\n" for i in group) + note, when)
    return chosen


def peers(target, documents):
    """The publish benchmark's documents in doorstop's and strictdoc's own formats, for the peer runs."""
    rng = random.Random(4)
    bodies = [procedure(i, rng, words=700).split("---\n", 2)[2] for i in range(1, documents + 1)]
    doorstop = os.path.join(target, "doorstop")
    os.makedirs(os.path.join(doorstop, "reqs"))
    run(["git", "init", "-q"], doorstop, dict(os.environ))
    with open(os.path.join(doorstop, "reqs", ".doorstop.yml"), "w") as f:
        f.write("settings:\n  digits: 5\n  prefix: QP\n  sep: '-'\n")
    for i, body in enumerate(bodies, 1):
        with open(os.path.join(doorstop, "reqs", f"QP-{i:05d}.yml"), "w") as f:
            text = body.replace("\n", "\n  ")
            f.write(f"active: true\nderived: false\nheader: Procedure {i}\nlevel: 1.{i}\nlinks: []\n"
                    f"normative: true\nref: ''\nreviewed: null\ntext: |\n  {text}\n")
    strictdoc = os.path.join(target, "strictdoc")
    os.makedirs(strictdoc)
    with open(os.path.join(strictdoc, "procedures.sdoc"), "w") as f:
        f.write("[DOCUMENT]\nTITLE: Procedures\n\n")
        for i, body in enumerate(bodies, 1):
            statement = body.replace("[", "(").replace("]", ")")
            f.write(f"[REQUIREMENT]\nUID: QP-{i:05d}\nTITLE: Procedure {i}\nSTATEMENT: >>>\n{statement.strip()}\n<<<\n\n")
    print(f"{doorstop} and {strictdoc}: {documents} documents each")


def history(target, documents, commits):
    repo = os.path.join(target, "repo")
    home = os.path.join(target, "home")
    os.makedirs(repo)
    os.makedirs(home)
    e = env(home)
    run(["git", "init", "-q", "-b", "main"], repo, e)
    rng = random.Random(2)
    out = []

    def blob_data(text):
        data = text.encode()
        out.append(b"data %d\n" % len(data) + data + b"\n")

    time = 1767225600
    out.append(b"commit refs/heads/main\n")
    out.append(b"committer Dana Author <dana@bench.example> %d +0000\n" % time)
    blob_data("Documents")
    out.append(b"M 100644 inline sop.yml\n")
    blob_data(policy([("bob@bench.example", "Bob", "operations", None)]))
    for i in range(1, documents + 1):
        out.append(b"M 100644 inline procedures/%s/QP-%05d.md\n" % (str(i % 50).encode(), i))
        blob_data(procedure(i, rng, words=200))
    for c in range(1, commits):
        time += 60
        i = rng.randint(1, documents)
        out.append(b"commit refs/heads/main\n")
        out.append(b"committer Dana Author <dana@bench.example> %d +0000\n" % time)
        blob_data(f"Edit QP-{i:05d}")
        out.append(b"M 100644 inline procedures/%s/QP-%05d.md\n" % (str(i % 50).encode(), i))
        blob_data(procedure(i, rng, words=200).replace("Purpose", f"Purpose (edit {c})"))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, env=e, input=b"".join(out), check=True)
    run(["git", "reset", "-q", "--hard"], repo, e)
    print(f"{repo}: {documents} documents, {commits} commits")


def signed(target, documents, cycles):
    """A status history like a real company's: most commits are signed approvals (one per signer and id)."""
    home, repo, e, keys = signed_repository(target)
    commit_documents(repo, e, documents, words=200)
    blobs = document_blobs(repo, e)
    rng = random.Random(5)
    time = 1767225600
    count = 0

    def approve(i):
        nonlocal time, count
        name = f"QP-{i:05d}"
        for who in ("alice", "bob"):
            time += 60
            signed_commit(repo, e, home, who, f"Approve {name}\n\nApproves: {name} {blobs[name][1]}\n", iso(time))
            count += 1

    for i in range(1, documents + 1):
        approve(i)
    for c in range(1, cycles + 1):
        i = rng.randint(1, documents)
        name = f"QP-{i:05d}"
        path = os.path.join(repo, blobs[name][0])
        text = open(path).read().replace("## Purpose\n\n", f"## Purpose\n\nRevision {c}. ", 1)
        with open(path, "w") as f:
            f.write(text)
        time += 60
        run(["git", "commit", "-q", "-a", "-m", f"Edit {name}"], repo, dict(e, GIT_AUTHOR_DATE=iso(time),
                                                                           GIT_COMMITTER_DATE=iso(time)))
        blobs[name] = (blobs[name][0], run(["git", "rev-parse", f"HEAD:{blobs[name][0]}"], repo, e).strip())
        approve(i)
    run(["git", "gc", "-q"], repo, e)
    with open(os.path.join(home, "allowed_signers"), "w") as f:
        f.write(f"alice@bench.example namespaces=\"git\" {keys['alice']}\n")
        f.write(f"bob@bench.example namespaces=\"git\" {keys['bob']}\n")
    total = run(["git", "rev-list", "--count", "HEAD"], repo, e).strip()
    print(f"{repo}: {documents} documents, {total} commits, {count} signed approval commits")


def long(target, source, commits):
    """A `signed` history made longer with unsigned edits by Dana: for approve on a 20,000-commit history."""
    import shutil
    shutil.copytree(source, target, symlinks=True)
    repo = os.path.join(target, "repo")
    e = env(os.path.join(target, "home"))
    blobs = document_blobs(repo, e)
    start = int(run(["git", "rev-list", "--count", "HEAD"], repo, e).strip())
    time = int(run(["git", "log", "-1", "--format=%ct"], repo, e).strip())
    rng = random.Random(6)
    out = []
    i = 1
    for c in range(start, commits):
        time += 60
        i = rng.randint(1, len(blobs))
        name = f"QP-{i:05d}"
        message = f"Edit {name}".encode()
        text = procedure(i, rng, words=200).replace("## Purpose\n\n", f"## Purpose\n\nEdit {c}. ", 1).encode()
        out.append(b"commit refs/heads/main\n")
        out.append(b"committer Dana Author <dana@bench.example> %d +0000\n" % time)
        out.append(b"data %d\n%s\n" % (len(message), message))
        if c == start:
            out.append(b"from refs/heads/main^0\n")
        out.append(b"M 100644 inline %s\n" % blobs[name][0].encode())
        out.append(b"data %d\n%s\n" % (len(text), text))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, env=e, input=b"".join(out), check=True)
    run(["git", "reset", "-q", "--hard"], repo, e)
    with open(os.path.join(target, "approve-id"), "w") as f:
        f.write(f"QP-{i:05d}\n")
    total = run(["git", "rev-list", "--count", "HEAD"], repo, e).strip()
    print(f"{repo}: {total} commits, {commits - start} unsigned edits on {source}; approve QP-{i:05d}")


def corpus(target, documents):
    os.makedirs(target)
    rng = random.Random(3)
    for i in range(1, documents + 1):
        with open(os.path.join(target, f"QP-{i:05d}.md"), "w") as f:
            f.write(procedure(i, rng, words=900))
    print(f"{target}: {documents} procedures of ~900 words")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["approvals", "history", "corpus", "publish", "peers", "many", "training", "signed", "long"])
    parser.add_argument("dir")
    parser.add_argument("--documents", type=int)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--cycles", type=int, default=1500)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--records", type=int, default=50000)
    parser.add_argument("--from", dest="source")
    a = parser.parse_args()
    if os.path.exists(a.dir) and a.kind != "peers":
        sys.exit(f"{a.dir} exists")
    if a.kind == "approvals":
        approvals(a.dir, a.documents or 650)
    elif a.kind == "peers":
        peers(a.dir, a.documents or 5000)
    elif a.kind == "publish":
        publish(a.dir, a.documents or 5000)
    elif a.kind == "history":
        history(a.dir, a.documents or 5000, a.commits)
    elif a.kind == "many":
        many(a.dir, a.documents or 20000)
    elif a.kind == "signed":
        signed(a.dir, a.documents or 5000, a.cycles)
    elif a.kind == "long":
        long(a.dir, a.source, a.commits)
    elif a.kind == "training":
        training(a.dir, a.documents or 5000, a.people, a.records)
    else:
        corpus(a.dir, a.documents or 5000)


if __name__ == "__main__":
    main()
