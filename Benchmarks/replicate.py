#!/usr/bin/env python3
"""Builds a lint corpus from real Markdown documents: N procedures, each the text of K source documents
one after another (long procedures, with the findings real text gives), front matter added, committed in
git. Used for the "independent corpus" row of docs/benchmarks.md, from the held-out documents listed in
docs/lint.md (their licences do not let us commit them, so the corpus is rebuilt from a folder of them).

    python3 Benchmarks/replicate.py SRC_DIR OUT_DIR [--documents 1000] [--per-document 3]
"""
import argparse, os, pathlib, re, subprocess, shutil

POLICY = """version: 1
organisation: Lint benchmark
people:
  - {email: q@example.com, name: Q Reviewer, roles: [quality, admin]}
types:
  procedure:
    prefix: QP
    approvals: [quality]
    required-sections: []
documents: ["docs/*.md"]
"""

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--per-document", type=int, default=3)
    args = parser.parse_args()
    sources = sorted(p for p in pathlib.Path(args.source).rglob("*.md"))
    if not sources:
        raise SystemExit(f"replicate.py: no .md files under {args.source}")
    texts = []
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        # Front matter of the source is not ours: the corpus adds its own.
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        texts.append(text)
    out = pathlib.Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    (out / "sop.yml").write_text(POLICY, encoding="utf-8")
    for n in range(args.documents):
        parts = [texts[(n * args.per_document + k) % len(texts)] for k in range(args.per_document)]
        body = "\n\n".join(parts)
        front = f"---\nid: QP-{n + 1:04d}\ntitle: Procedure {n + 1}\ntype: procedure\nowner: q@example.com\n---\n"
        (docs / f"QP-{n + 1:04d}.md").write_text(front + body, encoding="utf-8")
    git = ["git", "-C", str(out), "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
    subprocess.run(["git", "init", "-q", str(out)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "corpus"], check=True)
    words = sum(len(t.split()) for t in texts) * args.per_document // len(texts)
    print(f"{args.documents} procedures of about {words} words each in {out}")

main()
