"""Progress bars on stderr for long runs: articles done, rate, time left.

The library reports its stages to a :data:`framing.parallel.Progress`
callback; :class:`TerminalProgress` draws them with ``rich`` (imported only
when bars are drawn). Nothing here changes what a run computes or writes:
the bars go to stderr and disappear when the run ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any


def wants_progress(progress: bool | None, *, quiet: bool) -> bool:
    """Whether to draw bars: as asked, else only on a terminal and without ``--quiet``."""
    if progress is not None:
        return progress
    return not quiet and sys.stderr.isatty()


#: The stage of reading the articles, before the analysis' own stages.
READING = "Reading"


def stage_units() -> dict[str, str]:
    """What each stage of :func:`framing.analysis.pipeline.analyse` counts."""
    from framing.analysis import pipeline
    from framing.analysis.in_depth import TONE

    return {
        READING: "articles",
        pipeline.CLEANING: "articles",
        pipeline.SENTENCES: "articles",
        TONE: "sentences",
        pipeline.COMPARING: "steps",
    }


class TerminalProgress:
    """A :data:`~framing.parallel.Progress` callback drawing one bar per stage on stderr."""

    def __init__(self, display: Any, units: Mapping[str, str]) -> None:
        self._display = display
        self._units = units
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        known = total if total > 0 else None  # 0: not known until the stage ends (a stream)
        task = self._tasks.get(stage)
        if task is None:
            unit = self._units.get(stage, "")
            task = self._tasks[stage] = self._display.add_task(stage, total=known, unit=unit)
        self._display.update(task, completed=done, total=known)

    def counting(self, stage: str) -> Callable[[int], None]:
        """A callback for a stage whose total is unknown until it ends (reading)."""
        task = self._display.add_task(stage, total=None, unit=self._units.get(stage, ""))

        def done(n: int) -> None:
            self._display.update(task, completed=n)

        return done


@contextmanager
def terminal_progress(enabled: bool) -> Iterator[TerminalProgress | None]:
    """Bars on stderr while the block runs, or ``None`` when not ``enabled``."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class CountColumn(ProgressColumn):
        """ "1,200/20,000 articles"; nothing for a stage that counts nothing."""

        def render(self, task: Any) -> Text:
            unit = task.fields.get("unit")
            if not unit:
                return Text("")
            if task.total is None:  # not known until the end: the count so far
                text = f"{int(task.completed):,} {unit}" if task.completed else ""
                return Text(text, style="progress.download")
            text = f"{int(task.completed):,}/{int(task.total):,} {unit}"
            return Text(text, style="progress.download")

    class RateColumn(ProgressColumn):
        """Articles (or sentences) per second; nothing for a stage counted in steps."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            if not speed or task.fields.get("unit") in ("", "steps", None):
                return Text("")
            return Text(f"{speed:,.0f}/s", style="progress.data.speed")

    # asked for with --progress, the bars are drawn even when stderr is not a terminal
    console = Console(stderr=True, force_terminal=True)
    display = Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=20),
        CountColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=console,
        transient=True,
    )
    with display:
        yield TerminalProgress(display, stage_units())
