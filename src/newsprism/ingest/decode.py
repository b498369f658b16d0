"""Bytes to normalised text, and the stable article id derived from it.

Every offset in newsprism indexes ``Article.text``, so the normalisation
here (NFC, ``\\n`` line ends) is part of the contract: change it and every
stored span moves. Undecodable or binary input is refused with a reason a
user can act on rather than turned into mojibake.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes

from newsprism.errors import IngestError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-32", b"\xff\xfe\x00\x00"), ("utf-32", b"\x00\x00\xfe\xff"),
         ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))

# Share of printable characters below which decoded "text" is really binary.
# Real articles (any script) score > 0.99; images/zip/pdf decoded by a guessed
# single-byte charset score 0.6-0.8. 0.95 leaves room for stray control bytes.
MIN_PRINTABLE_RATIO = 0.95

# Candidates this close to the least chaotic decoding are treated as equally clean
# (set on short accented Western texts, where the wrong code page scores 0.03 better).
_CHAOS_TOLERANCE = 0.05

# Control characters (tab and newline excepted), C1 controls, and the replacement
# character a failed decode leaves: what binary bytes turn into as "text".
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")

# How much of the input the binary sniff looks at: enough to see a file header.
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: a NUL byte early on (and no UTF-16/32 BOM) is the tell-tale."""
    head = data[:_SNIFF_BYTES]
    return b"\x00" in head and not any(head.startswith(bom) for _, bom in _BOMS)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` (BOM, else UTF-8, else detected charset) into normalised text.

    Raises:
        IngestError: the input is empty, binary, or in no charset we can detect.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    if looks_binary(data):
        raise IngestError(source, "binary file (contains NUL bytes), not text")
    text = None
    for enc, bom in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = detect_encoding(data[:1_000_000])
            if encoding is None:
                raise IngestError(source, "not valid UTF-8 and no other text encoding detected") from None
            text = data.decode(encoding, errors="replace")
    text = normalise_text(text)
    _check_printable(text, source)
    return text


def detect_encoding(data: bytes) -> str | None:
    """The most plausible legacy encoding of ``data``.

    charset-normalizer ranks by "chaos" alone, which on a short Western
    European text often crowns a Baltic or Central European code page that
    differs from windows-1252 only in the few accented letters present. Among
    the candidates whose chaos is within ``_CHAOS_TOLERANCE`` of the best, the
    most language-coherent wins, ties going to windows-1252 (the web's legacy
    default, as in the WHATWG encoding standard).
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    floor = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= floor + _CHAOS_TOLERANCE]
    best = max(close, key=lambda m: (round(m.coherence, 3), "cp1252" in m.could_be_from_charset))
    return "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding


def _check_printable(text: str, source: str) -> None:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return
    ratio = 1 - len(_UNPRINTABLE.findall(sample)) / len(sample)
    if ratio < MIN_PRINTABLE_RATIO:
        raise IngestError(source, f"binary file ({ratio:.0%} printable characters), not text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """NFC, ``\\r\\n``/``\\r`` -> ``\\n``, no BOM, no NULs: the form every offset indexes.

    Lone surrogates (a JSON ``"\\ud800"`` escape) become U+FFFD: they cannot be
    encoded as UTF-8, so the id hash and the store would fail on them.
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\ufeff", "").replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def article_id(text: str) -> str:
    """The stable id of an article: ``a-`` + 16 hex of sha1 of its normalised text."""
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
