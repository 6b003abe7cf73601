"""经纬度: the geographic coordinates of a place.

Coordinates are personal information when they say where a person lives (a household's meter, a
home's position beside the householder's name); a weather station's or a bus stop's are not. The
values cannot tell the two apart: the table around them decides
(:func:`~opendata.pii.scan.coordinate_context`), and where it cannot, the field is uncertain.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .base import Detector, register

# A degree value with at least three decimals (about 100 m): fewer name a district, not a house.
_DEGREES = r"[-+]?\d{1,3}\.\d{3,}"


@register
class GeoCoordinates(Detector):
    """One cell ``lat,lon`` (or ``lon,lat``: a bus company writes 118.99247,28.91820), separated by
    a comma, a slash or a space; or, under a header that names a latitude or a longitude (纬度,
    经度, lat, lng), one degree value of at least four decimals in each of two columns."""

    type = "geo_coordinates"
    cell_pattern = rf"^{_DEGREES}\s*[,，/ ]\s*{_DEGREES}$"
    masked_pattern = r"^[-+]?\d{1,3}\.\d{0,3}\*+\s*[,，/ ]\s*[-+]?\d{1,3}\.\d{0,3}\*+$"
    needs_hint = True
    # A column of pairs is coordinates whatever its header (a decimal pair of that precision is little
    # else); whose they are, the table says.
    unhinted_ratio = 0.6
    # … one number per column only under a header that names the coordinate: a ratio (0.1234) or
    # an amount has the shape too.
    any_form = r"^[-+]?\d{1,3}\.\d{4,}$"
    any_form_bytes = (6, 16)

    def validate(self, candidates: pa.Array) -> np.ndarray:
        """Both numbers within range: one a latitude (at most 90), the other a longitude (at most 180)."""
        parts = pc.extract_regex(candidates, rf"^(?P<a>{_DEGREES})\s*[,，/ ]\s*(?P<b>{_DEGREES})$")
        a = np.abs(np.asarray(pc.cast(pc.struct_field(parts, "a"), pa.float64()).to_numpy(zero_copy_only=False)))
        b = np.abs(np.asarray(pc.cast(pc.struct_field(parts, "b"), pa.float64()).to_numpy(zero_copy_only=False)))
        return ((a <= 90) & (b <= 180)) | ((a <= 180) & (b <= 90))
