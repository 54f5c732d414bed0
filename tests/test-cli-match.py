#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the built `connect-feed match` and `connect-feed supply` as
processes and checks their exit codes, errors, and JSON and text output
against hand-written feeds. Prints TAP."""

import json
import os
import subprocess
import sys
import tempfile
import traceback

TOOL = os.environ.get('CONNECT_FEED')
FEEDS = os.environ.get('CONNECT_TEST_FEEDS') or ''
SOURCE_ROOT = os.environ.get('CONNECT_SOURCE_ROOT') or ''
MATCH = os.path.join(FEEDS, 'match', 'match.json')
SUPPLY = os.path.join(FEEDS, 'supply', 'supply.json')
SAMPLE = os.path.join(SOURCE_ROOT, 'data', 'sample-feed.json')
PREFIX = 'connect-feed: error: '

TMP = tempfile.TemporaryDirectory(prefix='connect-cli-match-test-')
ENV = dict(os.environ)
ENV['XDG_CACHE_HOME'] = os.path.join(TMP.name, 'cache')
ENV['XDG_CONFIG_HOME'] = os.path.join(TMP.name, 'config')
ENV['XDG_DATA_HOME'] = os.path.join(TMP.name, 'data')
ENV['LC_ALL'] = 'C.UTF-8'
ENV.pop('LANGUAGE', None)


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout.decode('utf-8')
        self.err = proc.stderr.decode('utf-8')

    def json(self):
        return json.loads(self.out)


def run(*args):
    proc = subprocess.run([TOOL] + list(args), capture_output=True,
                          env=ENV, timeout=120)
    return Result(proc)


def check(cond, message='check failed'):
    if not cond:
        raise AssertionError(message)


def eq(actual, expected, what=''):
    if actual != expected:
        raise AssertionError('%s: expected %r, got %r' % (what, expected, actual))


def expect_error(result, rc, what=''):
    eq(result.rc, rc, what + ' exit status (stderr: %r)' % result.err)
    check(result.err.startswith(PREFIX),
          '%s: stderr should start with %r: %r' % (what, PREFIX, result.err))
    eq(result.out, '', what + ' stdout')


def ok_json(*args):
    r = run(*args)
    eq(r.rc, 0, ' '.join(args) + ' exit status (stderr: %r)' % r.err)
    return r.json()


# match ---------------------------------------------------------------------

def test_match_json():
    doc = ok_json('match', MATCH, '--tumor', 'Colorectal cancer',
                  '--alteration', 'BRAF V600E', '--format', 'json')
    eq(doc, [
        {'kind': 'open', 'cohort': 'braf-crc-a', 'trial': 'impress',
         'drugs': ['dabrafenib', 'trametinib'],
         'reason': 'Open — stage 2, 10 of 24 places left, 3 hospitals'},
        {'kind': 'open', 'cohort': 'braf-crc-b', 'trial': 'impress',
         'drugs': ['encorafenib'],
         'reason': 'Open — stage 1, 6 of 8 places left, 1 hospital'},
        {'kind': 'open', 'cohort': 'braf-crc-unknown', 'trial': 'drup',
         'drugs': ['vemurafenib'], 'reason': 'Open'},
        {'kind': 'not-open', 'cohort': 'braf-agnostic', 'trial': 'impress',
         'drugs': ['vemurafenib'], 'reason': 'Not open yet — planned'},
    ], 'match BRAF V600E colorectal')


def test_match_member_order():
    r = run('match', MATCH, '--tumor', 'COADREAD', '--alteration', 'KRAS G12C',
            '--format', 'json')
    eq(r.rc, 0, 'exit status')
    first = json.loads(r.out, object_pairs_hook=lambda pairs: [k for k, _ in pairs])[0]
    eq(first, ['kind', 'cohort', 'trial', 'drugs', 'reason'], 'members')


def test_match_candidates_and_closed():
    doc = ok_json('match', MATCH, '--tumor', 'Biliary tract cancer',
                  '--alteration', 'BRAF V600E', '--format', 'json')
    eq([(d['kind'], d['cohort'], d['trial'], d['drugs']) for d in doc], [
        ('not-open', 'braf-agnostic', 'impress', ['vemurafenib']),
        ('new-cohort-candidate', None, 'impress', ['dabrafenib']),
        ('new-cohort-candidate', None, 'drup', ['dabrafenib']),
        ('new-cohort-candidate', None, 'impress', ['encorafenib']),
        ('new-cohort-candidate', None, 'drup', ['encorafenib']),
    ], 'candidates')
    eq(doc[1]['reason'], 'No cohort yet: dabrafenib targets BRAF — a new cohort '
       'can be proposed at the molecular tumour board', 'candidate reason')

    doc = ok_json('match', MATCH, '--tumor', 'coadread', '--alteration', 'KRAS G12C',
                  '--format', 'json')
    eq([(d['kind'], d['cohort']) for d in doc], [
        ('closed-no-benefit', 'kras-crc-old'),
        ('closed-no-benefit', 'kras-crc-closed'),
    ], 'closed without benefit blocks sotorasib')
    eq(doc[1]['reason'], 'Closed 2024: no benefit in 8 patients', 'closed reason')


def test_match_several_alterations():
    doc = ok_json('match', MATCH, '--tumor', 'Colorectal cancer',
                  '--alteration', 'BRAF V600E', '--alteration', 'TRKA fusion',
                  '--alteration', 'MSI high', '--format', 'json')
    eq([(d['kind'], d['cohort']) for d in doc], [
        ('open', 'ntrk-agnostic'),
        ('open', 'braf-crc-a'),
        ('open', 'braf-crc-b'),
        ('open', 'braf-crc-unknown'),
        ('not-open', 'braf-agnostic'),
        ('not-open', 'msi-crc'),
    ], 'several alterations')


def test_match_aliases():
    a = ok_json('match', MATCH, '--tumor', 'Colorectal cancer',
                '--alteration', 'HER2 amplification', '--format', 'json')
    b = ok_json('match', MATCH, '--tumor', 'Colorectal cancer',
                '--alteration', 'ERBB2 amplified', '--format', 'json')
    eq(a, b, 'HER2 and ERBB2')
    eq([d['cohort'] for d in a], ['her2-crc'], 'HER2 cohort')


def test_match_nothing():
    doc = ok_json('match', MATCH, '--tumor', 'Melanoma', '--alteration', 'FOO1 mutation',
                  '--format', 'json')
    eq(doc, [], 'nothing fits')
    r = run('match', MATCH, '--tumor', 'Melanoma', '--alteration', 'FOO1 mutation')
    eq(r.rc, 0, 'text exit status')
    check(r.out.startswith('Nothing fits'), 'text: %r' % r.out)


def test_match_text():
    r = run('match', MATCH, '--tumor', 'Colorectal', '--alteration', 'BRAF V600E')
    eq(r.rc, 0, 'exit status: ' + r.err)
    lines = r.out.splitlines()
    eq(lines[0], 'Not open', 'first heading')
    check('A new cohort could be proposed' in lines, 'candidate heading: %r' % lines)
    check('Open cohorts' not in lines, 'no empty group: %r' % lines)
    check('    No cohort yet: dabrafenib targets BRAF — a new cohort can be proposed '
          'at the molecular tumour board' in lines, 'reason line: %r' % lines)

    r = run('match', MATCH, '--tumor', 'Colorectal cancer', '--alteration', 'BRAF V600E',
            '--alteration', 'KRAS G12C', '--format', 'text')
    eq(r.rc, 0, 'exit status: ' + r.err)
    lines = r.out.splitlines()
    headings = [line for line in lines if line and not line.startswith(' ')]
    eq(headings, ['Open cohorts', 'Not open', 'Closed without benefit'], 'headings')
    check('  braf-crc-a: dabrafenib + trametinib, IMPRESS-Norway' in lines,
          'cohort line: %r' % lines)
    check('    Open — stage 2, 10 of 24 places left, 3 hospitals' in lines,
          'reason line: %r' % lines)


def test_match_usage_errors():
    expect_error(run('match', MATCH, '--alteration', 'BRAF V600E'), 2, 'no --tumor')
    expect_error(run('match', MATCH, '--tumor', '  ', '--alteration', 'BRAF V600E'), 2,
                 'empty --tumor')
    expect_error(run('match', MATCH, '--tumor', 'Melanoma'), 2, 'no --alteration')
    r = run('match', MATCH, '--tumor', 'Melanoma', '--alteration', 'BRAF frobnicated')
    expect_error(r, 2, 'unreadable alteration')
    check('frobnicated' in r.err and 'BRAF V600E' in r.err,
          'the message says what was expected: %r' % r.err)
    expect_error(run('match', MATCH, '--tumor', 'Melanoma', '--alteration', 'V600E'), 2,
                 'no gene')
    expect_error(run('match', MATCH, MATCH, '--tumor', 'Melanoma', '--alteration', 'BRAF'), 2,
                 'two feeds')
    expect_error(run('match', MATCH, '--tumor', 'Melanoma', '--alteration', 'BRAF',
                     '--format', 'yaml'), 2, 'bad format')


def test_match_invalid_feed():
    path = os.path.join(TMP.name, 'invalid.json')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('{"format": "connect-feed"}')
    expect_error(run('match', path, '--tumor', 'Melanoma', '--alteration', 'BRAF'), 1,
                 'invalid feed')


def test_match_sample():
    r = run('match', SAMPLE, '--tumor', 'Colorectal cancer', '--alteration', 'BRAF V600E',
            '--format', 'json')
    eq(r.rc, 0, 'exit status: ' + r.err)
    doc = r.json()
    check(isinstance(doc, list), 'an array')
    kinds = ['open', 'not-open', 'new-cohort-candidate', 'closed-no-benefit']
    ranks = [kinds.index(d['kind']) for d in doc]
    eq(ranks, sorted(ranks), 'best first')
    for d in doc:
        eq(sorted(d.keys()), ['cohort', 'drugs', 'kind', 'reason', 'trial'], 'members')


# supply --------------------------------------------------------------------

def by_id(doc):
    return {d['commitment']: d for d in doc}


def test_supply_json():
    doc = ok_json('supply', SUPPLY, '--today', '2026-11-26', '--format', 'json')
    eq(len(doc), 16, 'one record per commitment')
    rows = by_id(doc)
    eq(rows['runs-out'], {
        'commitment': 'runs-out', 'partner': 'novartis', 'drug': 'dabrafenib',
        'slots': 24, 'used': 12, 'reserved': 2, 'remaining': 10,
        'runway_months': 4.9, 'exhausted_on': '2027-04-25',
        'warning': 'runs out before the agreement ends'}, 'runs-out')
    eq(rows['expires'], {
        'commitment': 'expires', 'partner': 'novartis', 'drug': 'dabrafenib',
        'slots': 20, 'used': 3, 'reserved': 0, 'remaining': 17,
        'runway_months': 67.9, 'exhausted_on': '2032-07-25',
        'warning': 'expires with 17 slots unused'}, 'expires')
    eq(rows['used-0']['runway_months'], None, 'nothing used')
    eq(rows['used-0']['exhausted_on'], None, 'nothing used')
    eq(rows['young']['runway_months'], None, 'less than a month')
    eq(rows['no-from']['runway_months'], None, 'no valid_from')
    eq(rows['not-started']['runway_months'], None, 'valid_from after today')
    eq(rows['no-from']['warning'], 'expires with 6 slots unused', 'no valid_from')
    eq(rows['over-used']['remaining'], 0, 'over-used')
    eq(rows['over-used']['runway_months'], 0.0, 'over-used')
    eq(rows['over-used']['exhausted_on'], '2026-11-26', 'over-used')
    eq(rows['exhausted']['warning'], None, 'exhausted, no end')
    eq(rows['ends-today']['warning'], 'expires with 1 slot unused', 'singular')
    eq(rows['past']['warning'], None, 'already ended')
    eq(rows['edge-90']['warning'], 'expires with 5 slots unused', 'day 90')
    eq(rows['edge-91']['warning'], None, 'day 91')
    eq(rows['half-day']['runway_months'], 1.0, 'one decimal')
    eq(rows['half-day']['exhausted_on'], '2026-12-27', 'half a day rounds up')
    eq(rows['day-31']['runway_months'], 9.2, 'one decimal')


def test_supply_json_numbers_are_short():
    r = run('supply', SUPPLY, '--today', '2026-11-26', '--format', 'json')
    eq(r.rc, 0, 'exit status: ' + r.err)
    check('"runway_months" : 4.9,' in r.out or '"runway_months": 4.9,' in r.out,
          'runway written with one decimal: %r' % r.out[:400])
    check('4.9000' not in r.out, 'no long doubles')
    check('@@' not in r.out, 'no marker left')


def test_supply_partner():
    doc = ok_json('supply', SUPPLY, '--today', '2026-11-26', '--partner', 'bayer',
                  '--format', 'json')
    eq([d['commitment'] for d in doc], ['over-used', 'exhausted'], 'by id')
    doc = ok_json('supply', SUPPLY, '--today', '2026-11-26', '--partner', 'BAYER',
                  '--format', 'json')
    eq([d['commitment'] for d in doc], ['over-used', 'exhausted'], 'by name')
    doc = ok_json('supply', SUPPLY, '--today', '2026-11-26', '--partner', 'nobody',
                  '--format', 'json')
    eq(doc, [], 'unknown partner')


def test_supply_text():
    r = run('supply', SUPPLY, '--today', '2026-11-26', '--partner', 'novartis')
    eq(r.rc, 0, 'exit status: ' + r.err)
    lines = r.out.splitlines()
    check(lines[0].startswith('COMMITMENT'), 'header: %r' % lines)
    # columns are aligned: every row of the table starts its SLOTS column
    # at the same place and ends it at the same place
    header = lines[0]
    end = header.index('SLOTS') + len('SLOTS')
    rows = [line for line in lines[1:3]]
    for row in rows:
        eq(row[end - 2:end], row[end - 2:end].strip().rjust(2), 'right-aligned')
    check(any(line.startswith('runs-out ') and 'runs out before the agreement ends' in line
              and '2027-04-25' in line and ' 4.9 ' in line for line in lines),
          'runs-out row: %r' % lines)
    check('novartis: 44 slots, 15 used, 2 reserved, 27 remaining' in lines,
          'totals: %r' % lines)
    check(all(line == line.rstrip() for line in lines), 'no trailing blanks')


def test_supply_usage_errors():
    for bad in ['26.11.2026', '2026-13-01', '2026-02-30', '2026-1-1', 'today', '']:
        expect_error(run('supply', SUPPLY, '--today', bad), 2, 'bad --today %r' % bad)
    expect_error(run('supply', SUPPLY, SUPPLY), 2, 'two feeds')
    expect_error(run('supply', SUPPLY, '--format', 'xml'), 2, 'bad format')


def test_supply_default_today():
    doc = ok_json('supply', SUPPLY, '--format', 'json')
    eq(len(doc), 16, 'records')


def test_supply_sample():
    doc = ok_json('supply', SAMPLE, '--today', '2026-11-26', '--format', 'json')
    with open(SAMPLE, encoding='utf-8') as f:
        sample = json.load(f)
    eq([d['commitment'] for d in doc], [c['id'] for c in sample.get('commitments', [])],
       'every commitment, in feed order')
    for d in doc:
        check(d['remaining'] >= 0, 'remaining not below 0')
        check(d['remaining'] == max(d['slots'] - d['used'] - d['reserved'], 0),
              'remaining = slots - used - reserved')
        check((d['runway_months'] is None) == (d['exhausted_on'] is None)
              or d['exhausted_on'] is None, 'runway and date together')


# ---------------------------------------------------------------------------

def main():
    tests = [(name, func) for name, func in globals().items()
             if name.startswith('test_') and callable(func)]
    print('1..%d' % len(tests))
    if not TOOL or not os.path.exists(TOOL):
        for i, (name, _func) in enumerate(tests, 1):
            print('not ok %d - %s # CONNECT_FEED is not set to the built tool' % (i, name))
        return 1
    failed = 0
    for i, (name, func) in enumerate(tests, 1):
        try:
            func()
            print('ok %d - %s' % (i, name))
        except Exception:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print('not ok %d - %s' % (i, name))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
