"""Bytes to text: BOMs, UTF-8, detected charsets, NFC, and binary refused."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.errors import IngestError
from newsprism.ingest.build import clean_body
from newsprism.ingest.decode import article_id, decode_bytes


def test_decode_normalises_to_nfc_and_unix_newlines():
    decomposed = unicodedata.normalize("NFD", "Zoë Martens spoke in Malmö.\r\nSecond line.")
    text = decode_bytes(decomposed.encode("utf-8"), "x.txt")
    assert text == "Zoë Martens spoke in Malmö.\nSecond line."
    assert article_id(text) == article_id(decode_bytes(text.encode("utf-16"), "y.txt"))


def test_decode_refuses_binary_and_empty():
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(200), "archive.txt")
    with pytest.raises(IngestError, match="empty"):
        decode_bytes(b"   \n\t", "blank.txt")


def test_decode_refuses_control_character_noise():
    noise = bytes([0x01, 0x02, 0x03, 0x1b, 0x7f, 0x41]) * 300
    with pytest.raises(IngestError, match="printable"):
        decode_bytes(noise, "noise.dat")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_clean_body_is_idempotent_so_ids_are_stable(raw):
    once = clean_body(raw)
    assert clean_body(once) == once
    assert "\r" not in once and once == unicodedata.normalize("NFC", once)
