#!/usr/bin/env python3
"""Score lint findings against hand verdicts.

usage: compare.py CORPUS [CORPUS...] --findings NAME [--base NAME] [--rule RULE] [-v]
Each CORPUS folder holds verdicts.json (a list of {file, rule, line, message, verdict, note}) and
findings-NAME.json (sop lint --format json run in CORPUS/repo). A finding takes the verdict of the judged
finding with the same file, rule and line; if none, of the same file, rule and message; else it is '?'
(never judged). Verdicts: R right, D debatable, W wrong, A artefact of the copying (left out of shares).
"""
import argparse, collections, json, os, re

def load(path):
    return json.load(open(path))["findings"]

def key_file(path):
    return os.path.basename(path)

def norm(message):
    return re.sub(r"[\d,.]+", "#", message)

def verdict_index(verdicts):
    # Two findings of one rule can share a line (two links): the exact message tells them apart first.
    exact, by_line, by_msg = {}, {}, {}
    for v in verdicts:
        exact.setdefault((v["file"], v["rule"], v["line"], v["message"]), v["verdict"])
        by_line.setdefault((v["file"], v["rule"], v["line"]), v["verdict"])
        by_msg.setdefault((v["file"], v["rule"], norm(v["message"])), v["verdict"])
    return exact, by_line, by_msg

def judge(findings, verdicts):
    exact, by_line, by_msg = verdict_index(verdicts)
    out = []
    for f in findings:
        k = key_file(f["path"])
        v = (exact.get((k, f["rule"], f["line"], f["message"])) or by_line.get((k, f["rule"], f["line"]))
             or by_msg.get((k, f["rule"], norm(f["message"]))) or "?")
        out.append((v, f))
    return out

def tally(judged, rule=None):
    c = collections.Counter(v for v, f in judged if rule is None or f["rule"] == rule)
    return c

def fmt(c):
    n = c["R"] + c["D"] + c["W"]
    pct = lambda x: "%d%%" % round(100 * x / n) if n else "-"
    extra = "".join(" %s%d" % (k, c[k]) for k in "A?" if c[k])
    return "R%d D%d W%d (%s, %s, %s)%s" % (c["R"], c["D"], c["W"], pct(c["R"]), pct(c["D"]), pct(c["W"]), extra)

ap = argparse.ArgumentParser()
ap.add_argument("corpora", nargs="+")
ap.add_argument("--findings", required=True)
ap.add_argument("--base")
ap.add_argument("--rule")
ap.add_argument("-v", action="store_true")
a = ap.parse_args()
total_new, total_base = collections.Counter(), collections.Counter()
by_rule = collections.defaultdict(collections.Counter)
for corpus in a.corpora:
    verdicts = json.load(open(os.path.join(corpus, "verdicts.json")))
    new = judge(load(os.path.join(corpus, "findings-%s.json" % a.findings)), verdicts)
    if a.rule:
        new = [(v, f) for v, f in new if f["rule"] == a.rule]
    cn = tally(new)
    total_new += cn
    for v, f in new:
        by_rule[f["rule"]][v] += 1
    line = "%-10s %s" % (os.path.basename(corpus.rstrip("/")), fmt(cn))
    if a.base:
        old = judge(load(os.path.join(corpus, "findings-%s.json" % a.base)), verdicts)
        if a.rule:
            old = [(v, f) for v, f in old if f["rule"] == a.rule]
        co = tally(old)
        total_base += co
        line = "%-10s %s  ->  %s" % (os.path.basename(corpus.rstrip("/")), fmt(co), fmt(cn))
        if a.v:
            ko = {(key_file(f["path"]), f["rule"], f["line"], f["message"]): v for v, f in old}
            kn = {(key_file(f["path"]), f["rule"], f["line"], f["message"]): v for v, f in new}
            for k in sorted(set(ko) - set(kn)):
                line += "\n   - [%s] %s:%d %s: %s" % (ko[k], k[0], k[2], k[1], k[3][:160])
            for k in sorted(set(kn) - set(ko)):
                line += "\n   + [%s] %s:%d %s: %s" % (kn[k], k[0], k[2], k[1], k[3][:160])
    print(line)
print("all        " + ((fmt(total_base) + "  ->  ") if a.base else "") + fmt(total_new))
for rule in sorted(by_rule):
    print("  %-20s %s" % (rule, fmt(by_rule[rule])))
