"""A problem of a lexicon file, as ``framing lexicon validate`` reports it.

The lowest module of the validator: :class:`Problem`, its two severities,
and :func:`count_problems`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem of a lexicon file: where it is, how bad, and what is wrong.

    ``severity`` is ``"error"`` (the set cannot be loaded, or an entry can
    never count) or ``"warning"`` (legal, but probably not what was meant).
    ``line`` is ``None`` for a problem of the whole file.
    """

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


def count_problems(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) among ``problems``."""
    kinds = Counter(p.severity for p in problems)
    return kinds[ERROR], kinds[WARNING]
