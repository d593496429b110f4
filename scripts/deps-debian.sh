#!/bin/sh
# Install what kiji needs to build and test on Debian 12 (as root, or via sudo).
set -e
SUDO=
if [ "$(id -u)" != 0 ]; then
	SUDO=sudo
fi
PKGS="build-essential autoconf automake autopoint gettext pkg-config \
libncurses-dev libcurl4-openssl-dev libxml2-dev libsqlite3-dev libicu-dev \
python3 tmux locales unicode-data curl zlib1g-dev clang libclang-rt-14-dev"
if [ -n "${KIJI_EXTRA_PKGS:-}" ]; then
	PKGS="$PKGS $KIJI_EXTRA_PKGS"
fi
# The manual pages' test renders them (groff -ww, man -l); zsh checks _kiji.
PKGS="$PKGS groff-base man-db zsh"
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# The Japanese locale the end-to-end tests and the Japanese UI use.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	$SUDO localedef -i ja_JP -f UTF-8 ja_JP.UTF-8 || true
fi
if ! locale -a 2>/dev/null | grep -qi '^C\.utf-\?8$'; then
	$SUDO localedef -i C -f UTF-8 C.UTF-8 2>/dev/null || true
fi
