#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks.

    check-po.py potfiles        every file with translatable strings is in
                                po/POTFILES.in, and every file listed there
                                exists
    check-po.py complete LANG   po/LANG.po is valid (msgfmt -c), has no
                                untranslated or fuzzy entries, and lacks no
                                msgid of a .pot made now by xgettext from
                                po/POTFILES.in (msgmerge against it)

The source tree is CONNECT_SOURCE_ROOT (set by tests/meson.build), else the
folder above this file. Nothing in it is written: the .pot and the merged
catalogue go to a temporary folder.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.environ.get('CONNECT_SOURCE_ROOT',
                             os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = 'connect-cohorts'

# meson's i18n "glib" preset, so the .pot is the one `meson compile
# connect-cohorts-pot` would make.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
]

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(|'
                       r'\b(?:g_d?ngettext|ngettext|g_dpgettext2?|g_dcgettext)\s*\(')
UI_MARKERS = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
# Files xgettext reads whole (ITS rules / desktop keys), markers or not.
ALWAYS_TRANSLATABLE = re.compile(r'\.(?:gschema\.xml|desktop\.in(?:\.in)?|'
                                 r'metainfo\.xml\.in(?:\.in)?|appdata\.xml\.in(?:\.in)?)$')


def rel(path):
    return os.path.relpath(path, SOURCE_ROOT).replace(os.sep, '/')


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def potfiles():
    """The files listed in po/POTFILES.in (comments and blanks left out)."""
    listed = []
    for line in read(os.path.join(SOURCE_ROOT, 'po', 'POTFILES.in')).splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)
    return listed


def translatable_files():
    """The files that hold translatable strings, relative to the top."""
    found = set()
    app = os.path.join(SOURCE_ROOT, 'app')
    for path in glob.glob(os.path.join(app, '**', '*.c'), recursive=True):
        if C_MARKERS.search(read(path)):
            found.add(rel(path))
    for path in glob.glob(os.path.join(app, '**', '*.ui'), recursive=True):
        if UI_MARKERS.search(read(path)):
            found.add(rel(path))
    data = os.path.join(SOURCE_ROOT, 'data')
    for pattern in ('*.in', '*.xml'):
        for path in glob.glob(os.path.join(data, pattern)):
            text = read(path)
            if (ALWAYS_TRANSLATABLE.search(path) or UI_MARKERS.search(text) or
                    C_MARKERS.search(text)):
                found.add(rel(path))
    return found


def check_potfiles():
    listed = potfiles()
    problems = []

    for name in sorted(translatable_files() - set(listed)):
        problems.append('%s has translatable strings but is not in po/POTFILES.in' % name)
    for name in listed:
        if not os.path.isfile(os.path.join(SOURCE_ROOT, name)):
            problems.append('po/POTFILES.in lists %s, which does not exist' % name)
    seen = set()
    for name in listed:
        if name in seen:
            problems.append('po/POTFILES.in lists %s twice' % name)
        seen.add(name)

    if problems:
        print('\n'.join(problems))
        return 1
    print('po/POTFILES.in lists all %d files with translatable strings' % len(listed))
    return 0


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, **kwargs)


def statistics(po):
    """(translated, fuzzy, untranslated, msgfmt output) of @po checked with
    msgfmt -c; None for the counts when msgfmt refused the file."""
    out = run(['msgfmt', '--statistics', '-c', '-o', os.devnull, po])
    text = out.stderr + out.stdout
    counts = {}
    for number, kind in re.findall(r'(\d+) (translated|fuzzy|untranslated)', text):
        counts[kind] = int(number)
    if out.returncode != 0:
        return None, text
    return (counts.get('translated', 0), counts.get('fuzzy', 0),
            counts.get('untranslated', 0)), text


def msgids(po, *flags):
    """The msgids msgattrib selects with @flags (first line of each)."""
    out = run(['msgattrib', '--no-wrap', '--no-obsolete'] + list(flags) + [po])
    ids = re.findall(r'^msgid "(.*)"$', out.stdout, flags=re.M)
    return [i for i in ids if i]


def check_complete(lang):
    po = os.path.join(SOURCE_ROOT, 'po', lang + '.po')
    if not os.path.isfile(po):
        print('po/%s.po does not exist' % lang)
        return 1

    problems = []
    counts, text = statistics(po)
    if counts is None:
        print('msgfmt -c refuses po/%s.po:\n%s' % (lang, text))
        return 1

    with tempfile.TemporaryDirectory(prefix='check-po-') as tmp:
        pot = os.path.join(tmp, PACKAGE + '.pot')
        out = run(['xgettext', '--package-name=' + PACKAGE,
                   '-f', os.path.join(SOURCE_ROOT, 'po', 'POTFILES.in'),
                   '-D', SOURCE_ROOT, '-o', pot] + XGETTEXT_ARGS)
        if out.returncode != 0 or not os.path.isfile(pot):
            print('xgettext failed:\n%s' % out.stderr)
            return 1
        merged = os.path.join(tmp, 'merged.po')
        out = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
        if out.returncode != 0:
            print('msgmerge failed:\n%s' % out.stderr)
            return 1

        merged_counts, text = statistics(merged)
        if merged_counts is None:
            print('msgfmt -c refuses po/%s.po merged with a fresh .pot:\n%s' % (lang, text))
            return 1
        translated, fuzzy, untranslated = merged_counts
        missing = msgids(merged, '--untranslated')
        fuzzies = msgids(merged, '--only-fuzzy')

    if fuzzy:
        problems.append('%d fuzzy entries, e.g. %s' % (fuzzy, fuzzies[:5]))
    if untranslated:
        problems.append('%d untranslated or missing entries (po/%s.po itself: %d untranslated, '
                        '%d fuzzy), e.g. %s'
                        % (untranslated, lang, counts[2], counts[1], missing[:5]))
    if problems:
        print('po/%s.po is incomplete: %d of %d messages translated'
              % (lang, translated, translated + fuzzy + untranslated))
        print('\n'.join(problems))
        return 1
    print('po/%s.po translates all %d messages' % (lang, translated))
    return 0


def main(argv):
    if len(argv) == 2 and argv[1] == 'potfiles':
        return check_potfiles()
    if len(argv) == 3 and argv[1] == 'complete':
        return check_complete(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
