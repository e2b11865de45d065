"""decode.py: size limit, empty and binary input, the encoding order, and text normalisation."""

from __future__ import annotations

import random

import pytest

from cotheme.errors import InputError, TooLarge
from cotheme.formats.decode import check_size, decode_text, describe_size

LIMIT = 1024 * 1024


def decode(data: bytes, max_bytes: int = LIMIT) -> str:
    return decode_text("notes.txt", data, max_bytes=max_bytes)


def test_utf8_is_read_and_normalised() -> None:
    nfd = "Jose\u0301 said: cafe\u0301\r\nnext line\rlast line   \n\n\t"
    assert decode(nfd.encode("utf-8")) == "José said: café\nnext line\nlast line"


def test_utf8_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfhello") == "hello"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_accepted(encoding: str) -> None:
    text = "Zoë: ça va? 👍🏽\r\nMo: yes"
    data = text.encode(encoding)
    if encoding != "utf-16":  # the explicit-endian codecs write no BOM; add the right one
        data = ("\ufeff" + text).encode(encoding)
    assert decode(data) == "Zoë: ça va? 👍🏽\nMo: yes"


def test_utf16_without_bom_in_its_common_ascii_form_is_accepted() -> None:
    assert decode("plain words\r\n".encode("utf-16-le")) == "plain words"


def test_cp1252_is_accepted() -> None:
    assert decode(b"caf\xe9 \x93quoted\x94 \x80 5") == "café “quoted” € 5"


def test_none_of_the_encodings_is_refused() -> None:
    with pytest.raises(InputError) as err:
        decode(b"abc \x81\x8d\x90\x9d def")
    message = str(err.value)
    assert message.startswith("notes.txt: is not UTF-8, UTF-16 or Windows-1252 text")
    assert message.endswith("save it as UTF-8 and import again.")


def test_high_bytes_that_do_not_look_like_text_are_refused() -> None:
    with pytest.raises(InputError, match=r"^notes\.txt: is not UTF-8"):
        decode(bytes(range(0xA0, 0x100)) * 20)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value) == "notes.txt: is empty; nothing to import."


def test_utf16_whitespace_only_is_empty() -> None:
    with pytest.raises(InputError, match="is empty"):
        decode("   \r\n".encode("utf-16"))


def test_binary_garbage_with_nul_bytes_is_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00"
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value).startswith("notes.txt: ")
    assert "binary" in str(err.value) or "is not UTF-8" in str(err.value)


def test_nul_bytes_in_otherwise_ascii_text_are_refused() -> None:
    with pytest.raises(InputError, match=r"^notes\.txt: looks like a binary file.*NUL"):
        decode(b"hello\x00world, this is not text at all")


def test_mostly_control_characters_are_refused() -> None:
    with pytest.raises(InputError, match=r"^notes\.txt: looks like a binary file.*control"):
        decode(b"ab\x01\x02\x03\x04\x05\x06cd" * 50)


def test_too_large_is_refused_with_the_limit_named() -> None:
    with pytest.raises(TooLarge) as err:
        decode(b"x" * 2048, max_bytes=1024)
    assert str(err.value) == (
        "notes.txt: is 2 KB, over the 1 KB import limit; split it or raise the limit with COTHEME_MAX_IMPORT_MB."
    )


def test_sizes_read_like_the_message_promises() -> None:
    assert describe_size(int(230.1 * 1024 * 1024)) == "230.1 MB"
    assert describe_size(200 * 1024 * 1024) == "200 MB"
    assert describe_size(512) == "512 bytes"


def test_check_size_is_what_binary_readers_use() -> None:
    check_size("a.pdf", b"%PDF-", 10)
    with pytest.raises(TooLarge, match=r"^a\.pdf: is 11 bytes, over the 10 bytes import limit"):
        check_size("a.pdf", b"%PDF-123456", 10)


# -- a file whose lines were saved in different encodings (pasted together from two programs) ----------
def test_lines_in_utf8_and_cp1252_are_each_read_in_their_own_encoding() -> None:
    data = (
        "Interviewer: The café was open?\n".encode("utf-8")
        + b"P01: It was na\xefve of me, I said \x93fine\x94 \x96 then left.\r\n"
        + "Interviewer: Ça va – 👍\n".encode("utf-8")
    )
    assert decode(data) == (
        "Interviewer: The café was open?\n"
        "P01: It was naïve of me, I said “fine” – then left.\n"
        "Interviewer: Ça va – 👍"
    )


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
def test_a_line_that_mixes_both_encodings_is_refused_by_its_number(end: bytes) -> None:
    data = (
        "Interviewer: The café was open?".encode("utf-8") + end
        + b"P01: yes" + end
        + "P01: the café was ".encode("utf-8") + b"na\xefve" + end
    )
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value) == (
        "notes.txt: line 3 mixes UTF-8 and Windows-1252 characters, so its accented letters cannot be told "
        "apart; save the file as UTF-8 and import again."
    )


def test_a_mixed_line_with_a_byte_neither_encoding_has_is_refused_by_its_number() -> None:
    data = "café\n".encode("utf-8") + b"ok\nbad \x81 byte\n"
    with pytest.raises(InputError, match=r"^notes\.txt: line 3 is neither UTF-8 nor Windows-1252"):
        decode(data)


def test_windows_1252_throughout_is_still_one_encoding() -> None:
    """A wholly cp1252 file keeps being read whole, even where two of its bytes happen to form a UTF-8
    character (\xc9\x94 is "É”" in cp1252 and U+0254 in UTF-8): nothing on another line is UTF-8."""
    assert decode(b"He said \x93CAF\xc9\x94.\nna\xefve\n") == "He said “CAFÉ”.\nnaïve"
