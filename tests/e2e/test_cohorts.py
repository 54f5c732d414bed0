#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the Cohorts view on tests/feeds/e2e/cohorts.json.

The feed has 12 cohorts, 6 of them open. BRAF: E2E-01 (open), E2E-02
(open), E2E-03 (closed), E2E-04 (planned). ERBB2 (HER2): E2E-05 (open),
E2E-06 (evaluating), E2E-11 (planned).
"""

import csv
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import App, AppTestCase, main  # noqa: E402


class CohortsTestCase(AppTestCase):
    feed = 'e2e/cohorts.json'

    def count_label(self, text):
        """Waits for the count label to read @text."""
        return self.app.wait_for('label', text)

    def table(self):
        return self.app.wait_for('list', 'GtkColumnListView')

    def shown_ids(self):
        """The cohort ids of the table rows on screen."""
        rows = self.app.find_all('table row', root=self.table())
        ids = []
        for row in rows:
            labels = self.app.labels(row)
            ids += [t for t in labels if re.fullmatch(r'E2E-\d\d', t or '')]
        return sorted(ids)

    def wait_rows(self, expected):
        expected = sorted(expected)
        return self.app.wait_until(lambda: self.shown_ids() == expected,
                                   message='rows %s (shown: %s)' % (expected, self.shown_ids()))

    def search(self, text):
        self.app.press('ctrl+f')
        entry = self.app.wait_for('entry', 'Search cohorts')
        self.app.wait_until(lambda: entry.getState().contains(
            __import__('pyatspi').STATE_FOCUSED), message='the search entry to get the focus')
        self.app.type_text(text)
        return entry


class TestCohorts(CohortsTestCase):

    def test_open_only_by_default(self):
        self.count_label('6 of 12 cohorts')
        self.wait_rows(['E2E-01', 'E2E-02', 'E2E-05', 'E2E-07', 'E2E-08', 'E2E-12'])
        self.app.wait_for('push button', 'Remove filter: Status: Open')

    def test_search_braf(self):
        self.count_label('6 of 12 cohorts')
        entry = self.search('BRAF')
        self.assertEqual(self.app.text(entry), 'BRAF')
        self.count_label('2 of 12 cohorts')
        self.wait_rows(['E2E-01', 'E2E-02'])

    def test_status_filter_open_to_all(self):
        self.count_label('6 of 12 cohorts')
        self.search('BRAF')
        self.count_label('2 of 12 cohorts')

        chip = self.app.wait_for('push button', 'Remove filter: Status: Open')
        self.app.click(chip)

        self.count_label('4 of 12 cohorts')
        self.wait_rows(['E2E-01', 'E2E-02', 'E2E-03', 'E2E-04'])
        self.app.wait_gone('push button', 'Remove filter: Status: Open')

    def test_gene_alias(self):
        self.count_label('6 of 12 cohorts')
        self.search('HER2')
        self.count_label('1 of 12 cohorts')
        self.wait_rows(['E2E-05'])
        self.app.click(self.app.wait_for('push button', 'Remove filter: Status: Open'))
        self.count_label('3 of 12 cohorts')
        self.wait_rows(['E2E-05', 'E2E-06', 'E2E-11'])

    def test_no_result_says_which_filter_to_drop(self):
        self.count_label('6 of 12 cohorts')
        self.search('glioma')
        self.app.wait_for('label', 'No Matching Cohorts')
        self.app.wait_for('label', re.compile(r'Removing “Status: Open” would show 1 cohort\.'))
        self.app.click(self.app.wait_for('push button', re.compile('Remove Status: Open')))
        self.count_label('1 of 12 cohorts')
        self.wait_rows(['E2E-03'])

    def test_open_cohort_shows_drugs_and_sites(self):
        self.count_label('6 of 12 cohorts')
        self.search('E2E-01')
        self.count_label('1 of 12 cohorts')
        self.app.press('Return')

        drugs = self.app.wait_for('list', 'Drugs')
        drug_names = [item.name for item in self.app.find_all('list item', root=drugs)]
        self.assertEqual(drug_names, ['dabrafenib (Tafinlar)', 'trametinib (Mekinist)'])
        self.assertIn('Supplied by Xenopharm · Targets BRAF', self.app.labels(drugs))

        sites = self.app.wait_for('list', 'Participating Sites')
        site_names = [item.name for item in self.app.find_all('list item', root=sites)]
        self.assertEqual(site_names, ['Alpha Site Oslo', 'Beta Site Bergen'])
        self.assertIn('Oslo · South-East Norway · Recruiting', self.app.labels(sites))

        # Feed text is never markup.
        self.app.wait_for('label', 'Plain text only: <b>not bold</b> & not an entity.')
        self.app.wait_for('push button', 'Watch this cohort')
        self.app.wait_for('push button', 'Open registry page')

    def test_watch_and_watched_filter(self):
        self.count_label('6 of 12 cohorts')
        star = self.app.wait_for(re.compile('button$'), 'Watch cohort E2E-05')
        self.app.click(star)
        self.app.wait_until(lambda: self.app.is_on(star), message='the star of E2E-05 to be on')

        watched = self.app.wait_for(re.compile('button$'), 'Watched only')
        self.app.click(watched)
        self.count_label('1 of 12 cohorts')
        self.wait_rows(['E2E-05'])
        self.app.wait_for('push button', 'Remove filter: Watched only')

    def test_views_and_feed_information_by_keyboard(self):
        self.count_label('6 of 12 cohorts')
        self.app.press('ctrl+2')
        self.app.wait_for('push button', 'Find Cohorts')
        self.app.wait_gone('label', '6 of 12 cohorts')
        # The focus went into the view: straight to the tumour.
        self.app.wait_focused('text', 'Tumour')
        self.app.press('ctrl+1')
        self.count_label('6 of 12 cohorts')

        self.app.press('ctrl+i')
        dialog = self.app.wait_until(
            lambda: self.app.find('frame', 'Feed Information') or
            self.app.find('dialog', 'Feed Information'),
            message='the feed information window')
        self.app.wait_for('label', 'CONNECT end-to-end test feed', root=dialog)
        self.app.press('Escape')
        self.app.wait_until(lambda: not self.app.find('frame', 'Feed Information') and
                            not self.app.find('dialog', 'Feed Information'),
                            message='the feed information window to close')

    def test_arrows_and_enter(self):
        self.count_label('6 of 12 cohorts')
        self.search('BRAF')
        self.count_label('2 of 12 cohorts')
        self.app.press('Down')      # from the search entry into the list
        self.app.press('Down')      # to the second row
        self.app.press('Return')
        self.app.wait_for('label', 'BRAF V600 — Thyroid cancer')
        sites = self.app.wait_for('list', 'Participating Site')
        self.assertEqual([i.name for i in self.app.find_all('list item', root=sites)],
                         ['Beta Site Bergen'])

    def test_escape_closes_search(self):
        self.count_label('6 of 12 cohorts')
        self.search('BRAF')
        self.count_label('2 of 12 cohorts')
        self.app.press('Escape')
        self.app.wait_gone('entry', 'Search cohorts')
        self.count_label('6 of 12 cohorts')

    def test_export_writes_only_the_rows_shown(self):
        """win.export of cohorts with a search active saves the rows shown,
        not the feed's whole list."""
        self.count_label('6 of 12 cohorts')
        self.search('BRAF')
        self.count_label('2 of 12 cohorts')
        self.wait_rows(['E2E-01', 'E2E-02'])

        self.app.press('F10')   # the primary menu
        self.app.click(self.app.wait_for(None, 'Export as CSV'))
        self.app.click(self.app.wait_for(None, 'Cohorts…'))
        folder = os.path.join(self.app.tmp, 'export')
        os.makedirs(folder)
        path = os.path.join(folder, 'cohorts.csv')
        name = self.app.wait_for('text', 'Name:')
        self.app.type_text(path, name)
        self.app.wait_until(lambda: self.app.text(name) == path,
                            message='the file name typed')
        self.app.click(self.app.wait_for('push button', re.compile('Export$')))
        self.app.wait_until(lambda: os.path.exists(path) and os.path.getsize(path) > 0,
                            message='the CSV file')

        with open(path, newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][0], 'id')
        self.assertEqual(sorted(r[0] for r in rows[1:]), ['E2E-01', 'E2E-02'])


def assert_wide(test):
    """The window is in its wide layout: the view switcher in the header
    bar, whose title (and subtitle) it hides."""
    window = test.app.wait_for('frame', 'CONNECT Cohorts')
    pyatspi = __import__('pyatspi')
    width = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width
    test.assertGreaterEqual(width, 1000)
    test.app.wait_for('page tab', 'Cohorts')
    test.assertIsNone(test.app.find('label', 'CONNECT Cohorts'))


class TestFreshnessFile(CohortsTestCase):

    def assert_wide(self):
        assert_wide(self)

    def test_freshness_in_the_wide_window(self):
        """Wide (where the view switcher hides the title's subtitle), a
        line under the header bar says how fresh the data is, and it opens
        Feed Information."""
        self.count_label('6 of 12 cohorts')
        self.assert_wide()
        status = self.app.wait_for('push button', 'Showing a feed file')
        # A file is not the sample.
        self.assertIsNone(self.app.find('label', 'Showing sample data — not for clinical use'))
        self.app.click(status)
        self.app.wait_until(
            lambda: self.app.find('frame', 'Feed Information') or
            self.app.find('dialog', 'Feed Information'),
            message='the feed information window')


class TestFreshnessSample(AppTestCase):
    feed = None     # the sample built into the app

    def test_sample_banner_and_freshness(self):
        assert_wide(self)
        self.app.wait_for('push button', 'Sample data')
        self.app.wait_for('label', 'Showing sample data — not for clinical use')
        button = self.app.wait_for('push button', 'Set Feed Address…')
        self.app.click(button)
        self.app.wait_until(
            lambda: self.app.find('frame', 'Preferences') or
            self.app.find('dialog', 'Preferences'),
            message='the preferences window')


class TestCloseWindow(CohortsTestCase):

    def setUp(self):
        # Any GLib critical aborts the app, so that the exit status shows it.
        self.app = App(self.feed, env={'G_DEBUG': 'fatal-criticals'})
        self.addCleanup(self.app.cleanup)
        self.app.start()

    def test_close_after_every_view(self):
        """Closing the window disposes every view cleanly (no critical
        from a page that gives up its child behind AdwBin's back)."""
        self.count_label('6 of 12 cohorts')
        for key in '234561':
            self.app.press('ctrl+' + key)
            time.sleep(0.5)
        self.count_label('6 of 12 cohorts')
        self.app.click(self.app.wait_for('push button', 'Close'))
        self.assertEqual(self.app.process.wait(30), 0, self.app.output())


class TestCohortsNarrow(CohortsTestCase):
    settings = {'window-width': '400', 'window-height': '760'}

    def test_freshness_narrow(self):
        self.count_label('6 of 12 cohorts')
        self.app.wait_for('push button', 'Showing a feed file')

    def test_open_and_go_back(self):
        self.count_label('6 of 12 cohorts')
        self.search('E2E-02')
        self.count_label('1 of 12 cohorts')
        self.app.press('Return')

        back = self.app.wait_for('push button', 'Back to the list')
        sites = self.app.wait_for('list', 'Participating Site')
        self.assertEqual([i.name for i in self.app.find_all('list item', root=sites)],
                         ['Beta Site Bergen'])

        self.app.click(back)
        self.app.wait_gone('push button', 'Back to the list')
        # Narrow, the table leaves out the ID column.
        table = self.table()
        self.app.wait_until(lambda: [r for r in self.app.find_all('table row', root=table)
                                     if 'Thyroid cancer' in self.app.labels(r)],
                            message='the row of E2E-02 back on screen')


if __name__ == '__main__':
    main()
