"""`python -m briefing` and the frozen app's entry point.

`--pdf-worker` and `--index-worker` are how the PDF reader and the search
index start their helper processes in a frozen build, where there is no
separate Python to run a module with.
"""

import sys

if sys.argv[1:2] == ["--pdf-worker"]:
    from briefing.core.ingest.readers.pdf_worker import main as worker

    raise SystemExit(worker(sys.argv[2:]))
if sys.argv[1:2] == ["--index-worker"]:
    from briefing.core.search.worker import serve

    serve()
    raise SystemExit(0)

from briefing.launch import main  # noqa: E402

raise SystemExit(main())
