#!/usr/bin/env python3
"""Generates benchmark repositories for sop with stock git and ssh-keygen only (no sop code).

  generate.py approvals DIR [--documents 650]   650 procedures, each approved by quality and owner
                                               with `git commit -S` (1,300 signed approval commits)
  generate.py history DIR [--documents 5000 --commits 20000]
                                               5,000 documents and 20,000 commits (git fast-import)
  generate.py corpus DIR [--documents 5000]    ~900-word procedures as plain files, for lint
  generate.py publish DIR [--documents 5000]   5,000 ~700-word procedures approved in two signed commits
  generate.py peers DIR [--documents 5000]     the same documents for doorstop (DIR/doorstop) and strictdoc
"""
import argparse
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


def make_keys(home, e):
    """Unencrypted ed25519 keys for Alice and Bob in HOME; returns their public key lines."""
    keys = {}
    for who in ("alice", "bob"):
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


def paragraph(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


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
    signers = [("alice", "Alice", "alice@bench.example"), ("bob", "Bob", "bob@bench.example")]
    count = 0
    for i in range(1, documents + 1):
        blob = blobs[f"procedures/QP-{i:05d}.md"]
        for key, name, email in signers:
            e2 = dict(e, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name,
                      GIT_COMMITTER_EMAIL=email)
            run(["git", "-c", "gpg.format=ssh", "-c", f"user.signingkey={os.path.join(home, key)}", "commit", "-q",
                 "--allow-empty", "-S", "-m", f"Approve QP-{i:05d}\n\nApproves: QP-{i:05d} {blob}"], repo, e2)
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


def many(target, documents):
    """Documents committed once, Alice (quality) and Bob (owner) registered: for approving many ids at once."""
    home, repo, e, keys = signed_repository(target)
    commit_documents(repo, e, documents, words=150)
    print(f"{repo}: {documents} documents, keys in {home}")


def publish(target, documents):
    """Approved documents for the publish benchmark: two signed approval commits, one trailer per document."""
    home, repo, e, keys = signed_repository(target)
    commit_documents(repo, e, documents, words=700)
    trailers = []
    for line in run(["git", "ls-tree", "-r", "HEAD", "procedures"], repo, e).splitlines():
        meta, path = line.split("\t")
        trailers.append(f"Approves: {os.path.basename(path)[:-3]} {meta.split()[2]}")
    for key, name, email in (("alice", "Alice", "alice@bench.example"), ("bob", "Bob", "bob@bench.example")):
        e2 = dict(e, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name,
                  GIT_COMMITTER_EMAIL=email)
        run(["git", "-c", "gpg.format=ssh", "-c", f"user.signingkey={os.path.join(home, key)}", "commit", "-q",
             "--allow-empty", "-S", "-F", "-"], repo, e2, input="Approve all\n\n" + "\n".join(trailers) + "\n")
    print(f"{repo}: {documents} documents approved in 2 signed commits; publish key {home}/alice")


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


def corpus(target, documents):
    os.makedirs(target)
    rng = random.Random(3)
    for i in range(1, documents + 1):
        with open(os.path.join(target, f"QP-{i:05d}.md"), "w") as f:
            f.write(procedure(i, rng, words=900))
    print(f"{target}: {documents} procedures of ~900 words")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["approvals", "history", "corpus", "publish", "peers", "many"])
    parser.add_argument("dir")
    parser.add_argument("--documents", type=int)
    parser.add_argument("--commits", type=int, default=20000)
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
    else:
        corpus(a.dir, a.documents or 5000)


if __name__ == "__main__":
    main()
