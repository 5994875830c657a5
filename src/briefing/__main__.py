"""`python -m briefing` and the frozen app's entry point.

`--pdf-worker` is how the PDF reader starts its sandboxed subprocess in a
frozen build, where there is no separate Python to run a module with.
"""

import sys

if sys.argv[1:2] == ["--pdf-worker"]:
    from briefing.core.ingest.readers.pdf_worker import main as worker

    raise SystemExit(worker(sys.argv[2:]))

from briefing.cli import main  # noqa: E402

raise SystemExit(main())
