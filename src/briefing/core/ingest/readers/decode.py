"""Bytes -> clean text: find the charset, refuse what is not text, normalise the result.

Order: byte-order mark (UTF-8/16/32) -> refuse binary data (NULs, many control bytes) ->
BOM-less UTF-16 -> strict UTF-8 -> the charset the markup declares -> per line: UTF-8
where a line is valid UTF-8, else the legacy charset charset-normalizer finds for the other
lines (cp1252 by default). Decoding per line keeps a mostly-UTF-8 file with a few cp1252
bytes free of mojibake and loses nothing. Falling back to cp1252/latin-1 blindly would
"succeed" on binary data, so binary is detected first and refused.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefing.core.ingest.types import ReadError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CONTROL_SHARE = 0.05   # share of control bytes above which "text" is really binary
MAX_REPLACEMENT_SHARE = 0.02
SAMPLE_BYTES = 1 << 20     # binary sniffing looks at the first MiB
# C0 controls other than tab, LF, VT, FF, CR; plus DEL.
_CONTROL_BYTES = bytes([*range(0, 9), 14, 15, *range(16, 32), 127])
# Characters stripped from decoded text: C0/C1 controls except \t and \n, noncharacters,
# lone surrogates and stray byte-order marks.
_STRIP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_NOT_LEGACY = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"]
_LEGACY_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252",
                   "l1": "cp1252", "windows-1252": "cp1252"}


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file. Returns (text, charset name); raises ReadError for non-text."""
    if not data:
        raise ReadError("empty file (0 bytes)")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode_with_bom(data[len(bom):], encoding), encoding), encoding
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    _refuse_binary(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        codec = _codec_name(declared)
        if codec and not codec.startswith(("utf-8", "utf-16", "utf-32")):
            try:
                return _checked(data.decode(codec), codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
    text, encoding = _decode_per_line(data)
    return _checked(text, encoding), encoding


def _decode_with_bom(body: bytes, encoding: str) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(len(text), 1):
            raise ReadError(f"binary data, not text (the file starts with a {encoding} "
                            "byte-order mark but does not decode)") from None
        return text


def _codec_name(name: str) -> str | None:
    name = _LEGACY_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NULs in every other byte of mostly-ASCII text."""
    sample = data[:SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.6 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.6 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[:len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    if _control_share_text(text) > MAX_CONTROL_SHARE:
        return None
    return _checked(text, encoding), encoding


def _refuse_binary(data: bytes) -> None:
    sample = data[:SAMPLE_BYTES]
    nuls = sample.count(0)
    if nuls:
        raise ReadError(f"binary data, not text (contains {nuls} NUL byte"
                        f"{'s' if nuls != 1 else ''})")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    share = controls / len(sample)
    if share > MAX_CONTROL_SHARE:
        raise ReadError(f"binary data, not text ({share:.0%} control bytes)")


def _control_share_text(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SAMPLE_BYTES]
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _checked(text: str, encoding: str) -> str:
    """Refuse decoded text that is mostly control characters (binary under a BOM, etc.)."""
    share = _control_share_text(text)
    if share > MAX_CONTROL_SHARE:
        raise ReadError(f"binary data, not text ({share:.0%} control characters as {encoding})")
    return text


def _decode_per_line(data: bytes) -> tuple[str, str]:
    """UTF-8 for lines that are valid UTF-8, a legacy charset for the rest."""
    lines = data.splitlines(keepends=True)
    good: dict[int, str] = {}
    bad: list[int] = []
    for i, line in enumerate(lines):
        try:
            good[i] = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
    legacy = _guess_legacy(b"".join(lines[i] for i in bad))
    utf8_non_ascii = any(not s.isascii() for s in good.values())
    parts = []
    for i, line in enumerate(lines):
        if i in good:
            parts.append(good[i])
        else:
            parts.append(_decode_legacy(line, legacy, utf8_inside=utf8_non_ascii))
    name = f"utf-8+{legacy}" if utf8_non_ascii else legacy
    return "".join(parts), name


def _guess_legacy(sample: bytes) -> str:
    """The legacy charset of bytes that are not UTF-8: cp1252 unless the bytes say otherwise.

    charset-normalizer often names a Latin sibling (cp1250, cp1257) for Western text that
    cp1252 decodes just as well, turning "coûté" into "coűté"; so cp1252 wins whenever it is
    among the near-best candidates, and another charset is used only when it is clearly
    better (Cyrillic, Greek, Central European, CJK text).
    """
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if non_ascii < 64:
        return "cp1252"
    try:
        from charset_normalizer import from_bytes
        matches = list(from_bytes(sample, cp_exclusion=_NOT_LEGACY))
    except Exception:  # a detector failure must not lose the file
        return "cp1252"
    matches = [m for m in matches if m.encoding not in ("utf_8", "ascii")]
    if not matches:
        return "cp1252"
    best = matches[0]
    for m in matches:
        near = m.chaos <= best.chaos + 0.02 and m.coherence >= best.coherence - 0.1
        if near and "cp1252" in (m.encoding, *m.could_be_from_charset):
            return "cp1252"
    return codecs.lookup(best.encoding).name


def _decode_legacy(line: bytes, legacy: str, utf8_inside: bool) -> str:
    """Decode one non-UTF-8 line; valid UTF-8 runs inside it stay UTF-8 in a mixed file."""
    if utf8_inside and _is_single_byte(legacy):
        return line.decode("utf-8", errors=_fallback_handler(legacy))
    try:
        return line.decode(legacy)
    except UnicodeDecodeError:
        return line.decode(legacy, errors=_fallback_handler("latin-1" if legacy == "cp1252"
                                                            else "cp1252"))


def _is_single_byte(encoding: str) -> bool:
    try:
        return len(bytes(range(0x80, 0x100)).decode(encoding, errors="replace")) == 128
    except LookupError:
        return False


def _fallback_handler(encoding: str) -> str:
    """Register (once) a codec error handler decoding the bad bytes with `encoding`."""
    name = f"briefing-{encoding}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeDecodeError):
                raise exc
            chunk = exc.object[exc.start:exc.end]
            try:
                return chunk.decode(encoding), exc.end
            except UnicodeDecodeError:
                return chunk.decode("latin-1"), exc.end
        codecs.register_error(name, handler)
    return name


def strip_controls(text: str) -> str:
    """Drop control characters (except \t, \n, \r), noncharacters and stray BOMs: lxml
    refuses them, SQLite's length() and LIKE stop at NUL, python-docx cannot write them."""
    return _STRIP.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))


def normalise(text: str) -> str:
    """NFC, "\\n" newlines, no control characters except \\n and \\t, no trailing spaces."""
    text = _NEWLINES.sub("\n", text)
    text = _STRIP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
