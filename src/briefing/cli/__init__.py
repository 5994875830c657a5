"""The `briefing` command: the desktop app by default, and sub-commands over the core.

Exit codes: 0 success, 1 some input failed (e.g. a file could not be imported),
2 usage or workspace errors.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.cli import claims, library, marks, notes, safety
from briefing.cli.common import CliError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn many articles into a source-by-source briefing note, offline.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--workspace", metavar="DIR",
                        help="workspace folder (default: $BRIEFING_WORKSPACE or the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.set_defaults(func=_run_gui)
    library.register(sub)
    marks.register(sub)
    notes.register(sub)
    claims.register(sub)
    safety.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from briefing.ui.app import run

    return run(args.workspace)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func = _run_gui
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.DatabaseError as exc:
        log.exception("database error in %s", args.command)
        print(f"briefing: {args.command or 'gui'}: the library is damaged or cannot be read "
              f"({exc}); nothing was changed. `briefing check` says more, `briefing restore` "
              "puts back a backup",
              file=sys.stderr)
        return 2
    except OSError as exc:
        log.exception("I/O error in %s", args.command)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"briefing: {args.command or 'gui'}:{where}: {exc.strerror or exc}; "
              "nothing was changed", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        log.exception("unexpected error in %s", args.command)
        print(f"briefing: {args.command or 'gui'} failed unexpectedly ({type(exc).__name__}: "
              f"{exc}); the details are in the log", file=sys.stderr)
        return 2
