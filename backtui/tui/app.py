"""The backtui application: loads the library, opens the dashboard, builder or runner.

The dashboard draws its first frame before the plugins load: loading runs in a
thread once the first frame is up, and the dashboard fills in totals and steps
when it arrives. The builder and runner need the library, so opening either
waits for it (``ensure_library``); nothing loads plugins twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from backtui.core.clock import Clock, MonotonicClock
from backtui.tui.notices import tell
from backtui.tui.screens.too_small import TooSmallScreen, is_too_small

if TYPE_CHECKING:
    from backtui.core.cues import CueDispatcher
    from backtui.core.history import Opened
    from backtui.core.library import Library
    from backtui.core.plugins import LoadResult
    from backtui.core.routine import Routine

Start = Literal["dashboard", "build", "run"]

#: Palette titles and help for screen actions whose key's description is too short to search by.
#: Every other action of a screen is offered under its key's own description.
PALETTE_TITLES: dict[str, tuple[str, str]] = {
    "new": ("New routine", "Build a routine from the exercise library"),
    "run": ("Run selected routine", "Start the timer for the selected routine"),
    "edit": ("Edit selected routine", "Open the selected routine in the builder"),
    "duplicate": ("Duplicate selected routine", "Copy it into your own folder under a new name"),
    "delete": ("Delete selected routine", "Delete one of your own routines"),
    "history": ("History", "Past sessions with the pain before and after"),
}

#: Actions the app offers on every screen (below), so a screen's own key for them isn't listed twice.
APP_ACTIONS = frozenset({"plugins", "avoid", "help", "avoid_list", "app.help", "quit"})


def screen_commands(screen_class: type[Screen[Any]]) -> list[tuple[str, str, str]]:
    """(title, help, action) for every action bound by a screen's own keys, as the palette offers them.

    Read from the screen's BINDINGS (and its backtui base classes'), so a key added to a
    screen is in its palette too; the help is the binding's tooltip or description, with its keys.
    """
    from textual.binding import Binding
    from textual.keys import format_key

    from backtui.tui.screens.help import own_bindings

    keys: dict[str, list[Binding]] = {}
    for binding in Binding.make_bindings(own_bindings(screen_class)):
        keys.setdefault(binding.action, []).append(binding)
    commands = []
    for action, bindings in keys.items():
        first = bindings[0]
        title, help_text = PALETTE_TITLES.get(action, (first.description or action.replace("_", " "), ""))
        help_text = help_text or first.tooltip or first.description
        shown = ", ".join(format_key(b.key) for b in bindings)
        commands.append((title, f"{help_text} ({shown})", action))
    return commands


class BacktuiApp(App[int]):
    """``App[int]``: the exit code ``run_app`` returns."""

    # The dashboard is the default screen, which Textual mounts without reading its
    # CSS_PATH, so the app reads that file for it.
    CSS_PATH = ["app.tcss", "screens/dashboard.tcss"]
    TITLE = "backtui"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",  # short: the footers show it at their right-hand end
            show=False,
            tooltip="Command palette: search every action",
        ),
        Binding("ctrl+q", "quit", "Quit at once", show=False),
        Binding("ctrl+z", "suspend_process", "Suspend to the shell (fg to come back)", show=False),
    ]

    def __init__(
        self,
        *,
        library: Library | None = None,
        load_result: LoadResult | None = None,
        clock: Clock | None = None,
        start: Start = "dashboard",
        path: Path | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        if library is None and load_result is not None:
            from backtui.core.library import Library

            library = Library.from_load(load_result)
        self.library: Library | None = library
        self.clock: Clock = clock or MonotonicClock()
        self.start = start
        self.start_path = path
        self.cursor_blink = cursor_blink
        self._load_lock = threading.Lock()
        self._announced = False
        self._load_error = ""
        self._unknown_names = ""
        self._history: Opened | None = None
        self._cues: CueDispatcher | None = None

    @property
    def history(self) -> Opened:
        """The session history, opened on first use; ``.history`` is None (and ``.error`` says why) when off."""
        if self._history is None:
            from backtui.core import paths
            from backtui.core.history import Opened, open_history

            # A BACKTUI_HOME that can't be used turns the history off, saying why, and nothing else.
            problem = paths.home_problem()
            self._history = Opened(None, problem) if problem else open_history()
        return self._history

    @property
    def cues(self) -> CueDispatcher:
        """The cue plugins' dispatcher, started on first use with the library's cue plugins."""
        if self._cues is None:
            from backtui.core.cues import CueDispatcher
            from backtui.core.settings import load_settings

            settings, _ = load_settings()
            try:
                loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
            except RuntimeError:  # not running (a test asking outside the app): take_problems() still works
                loop = None

            def problem_arrived() -> None:  # called from a plugin's thread, or this one
                with contextlib.suppress(RuntimeError):  # the app has closed its loop: nobody to tell
                    if loop is not None:
                        loop.call_soon_threadsafe(self._report_cue_problems)

            self._cues = CueDispatcher(self.ensure_library().records, settings.cues, on_problem=problem_arrived)
        return self._cues

    def _report_cue_problems(self) -> None:
        """A cue plugin that raised, stalled or has no engine: one notification each (runs on the UI thread)."""
        if self._cues is None:
            return
        for problem in self._cues.take_problems():
            if problem.notice:  # nothing broke (no engine, no sound device): short, so the countdown stays clear
                tell(self, problem.message, title="Spoken cues are off", timeout=4)
                continue
            tell(
                self,
                problem.describe(),
                then="The routine goes on; the plugins view (P on the dashboard) lists it.",
                title="A cue plugin failed",
                severity="warning",
                timeout=10,
            )

    def on_unmount(self) -> None:
        if self._cues is not None:
            self._cues.close()

    # -- the library ------------------------------------------------------------------------

    @property
    def library_loaded(self) -> bool:
        return self.library is not None

    def ensure_library(self) -> Library:
        """The library, loading the plugins now if the background load hasn't finished."""
        library = self._load_library()
        self._announce_failures()
        return library

    def load_library_in_background(self) -> None:
        """Load the plugins in a thread; the dashboard refreshes when they arrive. Does nothing if loaded."""
        if self.library is not None:
            return

        def work() -> None:
            self._load_library()
            self.call_from_thread(self._library_ready)

        self.run_worker(work, thread=True, exclusive=True, group="library", exit_on_error=False)

    def _load_library(self) -> Library:
        """Load the plugins once, whichever thread asks first; the other waits for the same library."""
        with self._load_lock:
            if self.library is None:
                from backtui.core.library import Library
                from backtui.core.plugins import load

                try:
                    result = load()
                    self.library = Library.from_load(result)
                    self._unknown_names = result.unknown_names  # a typo in BACKTUI_LOAD_PLUGINS, said once
                except Exception as exc:  # BACKTUI_STRICT_PLUGINS's PluginError: say so, run with no sources
                    self._load_error = " ".join(str(exc).split()) or type(exc).__name__
                    self.library = Library()
            return self.library

    def _library_ready(self) -> None:
        self._announce_failures()
        from backtui.tui.screens.dashboard import DashboardScreen

        for screen in self.screen_stack:
            if isinstance(screen, DashboardScreen):
                screen.library_changed()

    def _announce_failures(self) -> None:
        """One notification per failing plugin, once."""
        if self._announced or self.library is None:
            return
        self._announced = True
        if self._load_error:
            tell(self, self._load_error, title="Plugins could not be loaded", severity="error", timeout=12)
        if self._unknown_names:
            tell(self, self._unknown_names, title="Unknown plugin names", severity="warning", timeout=12)
        for record in self.library.failed:
            tell(
                self,
                record.describe(),
                then="Press P for the plugins view.",
                title="A plugin failed to load",
                severity="error",
                timeout=12,
            )

    # -- start-up -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The dashboard is the app's first screen (no blank screen drawn before it)."""
        if self.start == "dashboard":
            from backtui.tui.screens.dashboard import DashboardScreen

            return DashboardScreen()
        return super().get_default_screen()

    def on_mount(self) -> None:
        self._apply_settings()
        if self.start == "dashboard":
            self._announce_failures()  # the dashboard itself asks for the library once it has drawn
        elif self.start == "build":
            path = self.start_path
            self.open_builder(path, new=path is None or not path.exists())
        else:
            assert self.start_path is not None, "backtui run needs a routine file"
            self.open_runner(self.start_path)
        self._check_size(self.size.width, self.size.height)

    def _apply_settings(self) -> None:
        """The theme chosen last time; from now on a theme chosen in the palette is kept in the settings file.

        With no settings file (nothing chosen yet) nothing is imported: the first frame stays quick.
        """
        from backtui.core import paths

        self.watch(self, "theme", self._keep_theme, init=False)
        try:
            if not (paths.home() / "settings.toml").exists():
                return
        except OSError:  # an unusable BACKTUI_HOME: the history line says why; the defaults do
            return
        from backtui.core.settings import load_settings

        settings, problem = load_settings()
        if problem:
            tell(self, problem, title="Settings not read; using the defaults", severity="warning")
        if settings.theme and settings.theme in self.available_themes:
            self.theme = settings.theme

    def _keep_theme(self, theme: str) -> None:
        import msgspec

        from backtui.core.settings import load_settings, save_settings

        settings, problem = load_settings()
        if problem or settings.theme == theme:
            return  # never overwrite a file that couldn't be read: the user may want to fix it
        try:
            save_settings(msgspec.structs.replace(settings, theme=theme))
        except OSError as exc:
            tell(self, f"The theme can't be kept for next time: {exc.strerror or exc}", severity="warning")

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if is_too_small(width, height) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not is_too_small(width, height):
            self.pop_screen()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    # -- opening routines -----------------------------------------------------------------------

    def _load_or_explain(self, path: Path, doing: str, retry: Retry) -> Routine | None:
        """The routine at ``path``, or ``None`` after opening the error view with ``validate``'s message."""
        from backtui.core.routine_files import load_routine
        from backtui.core.tomlfile import DataError
        from backtui.tui.formatting import display_path

        shown = display_path(path)
        try:
            return load_routine(path, shown)
        except DataError as exc:
            self._explain(shown, str(exc), doing, retry)
            return None

    def _explain(self, shown: str, message: str, doing: str, retry: Retry) -> None:
        """Open the error view; ``r`` there calls ``retry``, going back leaves ``backtui run``/``build`` with 1."""
        from backtui.tui.screens.error import ErrorScreen

        def answered(again: bool | None) -> None:
            if again:
                retry()
            elif self.start != "dashboard":
                self.exit(1)

        self.push_screen(ErrorScreen(shown, message, doing=doing), answered)

    def open_builder(self, path: Path | None, *, new: bool = False) -> None:
        """Edit the routine at ``path``; ``new`` starts an empty one (saved to ``path`` if given)."""
        routine = None
        if path is not None and not new:
            routine = self._load_or_explain(path, "edit", lambda: self.open_builder(path, new=new))
            if routine is None:
                return
        library = self.ensure_library()
        try:
            from backtui.tui.screens.builder import BuilderScreen  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as exc:
            self._unavailable("builder", exc)
            return
        screen = BuilderScreen(library, routine=routine, path=path, bundled=self.is_bundled(path))
        self.push_screen(screen, self._builder_closed)

    def open_runner(self, path: Path) -> None:
        """Run the routine at ``path``, only if ``validate`` finds no error in it; warnings ask first.

        An error (an exercise no loaded source has, a step that can't be timed) opens the
        error view with ``validate``'s one-line messages: a routine that can't be run
        right is not run at all. Warnings (an exercise a source says to avoid …) are
        listed in a question before the runner starts.
        """

        def retry() -> None:
            self.open_runner(path)

        routine = self._load_or_explain(path, "run", retry)
        if routine is None:
            return
        library = self.ensure_library()
        from backtui.core.routine_check import check
        from backtui.tui.formatting import display_path

        shown = display_path(path)
        problems = check(routine, library, shown)
        errors = [str(p) for p in problems if p.is_error]
        if errors:
            self._explain(shown, "\n".join(errors), "run", retry)
            return
        warnings = [str(p) for p in problems if not p.is_error]
        if not warnings:
            self._start_runner(path, routine, library)
            return
        from backtui.tui.screens.confirm import ConfirmScreen

        def answered(go: bool | None) -> None:
            if go:
                self._start_runner(path, routine, library)
            elif self.start != "dashboard":
                self.exit(0)

        self.push_screen(
            ConfirmScreen("Run this routine anyway?", "\n".join(warnings), yes="Run it", no="Go back"), answered
        )

    def _start_runner(self, path: Path, routine: Routine, library: Library) -> None:
        try:
            from backtui.tui.screens.runner import RunnerScreen  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as exc:
            self._unavailable("runner", exc)
            return
        from backtui.core.history import HistoryRecorder
        from backtui.tui.screens.checkin import run_with_checkins

        def history_failed(message: str) -> None:
            tell(self, f"History is off: {message}", severity="warning", timeout=10)

        from backtui.core.cues import CueFollower
        from backtui.core.settings import load_settings

        recorder = HistoryRecorder(self.history.history, routine, path, on_error=history_failed)
        settings, _ = load_settings()
        muted = settings.mute
        cues = CueFollower(self.cues.send, muted=muted)
        if self.history.history is not None and self.history.history.readonly:
            tell(self, f"{self.history.off_message} This run won't be recorded.", severity="warning")

        def closed(result: object) -> None:
            self._keep_mute(muted, cues.muted)
            self._runner_closed(result)

        run_with_checkins(
            self,
            recorder,
            lambda listener: RunnerScreen(
                routine, library, self.clock, path=path, listener=listener, cues=cues, bell=not muted
            ),
            closed,
        )

    def _keep_mute(self, was: bool, now: bool) -> None:
        """``m`` in the runner is remembered for the next run, in the settings file."""
        if was == now:
            return
        import msgspec

        from backtui.core.settings import load_settings, save_settings

        settings, problem = load_settings()
        if problem:  # an unreadable settings file is left alone
            return
        try:
            save_settings(msgspec.structs.replace(settings, mute=now))
        except OSError as exc:
            tell(self, f"Could not save the mute setting: {exc.strerror or exc}", severity="warning")

    def _unavailable(self, what: str, exc: ImportError) -> None:
        """A screen that cannot be imported is an error to show, not a crash."""
        text = f"The {what} can't be opened: {exc}"
        if self.start != "dashboard":
            self.exit(1, return_code=1, message=f"backtui: {text}")  # printed once the terminal is restored
        else:
            tell(self, text, title="Not available", severity="error")

    @staticmethod
    def is_bundled(path: Path | None) -> bool:
        if path is None:
            return False
        from backtui.core import paths

        try:
            return path.resolve().is_relative_to(paths.bundled_routines_dir().resolve())
        except OSError:
            return False

    def _builder_closed(self, saved: Path | None) -> None:
        if self.start != "dashboard":
            self.exit(0)
            return
        self._refresh_dashboard(saved)

    def _runner_closed(self, _result: object) -> None:
        if self.start != "dashboard":
            self.exit(0)
            return
        self._refresh_dashboard(None)

    def _refresh_dashboard(self, select: Path | None) -> None:
        from backtui.tui.screens.dashboard import DashboardScreen

        for screen in self.screen_stack:
            if isinstance(screen, DashboardScreen):
                screen.refresh_routines(select=select)

    # -- actions and the command palette ---------------------------------------------------------

    def action_help(self) -> None:
        from backtui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_plugins(self) -> None:
        from backtui.tui.screens.plugins import PluginsScreen

        library = self.ensure_library()
        problems = dict(self._cues.problems) if self._cues is not None else {}
        self.push_screen(PluginsScreen(library.records, error=self._load_error, cue_problems=problems))

    def action_avoid(self) -> None:
        from backtui.tui.screens.avoid import AvoidScreen

        self.push_screen(AvoidScreen(self.ensure_library()))

    def action_suspend_process(self) -> None:
        """Ctrl+Z: hand the terminal back to the shell, as any job would.

        Textual stops only its own process. Under ``uv run backtui`` the shell's job is
        uv, which kept waiting, so the shell never got its prompt back. When this
        process's group (the shell's job) owns the terminal, the app restores the
        terminal first, while it may still write to it, then stops the whole group;
        the shell's ``fg`` continues both, and the app takes the screen back.
        """
        import os
        import signal
        import sys

        stdin = sys.__stdin__
        driver = self._driver
        try:
            group = os.getpgrp()
            owns_terminal = stdin is not None and os.tcgetpgrp(stdin.fileno()) == group
        except (OSError, AttributeError):  # no terminal, or no job control (Windows)
            owns_terminal = False
        if not owns_terminal or driver is None or not driver.can_suspend:
            super().action_suspend_process()
            return
        with self.suspend():  # publishes the suspend signal: the runner pauses its session
            os.killpg(group, signal.SIGSTOP)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # ``screen`` is the screen the palette was opened from; the palette is on top of it.
        for title, help_text, action in screen_commands(type(screen)):
            if action not in APP_ACTIONS:
                yield SystemCommand(title, help_text, self._palette(screen, action))
        yield SystemCommand("Plugins", "Every exercise source, where it comes from, any error (P)", self.action_plugins)
        yield SystemCommand("Avoid list", "Exercises the sources advise against, and why (a)", self.action_avoid)
        yield SystemCommand("Help", "Every key of every screen (?)", self.action_help)
        yield from (c for c in super().get_system_commands(screen) if c.title in {"Theme", "Quit", "Keys"})

    @staticmethod
    def _palette(screen: Screen[Any], action: str) -> ActionCallback:
        async def run() -> None:
            await screen.run_action(action)

        return run


if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    Retry = Callable[[], None]
    ActionCallback = Callable[[], Awaitable[None]]


def run_app(start: Start = "dashboard", path: Path | None = None) -> int:
    """Run the app in the terminal; the exit code for the command line."""
    app = BacktuiApp(start=start, path=path)
    code = app.run()
    return code if isinstance(code, int) else 0
