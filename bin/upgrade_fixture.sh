#!/bin/sh
# Make tests/upgrade/demo-<commit>.sql.gz: a SQLite site migrated and loaded with the demo by the
# code of <commit>, dumped as SQL. The upgrade test migrates it to the current code.
# Usage: bin/upgrade_fixture.sh c7f7f46
set -eu
commit="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$work"
mkdir -p "$work/var"
cd "$work"
export SQLITE_PATH="$work/site.sqlite3" DEBUG=1
"$root/.venv/bin/python" manage.py migrate --noinput -v0
"$root/.venv/bin/python" manage.py load_demo --force >/dev/null
sqlite3 "$SQLITE_PATH" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$SQLITE_PATH" .dump | gzip -9 > "$root/tests/upgrade/demo-$commit.sql.gz"
echo "tests/upgrade/demo-$commit.sql.gz"
