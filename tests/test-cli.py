#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the built `connect-feed` as a process and checks its exit codes,
its error messages and its text, JSON and CSV output. Prints TAP."""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import traceback

TOOL = os.environ.get('CONNECT_FEED')
FEEDS = os.environ.get('CONNECT_TEST_FEEDS')
SOURCE_ROOT = os.environ.get('CONNECT_SOURCE_ROOT')
FIXTURE = os.path.join(FEEDS or '', 'cli', 'cohorts.json')
SAMPLE = os.path.join(SOURCE_ROOT or '', 'data', 'sample-feed.json')
PREFIX = 'connect-feed: error: '

COUNT_KEYS = ['trials', 'partners', 'sites', 'drugs', 'cohorts',
              'commitments', 'snapshots', 'events']
ALL_IDS = ['IMP-001', 'IMP-002', 'IMP-003', 'IMP-004', 'OLD-001']

COLUMNS = {
    'cohorts': ['id', 'trial', 'name', 'status', 'stage', 'outcome', 'tumor',
                'tumor_code', 'agnostic', 'genes', 'alteration', 'variant',
                'drugs', 'enrolled', 'target', 'evaluable', 'with_benefit',
                'sites', 'opened', 'closed', 'contact'],
    'commitments': ['id', 'partner', 'drug', 'trial', 'cohorts', 'kind',
                    'slots', 'used', 'reserved', 'payer_after_week16',
                    'valid_from', 'valid_until', 'state'],
    'sites': ['id', 'name', 'partner', 'city', 'region', 'recruiting'],
    'partners': ['id', 'name', 'kind', 'membership', 'joined', 'country',
                 'url'],
}

TMP = tempfile.TemporaryDirectory(prefix='connect-cli-test-')
ENV = dict(os.environ)
# Keep the tool away from any real cache of the app.
ENV['XDG_CACHE_HOME'] = os.path.join(TMP.name, 'cache')
ENV['XDG_CONFIG_HOME'] = os.path.join(TMP.name, 'config')
ENV['XDG_DATA_HOME'] = os.path.join(TMP.name, 'data')


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.raw = proc.stdout
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


def write_feed(name, data):
    path = os.path.join(TMP.name, name)
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(path, mode) as f:
        if isinstance(data, (dict, list)):
            json.dump(data, f, ensure_ascii=False, indent=1)
        else:
            f.write(data)
    return path


def fixture_data():
    with open(FIXTURE, encoding='utf-8') as f:
        return json.load(f)


def check_validate_json(doc, what):
    """The shape DESIGN.md gives for `validate --format json`."""
    check(isinstance(doc, dict), what + ': not an object')
    check(isinstance(doc.get('valid'), bool), what + ': no boolean "valid"')
    if doc['valid']:
        eq(sorted(doc.keys()), ['counts', 'valid', 'warnings'], what + ' keys')
        eq(sorted(doc['counts'].keys()), sorted(COUNT_KEYS), what + ' counts')
        for key in COUNT_KEYS:
            check(isinstance(doc['counts'][key], int) and doc['counts'][key] >= 0,
                  what + ': count ' + key)
        for warning in doc['warnings']:
            eq(sorted(warning.keys()), ['message', 'path'], what + ' warning keys')
            check(isinstance(warning['path'], str) and warning['path'], what + ': warning path')
            check(isinstance(warning['message'], str) and warning['message'],
                  what + ': warning message')
    else:
        eq(sorted(doc.keys()), ['error', 'valid'], what + ' keys')
        error = doc['error']
        eq(sorted(error.keys()), ['column', 'line', 'message', 'path'], what + ' error keys')
        check(isinstance(error['message'], str) and error['message'], what + ': message')
        if error['line'] is None:
            eq(error['column'], None, what + ' column without line')
        else:
            eq(error['path'], None, what + ' path of a syntax error')
            check(isinstance(error['line'], int) and error['line'] >= 1, what + ': line')
            check(isinstance(error['column'], int) and error['column'] >= 1, what + ': column')


# Usage ---------------------------------------------------------------------

def test_help():
    r = run('--help')
    eq(r.rc, 0, '--help')
    for command in ['validate', 'list', 'match', 'supply', 'diff', 'fetch', 'export']:
        check(('  ' + command + ' ') in r.out, 'help lists ' + command)
    eq(r.err, '', 'stderr of --help')


def test_command_help():
    r = run('list', '--help')
    eq(r.rc, 0, 'list --help')
    for option in ['--status', '--tumor', '--gene', '--drug', '--partner', '--site',
                   '--query', '--format']:
        check(option in r.out, 'list --help shows ' + option)
    r = run('export', '--help')
    eq(r.rc, 0, 'export --help')
    check('--what' in r.out, 'export --help shows --what')


def test_version():
    r = run('--version')
    eq(r.rc, 0, '--version')
    check(r.out.startswith('connect-feed '), r.out)


def test_no_command():
    expect_error(run(), 2, 'no command')


def test_unknown_command():
    r = run('frobnicate', FIXTURE)
    expect_error(r, 2, 'unknown command')
    check('frobnicate' in r.err, r.err)
    eq(r.out, '', 'stdout of a usage error')


def test_unknown_option():
    for command in ['validate', 'list', 'export']:
        expect_error(run(command, '--bogus', FIXTURE), 2, command + ' --bogus')


def test_bad_format():
    for command in ['validate', 'list']:
        r = run(command, '--format', 'xml', FIXTURE)
        expect_error(r, 2, command + ' --format xml')
        check('xml' in r.err, r.err)
    expect_error(run('export', '--what', 'sites', '--format=yaml', FIXTURE), 2, 'export --format')
    expect_error(run('validate', FIXTURE, '--format'), 2, '--format without value')


def test_export_what():
    r = run('export', FIXTURE)
    expect_error(r, 2, 'export without --what')
    check('--what' in r.err, r.err)
    expect_error(run('export', FIXTURE, '--what', 'drugs'), 2, 'export --what drugs')
    expect_error(run('export', FIXTURE, '--what', ''), 2, 'export --what ""')


def test_bad_status():
    expect_error(run('list', FIXTURE, '--status', 'paused'), 2, 'list --status paused')


def test_too_many_arguments():
    for args in (['validate', FIXTURE, FIXTURE], ['list', FIXTURE, FIXTURE],
                 ['export', '--what', 'sites', FIXTURE, FIXTURE]):
        expect_error(run(*args), 2, ' '.join(args[:1]) + ' with two feeds')


# validate ------------------------------------------------------------------

def test_validate_text():
    r = run('validate', FIXTURE)
    eq(r.rc, 0, 'validate')
    eq(r.err, '', 'stderr')
    lines = r.out.splitlines()
    eq(lines[0], '✓ valid feed — 2 trials, 6 partners, 3 sites, 6 drugs, 5 cohorts, '
       '3 commitments, 1 snapshot, 2 events', 'summary')
    eq(len(lines), 1, 'no warnings')


def test_validate_json():
    r = run('validate', '--format', 'json', FIXTURE)
    eq(r.rc, 0, 'validate json')
    doc = r.json()
    check_validate_json(doc, 'fixture')
    eq(doc['valid'], True, 'valid')
    eq(doc['counts'], {'trials': 2, 'partners': 6, 'sites': 3, 'drugs': 6, 'cohorts': 5,
                       'commitments': 3, 'snapshots': 1, 'events': 2}, 'counts')
    eq(doc['warnings'], [], 'warnings')


def test_validate_warnings():
    data = fixture_data()
    data['cohorts'][0]['status'] = 'paused'          # unknown enum value
    data['cohorts'][2]['sites'] = ['nowhere']        # dangling reference
    path = write_feed('warnings.json', data)

    r = run('validate', '--format=json', path)
    eq(r.rc, 0, 'a feed with warnings is valid')
    doc = r.json()
    check_validate_json(doc, 'warnings')
    check(len(doc['warnings']) >= 2, 'two warnings: %r' % doc['warnings'])
    paths = [w['path'] for w in doc['warnings']]
    check(any(p.startswith('cohorts[0] (IMP-001)') for p in paths), paths)
    check(any(p.startswith('cohorts[2] (IMP-003)') for p in paths), paths)

    # The text output: the summary, then each warning as PATH: MESSAGE.
    t = run('validate', path)
    eq(t.rc, 0, 'text')
    lines = t.out.splitlines()
    check(lines[0].startswith('✓ valid feed — 2 trials, 6 partners'), lines[0])
    eq(lines[1:], ['%s: %s' % (w['path'], w['message']) for w in doc['warnings']],
       'warning lines')


def test_validate_syntax_error():
    path = write_feed('syntax.json', '{\n  "format": "connect-feed",\n  oops\n}\n')

    r = run('validate', '--format', 'json', path)
    eq(r.rc, 1, 'exit status')
    doc = r.json()
    check_validate_json(doc, 'syntax')
    eq(doc['valid'], False, 'valid')
    eq(doc['error']['path'], None, 'path')
    eq(doc['error']['line'], 3, 'line')
    check(r.err.startswith(PREFIX), r.err)

    t = run('validate', path)
    expect_error(t, 1, 'text')
    eq(t.out, '', 'stdout')
    check(t.err.startswith(PREFIX + 'line 3, column %d: ' % doc['error']['column']), t.err)
    check(doc['error']['message'] in t.err, t.err)


def test_validate_invalid_member():
    data = fixture_data()
    data['cohorts'][1]['enrolled'] = -3
    path = write_feed('negative.json', data)

    r = run('validate', '--format', 'json', path)
    eq(r.rc, 1, 'exit status')
    doc = r.json()
    check_validate_json(doc, 'negative')
    eq(doc['valid'], False, 'valid')
    check(doc['error']['path'].startswith('cohorts[1] (IMP-002)'), doc['error']['path'])
    eq(doc['error']['line'], None, 'line')
    eq(doc['error']['column'], None, 'column')

    t = run('validate', path)
    expect_error(t, 1, 'text')
    eq(t.err.rstrip('\n'), PREFIX + '%s: %s' % (doc['error']['path'], doc['error']['message']),
       'stderr')


def test_validate_not_a_feed():
    for name, data in (('empty.json', ''), ('array.json', '[]'),
                       ('format.json', '{"format": "other", "version": 1}')):
        path = write_feed(name, data)
        r = run('validate', '--format', 'json', path)
        eq(r.rc, 1, name)
        doc = r.json()
        check_validate_json(doc, name)
        eq(doc['valid'], False, name)
        expect_error(run('validate', path), 1, name)


def test_validate_missing_file():
    missing = os.path.join(TMP.name, 'does-not-exist.json')
    r = run('validate', missing)
    expect_error(r, 1, 'missing file')
    j = run('validate', '--format', 'json', missing)
    eq(j.rc, 1, 'json exit status')
    doc = j.json()
    check_validate_json(doc, 'missing')
    eq(doc['valid'], False, 'valid')


def test_validate_too_large():
    # A sparse file past the 64 MiB cap: refused without being read.
    path = os.path.join(TMP.name, 'huge.json')
    with open(path, 'wb') as f:
        f.truncate(70 * 1024 * 1024)
    r = run('validate', path)
    expect_error(r, 1, 'too large')
    check('64' in r.err, 'names the limit: ' + r.err)
    j = run('validate', '--format', 'json', path)
    eq(j.rc, 1, 'json exit status')
    doc = j.json()
    check_validate_json(doc, 'too large')
    eq(doc['valid'], False, 'valid')
    os.unlink(path)


def test_validate_url():
    # Only loopback is reachable here: whatever the build does with URLs,
    # this one cannot be fetched.
    expect_error(run('validate', 'https://127.0.0.1:9/feed.json'), 1, 'https')
    expect_error(run('validate', 'http://127.0.0.1:9/feed.json'), 1, 'http')


def test_validate_feeds_dir():
    """Every feed under tests/feeds: exit status, stderr and JSON agree."""
    n = 0
    for root, _dirs, files in os.walk(FEEDS):
        for name in sorted(files):
            if not name.endswith('.json'):
                continue
            path = os.path.join(root, name)
            if os.path.getsize(path) > 8 * 1024 * 1024:
                continue
            r = run('validate', '--format', 'json', path)
            check(r.rc in (0, 1), '%s: exit status %d' % (path, r.rc))
            doc = r.json()
            check_validate_json(doc, path)
            eq(doc['valid'], r.rc == 0, path + ' valid vs exit status')
            t = run('validate', path)
            eq(t.rc, r.rc, path + ' text exit status')
            if r.rc == 0:
                check(t.out.startswith('✓ valid feed — '), t.out)
            else:
                check(t.err.startswith(PREFIX), t.err)
            n += 1
    check(n >= 1, 'no feeds found in ' + FEEDS)


def test_validate_sample():
    with open(SAMPLE, encoding='utf-8') as f:
        sample = json.load(f)
    expected = {key: len(sample.get(key, [])) for key in COUNT_KEYS}

    # FEED omitted: the embedded sample (the cache is empty here).
    for args in ([], [SAMPLE]):
        r = run('validate', '--format', 'json', *args)
        eq(r.rc, 0, 'sample %r: %s' % (args, r.err))
        doc = r.json()
        check_validate_json(doc, 'sample')
        eq(doc['counts'], expected, 'sample counts')

    t = run('validate')
    eq(t.rc, 0, 'sample text')
    check(t.out.startswith('✓ valid feed — '), t.out)


# list ----------------------------------------------------------------------

def list_ids(*args):
    r = run('list', FIXTURE, '--format', 'json', *args)
    eq(r.rc, 0, 'list %r: %s' % (args, r.err))
    return [c['id'] for c in r.json()]


def test_list_json():
    r = run('list', '--format', 'json', FIXTURE)
    eq(r.rc, 0, 'list')
    cohorts = r.json()
    eq([c['id'] for c in cohorts], ALL_IDS, 'ids')
    for c in cohorts:
        eq(sorted(c.keys()), sorted(['id', 'trial', 'status', 'stage', 'tumor', 'genes',
                                     'drugs', 'enrolled', 'target', 'sites']), 'keys')
    eq(cohorts[0], {'id': 'IMP-001', 'trial': 'IMPRESS', 'status': 'open', 'stage': '1',
                    'tumor': 'Colorectal cancer', 'genes': ['BRAF'],
                    'drugs': ['vemurafenib', 'cobimetinib'], 'enrolled': 5, 'target': 8,
                    'sites': ['ous-rh', 'unn-tromso']}, 'IMP-001')
    eq(cohorts[3], {'id': 'IMP-004', 'trial': 'IMPRESS', 'status': 'planned', 'stage': None,
                    'tumor': 'Solid tumour', 'genes': ['ALK'], 'drugs': ['lorlatinib'],
                    'enrolled': None, 'target': None, 'sites': []}, 'IMP-004')
    eq(cohorts[4]['stage'], 'expansion', 'OLD-001 stage')
    eq(cohorts[4]['genes'], ['HER2'], 'genes as the feed writes them')


def test_list_filters():
    eq(list_ids('--status', 'open'), ['IMP-001'], '--status open')
    eq(list_ids('--status', 'closed'), ['IMP-003'], '--status closed')
    eq(list_ids('--tumor', 'nsclc'), ['IMP-003'], '--tumor code')
    eq(list_ids('--tumor', 'COLORECTAL CANCER'), ['IMP-001'], '--tumor name')
    eq(list_ids('--gene', 'HER2'), ['IMP-002', 'OLD-001'], '--gene alias')
    eq(list_ids('--gene', 'braf'), ['IMP-001', 'IMP-003'], '--gene braf')
    eq(list_ids('--drug', 'Herceptin'), ['IMP-002', 'OLD-001'], '--drug brand')
    eq(list_ids('--drug', 'DABRAFENIB'), ['IMP-003'], '--drug INN')
    eq(list_ids('--partner', 'roche'), ['IMP-001', 'IMP-002', 'OLD-001'], '--partner id')
    eq(list_ids('--partner', 'Novartis Norge'), ['IMP-003', 'OLD-001'], '--partner name')
    eq(list_ids('--site', 'UNN Tromsø'), ['IMP-001', 'OLD-001'], '--site name')
    eq(list_ids('--site', 'hus'), ['IMP-002'], '--site id')
    eq(list_ids('--query', 'her2'), ['IMP-002', 'OLD-001'], '--query alias')
    eq(list_ids('--query', 'TROMSO'), ['IMP-001', 'IMP-004', 'OLD-001'], '--query accents')
    eq(list_ids('--query', 'braf lung'), ['IMP-003'], '--query two words')
    eq(list_ids('--query', 'nothing-like-this'), [], '--query no match')
    eq(list_ids('--gene', 'BRAF', '--site', 'ous-rh', '--status', 'open'), ['IMP-001'],
       'combined')


def test_list_text():
    r = run('list', FIXTURE, '--gene', 'BRAF')
    eq(r.rc, 0, 'list text')
    lines = r.out.splitlines()
    eq(len(lines), 4, 'header, two rows, total: %r' % lines)
    header = lines[0]
    columns = ['ID', 'STATUS', 'STAGE', 'TUMOUR', 'BIOMARKER', 'DRUGS', 'ENROLLED']
    starts = [header.index(c) for c in columns]
    eq(starts, sorted(starts), 'column order')
    row = lines[1]
    check(row.startswith('IMP-001 '), row)
    eq(row[starts[1]:].split()[0], 'open', 'STATUS column aligned')
    eq(row[starts[2]:].split()[0], '1', 'STAGE column aligned')
    check(row[starts[3]:].startswith('Colorectal cancer'), 'TUMOUR column aligned')
    check(row[starts[4]:].startswith('BRAF V600'), 'BIOMARKER column aligned')
    check(row[starts[5]:].startswith('vemurafenib + cobimetinib'), 'DRUGS column aligned')
    eq(row[starts[6]:], '5/8', 'ENROLLED column')
    check(lines[2].startswith('IMP-003 '), lines[2])
    eq(lines[3], '2 of 5 cohorts', 'total')


def test_list_all_text():
    r = run('list', FIXTURE)
    eq(r.rc, 0, 'list all')
    lines = r.out.splitlines()
    eq(len(lines), 7, 'header, five rows, total')
    eq(lines[-1], '5 of 5 cohorts', 'total')
    check(lines[4].startswith('IMP-004 '), lines[4])
    check(lines[4].endswith('–'), 'absent counts shown as a dash: %r' % lines[4])


def test_list_sample():
    r = run('list', '--format', 'json')
    eq(r.rc, 0, 'list on the sample: ' + r.err)
    with open(SAMPLE, encoding='utf-8') as f:
        sample = json.load(f)
    eq([c['id'] for c in r.json()], [c['id'] for c in sample.get('cohorts', [])], 'ids')


def test_list_invalid():
    path = write_feed('list-invalid.json', '{"format": "connect-feed"')
    r = run('list', path)
    expect_error(r, 1, 'list on an invalid feed')
    eq(r.out, '', 'stdout')
    expect_error(run('list', path, '--format', 'json'), 1, 'list json on an invalid feed')


# export --------------------------------------------------------------------

def export_rows(what, *extra):
    r = run('export', FIXTURE, '--what', what, *extra)
    eq(r.rc, 0, 'export %s: %s' % (what, r.err))
    return r, list(csv.reader(io.StringIO(r.raw.decode('utf-8'), newline='')))


def test_export_format():
    for what, columns in COLUMNS.items():
        r, rows = export_rows(what)
        eq(rows[0], columns, what + ' header')
        raw = r.raw
        check(raw.endswith(b'\r\n'), what + ': CRLF at the end')
        # Every LF ends a record (CRLF) unless it is inside a quoted field.
        in_quotes = False
        for i, byte in enumerate(raw):
            if byte == ord('"'):
                in_quotes = not in_quotes
            elif byte == ord('\n') and not in_quotes:
                eq(raw[i - 1], ord('\r'), what + ': bare LF at %d' % i)
        for row in rows[1:]:
            eq(len(row), len(columns), what + ' fields per row')


def test_export_cohorts():
    _r, rows = export_rows('cohorts')
    header, body = rows[0], rows[1:]
    records = [dict(zip(header, row)) for row in body]
    eq([rec['id'] for rec in records], ALL_IDS, 'ids')
    first, second, fourth, fifth = records[0], records[1], records[3], records[4]
    eq(first['name'], 'Vemurafenib + cobimetinib, BRAF V600 colorectal', 'comma')
    eq(first['contact'], 'Kari Nordmann "KN", OUS', 'quotes')
    eq(first['drugs'], 'vemurafenib;cobimetinib', 'drugs')
    eq(first['sites'], 'ous-rh;unn-tromso', 'sites')
    eq(first['enrolled'], '5', 'enrolled')
    eq(first['evaluable'], '', 'absent count')
    eq(first['opened'], '2021-05-01', 'date')
    eq(second['contact'], 'Line one\r\nLine two', 'CRLF inside a field')
    eq(second['with_benefit'], '6', 'with_benefit')
    eq(fourth['name'], 'Lorlatinib ved ALK-fusjon, Tromsø og Bodø: «æøå ÆØÅ»', 'Norwegian')
    eq(fourth['agnostic'], 'true', 'agnostic')
    eq(fourth['stage'], '', 'absent stage')
    eq(fifth['stage'], 'expansion', 'stage')
    eq(fifth['genes'], 'HER2', 'genes')
    eq(records[2]['outcome'], 'no-benefit', 'outcome')


def test_export_others():
    data = fixture_data()
    _r, rows = export_rows('commitments')
    eq([row[0] for row in rows[1:]], [c['id'] for c in data['commitments']], 'commitments')
    eq(rows[1][COLUMNS['commitments'].index('payer_after_week16')], 'regional-health-authority',
       'payer')
    _r, rows = export_rows('sites')
    eq([row[0] for row in rows[1:]], [s['id'] for s in data['sites']], 'sites')
    eq(rows[1][1], 'Oslo universitetssykehus, Radiumhospitalet', 'site name')
    eq(rows[2][3], 'Tromsø', 'city')
    eq([row[5] for row in rows[1:]], ['true', 'false', ''], 'recruiting')
    _r, rows = export_rows('partners')
    eq([row[0] for row in rows[1:]], [p['id'] for p in data['partners']], 'partners')
    eq(rows[1], ['roche', 'Roche Norge AS', 'industry', 'member', '2019-01-01', 'NO',
                 'https://www.roche.no/'], 'roche')


def test_export_json():
    r = run('export', FIXTURE, '--what', 'sites', '--format', 'json')
    eq(r.rc, 0, 'export json')
    sites = r.json()
    eq(len(sites), 3, 'rows')
    eq(list(sites[0].keys()), COLUMNS['sites'], 'keys in column order')
    eq(sites[2]['partner'], None, 'absent value')
    eq(sites[1]['city'], 'Tromsø', 'city')


def test_export_sample():
    r = run('export', '--what', 'cohorts')
    eq(r.rc, 0, 'export of the sample: ' + r.err)
    rows = list(csv.reader(io.StringIO(r.raw.decode('utf-8'), newline='')))
    with open(SAMPLE, encoding='utf-8') as f:
        sample = json.load(f)
    eq([row[0] for row in rows[1:]], [c['id'] for c in sample.get('cohorts', [])], 'ids')


def test_export_invalid():
    path = write_feed('export-invalid.json', '{}')
    r = run('export', path, '--what', 'cohorts')
    expect_error(r, 1, 'export of an invalid feed')
    eq(r.out, '', 'stdout')


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
