"""The ``framing`` command line: typer apps over the library, nothing more.

:mod:`framing.cli.app` holds the root app and ``framing report``,
:mod:`framing.cli.lexicon` the ``framing lexicon`` commands, and
:mod:`framing.cli.common` the error handling and printing they share.
"""

from framing.cli.app import app, main

__all__ = ["app", "main"]
