#!/usr/bin/env python3
"""width.py WIDTH FILE: fail when a line of FILE is wider than WIDTH columns
(East Asian Wide/Fullwidth count 2, combining marks 0) or is not UTF-8."""
import sys
import unicodedata

width = int(sys.argv[1])
bad = 0
for n, line in enumerate(open(sys.argv[2], "rb").read().decode("utf-8").split("\n"), 1):
    w = 0
    for c in line:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    if w > width:
        print("# line %d is %d columns: %r" % (n, w, line[:80]))
        bad += 1
sys.exit(1 if bad else 0)
