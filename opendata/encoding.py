"""Text encoding detection for government CSV exports (UTF-8, UTF-8 with BOM, GBK, GB18030).

The decision is made once on a sample from the start of the file; the file is then streamed with
the chosen codec. GBK files are *read* with the GB18030 codec, which decodes every GBK byte
sequence identically and also accepts the four-byte sequences a GBK sample may not show yet, so a
rare character deep in a large file cannot break the stream half-way.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SAMPLE_BYTES = 1 << 20
CHARDET_BYTES = 1 << 16  # enough for a guess; chardet's time grows with the sample


@dataclass(frozen=True)
class Encoding:
    """A detected encoding: ``name`` is what we report, ``codec`` what we decode with."""

    name: str
    codec: str
    bom: bytes = b""


UTF8 = Encoding("utf-8", "utf-8")
UTF8_BOM = Encoding("utf-8-sig", "utf-8", codecs.BOM_UTF8)
GBK = Encoding("gbk", "gb18030")
GB18030 = Encoding("gb18030", "gb18030")

_BY_NAME = {
    "utf-8": UTF8, "utf8": UTF8, "utf-8-sig": UTF8_BOM, "utf8-sig": UTF8_BOM,
    "gbk": GBK, "cp936": GBK, "gb2312": GBK, "gb18030": GB18030,
}


def _decodes(sample: bytes, codec: str) -> bool:
    # Incremental decode without ``final`` so a multi-byte character cut by the sample end is fine.
    try:
        codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
        return True
    except UnicodeDecodeError:
        return False


def from_name(name: str) -> Encoding:
    """The :class:`Encoding` for a declared name (as in a resource's ``encoding`` property)."""
    key = name.strip().lower().replace("_", "-")
    if key in _BY_NAME:
        return _BY_NAME[key]
    codecs.lookup(key)  # raises LookupError for names Python does not know
    return Encoding(key, key)


def detect_sample(sample: bytes) -> Encoding | None:
    """Decide the encoding of ``sample``; ``None`` when it is none of the supported ones."""
    if sample.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if _decodes(sample, "utf-8"):
        return UTF8
    if _decodes(sample, "gbk"):
        return GBK
    if _decodes(sample, "gb18030"):
        return GB18030
    # Anything else (Latin-1/Windows-125x, Big5, UTF-16 …): chardet's guess, as Frictionless
    # makes it (charset-normalizer garbles short Latin texts as cp1250/cp1006), else
    # charset-normalizer's, if it is confident.
    import chardet

    guess = chardet.detect(sample[:CHARDET_BYTES]).get("encoding")
    if guess:
        try:
            found = from_name(guess)
            if _decodes(sample, found.codec):
                return found
        except LookupError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and best.encoding:
        return from_name(best.encoding)
    return None


def detect(path: Path) -> Encoding:
    """Detect the encoding of the text file at ``path`` from its first megabyte."""
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    found = detect_sample(sample)
    if found is None:
        raise InputError("input.encoding_unknown", path=str(path))
    return found
