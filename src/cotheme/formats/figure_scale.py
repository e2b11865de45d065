"""The figures' colour scale: one sequential blue ramp from near-white to deep navy (ColorBrewer's
"Blues", Brewer 2002) whose every channel falls from stop to stop, so lightness falls monotonically.
A reader in greyscale or with any colour-vision deficiency sees darker as more; the ink colour of a
cell's number flips to white where the cell is dark.

Owns the stops, the interpolation and the relative luminance of a colour (WCAG 2). Must not draw.
"""

from __future__ import annotations

__all__ = ["SCALE_STOPS", "colour_at", "ink_on", "relative_luminance", "scale"]

SCALE_STOPS: tuple[str, ...] = (
    "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
)
#: Below this luminance white text reads better than black (contrast of both is above 4.5:1 around it).
DARK_BELOW = 0.18


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def colour_at(t: float) -> str:
    """The scale's colour at ``t`` in [0, 1] (clamped), interpolated between the stops."""
    t = min(max(t, 0.0), 1.0) * (len(SCALE_STOPS) - 1)
    i = min(int(t), len(SCALE_STOPS) - 2)
    a, b = _rgb(SCALE_STOPS[i]), _rgb(SCALE_STOPS[i + 1])
    f = t - i
    return "#" + "".join(f"{round(x + (y - x) * f):02x}" for x, y in zip(a, b, strict=True))


def scale(n: int = 256) -> list[str]:
    """``n`` colours evenly along the scale, lightest first."""
    return [colour_at(i / (n - 1)) for i in range(n)] if n > 1 else [SCALE_STOPS[-1]]


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance (0 black - 1 white) of an sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(hex_colour: str) -> str:
    """Black or white, whichever reads on ``hex_colour``."""
    return "#ffffff" if relative_luminance(hex_colour) < DARK_BELOW else "#1f2328"
