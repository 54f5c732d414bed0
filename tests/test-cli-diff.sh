#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `connect-feed diff OLD NEW`: JSON records and readable text lines.
set -eu

: "${CONNECT_TEST_DATA:?}"
: "${CONNECT_BUILD_ROOT:?}"
CONNECT_FEED="${CONNECT_FEED:-$CONNECT_BUILD_ROOT/app/cli/connect-feed}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

OLD="$CONNECT_TEST_DATA/feeds/base.json"
NEW="$TMP/new.json"
# IMP-... status changes, one cohort's "updated" (ignored) too.
python3 - "$OLD" "$NEW" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
c = feed["cohorts"][0]
c["status"] = "suspended" if c.get("status") != "suspended" else "open"
c["updated"] = "2030-01-01T00:00:00Z"
feed["drugs"].append({"id": "new-drug", "name": "newdrugib"})
json.dump(feed, open(sys.argv[2], "w"), indent=2)
PY

"$CONNECT_FEED" diff "$OLD" "$NEW" --format json > "$TMP/out.json"
python3 - "$OLD" "$TMP/out.json" <<'PY'
import json, sys
old = json.load(open(sys.argv[1]))
out = json.load(open(sys.argv[2]))
c = old["cohorts"][0]
assert isinstance(out, list), out
for r in out:
    assert set(r) == {"kind", "id", "field", "from", "to"}, r
kinds = [(r["kind"], r["id"], r["field"]) for r in out]
assert ("drug-added", "new-drug", None) in kinds, kinds
assert ("cohort-changed", c["id"], "status") in kinds, kinds
assert not any(r["field"] == "updated" for r in out), out
assert len(out) == 2, out
st = [r for r in out if r["field"] == "status"][0]
assert st["from"] == c.get("status") and st["to"] != st["from"], st
print("ok: json")
PY

"$CONNECT_FEED" diff "$OLD" "$NEW" > "$TMP/out.txt"
cat "$TMP/out.txt"
grep -q '^cohort .* status: ".*" → ".*"$' "$TMP/out.txt"
grep -qx 'drug new-drug added' "$TMP/out.txt"

# The same feed twice: nothing, exit 0.
[ "$("$CONNECT_FEED" diff "$OLD" "$OLD" --format json | tr -d ' \n')" = "[]" ]

# An invalid NEW: exit 1, error on stderr.
printf '{"format": "connect-feed"' > "$TMP/bad.json"
set +e
"$CONNECT_FEED" diff "$OLD" "$TMP/bad.json" 2>"$TMP/err"
STATUS=$?
set -e
[ "$STATUS" -eq 1 ]
grep -q '^connect-feed: error: ' "$TMP/err"

# Usage: two feeds needed.
set +e
"$CONNECT_FEED" diff "$OLD" 2>/dev/null
STATUS=$?
set -e
[ "$STATUS" -eq 2 ]
echo "ok: text, no changes, invalid feed, usage"
