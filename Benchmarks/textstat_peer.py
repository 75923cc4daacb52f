#!/usr/bin/env python3
"""Peer for the lint benchmark: Flesch-Kincaid grade of every file with textstat (readability only)."""
import pathlib
import sys

import textstat

for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    textstat.flesch_kincaid_grade(path.read_text())
