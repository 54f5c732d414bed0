#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Integration: `connect-feed fetch` against a real nginx over TLS on a free
# loopback port. First fetch: "updated"; second: "not-modified" (nginx
# answers If-None-Match with 304). Then the cache must hold exactly the
# served feed. nginx runs as the current user with everything in a
# temporary folder.
set -eu

: "${CONNECT_TEST_DATA:?}"
: "${CONNECT_BUILD_ROOT:?}"
CONNECT_FEED="${CONNECT_FEED:-$CONNECT_BUILD_ROOT/app/cli/connect-feed}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

if [ ! -x "$NGINX" ]; then
  echo "nginx not found (package nginx-light): cannot run this test" >&2
  exit 77
fi

TMP=$(mktemp -d)
NGINX_PID=
cleanup () {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

mkdir -p "$TMP/www" "$TMP/logs" "$TMP/temp" "$TMP/cache"
cp "$CONNECT_TEST_DATA/feeds/base.json" "$TMP/www/feed.json"
mkdir -p "$TMP/www/private"
cp "$CONNECT_TEST_DATA/feeds/minimal.json" "$TMP/www/private/feed.json"

cat > "$TMP/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/logs/error.log info;
events { worker_connections 16; }
http {
  access_log $TMP/logs/access.log;
  client_body_temp_path $TMP/temp/body;
  proxy_temp_path $TMP/temp/proxy;
  fastcgi_temp_path $TMP/temp/fastcgi;
  uwsgi_temp_path $TMP/temp/uwsgi;
  scgi_temp_path $TMP/temp/scgi;
  types { application/json json; }
  server {
    listen 127.0.0.1:$PORT ssl;
    ssl_certificate $CONNECT_TEST_DATA/certs/server.pem;
    ssl_certificate_key $CONNECT_TEST_DATA/certs/server.key;
    root $TMP/www;
    etag on;
    # A partner-only copy: needs the bearer token.
    location /private/ {
      if (\$http_authorization != "Bearer partner-secret") { return 401; }
    }
  }
}
CONF

"$NGINX" -p "$TMP" -c "$TMP/nginx.conf" -e "$TMP/logs/error.log" &
NGINX_PID=$!

# Wait (at most 10 s) for the port.
i=0
until python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 50 ] || ! kill -0 "$NGINX_PID" 2>/dev/null; then
    echo "nginx did not start:" >&2
    cat "$TMP/logs/error.log" >&2 || true
    exit 1
  fi
  sleep 0.2
done

URL="https://127.0.0.1:$PORT/feed.json"
fetch () {
  "$CONNECT_FEED" fetch "$URL" --ca-file "$CONNECT_TEST_DATA/certs/ca.pem" \
    --cache-dir "$TMP/cache" --format json
}

FIRST=$(fetch)
echo "first: $FIRST"
SECOND=$(fetch)
echo "second: $SECOND"

python3 - "$FIRST" "$SECOND" "$TMP/www/feed.json" "$TMP/cache" <<'PY'
import json, sys, os, hashlib
first, second = json.loads(sys.argv[1]), json.loads(sys.argv[2])
served = open(sys.argv[3], "rb").read()
cache = sys.argv[4]
assert first["result"] == "updated", first
assert first["bytes"] == len(served), first
assert first["etag"], first
assert second["result"] == "not-modified", second
assert second["etag"] == first["etag"], second
body = open(os.path.join(cache, "feed.json"), "rb").read()
assert body == served, "cache differs from the served feed"
meta = json.load(open(os.path.join(cache, "feed-meta.json")))
assert meta["sha256"] == hashlib.sha256(served).hexdigest(), meta
assert meta["etag"] == first["etag"], meta
assert (os.stat(os.path.join(cache, "feed.json")).st_mode & 0o777) == 0o600
print("ok: updated, then not-modified; cache verified")
PY

# A failed fetch (the test CA is not trusted without --ca-file): exit 1, a
# classified error, and the cache byte for byte as it was.
cp "$TMP/cache/feed.json" "$TMP/body.before"
cp "$TMP/cache/feed-meta.json" "$TMP/meta.before"
set +e
FAILED=$("$CONNECT_FEED" fetch "$URL" --cache-dir "$TMP/cache" --format json 2>"$TMP/stderr")
STATUS=$?
set -e
echo "untrusted: exit $STATUS: $FAILED"
[ "$STATUS" -eq 1 ]
echo "$FAILED" | python3 -c 'import json, sys; r = json.load(sys.stdin); assert r["result"] == "error" and r["error"] == "tls", r'
grep -q '^connect-feed: error: ' "$TMP/stderr"
cmp "$TMP/cache/feed.json" "$TMP/body.before"
cmp "$TMP/cache/feed-meta.json" "$TMP/meta.before"
echo "ok: untrusted server refused, cache untouched"

# nginx saw two requests: a 200 and a 304 (before the token checks).
grep -c '" 200 ' "$TMP/logs/access.log" | grep -qx 1
grep -c '" 304 ' "$TMP/logs/access.log" | grep -qx 1
echo "ok: nginx access log shows one 200 and one 304"

# --token-env: the partner-only feed needs the bearer token.
PRIVATE="https://127.0.0.1:$PORT/private/feed.json"
set +e
NOTOKEN=$("$CONNECT_FEED" fetch "$PRIVATE" --ca-file "$CONNECT_TEST_DATA/certs/ca.pem" \
  --cache-dir "$TMP/private-cache" --format json 2>/dev/null)
STATUS=$?
set -e
echo "without token: exit $STATUS: $NOTOKEN"
[ "$STATUS" -eq 1 ]
echo "$NOTOKEN" | python3 -c 'import json, sys; r = json.load(sys.stdin); assert r["error"] == "http-status" and "401" in r["message"], r'
[ ! -e "$TMP/private-cache/feed.json" ]
WITHTOKEN=$(CONNECT_TEST_TOKEN=partner-secret "$CONNECT_FEED" fetch "$PRIVATE" \
  --ca-file "$CONNECT_TEST_DATA/certs/ca.pem" --cache-dir "$TMP/private-cache" \
  --token-env CONNECT_TEST_TOKEN --format json)
echo "with token: $WITHTOKEN"
echo "$WITHTOKEN" | python3 -c 'import json, sys; r = json.load(sys.stdin); assert r["result"] == "updated", r'
cmp "$TMP/private-cache/feed.json" "$TMP/www/private/feed.json"
# The token is in no file of the cache.
! grep -rq partner-secret "$TMP/private-cache"
echo "ok: bearer token sent with --token-env, never cached"
