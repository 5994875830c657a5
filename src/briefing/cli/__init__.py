"""The `briefing` command: the desktop app by default, and sub-commands over the core.

Exit codes: 0 success, 1 some input failed (e.g. a file could not be imported),
2 usage or workspace errors.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing import __version__
from briefing.cli import (
    archive,
    briefs,
    claims,
    cleaning,
    collections,
    details,
    library,
    marks,
    notes,
    safety,
    speakers,
)
from briefing.cli.common import CliError
from briefing.core.diskerrors import WriteFailed, is_write_fault, write_failed
from briefing.core.logs import configure_logging, unraisable_logged

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn many articles into a source-by-source briefing note, offline.",
        epilog="`briefing --self-test` checks the app itself: it starts it offscreen on a "
               "temporary workspace and uses every part (exit 0 if all worked).")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--workspace", metavar="DIR",
                        help="workspace folder (default: $BRIEFING_WORKSPACE or the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.set_defaults(func=_run_gui)
    library.register(sub)
    details.register(sub)
    cleaning.register(sub)
    marks.register(sub)
    notes.register(sub)
    claims.register(sub)
    speakers.register(sub)
    collections.register(sub)
    briefs.register(sub)
    archive.register(sub)
    safety.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    if args.app is None:
        raise CliError("the desktop app is not part of this entry point; "
                       "start it with `briefing` or `python -m briefing`")
    return int(args.app(args.workspace))


def main(argv: Sequence[str] | None = None,
         app: Callable[[str | None], int] | None = None) -> int:
    """Run a sub-command; with none (or `gui`), start the desktop app through `app`,
    which `briefing.launch` provides (the CLI itself never imports Qt)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.app = app
    if args.command is None:
        args.func = _run_gui
    log_file = configure_logging()
    with unraisable_logged() as collect:
        code = _dispatch(args, log_file)
        if code not in (0, 1):
            collect()  # what a failed write left open is closed (and logged) now, quietly
    return code


def _dispatch(args: argparse.Namespace, log_file: Path | None) -> int:
    """Run the sub-command; every failure becomes one line on stderr and an exit code."""
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return exc.code
    except WriteFailed as exc:
        log.error("%s", exc)
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        log.exception("`%s` failed", args.command or "gui")
        if is_write_fault(exc):
            where = getattr(exc, "filename", None) or args.workspace or "the workspace"
            print(f"briefing: {write_failed(args.command or 'command', where, exc)}",
                  file=sys.stderr)
        elif isinstance(exc, sqlite3.DatabaseError):
            print(f"briefing: {args.command or 'gui'}: the library is damaged or cannot be "
                  f"read ({exc}); nothing was changed. `briefing check` says more, "
                  "`briefing restore` puts back a backup", file=sys.stderr)
        elif isinstance(exc, OSError):
            where = f" {exc.filename}" if exc.filename else ""
            print(f"briefing: {args.command or 'gui'}:{where}: {exc.strerror or exc}; "
                  "nothing was changed", file=sys.stderr)
        else:
            detail = f" (details in {log_file})" if log_file else ""
            print(f"briefing: {args.command or 'briefing'} failed: an unexpected error "
                  f"({type(exc).__name__}: {str(exc)[:200]}){detail}", file=sys.stderr)
        return 2
