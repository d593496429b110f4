#!/bin/sh
# Build kiji and start it on the bundled demo feeds (doc/demo/, read through
# file://, so it works offline).  The demo keeps its own config and database
# under demo-home/ and never touches your own ~/.config/kiji.
set -e
cd "$(dirname "$0")/.."
sh scripts/build.sh
top=$(pwd)
home=${KIJI_DEMO_HOME:-$top/demo-home}
mkdir -p "$home/config/kiji" "$home/data"
sed "s|@DEMO@|$top/doc/demo|g" doc/demo/feeds > "$home/config/kiji/feeds"
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
exec ./kiji "$@"
