#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control has an accessible name, without a mnemonic's underscore.

Walks the accessibility tree of every view of the main window (each page
of the view switcher, clicked in turn), of the Preferences window and of
the About window, on the sample data built into the app. Fails on any
control a screen reader would announce without a name — a button, toggle
button, check box, switch, radio button, entry, text, spin button, combo
box, slider or link whose name is empty or only GTK's fallback (the class
name, such as 'GtkImage') — and lists each one with its path.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
from harness import AppTestCase, main  # noqa: E402

# The roles (as pyatspi prints them) that must have a name.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'switch',
    'entry', 'text', 'password text', 'spin button', 'combo box',
    'slider', 'link', 'menu item', 'check menu item', 'radio menu item',
}

# GTK 4.8 names a widget that has no name after its class.
FALLBACK_NAME = re.compile(r'^(Gtk|Adw|Connect)[A-Z][A-Za-z]*$')

# Cap on the nodes visited per window, so a huge list cannot hang the test.
MAX_NODES = 20000


# A mnemonic's underscore left in a name ("_Retry Retry": GTK 4.8 names a
# button with a mnemonic label after the raw label and its text).
RAW_MNEMONIC = re.compile(r'(^|\s)_\w')


def unnamed(name):
    name = (name or '').strip()
    return (name == '' or FALLBACK_NAME.match(name) is not None
            or RAW_MNEMONIC.search(name) is not None)


def describe(node):
    try:
        return '%s %r' % (node.getRoleName(), node.name or '')
    except Exception:
        return '?'


def is_visible(node):
    try:
        return node.getState().contains(harness.pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def unnamed_controls(root):
    """[(path, node)] of the unnamed controls on screen under @root.
    Subtrees that are not visible (other stack pages, closed popovers) are
    left out; a control counts when it is showing (visible, with an area)."""
    found = []
    visited = 0
    stack = [(root, describe(root))]
    while stack:
        node, path = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            raise AssertionError('more than %d accessible nodes under %s'
                                 % (MAX_NODES, describe(root)))
        try:
            role = node.getRoleName()
            name = node.name
        except Exception:
            continue
        if role in CONTROL_ROLES and harness.is_showing(node) and unnamed(name):
            found.append(path)
        children = []
        for i, child in enumerate(harness._children(node)):
            if not is_visible(child):
                continue
            children.append((child, '%s > %s[%d]' % (path, describe(child), i)))
        stack.extend(reversed(children))
    return found


class TestAccessibleNames(AppTestCase):
    feed = None          # the sample data: every view has content
    allow_warnings = False

    def view_tabs(self):
        """The names of the view switcher's pages, in order, from the
        switcher that is on screen."""
        tabs = self.app.wait_until(lambda: self.app.find_all('page tab', root=self.app.window),
                                   message='the view switcher')
        names = []
        for tab in tabs:
            if tab.name and tab.name not in names:
                names.append(tab.name)
        return names

    def show_view(self, name):
        tab = self.app.wait_for('page tab', name, root=self.app.window)
        self.app.click(tab)
        self.app.wait_until(
            lambda: tab.getState().contains(harness.pyatspi.STATE_CHECKED) or
            tab.getState().contains(harness.pyatspi.STATE_SELECTED),
            message='the %s view to be shown' % name)
        # Let the page build its rows.
        time.sleep(1.0)

    def window(self, title):
        return self.app.wait_until(
            lambda: self.app.find('frame', title, root=self.app.accessible),
            message='the %s window' % title)

    def test_every_view_and_window(self):
        problems = []
        seen = set()

        views = self.view_tabs()
        self.assertGreaterEqual(len(views), 2, 'the view switcher shows %s' % views)
        for view in views:
            self.show_view(view)
            started = time.monotonic()
            # GTK 4.8 keeps a view shown once "visible" with its old area
            # after it is hidden: report each control once, under the view
            # that first showed it.
            for path in unnamed_controls(self.app.window):
                if path not in seen:
                    seen.add(path)
                    problems.append('%s view: %s' % (view, path))
            sys.stderr.write('%s view walked in %.1f s\n' % (view, time.monotonic() - started))

        # The empty state of the Cohorts view, with its buttons.
        self.show_view(views[0])
        self.app.press('ctrl+f')
        self.app.type_text('zzzq')
        self.app.wait_for('label', 'No Matching Cohorts')
        self.app.wait_for('push button', 'Clear Search and Filters')
        for path in unnamed_controls(self.app.window):
            if path not in seen:
                seen.add(path)
                problems.append('no matching cohorts: %s' % path)

        # Preferences (Ctrl+,).
        self.app.press('ctrl+,')
        prefs = self.window('Preferences')
        self.app.wait_for('text', 'Feed Address', root=prefs)
        for path in unnamed_controls(prefs):
            problems.append('Preferences: %s' % path)
        self.app.press('Escape')
        self.app.wait_until(lambda: self.app.find('frame', 'Preferences') is None,
                            message='the Preferences window to close')

        # About, from the main menu (F10 opens it).
        self.app.press('f10')
        item = self.app.wait_for('menu item', 'About CONNECT Cohorts')
        self.app.click(item)
        about = self.window('About')
        self.app.wait_for('label', 'CONNECT Cohorts', root=about)
        for path in unnamed_controls(about):
            problems.append('About: %s' % path)

        self.assertEqual(problems, [], '%d controls have no accessible name:\n  %s'
                         % (len(problems), '\n  '.join(problems)))


if __name__ == '__main__':
    main()
