#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks build-aux/flatpak/org.connectnorway.Cohorts.json (flatpak-builder
is not available here, so this reads it the way flatpak-builder would):
valid JSON, the GNOME 43 runtime (GTK 4.8, libadwaita 1.2; libsoup 3,
json-glib and libsecret come with it), and a sandbox with the network and a
display but no access to files (no --filesystem, no home)."""

import json
import os
import sys

SOURCE_ROOT = os.environ.get('CONNECT_SOURCE_ROOT',
                             os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MANIFEST = os.path.join(SOURCE_ROOT, 'build-aux', 'flatpak', 'org.connectnorway.Cohorts.json')

# Permissions that would reach beyond the app's own data and the network.
FORBIDDEN_PREFIXES = (
    '--filesystem', '--persist', '--device=all', '--socket=x11',
    '--socket=session-bus', '--socket=system-bus', '--socket=ssh-auth',
    '--socket=pcsc', '--talk-name=org.freedesktop.Flatpak',
    '--own-name', '--system-talk-name',
)


def main():
    problems = []
    with open(MANIFEST, encoding='utf-8') as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            print('%s is not valid JSON: %s' % (MANIFEST, e))
            return 1

    expected = {
        'id': 'org.connectnorway.Cohorts',
        'runtime': 'org.gnome.Platform',
        'runtime-version': '43',
        'sdk': 'org.gnome.Sdk',
        'command': 'connect-cohorts',
    }
    for key, value in expected.items():
        if manifest.get(key) != value:
            problems.append('%s is %r, expected %r' % (key, manifest.get(key), value))

    args = manifest.get('finish-args', [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        problems.append('finish-args is not a list of strings')
        args = []
    if '--share=network' not in args:
        problems.append('finish-args lacks --share=network (the feed is fetched over HTTPS)')
    for arg in args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            problems.append('finish-args grants %s: the app needs no files or devices' % arg)
    if '--socket=wayland' not in args:
        problems.append('finish-args lacks --socket=wayland')

    modules = manifest.get('modules', [])
    if not modules or not isinstance(modules[-1], dict):
        problems.append('no modules')
    else:
        app = modules[-1]
        if app.get('name') != 'connect-cohorts':
            problems.append('the last module is %r, expected connect-cohorts' % app.get('name'))
        if app.get('buildsystem') != 'meson':
            problems.append('the app module does not build with meson')
        # libsoup 3, json-glib and libsecret are in the GNOME 43 runtime:
        # nothing else needs building.
        if len(modules) != 1:
            problems.append('%d modules; the GNOME 43 runtime has every dependency'
                            % len(modules))
        for source in app.get('sources', []):
            if source.get('type') == 'dir':
                path = os.path.normpath(os.path.join(os.path.dirname(MANIFEST),
                                                     source.get('path', '')))
                if not os.path.isfile(os.path.join(path, 'meson.build')):
                    problems.append('the dir source %r has no meson.build' % source.get('path'))

    if problems:
        print('\n'.join(problems))
        return 1
    print('%s: GNOME 43, network only, %d finish-args' % (os.path.basename(MANIFEST), len(args)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
