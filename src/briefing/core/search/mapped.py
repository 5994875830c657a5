"""Whoosh's memory-mapped segment files without the copy it makes of each on opening.

Whoosh maps a segment's compound file and hands each part (postings, terms, columns)
out as a BufferFile over a slice of the map; but BufferFile wraps that slice in a
BytesIO, which copies it. Opening a searcher therefore read the whole postings file
into memory: 71 ms at 10,000 articles on a fresh process's first query, and again on
every searcher the app opens after an index change (at 50,000 articles, a few hundred
MB copied each time). `ViewFile` reads the slice where it lies; install() makes
BufferFile use it. BufferFile's own get() already read the slice without copying it.
"""

from __future__ import annotations

from whoosh.filedb import structfile


class ViewFile:
    """A read-only file over a memoryview: what BufferFile's methods ask of its file."""

    def __init__(self, buf: bytes | memoryview) -> None:
        self._view = memoryview(buf)
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view),
                                                                     self._pos + size)
        data = self._view[self._pos:end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def peek(self, size: int = 0) -> memoryview:
        """The bytes ahead, not consumed and not copied. pickle's unpickler reads ahead
        through peek() when a file has it, then consumes what it used with one read():
        without it, each of Whoosh's term-info pickles took ~20 small read() calls."""
        return self._view[self._pos:self._pos + max(size, 1)]

    def readinto(self, target: bytearray | memoryview) -> int:
        data = self.read(len(target))
        target[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        start = self._pos
        stop = len(self._view) if size is None or size < 0 else min(len(self._view),
                                                                      start + size)
        pos = start
        while pos < stop:
            chunk = self._view[pos:min(stop, pos + 4096)].tobytes()
            found = chunk.find(b"\n")
            if found >= 0:
                return self.read(pos - start + found + 1)
            pos += len(chunk)
        return self.read(stop - start)

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view.release()

    def flush(self) -> None:
        return None

    def __iter__(self):  # noqa: ANN204 - lines, as a file gives them
        while self._pos < len(self._view):
            yield self.readline()


def _init(self, buf, name=None, onclose=None) -> None:  # noqa: ANN001 - BufferFile's signature
    self._buf = buf
    self._name = name
    self.file = ViewFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's BufferFile read its buffer in place (idempotent)."""
    structfile.BufferFile.__init__ = _init
