"""Qt-free core: everything Briefing does, usable from the CLI and the UI alike.

Nothing below this package may import Qt (tests/test_layering.py checks it).
"""
