# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end harness: drive the real CONNECT Cohorts through its
accessibility tree (AT-SPI), the way a screen reader user or GNOME's own QA
would.

Needs Debian's /usr/bin/python3 with python3-pyatspi, a display (Xvfb) and a
D-Bus session bus. Run a test file under both:

    xvfb-run -a dbus-run-session -- /usr/bin/python3 tests/e2e/test_cohorts.py

or the whole GUI suite: `xvfb-run -a dbus-run-session meson test -C BUILD
--suite gui`. The harness starts an AT-SPI bus on the session bus when
there is none.

Writing a test for a view:

    from harness import AppTestCase

    class TestMyView(AppTestCase):
        feed = 'e2e/cohorts.json'          # under tests/feeds/

        def test_something(self):
            self.app.press('ctrl+2')
            button = self.app.wait_for('push button', 'Find Cohorts')
            self.app.click(button)
            self.app.wait_until(lambda: self.app.find('label', 'E2E-01'),
                                message='E2E-01 shown')

Every role is AT-SPI's role name as pyatspi prints it ('push button',
'toggle button', 'entry', 'label', 'table row', 'list item', ...); names
are accessible names (a string for equality, a compiled regular
expression, or a callable taking the name). The app is always killed when
the test ends, and the test fails when it printed a GLib critical.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

# pyatspi's own deprecation and import warnings are not ours to fix.
warnings.filterwarnings('ignore', category=DeprecationWarning)
warnings.filterwarnings('ignore', category=ImportWarning)

# The harness talks to the accessibility bus through GLib; the bus's own
# warnings (objects that went away mid-walk) must not abort the harness,
# whatever G_DEBUG the test suite sets for the programs it tests. (Before
# pyatspi loads GLib.)
if 'G_DEBUG' in os.environ:
    os.environ['G_DEBUG'] = ','.join(
        f for f in os.environ['G_DEBUG'].split(',')
        if f not in ('fatal-warnings', 'fatal-criticals'))

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get('CONNECT_SOURCE_ROOT',
                             os.path.dirname(os.path.dirname(HERE)))
BUILD_ROOT = os.environ.get('CONNECT_BUILD_ROOT',
                            os.path.join(SOURCE_ROOT, '_build'))
FEEDS = os.environ.get('CONNECT_TEST_FEEDS',
                       os.path.join(SOURCE_ROOT, 'tests', 'feeds'))
APP_PATH = os.environ.get('CONNECT_APP',
                          os.path.join(BUILD_ROOT, 'app', 'connect-cohorts'))

# Seconds to wait for the app's window, and the default for wait_until().
START_TIMEOUT = float(os.environ.get('CONNECT_E2E_START_TIMEOUT', '30'))
WAIT_TIMEOUT = float(os.environ.get('CONNECT_E2E_TIMEOUT', '10'))

_bus_process = None
pyatspi = None


class HarnessError(AssertionError):
    """Something the test expected did not happen (reported as a failure)."""


# The AT-SPI bus

def _session_has_name(name):
    try:
        out = subprocess.run(
            ['dbus-send', '--session', '--print-reply',
             '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
             'org.freedesktop.DBus.NameHasOwner', 'string:' + name],
            capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return 'boolean true' in out.stdout


def ensure_atspi():
    """Makes sure an AT-SPI bus runs on the session bus and imports pyatspi."""
    global _bus_process, pyatspi

    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        raise HarnessError('no D-Bus session bus: run the tests under dbus-run-session')
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        raise HarnessError('no display: run the tests under xvfb-run -a')

    if not _session_has_name('org.a11y.Bus') and _bus_process is None:
        _bus_process = subprocess.Popen(
            ['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not _session_has_name('org.a11y.Bus'):
            if time.monotonic() > deadline:
                raise HarnessError('the AT-SPI bus did not start')
            time.sleep(0.1)

    if pyatspi is None:
        import pyatspi as _pyatspi  # Debian's python3-pyatspi
        pyatspi = _pyatspi


def stop_atspi():
    global _bus_process
    if _bus_process is not None:
        _bus_process.terminate()
        try:
            _bus_process.wait(5)
        except subprocess.TimeoutExpired:
            _bus_process.kill()
        _bus_process = None


# Matching

def _matches(value, pattern):
    if pattern is None:
        return True
    if callable(pattern) and not isinstance(pattern, re.Pattern):
        return bool(pattern(value))
    if isinstance(pattern, re.Pattern):
        return pattern.search(value or '') is not None
    return value == pattern


def _children(node):
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def _visible(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def _has_area(node):
    try:
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def is_showing(node):
    """Whether @node itself looks on screen. GTK 4.8 sets no SHOWING state,
    so this is VISIBLE plus a non-empty area (a stack page never shown has
    none). Use App.find_all(), which also checks every ancestor."""
    return _visible(node) and _has_area(node)


# Keys

_KEYSYMS = {
    'return': 0xff0d, 'enter': 0xff0d, 'escape': 0xff1b, 'esc': 0xff1b,
    'tab': 0xff09, 'backspace': 0xff08, 'delete': 0xffff, 'space': 0x20,
    'up': 0xff52, 'down': 0xff54, 'left': 0xff51, 'right': 0xff53,
    'home': 0xff50, 'end': 0xff57, 'page_up': 0xff55, 'page_down': 0xff56,
    'f1': 0xffbe, 'f10': 0xffc7,
}

# X modifier masks, for KEY_LOCKMODIFIERS
_MODIFIER_MASKS = {
    'shift': 1 << 0, 'ctrl': 1 << 2, 'control': 1 << 2, 'alt': 1 << 3,
    'super': 1 << 6,
}


def keysym(name):
    """The X keysym of a key name ('Return', 'ctrl', 'a', '?', 'ø')."""
    lower = name.lower()
    if lower in _KEYSYMS:
        return _KEYSYMS[lower]
    if len(name) == 1:
        code = ord(name)
        return code if code < 0x100 else 0x01000000 + code
    raise ValueError('unknown key ' + name)


class App:
    """One running instance of the app, found in the AT-SPI desktop."""

    def __init__(self, feed=None, args=(), env=None, settings=None):
        """@feed: a path (absolute, or relative to tests/feeds) given as
        --feed; @settings: {key: GVariant text} set in a keyfile before
        start (GSETTINGS_BACKEND stays 'memory' unless settings are given,
        then it is 'keyfile' in the private config directory)."""
        ensure_atspi()
        self.tmp = tempfile.mkdtemp(prefix='connect-e2e-')
        self.feed = None
        if feed is not None:
            self.feed = feed if os.path.isabs(feed) else os.path.join(FEEDS, feed)
        self.args = list(args)
        self.extra_env = dict(env or {})
        self.settings = dict(settings or {})
        self.process = None
        self.accessible = None
        self.stderr_path = os.path.join(self.tmp, 'stderr.txt')

    # Life cycle

    def _environment(self):
        keep = ('PATH', 'DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY',
                'DBUS_SESSION_BUS_ADDRESS', 'LANGUAGE', 'G_MESSAGES_DEBUG')
        env = {k: os.environ[k] for k in keep if k in os.environ}
        for sub in ('home', 'config', 'data', 'cache', 'state', 'runtime'):
            os.makedirs(os.path.join(self.tmp, sub), mode=0o700, exist_ok=True)
        env.update({
            'HOME': os.path.join(self.tmp, 'home'),
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_DATA_HOME': os.path.join(self.tmp, 'data'),
            'XDG_CACHE_HOME': os.path.join(self.tmp, 'cache'),
            'XDG_STATE_HOME': os.path.join(self.tmp, 'state'),
            'XDG_RUNTIME_DIR': os.path.join(self.tmp, 'runtime'),
            'LC_ALL': os.environ.get('CONNECT_E2E_LC_ALL', 'C.UTF-8'),
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': os.path.join(BUILD_ROOT, 'data'),
            'GSK_RENDERER': 'cairo',
            'GTK_A11Y': 'atspi',
            'GDK_BACKEND': 'x11' if 'DISPLAY' in os.environ else 'wayland',
            'GIO_USE_PROXY_RESOLVER': 'dummy',
            'GIO_USE_NETWORK_MONITOR': 'base',
            'GIO_USE_VFS': 'local',
            'SECRET_BACKEND': 'file',
            'SECRET_FILE_TEST_PATH': os.path.join(self.tmp, 'secrets'),
            'SECRET_FILE_TEST_PASSWORD': 'e2e',
            'ADW_DISABLE_PORTAL': '1',
        })
        if self.settings:
            path = os.path.join(self.tmp, 'config', 'glib-2.0', 'settings')
            os.makedirs(path, exist_ok=True)
            with open(os.path.join(path, 'keyfile'), 'w') as f:
                f.write('[org/connectnorway/Cohorts]\n')
                for key, value in self.settings.items():
                    f.write('%s=%s\n' % (key, value))
            env['GSETTINGS_BACKEND'] = 'keyfile'
        env.update(self.extra_env)
        # The accessibility bridge must be on.
        env.pop('NO_AT_BRIDGE', None)
        return env

    def start(self):
        if not os.access(APP_PATH, os.X_OK):
            raise HarnessError('the app is not built: %s' % APP_PATH)
        # A display that has just come up sometimes refuses the very first
        # client: try again a few times before calling it a failure.
        for attempt in range(3):
            self._launch()
            try:
                self.process.wait(1.0)
            except subprocess.TimeoutExpired:
                break
            if 'cannot open display' not in self.output() or attempt == 2:
                break
            time.sleep(1)
        self.accessible = self.wait_until(self._find_application,
                                          timeout=START_TIMEOUT,
                                          message='the app to appear on the AT-SPI bus')
        self.window = self.wait_until(
            lambda: self.find('frame', root=self.accessible),
            timeout=START_TIMEOUT, message='the main window to be shown')
        return self

    def _launch(self):
        if getattr(self, 'stderr_file', None) is not None:
            self.stderr_file.close()
        argv = [APP_PATH]
        if self.feed is not None:
            argv += ['--feed', self.feed]
        argv += self.args
        self.stderr_file = open(self.stderr_path, 'w')
        self.process = subprocess.Popen(argv, env=self._environment(),
                                        stdout=self.stderr_file,
                                        stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def _find_application(self):
        if self.process.poll() is not None:
            raise HarnessError('the app exited with status %s:\n%s'
                               % (self.process.returncode, self.output()))
        desktop = pyatspi.Registry.getDesktop(0)
        for app in _children(desktop):
            try:
                if app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    def stop(self):
        """Kills the app (always; safe to call twice)."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        if getattr(self, 'stderr_file', None) is not None:
            self.stderr_file.close()
            self.stderr_file = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()
        return False

    def output(self):
        """What the app printed so far (stdout and stderr)."""
        try:
            with open(self.stderr_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def criticals(self):
        return [line for line in self.output().splitlines()
                if '-CRITICAL **' in line or '-WARNING **' in line]

    # Finding

    def find_all(self, role=None, name=None, root=None, showing=True,
                 predicate=None):
        """Every node under @root (the app) with that role and name; with
        @showing only those on screen (hidden stack pages, popovers that
        are closed and recycled list rows are left out)."""
        root = root or self.accessible
        found = []
        stack = [root]
        while stack:
            node = stack.pop()
            try:
                role_name = node.getRoleName()
                node_name = node.name
            except Exception:
                continue
            # Nothing under a node that is not VISIBLE shows.
            if showing and node is not root and not _visible(node):
                continue
            if (_matches(role_name, role) and _matches(node_name, name) and
                    (not showing or node is root or _has_area(node)) and
                    (predicate is None or predicate(node))):
                found.append(node)
            stack.extend(reversed(list(_children(node))))
        return found

    def find(self, role=None, name=None, root=None, showing=True,
             predicate=None):
        hits = self.find_all(role, name, root, showing, predicate)
        return hits[0] if hits else None

    def wait_until(self, condition, timeout=None, interval=0.1, message=None):
        """Calls @condition until it returns something true, and returns
        that; fails the test after @timeout seconds."""
        timeout = WAIT_TIMEOUT if timeout is None else timeout
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                result = condition()
                if result:
                    return result
            except HarnessError:
                raise
            except Exception as e:  # a node went away mid-walk: retry
                last_error = e
            if self.process is not None and self.process.poll() is not None:
                raise HarnessError('the app exited (status %s) while waiting for %s:\n%s'
                                   % (self.process.returncode,
                                      message or condition, self.output()))
            if time.monotonic() > deadline:
                raise HarnessError('timed out after %.0f s waiting for %s%s'
                                   % (timeout, message or condition,
                                      ' (last error: %s)' % last_error if last_error else ''))
            time.sleep(interval)

    def wait_focused(self, role=None, name=None, root=None, timeout=None):
        """Waits until a node with that role and name has the keyboard
        focus, and returns it."""
        return self.wait_until(
            lambda: self.find(role, name, root,
                              predicate=lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)),
            timeout=timeout,
            message='%s %r to have the focus' % (role, name))

    def wait_for(self, role=None, name=None, root=None, timeout=None):
        return self.wait_until(lambda: self.find(role, name, root),
                               timeout=timeout,
                               message='%s %r' % (role, name))

    def wait_gone(self, role=None, name=None, root=None, timeout=None):
        return self.wait_until(lambda: self.find(role, name, root) is None,
                               timeout=timeout,
                               message='%s %r to go away' % (role, name))

    # Reading

    @staticmethod
    def text(node):
        """The text of an entry or label: its Text interface, or that of a
        descendant (a GtkSearchEntry keeps its text in a child), else its
        name."""
        pending = [node]
        while pending:
            current = pending.pop(0)
            try:
                text = current.queryText()
                value = text.getText(0, text.characterCount)
                if value:
                    return value
            except Exception:
                pass
            pending.extend(_children(current))
        return '' if node.getRoleName() in ('entry', 'text') else node.name

    def labels(self, root):
        """The texts of every label showing under @root, in order (GTK
        names a label by its text)."""
        return [n.name for n in self.find_all('label', root=root)]

    @staticmethod
    def is_on(node):
        """Whether a toggle button or check box is on (GTK 4.8 exposes a
        toggle button as a pressed push button)."""
        states = node.getState()
        return (states.contains(pyatspi.STATE_CHECKED) or
                states.contains(pyatspi.STATE_PRESSED))

    # Acting

    def click(self, node):
        """Runs the node's click (or press/activate) action."""
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        for wanted in ('click', 'press', 'activate', 'toggle'):
            if wanted in names:
                action.doAction(names.index(wanted))
                return
        raise HarnessError('%s %r has no click action (has %s)'
                           % (node.getRoleName(), node.name, names))

    def focus(self, node):
        try:
            return node.queryComponent().grabFocus()
        except Exception:
            return False

    def press(self, chord):
        """Presses a key or chord: 'Return', 'Escape', 'ctrl+f', 'ctrl+shift+c'."""
        parts = chord.split('+') if chord != '+' else ['+']
        *modifiers, key = parts
        mask = 0
        for m in modifiers:
            mask |= _MODIFIER_MASKS[m.lower()]
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
        try:
            pyatspi.Registry.generateKeyboardEvent(keysym(key), None, pyatspi.KEY_SYM)
        finally:
            if mask:
                pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
        time.sleep(0.15)

    def type_text(self, text, node=None):
        """Types @text: into @node's EditableText when it has one, else as
        key presses into whatever has the keyboard focus (focus @node
        first when given)."""
        if node is not None:
            try:
                editable = node.queryEditableText()
                editable.setTextContents(text)
                return
            except Exception:
                self.focus(node)
        for ch in text:
            pyatspi.Registry.generateKeyboardEvent(keysym(ch), None, pyatspi.KEY_SYM)
            time.sleep(0.03)
        time.sleep(0.2)


class AppTestCase(unittest.TestCase):
    """A test case that starts the app on @feed before each test and kills
    it after; fails a test that made the app print a GLib critical or
    warning."""

    feed = None
    args = ()
    settings = None
    allow_warnings = False

    def setUp(self):
        self.app = App(self.feed, self.args, settings=self.settings)
        self.addCleanup(self.app.cleanup)
        self.app.start()

    def tearDown(self):
        self.app.stop()
        if not self.allow_warnings:
            problems = self.app.criticals()
            self.assertEqual(problems, [], 'the app printed warnings:\n' + self.app.output())


def main():
    """Runs the tests of the calling module; stops the AT-SPI bus it started."""
    try:
        program = unittest.main(module='__main__', exit=False, verbosity=2)
        ok = program.result.wasSuccessful() and program.result.testsRun > 0
    finally:
        stop_atspi()
    sys.exit(0 if ok else 1)
