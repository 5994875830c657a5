"""Briefing: turn many articles into a source-by-source briefing note, offline."""

import logging as _logging

__version__ = "0.1.0"
APP_ID = "io.github.briefing.Briefing"
APP_NAME = "Briefing"

# Library convention: the app's entry points configure real handlers (a rotating log file);
# until then nothing Briefing logs falls through to Python's last-resort stderr handler.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
