"""The colours codes get when none is chosen, and the WCAG contrast arithmetic that judges them.

Every palette colour keeps at least 3:1 contrast against white (WCAG 2.2, 1.4.11 non-text contrast: a
coding stripe or swatch is a graphical object a reader must see), and any two of them stay at least
``MIN_DISTANCE`` apart in CIELAB so neighbouring codes remain distinguishable. Colour is never the only
sign of a code: the pages print the code's name beside it. Pure functions; no I/O.
"""

from __future__ import annotations

import math

#: Picked greedily for the largest smallest CIELAB distance from a pool of calm hues whose lightness was
#: lowered until each reaches 3.2:1 to 7:1 on white; consecutive colours differ most, so the first
#: codes of a codebook are told apart best.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#1DA61D", "#D94B28", "#D325D3", "#605A29", "#B95C8B", "#2649D5", "#1CA093",
    "#8B971B", "#C28222", "#A37EDA", "#12671B", "#C17F6F", "#922A92", "#A12F3A", "#2E5F6C",
    "#DB3599", "#8B4619", "#219CBB", "#2B6347", "#7A25CF", "#1DA461", "#4751A6", "#DD3E6E",
)

#: The least contrast against white a code colour needs (non-text contrast).
MIN_CONTRAST = 3.0
#: The least CIE76 distance between two palette colours.
MIN_DISTANCE = 20.0

WHITE = "#FFFFFF"


def _channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of ``#RRGGBB``."""
    r, g, b = (_linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str = WHITE) -> float:
    """WCAG 2.2's contrast ratio of two ``#RRGGBB`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of ``#RRGGBB``, for telling colours apart."""
    r, g, b = (_linear(c) for c in _channels(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(first: str, second: str) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; 20 is clearly another colour)."""
    return math.dist(lab(first), lab(second))


def visible_on_white(colour: str) -> bool:
    """True when ``colour`` has the non-text contrast a stripe or swatch needs on white."""
    return contrast_ratio(colour) >= MIN_CONTRAST


def darkened(colour: str, target: float = MIN_CONTRAST + 0.05) -> str:
    """``colour`` (``#RRGGBB``) itself when it is visible on white, else the same hue scaled towards
    black just far enough to reach ``target`` contrast (upper-case ``#RRGGBB``)."""
    if contrast_ratio(colour) >= target:
        return colour.upper()
    r, g, b = _channels(colour)
    for step in range(100, -1, -1):
        scale = step / 100
        candidate = f"#{round(r * scale):02X}{round(g * scale):02X}{round(b * scale):02X}"
        if contrast_ratio(candidate) >= target:
            return candidate
    return "#000000"
