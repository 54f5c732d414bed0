#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the Match view on tests/feeds/e2e/match.json.

Known answers for tumour COADREAD and BRAF V600E:
- open: IMP-E2E-001 (encorafenib + cetuximab, BRAF V600, 10 of 24 places
  left, 3 hospitals);
- not open: IMP-E2E-002 (planned; its tumour name holds markup characters,
  which must show as typed);
- a new cohort could be proposed: tovorafenib, used by the recruiting
  IMPRESS-Norway in a melanoma cohort (lifirafenib targets BRAF too, but
  only in a completed trial; dabrafenib is in the closed cohort below);
- closed without benefit: IMP-E2E-003 (dabrafenib, closed 2024).
Not fitting: IMP-E2E-004 (KRAS), IMP-E2E-005 (melanoma), IMP-E2E-006
(BRAF V600K), OLD-001 (melanoma, completed trial).
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import AppTestCase, main  # noqa: E402

ENTRY = re.compile(r'^(entry|text)$')

OPEN = 'Open Cohorts'
NOT_OPEN = 'Not Open'
CANDIDATE = 'A New Cohort Could Be Proposed'
CLOSED = 'Closed Without Benefit'


class MatchTestCase(AppTestCase):
    feed = 'e2e/match.json'

    page = None

    def open_match_view(self):
        """Shows the Match view (Ctrl+2, else its view switcher tab), waits
        until matching is possible, and keeps the page's node so that
        every later search stays inside the page."""
        pyatspi = __import__('pyatspi')
        self.app.wait_for('page tab', 'Match')
        self.app.press('ctrl+2')
        button = self.app.find('push button', 'Find Cohorts')
        if button is None:
            self.app.click(self.app.wait_for('page tab', 'Match'))
            button = self.app.wait_for('push button', 'Find Cohorts')
        self.app.wait_until(lambda: button.getState().contains(pyatspi.STATE_SENSITIVE),
                            message='Find Cohorts to become sensitive (the feed indexed)')

        # The page: the nearest ancestor of the button that also holds the
        # page's status pages.
        node = button
        while self.app.find('label', 'No Cohort Fits', root=node, showing=False) is None:
            node = node.parent
            self.assertIsNotNone(node, 'the Match page around Find Cohorts')
        self.page = node
        return button

    def find(self, role=None, name=None):
        return self.app.find(role, name, root=self.page)

    def wait_for(self, role=None, name=None):
        return self.app.wait_for(role, name, root=self.page)

    def wait_gone(self, role=None, name=None):
        return self.app.wait_gone(role, name, root=self.page)

    def focused(self, node):
        pyatspi = __import__('pyatspi')
        return node.getState().contains(pyatspi.STATE_FOCUSED)

    def fill(self, mnemonic, name, text):
        """Focuses the entry @name through its mnemonic and types @text."""
        entry = self.wait_for(ENTRY, name)
        self.app.press('alt+' + mnemonic)
        self.app.wait_until(lambda: self.focused(entry), message='%s to get the focus' % name)
        self.app.type_text(text)
        return entry

    def ask(self, tumour, alterations, run_with='button'):
        self.fill('t', 'Tumour', tumour)
        self.fill('a', 'Alterations', ', '.join(alterations))
        if run_with == 'button':
            self.app.click(self.wait_for('push button', 'Find Cohorts'))
        else:
            self.app.press('Return')

    def group(self, title):
        return self.find('list', title)

    def rows(self, title):
        """The (title, subtitle) of every row of the group @title, in order;
        None when the group is not shown."""
        group = self.group(title)
        if group is None:
            return None
        rows = []
        for item in self.app.find_all('list item', root=group):
            labels = [t for t in self.app.labels(item) if t]
            rows.append((item.name, labels))
        return rows

    def wait_results(self, summary):
        return self.wait_for('label', summary)


class TestMatch(MatchTestCase):

    def test_initial_state(self):
        self.open_match_view()
        self.wait_for('label', 'Find a Cohort for a Patient')
        # What to type, with an example.
        self.wait_for('label', re.compile('BRAF V600E'))
        for title in (OPEN, NOT_OPEN, CANDIDATE, CLOSED):
            self.assertIsNone(self.group(title), title + ' shown before any match')
        # Every control has an accessible name.
        self.wait_for(ENTRY, 'Tumour')
        self.wait_for(ENTRY, 'Alterations')
        self.wait_for('push button', 'Add alteration')

    def test_groups_and_rows(self):
        self.open_match_view()
        self.ask('COADREAD', ['BRAF V600E'])
        self.wait_results('4 results for COADREAD with BRAF V600E')
        self.wait_for('push button', 'Remove alteration: BRAF V600E')

        open_rows = self.rows(OPEN)
        self.assertEqual([r[0] for r in open_rows],
                         ['IMP-E2E-001 · Colorectal cancer · encorafenib + cetuximab'])
        self.assertIn('Open — stage 2, 10 of 24 places left, 3 hospitals', open_rows[0][1])
        self.assertIn('Open', open_rows[0][1])

        not_open = self.rows(NOT_OPEN)
        # Feed text is plain text: markup characters show as written.
        self.assertEqual([r[0] for r in not_open],
                         ['IMP-E2E-002 · Colorectal <adenocarcinoma> & rectum · vemurafenib + cobimetinib'])
        self.assertIn('Planned', not_open[0][1])

        candidates = self.rows(CANDIDATE)
        self.assertEqual([r[0] for r in candidates], ['tovorafenib in IMPRESS-Norway'])
        self.assertIn('No cohort yet: tovorafenib targets BRAF — a new cohort can be '
                      'proposed at the molecular tumour board', candidates[0][1])

        closed = self.rows(CLOSED)
        self.assertEqual([r[0] for r in closed], ['IMP-E2E-003 · Colorectal cancer · dabrafenib'])
        self.assertIn('Closed 2024: no benefit in 8 patients', closed[0][1])

        # The groups come in the order of the matching rules.
        pyatspi = __import__('pyatspi')
        tops = [self.group(t).queryComponent().getExtents(pyatspi.WINDOW_COORDS).y
                for t in (OPEN, NOT_OPEN, CANDIDATE, CLOSED)]
        self.assertEqual(tops, sorted(tops))

        # Nothing that does not fit.
        every_label = ' '.join(self.app.labels(self.page))
        for absent in ('IMP-E2E-004', 'IMP-E2E-005', 'IMP-E2E-006', 'OLD-001', 'lifirafenib'):
            self.assertNotIn(absent, every_label)

    def test_enter_runs_the_match_by_tumour_name(self):
        self.open_match_view()
        self.ask('colorectal cancer', ['BRAF V600E'], run_with='Return')
        self.wait_results('4 results for colorectal cancer with BRAF V600E')

        # By name, IMP-E2E-002 (another tumour name) does not fit, so its
        # drug vemurafenib becomes a candidate.
        self.assertIsNone(self.group(NOT_OPEN))
        self.assertEqual([r[0] for r in self.rows(CANDIDATE)],
                         ['vemurafenib in IMPRESS-Norway', 'tovorafenib in IMPRESS-Norway'])
        self.assertEqual(len(self.rows(OPEN)), 1)
        self.assertEqual(len(self.rows(CLOSED)), 1)

    def test_keyboard_moves_through_the_results(self):
        self.open_match_view()
        self.ask('COADREAD', ['BRAF V600E'], run_with='Return')
        self.wait_results('4 results for COADREAD with BRAF V600E')

        # Tab order: alterations entry, the chip, Find Cohorts, the results.
        find = self.wait_for('push button', 'Find Cohorts')
        chip = self.wait_for('push button', 'Remove alteration: BRAF V600E')
        self.app.press('Tab')
        self.app.wait_until(lambda: self.focused(chip), message='the chip to get the focus')
        self.app.press('Tab')
        self.app.wait_until(lambda: self.focused(find), message='Find Cohorts to get the focus')
        self.app.press('Tab')
        first = self.find('list item', re.compile('^IMP-E2E-001'))
        self.app.wait_until(lambda: self.focused(first), message='the first result to get the focus')

        # Down goes on from one group into the next.
        expected = ['^IMP-E2E-002', '^tovorafenib', '^IMP-E2E-003']
        for pattern in expected:
            self.app.press('Down')
            row = self.find('list item', re.compile(pattern))
            self.app.wait_until(lambda: self.focused(row), message=pattern + ' to get the focus')
        self.app.press('Up')
        row = self.find('list item', re.compile('^tovorafenib'))
        self.app.wait_until(lambda: self.focused(row), message='Up to go back')

    def test_activating_a_result_opens_the_cohort(self):
        self.open_match_view()
        self.ask('COADREAD', ['BRAF V600E'], run_with='Return')
        self.wait_results('4 results for COADREAD with BRAF V600E')
        for _ in range(3):
            self.app.press('Tab')
        first = self.find('list item', re.compile('^IMP-E2E-001'))
        self.app.wait_until(lambda: self.focused(first), message='the first result to get the focus')
        for _ in range(3):
            self.app.press('Down')
        closed = self.find('list item', re.compile('^IMP-E2E-003'))
        self.app.wait_until(lambda: self.focused(closed), message='IMP-E2E-003 to get the focus')
        # The cohort's name is nowhere in the window yet (the Cohorts view
        # lists open cohorts only).
        name = 'Dabrafenib in BRAF V600E colorectal cancer'
        self.assertIsNone(self.app.find('label', name, showing=False))
        self.app.press('Return')

        # win.show-cohort: the Cohorts view shows that cohort's details.
        self.app.wait_for('label', name)

    def test_no_cohort_fits(self):
        self.open_match_view()
        self.ask('COADREAD', ['HER2 amplification'])
        self.wait_for('label', 'No Cohort Fits')
        self.wait_for('label', re.compile('Check the spelling'))
        for title in (OPEN, NOT_OPEN, CANDIDATE, CLOSED):
            self.assertIsNone(self.group(title))

    def test_input_error_shown_under_the_entry(self):
        self.open_match_view()
        self.ask('COADREAD', ['BRAF V600E amplification'])
        message = self.wait_for('label', re.compile(
            '^Cannot read the alteration “BRAF V600E amplification”'))
        self.assertIn('contradicts', message.name)
        # What was typed stays in the entry (GTK 4.8 does not expose an
        # entry's text to AT-SPI), not as a chip, and nothing was matched.
        self.assertIsNone(self.find('push button', re.compile('^Remove alteration')))
        self.assertIsNone(self.group(OPEN))

        # Correcting it takes the message away and matches.
        self.app.press('ctrl+a')
        self.app.type_text('BRAF V600E')
        self.wait_gone('label', re.compile('^Cannot read the alteration'))
        self.app.press('Return')
        self.wait_results('4 results for COADREAD with BRAF V600E')

    def test_missing_tumour_shown_under_the_tumour(self):
        self.open_match_view()
        self.fill('a', 'Alterations', 'BRAF V600E')
        self.app.press('Return')
        message = self.wait_for('label', re.compile('^Enter the tumour'))
        tumour = self.wait_for(ENTRY, 'Tumour')
        self.app.wait_until(lambda: self.focused(tumour), message='the tumour entry to get the focus')
        # Under the tumour entry, above the alterations.
        pyatspi = __import__('pyatspi')
        y = lambda node: node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y
        alterations = self.wait_for(ENTRY, 'Alterations')
        self.assertLess(y(tumour), y(message))
        self.assertLess(y(message), y(alterations))
        self.assertIsNone(self.group(OPEN))

        self.app.type_text('COADREAD')
        self.wait_gone('label', re.compile('^Enter the tumour'))
        self.app.press('Return')
        self.wait_results('4 results for COADREAD with BRAF V600E')

    def test_remove_alteration(self):
        self.open_match_view()
        self.fill('t', 'Tumour', 'COADREAD')
        self.fill('a', 'Alterations', 'KRAS G12C')
        self.app.press('Return')
        self.wait_results('1 result for COADREAD with KRAS G12C')
        self.assertEqual([r[0] for r in self.rows(OPEN)],
                         ['IMP-E2E-004 · Colorectal cancer · sotorasib'])

        self.app.type_text('BRAF V600E')
        self.app.press('Return')
        self.wait_results('5 results for COADREAD with KRAS G12C, BRAF V600E')

        self.app.click(self.wait_for('push button', 'Remove alteration: KRAS G12C'))
        self.wait_gone('push button', 'Remove alteration: KRAS G12C')
        self.app.click(self.wait_for('push button', 'Find Cohorts'))
        self.wait_results('4 results for COADREAD with BRAF V600E')


if __name__ == '__main__':
    main()
