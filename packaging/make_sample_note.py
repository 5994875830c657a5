"""Export the sample briefing note and picture its pages for docs/ (and the README).

Run from the repository root:  python packaging/make_sample_note.py [OUT_DIR]
Builds a throwaway workspace on the sample corpus with a dozen highlights in
four perspectives (tests/export_sample.py), exports docs/briefing-note.docx,
converts it to PDF with LibreOffice and renders the first page (title block,
summary, first sections) and the last (comparison table, sources) to PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from briefing.core.export import BriefingSpec, export_briefing  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from export_sample import build_sample  # noqa: E402

SPEC = BriefingSpec(
    title="North Korean troops in Russia\u2019s war: who claims what",
    summary=("North Korea has sent between 10,000 and 15,000 troops to Russia, depending on whose "
             "estimate is used: US officials give the lowest figure, South Korean officials the "
             "highest, and Ukrainian intelligence sits in between.\n"
             "Casualty figures diverge fourfold (US about 1,000; Ukraine about 4,000) and neither "
             "is independently verified. No Chinese official source confirms the deployment; "
             "Beijing\u2019s public line remains neutral."),
    author="J. Analyst, Eastern Europe desk",
    marking="OFFICIAL",
    date="2025-01-20",
    citation_style="footnotes",  # Chicago notes at the foot of each page, and the source list
)


def main(out_dir: Path = ROOT / "docs") -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-sample-") as tmp:
        with Workspace.open(Path(tmp) / "ws") as ws:
            build_sample(ws)  # figures for the comparison come from the claims engine
            report = export_briefing(ws, SPEC, Path(tmp) / "briefing-note.docx")
        print(report.line())
        soffice = shutil.which("soffice")
        if soffice is None:
            print("LibreOffice (soffice) is not installed: no PDF or PNG made", file=sys.stderr)
            return 1
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp,
                        str(report.path)], check=True, capture_output=True, timeout=120)
        pdf = Path(tmp) / "briefing-note.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                              timeout=60).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        for n, name in ((1, "briefing-note.png"), (pages, "briefing-note-figures.png")):
            stem = Path(tmp) / f"page{n}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(n), "-l", str(n),
                            "-singlefile", str(pdf), str(stem)], check=True, timeout=60)
            shutil.copy(stem.with_suffix(".png"), out_dir / name)
            print(f"wrote {out_dir / name} (page {n} of {pages})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
