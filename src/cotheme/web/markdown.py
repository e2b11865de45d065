"""Memo text to safe HTML: CommonMark with raw HTML disabled (it is shown escaped) and only safe
link schemes (markdown-it refuses javascript:, vbscript:, file: and most data: links)."""

from __future__ import annotations

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def to_html(text: str) -> str:
    return _MD.render(text)
