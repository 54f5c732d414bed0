#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the Trial and Partners views on
tests/feeds/e2e/status.json.

Known answers:
- IMPRESS test: latest snapshot 31 December 2025 (listed first in the feed)
  with 2,290 screened, 1,537 discussed, 400 offered (26% of discussed),
  300 started, 250 evaluable, 100 with disease control (40% of evaluable);
  5 cohorts (2 open); the feed has a second trial without snapshots.
- Roche Norge supplies alectinib, entrectinib and vemurafenib; they are in
  5 cohorts (T-001, T-003, T-004, S-001, and T-005 named by a commitment),
  2 of them open; 17 of 32 committed slots used, 2 reserved.
- Oslo University Hospital sponsors IMPRESS test and runs one site, where
  2 of its cohorts recruit.
- The Institute of <b>Public</b> Health (markup characters that must show
  as written) has an http: website, which is not opened.
"""

import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import AppTestCase, main  # noqa: E402

SWITCH = re.compile(r'^(page tab|toggle button|radio button)$')
HEADLINE = '1,537 discussed at the tumour board, 26% offered treatment, 40% disease control'
FUNNEL_TABLE = 'Show the screening to benefit figures as a table'


class TrialPartnersTestCase(AppTestCase):
    feed = 'e2e/status.json'

    def open_view(self, title):
        switch = self.app.wait_for(SWITCH, title)
        self.app.click(switch)

    def pointer_click(self, node):
        """Clicks the middle of @node with the pointer (xdotool): a combo
        row offers no AT-SPI action."""
        pyatspi = __import__('pyatspi')
        xdotool = shutil.which('xdotool')
        self.assertIsNotNone(xdotool, 'xdotool is needed to click ' + node.name)
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        windows = subprocess.run([xdotool, 'search', '--onlyvisible', '--pid',
                                  str(self.app.process.pid)],
                                 capture_output=True, text=True, timeout=10).stdout.split()
        self.assertTrue(windows, 'no X window of the app')
        subprocess.run([xdotool, 'mousemove', '--window', windows[0],
                        str(box.x + box.width // 2), str(box.y + box.height // 2),
                        'click', '1'],
                       check=True, timeout=10)
        time.sleep(0.3)

    def node_with_description(self, role, name):
        node = self.app.wait_for(role, name)
        return node, node.description or ''


class TestTrial(TrialPartnersTestCase):

    def test_headline_figures(self):
        self.open_view('Trial')
        self.app.wait_for('label', 'IMPRESS test')
        self.app.wait_for('label', HEADLINE)
        self.app.wait_for('label', 'Figures as of 31 December 2025')

        # Each figure is one phrase for a screen reader, with its rate and
        # the rate's denominator.
        for phrase in ('Screened: 2,290',
                       'Discussed at the tumour board: 1,537, 67% of screened patients',
                       'Offered treatment: 400, 26% of discussed patients',
                       'Started treatment: 300, 75% of patients offered treatment',
                       'Evaluable: 250, 83% of patients who started',
                       'Disease control: 100, 40% of evaluable patients'):
            self.app.wait_for(None, phrase)

        # The chart itself summarises its data in its description.
        chart, description = self.node_with_description('image', 'Screening to benefit')
        self.assertIn('Screened: 2,290', description)
        self.assertIn('Disease control: 100 · 40%', description)

        # The registry entry and a button to open the trial's https: page.
        self.app.wait_for('label', 'NCT04817956')
        self.app.wait_for('push button', "Open the trial's web page")

    def test_trial_selector(self):
        self.open_view('Trial')
        self.app.wait_for('label', HEADLINE)
        # Several trials: a selector with an accessible name, by keyboard.
        combo = self.app.wait_for('combo box', 'Trial')
        self.pointer_click(combo)
        self.app.wait_for('label', 'Second test study')
        # Keys go to the list once it has the focus (on a busy machine the
        # popover shows a moment before).
        self.app.wait_focused('list item')
        self.app.press('Down')
        self.app.press('Return')
        self.app.wait_for('label', 'No figures have been published for this trial yet.')
        self.app.wait_gone('label', HEADLINE)
        chart, description = self.node_with_description('image', 'Screening to benefit')
        self.assertEqual(description, 'No data')
        status = self.app.wait_for(None, 'Cohorts by status and stage')
        self.assertEqual(self.app.labels(status),
                         ['Status', 'Expansion', 'Total', 'Closed', '1', '1'])

    def test_funnel_as_table(self):
        self.open_view('Trial')
        self.app.wait_for('label', HEADLINE)
        self.assertIsNone(self.app.find('label', 'Patients'), 'the table shows before it is asked for')

        self.app.click(self.app.wait_for('push button', FUNNEL_TABLE))
        table = self.app.wait_until(
            lambda: self.app.find(predicate=lambda n: n.name == 'Screening to benefit'
                                  and n.getRoleName() != 'image'),
            message='the funnel table')
        self.app.wait_until(lambda: 'Patients' in self.app.labels(table),
                            message='the table to be shown')
        self.assertEqual(self.app.labels(table),
                         ['Step', 'Patients',
                          'Screened', '2,290',
                          'Discussed at the tumour board', '1,537 · 67%',
                          'Offered treatment', '400 · 26%',
                          'Started treatment', '300 · 75%',
                          'Evaluable', '250 · 83%',
                          'Disease control', '100 · 40%'])

    def test_history_and_cohorts(self):
        self.open_view('Trial')
        self.app.wait_for('label', HEADLINE)
        chart, description = self.node_with_description('image', 'Patients over time')
        self.assertIn('Screened: from 400 on 31 December 2023 to 2,290 on 31 December 2025',
                      description)
        # Disease control is missing from the oldest snapshot: not a zero.
        self.assertIn('Disease control: from 60 on 31 December 2024 to 100 on 31 December 2025',
                      description)

        status = self.app.wait_for(None, 'Cohorts by status and stage')
        labels = self.app.labels(status)
        self.assertEqual(labels[:5], ['Status', 'Stage 1', 'Stage 2', 'Total', 'Planned'])
        self.assertIn('Open', labels)

        tumours, description = self.node_with_description('image', 'Cohorts per tumour type')
        # Tumour names grouped ignoring case; the most first.
        self.assertTrue(description.startswith('Colorectal cancer: 2; '), description)


class TestPartners(TrialPartnersTestCase):

    def test_grouped_by_kind(self):
        self.open_view('Partners')
        for kind in ('University hospital', 'Industry', 'Technology', 'Public agency', 'Unknown'):
            self.app.wait_for('list', kind)
        industry = self.app.find('list', 'Industry')
        self.assertEqual([n.name for n in self.app.find_all('list item', root=industry)],
                         ['Roche Norge'])
        self.app.wait_for('label', 'Member · joined 1 March 2021')
        # Feed text is plain text: markup characters show as written.
        self.app.wait_for('list item', 'Institute of <b>Public</b> Health')
        self.app.wait_for('label', 'No Partner Chosen')

        # A hospital: its sites and the trial it sponsors, no drugs.
        self.app.click(self.app.wait_for('push button', 'Show details of Oslo University Hospital'))
        self.app.wait_for('label', 'Sponsor of IMPRESS test')
        self.app.wait_for('label', '1 site, 2 cohorts recruit there')
        self.assertIsNone(self.app.find('label', re.compile('^Its drugs')))

    def test_partner_cohort_summary(self):
        self.open_view('Partners')
        self.app.click(self.app.wait_for('push button', 'Show details of Roche Norge'))
        self.app.wait_for('label', 'Its drugs are in 5 cohorts, 2 open')
        self.app.wait_for('label', '17 of 32 committed slots used, 2 reserved')

        drugs = self.app.wait_for('list', 'Drugs')
        self.assertEqual([n.name for n in self.app.find_all('list item', root=drugs)],
                         ['alectinib (Alecensa)', 'entrectinib', 'vemurafenib (Zelboraf)'])
        cohorts = self.app.wait_for('list', 'Cohorts With Its Drugs')
        names = [n.name for n in self.app.find_all('list item', root=cohorts)]
        self.assertEqual(len(names), 5, names)
        self.assertIn('T-005 · Breast cancer, BRCA1, olaparib', names)

        website = self.app.wait_for('list item', re.compile('^Website'))
        self.assertIn('https://www.roche.no', self.app.labels(website))
        self.app.wait_for('push button', 'Open the website', root=website)

    def test_plain_http_website_is_not_opened(self):
        self.open_view('Partners')
        self.app.click(self.app.wait_for('push button',
                                         'Show details of Institute of <b>Public</b> Health'))
        self.app.wait_for('label', 'Public agency · NO')
        website = self.app.wait_for('list item', re.compile('^Website'))
        self.assertIn('http://www.fhi.no — not opened: not a secure https: link',
                      self.app.labels(website))
        self.assertIsNone(self.app.find('push button', 'Open the website', root=website))
        # Neither drugs nor commitments: no cohort summary.
        self.assertIsNone(self.app.find('label', re.compile('^Its drugs')))


if __name__ == '__main__':
    main()
