#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test of the feed's JSON layer.

connect_json_check() (through json-check-tool) and an independent strict
RFC 8259 parser written here on top of Python's json module must agree on
every input: both accept it or both reject it. The inputs are every
committed test feed, the sample feed, the committed fuzz corpus
(tests/fuzz/corpus), any corpus directories named in CONNECT_FUZZ_CORPUS
(separated by ':'), hand-written edge cases, and mutations of the test
feeds generated here from a fixed seed, so every run checks the same
inputs.

The independent parser (the same rules the C check documents):
  * bytes decoded as strict UTF-8 (no overlong forms, no encoded
    surrogates, nothing past U+10FFFF), no byte order mark;
  * Python's json grammar with strict=True (no raw control characters in
    strings, only ' \\t\\n\\r' as white space, one value, nothing after it);
  * NaN, Infinity and -Infinity refused (parse_constant);
  * no lone surrogate from a \\u escape in any string or name;
  * no member name twice in one object (object_pairs_hook), compared after
    unescaping;
  * integers without fraction or exponent within int64, numbers with one
    finite as a double (1e400 refused, 1e-400 accepted as 0);
  * nesting of arrays and objects no deeper than 64.

Output is TAP.
"""

import json
import os
import random
import subprocess
import sys
import tempfile

MAX_DEPTH = 64
INT64_MIN = -(2 ** 63)
INT64_MAX = 2 ** 63 - 1
SEED = 8259


class Reject(Exception):
    pass


def _check_text(s):
    for c in s:
        if 0xD800 <= ord(c) <= 0xDFFF:
            raise Reject('lone surrogate')
    return s


def _pairs(pairs):
    seen = set()
    for name, value in pairs:
        _check_text(name)
        if name in seen:
            raise Reject('duplicate name %r' % name)
        seen.add(name)
    return dict(pairs)


def _constant(name):
    raise Reject('constant %s' % name)


def _int(text):
    if not text.isascii():
        raise Reject('non-ASCII digit')
    digits = text.lstrip('-')
    if len(digits) > 20:
        raise Reject('integer too long')
    value = int(text)
    if value < INT64_MIN or value > INT64_MAX:
        raise Reject('integer out of int64')
    return value


def _float(text):
    if not text.isascii():
        raise Reject('non-ASCII digit')
    value = float(text)
    if value in (float('inf'), float('-inf')):
        raise Reject('float overflow')
    return value


def _depth_and_strings(value):
    """Depth of nesting, walking iteratively; checks every string."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            deepest = max(deepest, d)
            for k, item in v.items():
                _check_text(k)
                stack.append((item, d + 1))
        elif isinstance(v, list):
            deepest = max(deepest, d)
            for item in v:
                stack.append((item, d + 1))
        elif isinstance(v, str):
            _check_text(v)
    return deepest


def strict_accepts(data):
    """True when @data (bytes) is one strict RFC 8259 JSON text."""
    if data.startswith(b'\xef\xbb\xbf'):
        return False
    try:
        text = data.decode('utf-8', errors='strict')
    except UnicodeDecodeError:
        return False
    try:
        value = json.loads(text, strict=True,
                           object_pairs_hook=_pairs,
                           parse_constant=_constant,
                           parse_int=_int,
                           parse_float=_float)
    except (Reject, ValueError, RecursionError):
        return False
    try:
        if _depth_and_strings(value) > MAX_DEPTH:
            return False
    except Reject:
        return False
    return True


# Hand-written edge cases: (name, bytes).
EDGE_CASES = [
    ('empty', b''),
    ('space', b' \n\t\r '),
    ('scalar-1', b'1'),
    ('scalar-string', b'"x"'),
    ('scalar-null', b' null '),
    ('two-values', b'1 2'),
    ('trailing-comma-array', b'[1,]'),
    ('trailing-comma-object', b'{"a":1,}'),
    ('leading-zero', b'[01]'),
    ('minus-zero', b'-0'),
    ('minus-alone', b'-'),
    ('plus', b'+1'),
    ('dot-end', b'1.'),
    ('dot-start', b'.5'),
    ('exp-empty', b'1e'),
    ('exp-sign', b'1E+2'),
    ('hex', b'0x10'),
    ('nan', b'NaN'),
    ('infinity', b'Infinity'),
    ('minus-infinity', b'[-Infinity]'),
    ('int64-max', b'9223372036854775807'),
    ('int64-max-plus-1', b'9223372036854775808'),
    ('int64-min', b'-9223372036854775808'),
    ('int64-min-minus-1', b'-9223372036854775809'),
    ('int-20-digits', b'10000000000000000000'),
    ('int-leading-many', b'00'),
    ('float-big-int-part', b'9223372036854775808.0'),
    ('float-max', b'1.7976931348623157e308'),
    ('float-max-rounds-down', b'1.7976931348623158e308'),
    ('float-past-max', b'1.7976931348623159e308'),
    ('float-1e308', b'1e308'),
    ('float-1e309', b'1e309'),
    ('float-1e400', b'[1e400]'),
    ('float-minus-1e400', b'-1e400'),
    ('float-tiny', b'1e-400'),
    ('float-long-zero', b'0.' + b'0' * 500 + b'1e400'),
    ('float-long-int', b'1' + b'0' * 400 + b'.0'),
    ('float-long-int-neg-exp', b'1' + b'0' * 400 + b'e-200'),
    ('float-huge-exp', b'1e99999999999999999999'),
    ('float-zero-huge-exp', b'0e99999999999999999999'),
    ('float-tiny-huge-exp', b'1e-99999999999999999999'),
    ('true', b'true'),
    ('true-x', b'truex'),
    ('tru', b'tru'),
    ('nul', b'[nul]'),
    ('single-quote', b"['a']"),
    ('comment-line', b'[1] // x'),
    ('comment-block', b'/* x */ [1]'),
    ('bom', b'\xef\xbb\xbf[1]'),
    ('bom-inside', b'["\xef\xbb\xbf"]'),
    ('raw-tab', b'["a\tb"]'),
    ('raw-newline', b'["a\nb"]'),
    ('raw-nul', b'["a\x00b"]'),
    ('raw-del', b'["a\x7fb"]'),
    ('escape-nul', b'["\\u0000"]'),
    ('escape-bad', b'["\\x41"]'),
    ('escape-short', b'["\\u12"]'),
    ('escape-upper-hex', b'["\\u00E9"]'),
    ('escape-slash', b'["\\/"]'),
    ('lone-high', b'["\\ud800"]'),
    ('lone-low', b'["\\udc00"]'),
    ('pair', b'["\\ud83d\\ude00"]'),
    ('pair-reversed', b'["\\ude00\\ud83d"]'),
    ('high-then-char', b'["\\ud800A"]'),
    ('high-then-bmp-escape', b'["\\ud800\\u0041"]'),
    ('high-high-low', b'["\\ud800\\ud800\\udc00"]'),
    ('lone-in-name', b'{"\\ud800":1}'),
    ('overlong-nul', b'["\xc0\x80"]'),
    ('overlong-slash', b'["\xe0\x80\xaf"]'),
    ('encoded-surrogate', b'["\xed\xa0\x80"]'),
    ('past-10ffff', b'["\xf4\x90\x80\x80"]'),
    ('max-code-point', b'["\xf4\x8f\xbf\xbf"]'),
    ('truncated-utf8', b'["\xe2\x82"]'),
    ('continuation-alone', b'["\x80"]'),
    ('latin1', b'["\xe9"]'),
    ('utf8-outside-string', b'[1]\xc2\xa0'),
    ('nbsp-space', b'[1,\xc2\xa02]'),
    ('vertical-tab', b'[1,\x0b2]'),
    ('form-feed', b'[1,\x0c2]'),
    ('duplicate', b'{"a":1,"a":2}'),
    ('duplicate-escaped', b'{"a":1,"\\u0061":2}'),
    ('duplicate-nested-ok', b'{"a":{"a":1},"b":{"a":2}}'),
    ('duplicate-deep', b'{"a":[{"b":1,"c":2,"b":3}]}'),
    ('duplicate-escape-slash', b'{"/":1,"\\/":2}'),
    ('duplicate-pair', b'{"\\ud83d\\ude00":1,"\xf0\x9f\x98\x80":2}'),
    ('same-prefix', b'{"ab":1,"a":2,"abc":3}'),
    ('unicode-digit', '[\u0663]'.encode()),
    ('name-not-string', b'{1:2}'),
    ('missing-colon', b'{"a" 1}'),
    ('missing-value', b'{"a":}'),
    ('unclosed-array', b'[1,2'),
    ('unclosed-object', b'{"a":1'),
    ('unclosed-string', b'["abc'),
    ('extra-close', b'[1]]'),
    ('mismatched', b'[1}'),
]

# Many names in one object (the C check switches to a hash table past 32).
EDGE_CASES += [
    ('many-names', ('{' + ','.join('"k%d":%d' % (i, i) for i in range(200)) + '}').encode()),
    ('many-names-dup-last', ('{' + ','.join('"k%d":%d' % (i, i) for i in range(200))
                             + ',"k7":0}').encode()),
    ('many-names-dup-escaped', ('{' + ','.join('"k%d":%d' % (i, i) for i in range(100))
                                + ',"\\u006b50":0}').encode()),
]

for n in (63, 64, 65, 1000, 100000):
    EDGE_CASES.append(('depth-array-%d' % n, b'[' * n + b']' * n))
    EDGE_CASES.append(('depth-object-%d' % n, b'{"a":' * (n - 1) + b'{}' + b'}' * (n - 1)))
    EDGE_CASES.append(('depth-unclosed-%d' % n, b'[' * n))


TOKENS = [
    b'{', b'}', b'[', b']', b',', b':', b'"', b'\\', b'\\u', b'\\ud800',
    b'\\udc00', b'\\ud83d\\ude00', b'\\u0000', b'0', b'-0', b'01', b'1e400',
    b'1e-400', b'9223372036854775808', b'-9223372036854775809',
    b'9223372036854775807', b'1.7976931348623159e308', b'NaN', b'Infinity',
    b'true', b'false', b'null', b'nul', b'\xef\xbb\xbf', b'\xc0\x80',
    b'\xed\xa0\x80', b'\xf4\x90\x80\x80', b'\xe9', b'\x00', b'\x1f', b'\x7f',
    b'\t', b'\n', b'\r', b'\x0b', b' ', b'//', b'/*', b"'", b'\xc2\xa0',
]


def mutate(rng, data):
    """One deterministic mutation of @data."""
    kind = rng.randrange(12)
    n = len(data)
    pos = rng.randrange(n + 1)
    if kind == 0 and n > 0:
        return data[:pos]
    if kind == 1 and n > 0:
        i = rng.randrange(n)
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if kind == 2:
        return data[:pos] + rng.choice(TOKENS) + data[pos:]
    if kind == 3 and n > 0:
        i = rng.randrange(n)
        j = min(n, i + rng.randrange(1, 64))
        return data[:i] + data[j:]
    if kind == 4 and n > 0:
        i = rng.randrange(n)
        j = min(n, i + rng.randrange(1, 256))
        return data[:j] + data[i:j] + data[j:]
    if kind == 5:
        # Replace a digit run by an extreme number.
        digits = [i for i in range(n) if data[i:i + 1].isdigit()]
        if digits:
            i = rng.choice(digits)
            j = i
            while j < n and data[j:j + 1].isdigit():
                j += 1
            return data[:i] + rng.choice(TOKENS[14:23]) + data[j:]
    if kind == 6:
        d = rng.choice((63, 64, 65))
        return b'[' * d + data + b']' * d
    if kind == 7:
        # Repeat the first member name of the first object, escaped or not.
        i = data.find(b'{')
        k = data.find(b'"', i)
        e = data.find(b'"', k + 1)
        if i >= 0 and k > i and e > k:
            name = data[k + 1:e]
            if rng.randrange(2) and name:
                name = b'\\u%04x' % name[0] + name[1:]
            return data[:i + 1] + b'"' + name + b'":0,' + data[i + 1:]
    if kind == 8:
        # Swap a character of a string for an escape of it.
        quotes = [i for i in range(n) if data[i:i + 1] == b'"']
        if len(quotes) >= 2:
            i = rng.choice(quotes[:-1]) + 1
            if i < n and 0x20 < data[i] < 0x7f and data[i] not in b'"\\':
                return data[:i] + b'\\u%04X' % data[i] + data[i + 1:]
    if kind == 9:
        return rng.choice((b'\xef\xbb\xbf', b' ', b'\n', b'x')) + data
    if kind == 10:
        return data + rng.choice((b' ', b'\n', b',', b'1', b'}', b']', b'\x00', b'{}'))
    if kind == 11 and n > 0:
        # Splice a random slice of itself somewhere else.
        i = rng.randrange(n)
        j = min(n, i + rng.randrange(1, 32))
        return data[:pos] + data[i:j] + data[pos:]
    return data[:pos] + rng.choice(TOKENS) + data[pos:]


def files_under(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            out.append(os.path.join(dirpath, f))
    return out


def main():
    source_root = os.environ['CONNECT_SOURCE_ROOT']
    feeds = os.environ['CONNECT_TEST_FEEDS']
    tool = os.environ['CONNECT_JSON_CHECK_TOOL']
    mutants_per_seed = int(os.environ.get('CONNECT_DIFF_MUTANTS', '25'))

    seeds = [f for f in files_under(feeds)]
    seeds.append(os.path.join(source_root, 'data', 'sample-feed.json'))
    corpus = []
    corpus_dirs = [os.path.join(source_root, 'tests', 'fuzz', 'corpus')]
    corpus_dirs += [d for d in os.environ.get('CONNECT_FUZZ_CORPUS', '').split(':') if d]
    for d in corpus_dirs:
        if os.path.isdir(d):
            corpus += files_under(d)

    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []   # (label, path)
        for i, (name, data) in enumerate(EDGE_CASES):
            path = os.path.join(tmp, 'edge-%03d' % i)
            with open(path, 'wb') as f:
                f.write(data)
            inputs.append(('edge case ' + name, path))
        for path in seeds:
            inputs.append(('feed ' + os.path.relpath(path, source_root), path))
        # A copy of the corpus: a running fuzzer may remove files meanwhile.
        for i, path in enumerate(corpus):
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except FileNotFoundError:
                continue
            cpath = os.path.join(tmp, 'corpus-%05d' % i)
            with open(cpath, 'wb') as f:
                f.write(data)
            inputs.append(('corpus ' + path, cpath))
        n_mutants = 0
        for path in seeds:
            with open(path, 'rb') as f:
                data = f.read()
            for m in range(mutants_per_seed):
                mutant = data
                for _ in range(rng.randrange(1, 4)):
                    mutant = mutate(rng, mutant)
                mpath = os.path.join(tmp, 'mutant-%05d' % n_mutants)
                with open(mpath, 'wb') as f:
                    f.write(mutant)
                inputs.append(('mutant %d of %s' % (m, os.path.relpath(path, source_root)), mpath))
                n_mutants += 1

        listing = ''.join(p + '\n' for _, p in inputs)
        result = subprocess.run([tool], input=listing.encode(), stdout=subprocess.PIPE,
                                check=True, timeout=600)
        verdicts = {}
        for line in result.stdout.decode().splitlines():
            verdict, path = line.split('\t', 1)
            verdicts[path] = verdict == 'accept'

        groups = {}
        for label, path in inputs:
            group = label.split(' ')[0]
            with open(path, 'rb') as f:
                data = f.read()
            c_ok = verdicts[path]
            py_ok = strict_accepts(data)
            g = groups.setdefault(group, {'n': 0, 'accepted': 0, 'disagree': []})
            g['n'] += 1
            g['accepted'] += c_ok
            if c_ok != py_ok:
                g['disagree'].append((label, c_ok, py_ok, data[:200]))

        order = ['edge', 'feed', 'corpus', 'mutant']
        print('1..%d' % (len(order) + 1))
        failed = False
        for i, group in enumerate(order, 1):
            g = groups.get(group, {'n': 0, 'accepted': 0, 'disagree': []})
            ok = not g['disagree'] and (g['n'] > 0 or group == 'corpus')
            print('%s %d - %s: %d inputs, %d accepted by both, %d disagreements'
                  % ('ok' if ok else 'not ok', i, group, g['n'], g['accepted'],
                     len(g['disagree'])))
            for label, c_ok, py_ok, head in g['disagree'][:20]:
                print('# %s: connect_json_check %s, strict parser %s; starts %r'
                      % (label, 'accepts' if c_ok else 'rejects',
                         'accepts' if py_ok else 'rejects', head))
            failed = failed or not ok
        # The mutations must exercise both answers, or the comparison says
        # little.
        m = groups.get('mutant', {'n': 0, 'accepted': 0})
        both = 0 < m['accepted'] < m['n']
        print('%s %d - mutants include accepted and rejected inputs (%d of %d accepted)'
              % ('ok' if both else 'not ok', len(order) + 1, m['accepted'], m['n']))
        failed = failed or not both
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
