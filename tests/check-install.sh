#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR and checks that everything is
# where GNOME looks for it.
set -euo pipefail
build=${CONNECT_BUILD_ROOT:?}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root=$dest$prefix
app_id=$(sed -n 's/^#define APP_ID "\(.*\)"/\1/p' "$build/config.h")
fail=0
for f in \
  bin/connect-cohorts \
  bin/connect-feed \
  "share/applications/$app_id.desktop" \
  "share/metainfo/$app_id.metainfo.xml" \
  share/glib-2.0/schemas/org.connectnorway.Cohorts.gschema.xml \
  "share/icons/hicolor/scalable/apps/$app_id.svg" \
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  share/locale/nb/LC_MESSAGES/connect-cohorts.mo
do
  if [ -e "$root/$f" ]; then
    echo "ok - $f"
  else
    echo "not ok - $f is missing"
    fail=1
  fi
done
[ -x "$root/bin/connect-feed" ] || { echo "not ok - connect-feed is not executable"; fail=1; }
exit $fail
