"""Briefing note sub-command: export."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Added once the exporter lands (issue 6)."""
