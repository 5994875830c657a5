"""The `briefing` entry point: the CLI, with the desktop app as its default command.

The CLI knows nothing of Qt (import-linter checks it); this module hands it the app's
runner, imported only when the app is asked for, so CLI commands never load Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.cli import main as cli_main


def run_app(workspace: str | None) -> int:
    """Start the desktop app on a workspace folder (None: the default workspace)."""
    from briefing.ui.app import run

    return run(workspace)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, app=run_app)
