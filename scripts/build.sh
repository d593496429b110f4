#!/bin/sh
# Install the dependencies (Debian) and build kiji in this source tree.
set -e
cd "$(dirname "$0")/.."
sh scripts/deps-debian.sh
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	./autogen.sh
fi
WERROR=
[ "${CI:-}" = true ] && WERROR=--enable-werror
if [ ! -f Makefile ]; then
	./configure -q $WERROR
fi
make -s -j"$(nproc 2>/dev/null || echo 2)"
