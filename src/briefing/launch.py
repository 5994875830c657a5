"""The `briefing` entry point: the CLI, with the desktop app as its default command.

The CLI knows nothing of Qt (import-linter checks it); this module hands it the app's
runner, imported only when the app is asked for, so CLI commands never load Qt.
`briefing --self-test` (briefing.selftest) starts the app offscreen on a temporary
workspace and uses every part of it: the check that a frozen build works.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefing.cli import main as cli_main


def run_app(workspace: str | None) -> int:
    """Start the desktop app on a workspace folder (None: the default workspace)."""
    from briefing.ui.app import run

    return run(workspace)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--self-test"]:
        from briefing.selftest import main as self_test

        return self_test(args[1:])
    return cli_main(args, app=run_app)
