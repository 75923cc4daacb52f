#!/usr/bin/env python3
"""Turn a collected corpus (CORPUS/src/NN-slug.md) into a sop repository (CORPUS/repo) and lint it.

usage: make.py CORPUS BASE_NUMBER SOP_BINARY OUT_JSON
Each document keeps its text; a YAML front matter block of its own is removed (it is metadata, not prose)
and sop's front matter is added: id QP-<BASE+NN>, title from the first '# ' heading (else the slug),
type sop (no required sections), owner the one person of sop.yml.
"""
import json, os, re, shutil, subprocess, sys

if len(sys.argv) != 5:
    sys.exit(__doc__)
corpus, base, sop, out = sys.argv[1], int(sys.argv[2]), os.path.abspath(sys.argv[3]), os.path.abspath(sys.argv[4])
src = os.path.join(corpus, "src")
# A corpus restored from its sources (README.md) must be byte for byte what was judged.
sums = os.path.join(corpus, "sha256.txt")
if os.path.exists(sums):
    import hashlib
    for line in open(sums):
        digest, name = line.split()
        path = os.path.join(src, name)
        if not os.path.exists(path) or hashlib.sha256(open(path, "rb").read()).hexdigest() != digest:
            sys.exit("make.py: %s differs from the judged file (sha256.txt); restore it from SOURCES.md" % path)
repo = os.path.join(corpus, "repo")
if os.path.exists(repo):
    shutil.rmtree(repo)
os.makedirs(os.path.join(repo, "docs"))
with open(os.path.join(repo, "sop.yml"), "w") as f:
    f.write("""version: 1
organisation: Lint Evaluation
people:
  - {email: owner@example.org, name: Owner, roles: [quality, admin]}
types:
  sop:
    prefix: QP
    approvals: [quality]
    required-sections: []
documents: ["docs/*.md"]
""")
mapping = []
for name in sorted(os.listdir(src)):
    if not name.endswith(".md"):
        continue
    m = re.match(r"(\d+)-(.*)\.md$", name)
    nn, slug = int(m.group(1)), m.group(2)
    text = open(os.path.join(src, name), encoding="utf-8", errors="replace").read()
    stripped = False
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            text = text[end + 5:]
            stripped = True
    title = None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        h = re.match(r"#\s+(.+?)\s*#*\s*$", line)
        if h:
            title = h.group(1).strip()
            break
        # A setext H1 ("Title" over "====="), as the title of a page written that way.
        if i + 1 < len(lines) and line.strip() and re.match(r"=+\s*$", lines[i + 1]):
            title = line.strip()
            break
    if not title:
        title = slug.replace("-", " ")
    title = title.replace("\n", " ")[:150]
    # Written as UTF-8, not as JSON's \u escapes: YAML rejects an emoji's surrogate pair ("\ud83c\udfd6"),
    # which made two front-matter artefacts on corpus 42.
    doc_id = "QP-%03d" % (base + nn)
    front = "---\nid: %s\ntitle: %s\ntype: sop\nowner: owner@example.org\n---\n\n" % (doc_id, json.dumps(title, ensure_ascii=False))
    with open(os.path.join(repo, "docs", name), "w", encoding="utf-8") as f:
        f.write(front + text)
    mapping.append({"file": name, "id": doc_id, "title": title, "front_matter_removed": stripped, "added_lines": front.count("\n")})
json.dump(mapping, open(os.path.join(corpus, "mapping.json"), "w"), indent=1)
subprocess.run(["git", "init", "-q", repo], check=True)
subprocess.run(["git", "-C", repo, "add", "-A"], check=True)
subprocess.run(["git", "-C", repo, "-c", "user.name=Owner", "-c", "user.email=owner@example.org", "commit", "-qm", "corpus"], check=True)
r = subprocess.run([sop, "lint", "--format", "json"], cwd=repo, capture_output=True, text=True)
open(out, "w").write(r.stdout)
sys.stderr.write(r.stderr)
print("exit", r.returncode, "findings", len(json.loads(r.stdout)["findings"]) if r.stdout.strip() else "none")
