"""Child process that parses one PDF with pypdf: PDF bytes on stdin, JSON on stdout.

pypdf has had infinite loops and crashes on malformed files, so it never runs in the
app's own process: `pdf.read_pdf` starts this module with a time limit, and the first
thing it does is cap its own address space (argv[1], bytes) so a hostile file cannot eat
the machine's memory (and its CPU time, in case the parent dies before its timer fires).
Run as `python -m briefing.core.ingest.readers.pdf_worker MEMORY CPU_SECONDS`, or in a
frozen (PyInstaller) build as `briefing --pdf-worker MEMORY CPU_SECONDS`.

Output: {"ok": true, "pages": [...], "meta": {...}} or {"ok": false, "error": KIND,
"detail": "..."} with KIND one of "encrypted", "damaged", "memory".
"""

from __future__ import annotations

import io
import json
import logging
import sys


def _limit(memory: int, cpu_seconds: int | None) -> None:
    """Cap address space, and CPU time as a backstop if the parent dies before its timer."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    for kind, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu_seconds)):
        if value is None:
            continue
        try:
            soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, hard))
        except (ValueError, OSError):
            pass


def _meta(reader: object) -> dict[str, str | None]:
    out: dict[str, str | None] = {"title": None, "author": None, "created": None}
    try:
        info = reader.metadata  # type: ignore[attr-defined]
        if info is None:
            return out
        for key, field in (("title", "/Title"), ("author", "/Author"),
                           ("created", "/CreationDate")):
            value = info.get(field)
            if value is not None:
                out[key] = str(value.get_object() if hasattr(value, "get_object") else value)
    except Exception:  # damaged info dictionary: the text is still worth having
        pass
    return out


# What running out of the address-space cap looks like besides MemoryError (also read by
# the parent in the worker's stderr when it dies before answering).
OUT_OF_MEMORY_SIGNS = ("MemoryError", "failed to map segment", "Cannot allocate memory")


def _out_of_memory(exc: BaseException) -> bool:
    """Under the address-space cap, a lazily loaded C extension fails with an ImportError
    ("failed to map segment from shared object") instead of MemoryError."""
    text = str(exc)
    return any(sign in text for sign in OUT_OF_MEMORY_SIGNS)


def extract(data: bytes) -> dict[str, object]:
    """Parse the PDF; return the JSON-able result described in the module docstring."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return {"ok": False, "error": "encrypted", "detail": "needs a password"}
            except DependencyError as exc:
                return {"ok": False, "error": "encrypted", "detail": str(exc)}
        pages = []
        failed = 0
        for page in reader.pages:
            try:
                pages.append(page.extract_text() or "")
            except (FileNotDecryptedError, DependencyError):
                return {"ok": False, "error": "encrypted", "detail": "needs a password"}
            except MemoryError:
                raise
            except Exception as exc:
                if _out_of_memory(exc):
                    raise
                failed += 1
                pages.append("")
    except MemoryError:
        return {"ok": False, "error": "memory", "detail": "ran out of memory"}
    except FileNotDecryptedError:
        return {"ok": False, "error": "encrypted", "detail": "needs a password"}
    except (PdfReadError, Exception) as exc:
        if _out_of_memory(exc):
            return {"ok": False, "error": "memory", "detail": "ran out of memory"}
        return {"ok": False, "error": "damaged", "detail": f"{type(exc).__name__}: {exc}"[:200]}
    return {"ok": True, "pages": pages, "failed_pages": failed, "meta": _meta(reader)}


def main(argv: list[str] | None = None) -> int:
    """Entry point: argv is [memory limit in bytes, CPU limit in seconds] (default:
    sys.argv[1:]). The JSON answer is the only thing written to stdout."""
    args = sys.argv[1:] if argv is None else argv
    # Load pypdf and its C extensions first: under a low address-space cap the dynamic
    # loader fails ("failed to map segment") before Python can raise MemoryError.
    import pypdf  # noqa: F401

    _limit(int(args[0]) if args else 1_500_000_000, int(args[1]) if len(args) > 1 else None)
    logging.disable(logging.CRITICAL)  # pypdf logs every repair it makes; the parent decides
    out, sys.stdout = sys.stdout, sys.stderr  # a stray print must not corrupt the answer
    data = sys.stdin.buffer.read()
    try:
        result = extract(data)
    except MemoryError:
        result = {"ok": False, "error": "memory", "detail": "ran out of memory"}
    out.write(json.dumps(result))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
