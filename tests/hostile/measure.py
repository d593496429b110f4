#!/usr/bin/env python3
"""measure.py LIMIT_SECONDS OUT CMD...: run CMD with stdout to OUT (stderr to
OUT.err), kill it after LIMIT_SECONDS, and print "STATUS SECONDS MAXRSS_MB"
(STATUS 124 on timeout, 128+N when killed by signal N)."""
import resource
import subprocess
import sys
import time

limit = float(sys.argv[1])
out = sys.argv[2]
t0 = time.monotonic()
with open(out, "wb") as o, open(out + ".err", "wb") as e:
    p = subprocess.Popen(sys.argv[3:], stdout=o, stderr=e, stdin=subprocess.DEVNULL)
    try:
        st = p.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        st = 124
dt = time.monotonic() - t0
if st < 0:
    st = 128 - st
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print("%d %.2f %.0f" % (st, dt, rss))
