"""Inline SVG for the dataset page: a line chart of a number over dates, and a map of coordinates
drawn on their own axes (no tiles, nothing fetched from elsewhere). Every text is escaped."""

from __future__ import annotations

import math
from html import escape

W, H = 640, 260
PAD_L, PAD_R, PAD_T, PAD_B = 56, 16, 14, 34


def _num(value: float) -> str:
    if value == 0 or 0.01 <= abs(value) < 1e6:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def line_chart(points: list[tuple[str, float]], *, title: str, label_id: str) -> str:
    """``points`` (label, value), in order, as a line with its range on the axes."""
    ys = [y for _, y in points]
    lo, hi = min(ys), max(ys)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    n = len(points)
    sx = lambda i: PAD_L + (W - PAD_L - PAD_R) * (i / (n - 1))  # noqa: E731
    sy = lambda y: PAD_T + (H - PAD_T - PAD_B) * (1 - (y - lo) / (hi - lo))  # noqa: E731
    path = " ".join(f"{sx(i):.1f},{sy(y):.1f}" for i, (_, y) in enumerate(points))
    grid = "".join(
        f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{sy(v):.1f}" y2="{sy(v):.1f}" stroke="#dde3ea"/>'
        f'<text x="{PAD_L - 6}" y="{sy(v) + 4:.1f}" text-anchor="end" font-size="11" fill="#4f5b68">{escape(_num(v))}</text>'
        for v in (lo, (lo + hi) / 2, hi))
    first, last = escape(points[0][0]), escape(points[-1][0])
    return (f'<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="{label_id}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{label_id}">{escape(title)}</title>{grid}'
            f'<polyline points="{path}" fill="none" stroke="#0b5cad" stroke-width="2"/>'
            f'<text x="{PAD_L}" y="{H - 10}" font-size="11" fill="#4f5b68">{first}</text>'
            f'<text x="{W - PAD_R}" y="{H - 10}" font-size="11" text-anchor="end" fill="#4f5b68">{last}</text></svg>')


def point_map(points: list[tuple[float, float]], *, title: str, label_id: str) -> str:
    """Longitude/latitude points, equirectangular with the scale of their mean latitude."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    span = max(lon1 - lon0, lat1 - lat0, 1e-4)
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    kx = math.cos(math.radians(mid_lat))  # a degree of longitude is shorter away from the equator
    inner_w, inner_h = W - 2 * 24, H - 2 * 20
    scale = min(inner_w / max((lon1 - lon0) * kx, span * 0.05), inner_h / max(lat1 - lat0, span * 0.05))
    px = lambda lon: W / 2 + (lon - mid_lon) * kx * scale  # noqa: E731
    py = lambda lat: H / 2 - (lat - mid_lat) * scale  # noqa: E731
    dots = "".join(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3"/>' for x, y in points)
    return (f'<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="{label_id}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{label_id}">{escape(title)}</title>'
            f'<rect x="4" y="4" width="{W - 8}" height="{H - 8}" fill="none" stroke="#dde3ea"/>'
            f'<g fill="#0b5cad" fill-opacity="0.7">{dots}</g>'
            f'<text x="10" y="{H - 10}" font-size="11" fill="#4f5b68">{_num(lon0)}°E – {_num(lon1)}°E, '
            f'{_num(lat0)}°N – {_num(lat1)}°N</text></svg>')
