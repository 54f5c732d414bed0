# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: install what is missing,
# configure and build. Sourced, not run.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${CONNECT_BUILDDIR:-$top/_build}

as_root () {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "build-aux: need root to run: $*" >&2
    return 1
  fi
}

install_packages () {
  local wanted missing=()
  wanted=$(grep -v -E '^\s*(#|$)' "$top/build-aux/packages")
  for p in $wanted; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
      missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "build-aux: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

configure_and_build () {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$top" "$@"
  fi
  meson compile -C "$builddir"
}
