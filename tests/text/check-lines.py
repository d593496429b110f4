#!/usr/bin/env python3
"""Check `kiji render` output independently of kiji's own width code.

Usage: check-lines.py WIDTH FILE [REFERENCE]
       check-lines.py --sweep MIN MAX KIJI RENDER-ARGS...

The second form runs KIJI render --width W RENDER-ARGS for every W from MIN
to MAX and checks each output against the one at 1000 columns.

Checks that no line is wider than WIDTH columns (wcwidth rules computed with
Python's unicodedata), that no control character, C1 control or bidi control
got through, that no line starts or ends with a character Japanese kinsoku
forbids there, and (with REFERENCE, the same document laid out very wide)
that nothing was lost: both hold the same characters once white space, quote
bars and rules are ignored.  CHECK_AMBIGUOUS=2 in the environment measures East
Asian Ambiguous characters as 2 columns.  Prints one problem per line; exits 1 on any.
"""
import os
import re
import subprocess
import sys
import unicodedata

NO_START = set("、。，．・：；？！゛゜ヽヾゝゞ々ー‐〜）］｝」』】〕〉》〙〗〟’”｠"
               "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
               "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
NO_END = set("（［｛「『【〔〈《〘〖〝‘“｟")
# East Asian Ambiguous width, as kiji render --ambiguous was given.
AMBIGUOUS = int(os.environ.get("CHECK_AMBIGUOUS", "1"))
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def char_width(ch):
    cp = ord(ch)
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf") or 0x1160 <= cp <= 0x11FF or cp == 0x200B:
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    if unicodedata.east_asian_width(ch) == "A":
        return AMBIGUOUS
    return 1


def width(line):
    # Emoji sequences: a ZWJ, skin tone or VS16 joins to the previous glyph.
    w, prev_emoji = 0, False
    for ch in line:
        cp = ord(ch)
        if prev_emoji and (cp == 0x200D or 0x1F3FB <= cp <= 0x1F3FF
                           or cp == 0xFE0F):
            continue
        if cp == 0x200D:
            continue
        w += char_width(ch)
        prev_emoji = cp >= 0x1F000
    return w


PREFIX = re.compile(r"^(?:│ ?|\s)*(?:・|■ ?|\d+\. ?|\[\d+\] ?)?")


def is_cjk(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch != "\u3000"


def content(line):
    """The line without its quote bars, indentation and list marker."""
    return line[PREFIX.match(line).end():]


def legal_break_in(text):
    """Whether the text could have been broken somewhere inside."""
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b == " " or a in NO_END or b in NO_START:
            continue
        if a == " " or is_cjk(a) or is_cjk(b):
            return True
    return False


def starts(lines):
    """How the lines of a layout begin: hard line starts, list bullets."""
    return [line.lstrip(" │") for line in lines if line.strip(" │")]


def hard_start(body, ref_starts):
    """Whether a line begins where the wide layout begins one too."""
    head = body[:6]
    return bool(head) and any(r.startswith(head) for r in ref_starts)


def problems(limit, lines, bullets):
    for n, line in enumerate(lines, 1):
        if width(line) > limit:
            yield "line %d is %d columns wide: %r" % (n, width(line), line)
        for ch in line:
            cp = ord(ch)
            if cp < 0x20 or 0x7F <= cp <= 0x9F or cp in BIDI:
                yield "line %d has control U+%04X" % (n, cp)
        prev = lines[n - 2] if n > 1 else ""
        body = line.lstrip(" │")
        if hard_start(body, bullets):
            body = ""
        bad = body[:1] in NO_START and prev.strip()
        bad = bad or (prev.rstrip() and prev.rstrip()[-1] in NO_END
                      and line.strip())
        if bad and legal_break_in(content(prev)):
            yield "kinsoku: line %d %r follows %r" % (n, line, prev)


def essence(lines):
    return "".join(ch for ch in "".join(lines) if not ch.isspace()
                   and ch not in "│─")


def sweep(lo, hi, kiji, args):
    run = lambda w: subprocess.run([kiji, "render", "--width", str(w)] + args,
                                   check=True, stdout=subprocess.PIPE
                                   ).stdout.decode("utf-8").split("\n")
    ref = run(1000)
    bad = 0
    for w in range(lo, hi + 1):
        for p in problems(w, run(w), starts(ref)):
            print("width %d: %s" % (w, p))
            bad += 1
        if essence(run(w)) != essence(ref):
            print("width %d: text differs from the wide layout" % w)
            bad += 1
    return 1 if bad else 0


def main():
    if sys.argv[1] == "--sweep":
        return sweep(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4],
                     sys.argv[5:])
    limit = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        lines = f.read().split("\n")
    ref = None
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            ref = f.read().split("\n")
    found = list(problems(limit, lines, starts(ref or [])))
    if ref is not None:
        if essence(lines) != essence(ref):
            a, b = essence(lines), essence(ref)
            i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]),
                     min(len(a), len(b)))
            found.append("text differs from the wide layout at %d: %r / %r"
                         % (i, a[i:i + 20], b[i:i + 20]))
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
