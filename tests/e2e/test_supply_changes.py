#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the Supply and Changes views on
tests/feeds/e2e/supply.json, as of 26 November 2026 (CONNECT_TODAY).

The feed has three commitments:
* acme-alphinib-2025 (Acme Pharma): 24 slots, 12 used, 2 reserved, 10 left;
  12 used in the 365 days since 2025-11-26, so 10 left last 10.0 months,
  until 26 Sep 2027, before the agreement ends on 2027-12-31: "runs out
  before the agreement ends".
* globex-betamab-2024 (Globex): 10 slots, 2 used, 8 left; 95.9 months of
  runway, but the agreement ends on 2027-01-31, within 90 days: "expires
  with 8 slots unused".
* globex-betamab-2027: not started, nothing used: "Not enough data".

The Changes view reads the change log from the cache directory: the tests
write one made from `connect-feed diff` of the feed against a changed copy.
"""

import copy
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import App, AppTestCase, BUILD_ROOT, FEEDS, main  # noqa: E402

FEED = os.path.join(FEEDS, 'e2e', 'supply.json')
CONNECT_FEED = os.environ.get('CONNECT_FEED',
                              os.path.join(BUILD_ROOT, 'app', 'cli', 'connect-feed'))


def diff_records():
    """The changes from the test feed to a copy where T-002 opened its
    second stage, a site joined and Acme's commitment used one more slot,
    as `connect-feed diff --format json` gives them."""
    with open(FEED, encoding='utf-8') as f:
        feed = json.load(f)
    new = copy.deepcopy(feed)
    cohorts = {c['id']: c for c in new['cohorts']}
    cohorts['T-002']['status'] = 'open'
    cohorts['T-002']['stage'] = '2'
    cohorts['T-003']['sites'] = ['s1', 's2']
    new['sites'].append({'id': 's2', 'name': 'Test Regional Hospital, Bodø',
                         'partner': 'hospital', 'region': 'north'})
    new['commitments'][0]['used'] = 13
    new['partners'][2]['name'] = 'Globex <i>Oncology</i> & Co'

    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False,
                                     encoding='utf-8') as f:
        json.dump(new, f)
        new_path = f.name
    try:
        out = subprocess.run([CONNECT_FEED, 'diff', FEED, new_path, '--format', 'json'],
                             capture_output=True, text=True, timeout=60, check=True)
    finally:
        os.unlink(new_path)
    return json.loads(out.stdout)


class SupplyTestCase(AppTestCase):
    feed = 'e2e/supply.json'
    change_log = None   # the contents of changes.json, or None for no file

    def setUp(self):
        self.app = App(self.feed, self.args, env={'CONNECT_TODAY': '2026-11-26'},
                       settings=self.settings)
        self.addCleanup(self.app.cleanup)
        if self.change_log is not None:
            folder = os.path.join(self.app.tmp, 'cache', 'org.connectnorway.Cohorts')
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, 'changes.json'), 'w', encoding='utf-8') as f:
                json.dump(self.change_log, f)
        self.app.start()

    def show_view(self, name):
        tab = self.app.wait_for('page tab', name)
        self.app.click(tab)
        return self.app.wait_for(None, name)


class TestSupply(SupplyTestCase):

    def test_runway_and_warning(self):
        self.show_view('Supply')
        self.app.wait_for('label', '3 commitments')

        # The forecast's figures, as the core computes them.
        self.app.wait_for('label', '10.0 months')
        self.app.wait_for('label', 'until 26 Sep 2027')
        self.app.wait_for('label', 'runs out before the agreement ends')
        self.app.wait_for('label', '95.9 months')
        self.app.wait_for('label', 'expires with 8 slots unused')
        self.app.wait_for('label', 'Not enough data')

        # The slots bar says what it shows.
        self.app.wait_for(None, '12 used, 2 reserved, 10 left of 24')
        self.app.wait_for(None, '2 used, 0 reserved, 8 left of 10')

    def test_detail_of_first_commitment(self):
        self.show_view('Supply')
        # The first row is selected: its detail shows beside the table.
        self.app.wait_for('label', 'alphinib (Alphix)')
        self.app.wait_for('label', '12 used, 2 reserved, 10 left of 24')
        self.app.wait_for(None, '26 September 2027')
        # It names no cohort: the cohorts of its trial using its drug.
        self.app.wait_for(None, 'T-001 · Colorectal cancer, BRAF V600E, alphinib')
        self.app.wait_for(None, 'T-002 · Melanoma, BRAF V600, alphinib')
        self.app.wait_for(None, 'Open · Stage 2 · 10 of 24 enrolled')
        # The chart says what its line is based on.
        self.app.wait_for('label', lambda t: (t or '').startswith(
            'The feed gives only the number of slots used today'))

    def test_state_filter(self):
        self.show_view('Supply')
        self.app.wait_for('label', '3 commitments')
        combo = self.app.wait_for('combo box', 'State')
        self.app.click(self.app.wait_for('push button', None, root=combo))
        self.app.wait_for(None, 'Negotiating')
        # Keys go to the list once it has the focus (on a busy machine the
        # popover shows a moment before).
        self.app.wait_focused('list item')
        self.app.press('Down')      # from "All states" to "Negotiating"
        self.app.press('Return')
        self.app.wait_for('label', '1 of 3 commitments')
        self.app.wait_for('label', 'Not enough data')
        self.app.wait_gone('label', '10.0 months')

    def test_totals_and_plain_text(self):
        self.show_view('Supply')
        # A partner name with quotes and markup is shown as it is.
        self.app.wait_for('label', 'Globex "Oncology" <b>AS</b>')
        expander = self.app.wait_for('push button', 'Totals per partner (2)')
        self.app.click(expander)
        self.app.wait_for('label', 'Acme Pharma: 24 slots, 12 used, 2 reserved, 10 left')
        self.app.wait_for('label', 'Globex "Oncology" <b>AS</b>: 22 slots, 2 used, 0 reserved, 20 left')

    def test_export_equals_tool(self):
        """Export as CSV… of the unfiltered, unsorted list writes exactly
        what `connect-feed export` prints."""
        self.show_view('Supply')
        self.app.wait_for('label', '3 commitments')
        self.app.click(self.app.wait_for('push button', 'Export as CSV…'))

        folder = os.path.join(self.app.tmp, 'export')
        os.makedirs(folder)
        path = os.path.join(folder, 'commitments.csv')
        name = self.app.wait_for('text', 'Name:')
        self.app.wait_until(lambda: self.app.text(name) == 'commitments.csv',
                            message='the suggested file name')
        self.app.type_text(path, name)
        self.app.wait_until(lambda: self.app.text(name) == path,
                            message='the file name typed')
        self.app.click(self.app.wait_for('push button', re.compile('Export$')))

        self.app.wait_until(lambda: os.path.exists(path), message='the CSV file')
        with open(path, 'rb') as f:
            saved = f.read()
        tool = subprocess.run([CONNECT_FEED, 'export', FEED, '--what', 'commitments'],
                              capture_output=True, timeout=60, check=True).stdout
        self.assertEqual(saved, tool)
        self.assertTrue(saved.startswith(b'id,'))
        self.assertIn(b'\r\n', saved)


class TestExportAction(SupplyTestCase):

    def save_as(self, path):
        name = self.app.wait_for('text', 'Name:')
        self.app.type_text(path, name)
        self.app.wait_until(lambda: self.app.text(name) == path,
                            message='the file name typed')
        self.app.click(self.app.wait_for('push button', re.compile('Export$')))
        self.app.wait_until(lambda: os.path.exists(path), message='the CSV file')

    def test_menu_exports_whole_list(self):
        """win.export from the main menu: a list no view filters is the
        feed's whole list, as `connect-feed export` writes it."""
        self.app.wait_for('push button', 'Main Menu')
        self.app.press('F10')   # the primary menu
        self.app.click(self.app.wait_for(None, 'Export as CSV'))
        self.app.click(self.app.wait_for(None, 'Sites…'))

        folder = os.path.join(self.app.tmp, 'export')
        os.makedirs(folder)
        path = os.path.join(folder, 'sites.csv')
        self.save_as(path)
        with open(path, 'rb') as f:
            saved = f.read()
        tool = subprocess.run([CONNECT_FEED, 'export', FEED, '--what', 'sites'],
                              capture_output=True, timeout=60, check=True).stdout
        self.assertEqual(saved, tool)


class TestSupplyMyCompany(SupplyTestCase):
    settings = {'my-company': "'acme'"}

    def test_remembered_partner(self):
        self.show_view('Supply')
        # Only "my company"'s commitments, with its totals as the header.
        self.app.wait_for('label', '1 of 3 commitments')
        self.app.wait_for('label', 'Acme Pharma: 24 slots, 12 used, 2 reserved, 10 left')
        self.app.wait_for('label', 'runs out before the agreement ends')
        self.assertIsNone(self.app.find('label', 'expires with 8 slots unused'))
        self.assertIsNone(self.app.find('push button', 'Totals per partner (2)'))


class TestChangesEmpty(SupplyTestCase):

    def test_empty_state(self):
        self.show_view('Changes')
        self.app.wait_for(None, 'No Changes Yet')
        self.app.wait_for(None, 'Changes appear after the first sync with the partnership’s feed')


class TestChanges(SupplyTestCase):
    change_log = {
        'version': 1,
        'syncs': [
            {'time': '2026-11-26T07:30:00Z', 'changes': diff_records()},
            {'time': '2026-11-19T07:30:00Z', 'changes': [
                {'kind': 'commitment-changed', 'id': 'acme-alphinib-2025',
                 'field': 'used', 'from': 11, 'to': 12}]},
        ],
    }

    def test_grouped_changes(self):
        self.show_view('Changes')
        self.app.wait_for('label', 'Latest Changes · 26 November 2026, 07:30')
        self.app.wait_for('label', 'Partners (1)')
        self.app.wait_for('label', 'Sites (1)')
        self.app.wait_for('label', 'Cohorts (2)')
        self.app.wait_for('label', 'Commitments (1)')
        # One row per entity, old → new, values without quotes.
        self.app.wait_for('label', 'T-002')
        self.app.wait_for('label', 'evaluating → open, stage 1 → 2')
        self.app.wait_for('label', 'sites s1 → s1, s2')
        self.app.wait_for('label', 'added: Test Regional Hospital, Bodø')
        self.app.wait_for('label', 'used 12 → 13')
        # Feed text is plain text, never markup.
        self.app.wait_for('label', 'name Globex "Oncology" <b>AS</b> → Globex <i>Oncology</i> & Co')
        # The earlier sync, summed up.
        self.app.wait_for('label', '19 November 2026, 07:30')
        self.app.wait_for('label', '1 commitment')


if __name__ == '__main__':
    main()
