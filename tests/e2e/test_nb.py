#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Norwegian Bokmål translation: the app started with
LANGUAGE=nb LC_ALL=C.UTF-8 on tests/feeds/e2e/status.json shows every view
in Norwegian.

The uninstalled app finds the build's catalogues through CONNECT_LOCALEDIR
(<build>/po holds nb/LC_MESSAGES/connect-cohorts.mo). Under C.UTF-8 the
month names are glibc's English ones, so dates are matched loosely; numbers
use the translated separators (a no-break space in 1 537 and 26 %).

Known answers (see test_trial_partners.py): 6 cohorts, 2 of them open
(T-001 at stage 2 with 10 places left, T-003); IMPRESS test has 1,537
discussed, 26% offered treatment, 40% disease control; Roche Norge's drugs
are in 5 cohorts, 2 open, 17 of 32 committed slots used, 2 reserved.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import App, AppTestCase, BUILD_ROOT, HarnessError, main  # noqa: E402

NBSP = '\u00a0'
SWITCH = re.compile(r'^(page tab|toggle button|radio button)$')
VIEWS = ('Kohorter', 'Matching', 'Studie', 'Partnere', 'Forsyning', 'Endringer')
LOCALEDIR = os.environ.get('CONNECT_LOCALEDIR', os.path.join(BUILD_ROOT, 'po'))
CATALOGUE = os.path.join(LOCALEDIR, 'nb', 'LC_MESSAGES', 'connect-cohorts.mo')


class NorwegianTestCase(AppTestCase):
    feed = 'e2e/status.json'

    def setUp(self):
        if not os.path.isfile(CATALOGUE):
            raise HarnessError('the Norwegian catalogue is not built: %s' % CATALOGUE)
        self.app = App(self.feed, self.args,
                       env={'LANGUAGE': 'nb', 'LC_ALL': 'C.UTF-8',
                            'CONNECT_LOCALEDIR': LOCALEDIR})
        self.addCleanup(self.app.cleanup)
        self.app.start()

    def open_view(self, title):
        self.app.click(self.app.wait_for(SWITCH, title))


class TestNorwegian(NorwegianTestCase):

    def test_view_switcher(self):
        for title in VIEWS:
            self.app.wait_for(SWITCH, title)
        for english in ('Cohorts', 'Match', 'Trial', 'Partners', 'Supply', 'Changes'):
            self.assertIsNone(self.app.find(SWITCH, english),
                              'the view switcher still says ' + english)
        self.app.wait_for('push button', 'Hovedmeny')

    def test_cohorts(self):
        self.open_view('Kohorter')
        self.app.wait_for('label', '2 av 6 kohorter')
        self.app.wait_for('push button', 'Fjern filter: Status: Åpen')
        self.app.wait_for('label', 'Åpen · Trinn 2')
        # Gene and alteration joined the Norwegian way.
        self.app.wait_for('label', 'ALK-fusjon')
        self.app.wait_for('label', '14 av 24 inkludert')
        self.app.wait_for('push button', 'Følg kohort T-001')
        for heading in ('Tumor', 'Biomarkør', 'Legemidler', 'Inkludert', 'Plasser igjen'):
            self.app.wait_for('label', heading)
        # The detail of the selected cohort.
        self.app.wait_for('label', 'Status og framdrift')
        self.app.wait_for('label', 'Deltakende studiesteder')

    def test_match(self):
        self.open_view('Matching')
        self.app.wait_for('label', 'Finn en kohort for en pasient')
        tumour = self.app.wait_for(re.compile('^(entry|text)$'), 'Tumor')
        alterations = self.app.wait_for(re.compile('^(entry|text)$'), 'Genforandringer')
        self.app.type_text('colorectal cancer', tumour)
        self.app.type_text('BRAF V600E', alterations)
        self.app.click(self.app.wait_for('push button', 'Finn kohorter'))
        self.app.wait_for('label', re.compile(r'^\d+ resultat(er)? for colorectal cancer med BRAF V600E$'))
        self.app.wait_for('label', 'Åpne kohorter')
        self.app.wait_for('label', re.compile(r'^Åpen — trinn 2, 10 av 24 plasser igjen'))

    def test_trial(self):
        self.open_view('Studie')
        self.app.wait_for('label', '1%s537 drøftet i MTB, 26%s%% tilbudt behandling, '
                                   '40%s%% sykdomskontroll' % (NBSP, NBSP, NBSP))
        self.app.wait_for('label', re.compile(r'^Tall per 31\. \S+ 2025$'))
        self.app.wait_for('label', 'Fra screening til nytte')
        self.app.wait_for(None, 'Sykdomskontroll: 100, 40%s%% av evaluerbare pasienter' % NBSP)
        self.app.wait_for('label', 'Kohorter per tumortype')
        self.app.wait_for('push button', 'Åpne studiens nettside')

    def test_partners(self):
        self.open_view('Partnere')
        for kind in ('Universitetssykehus', 'Industri', 'Teknologi', 'Offentlig etat', 'Ukjent'):
            self.app.wait_for('list', kind)
        self.app.wait_for('label', 'Ingen partner valgt')
        self.app.click(self.app.wait_for('push button', 'Vis detaljer om Roche Norge'))
        self.app.wait_for('label', 'Legemidlene er i 5 kohorter, 2 åpne')
        self.app.wait_for('label', '17 av 32 forpliktede plasser brukt, 2 reservert')
        self.app.wait_for('list', 'Kohorter med legemidlene')

    def test_supply(self):
        self.open_view('Forsyning')
        self.app.wait_for('label', '2 forpliktelser')
        self.app.wait_for('label', 'Roche Norge: 32 plasser, 17 brukt, 2 reservert, 13 igjen')
        self.app.wait_for('combo box', 'Tilstand')
        self.app.wait_for('label', 'Plasser igjen')
        self.app.wait_for('push button', 'Eksporter som CSV …')

    def test_changes(self):
        self.open_view('Endringer')
        self.app.wait_for('label', 'Ingen endringer ennå')

    def test_preferences(self):
        self.app.press('ctrl+,')
        preferences = self.app.wait_until(
            lambda: self.app.find('frame', 'Innstillinger'), message='the Preferences window')
        self.app.wait_for(None, 'Adresse til datakilden', root=preferences)
        self.app.wait_for('label', 'Oppdateringsintervall', root=preferences)


if __name__ == '__main__':
    main()
