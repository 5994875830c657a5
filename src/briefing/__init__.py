"""Briefing: turn many articles into a source-by-source briefing note, offline."""

__version__ = "0.1.0"
APP_ID = "io.github.briefing.Briefing"
APP_NAME = "Briefing"
