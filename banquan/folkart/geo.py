"""Coordinates of service stations (no database): range checks, the district's bounds, the
offline SVG plot's projection and GeoJSON.

Coordinates are WGS-84 degrees as typed by staff. The map page draws no tiles: the points
are placed on a plain equirectangular plot of the bounds of all stations (padded), which is
accurate enough at district scale (~30 km), and each point links out to an external map.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_noop


class BadCoordinate(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def parse_coordinate(value: object, *, field: str) -> Decimal:
    """A latitude (field "latitude", −90…90) or longitude ("longitude", −180…180), at most
    six decimals (≈ 0.1 m); ``BadCoordinate`` with a message msgid otherwise."""
    limit = 90 if field == "latitude" else 180
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise BadCoordinate(field, gettext_noop("坐标必须是数字（十进制度）。")) from None
    if not number.is_finite():
        raise BadCoordinate(field, gettext_noop("坐标必须是数字（十进制度）。"))
    if not -limit <= number <= limit:
        raise BadCoordinate(field, gettext_noop("纬度应在 -90 到 90 之间。") if field == "latitude"
                            else gettext_noop("经度应在 -180 到 180 之间。"))
    if number.as_tuple().exponent < -6:  # type: ignore[operator]
        number = number.quantize(Decimal("0.000001"))
    return number


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float


# 历城区 roughly (the district spans about 36.5–36.95°N, 116.95–117.45°E), shown when
# there are no stations yet.
LICHENG = Bounds(36.50, 116.95, 36.95, 117.45)


def bounds_of(points: list[tuple[float, float]], *, pad: float = 0.1, default: Bounds = LICHENG) -> Bounds:
    """The (lat, lon) points' bounding box, padded by ``pad`` of its size on each side (at
    least 0.01°, so that one point still gets a box)."""
    if not points:
        return default
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    dlat = max((max(lats) - min(lats)) * pad, 0.01)
    dlon = max((max(lons) - min(lons)) * pad, 0.01)
    return Bounds(min(lats) - dlat, min(lons) - dlon, max(lats) + dlat, max(lons) + dlon)


def project(lat: float, lon: float, bounds: Bounds, width: int, height: int) -> tuple[float, float]:
    """SVG (x, y) of a point: west at x=0, north at y=0."""
    x = (lon - bounds.west) / (bounds.east - bounds.west) * width
    y = (bounds.north - lat) / (bounds.north - bounds.south) * height
    return round(x, 1), round(y, 1)


def feature_collection(features: list[dict]) -> dict:
    """GeoJSON (RFC 7946): each feature dict has "lat", "lon" and "properties"."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature",
             "geometry": {"type": "Point", "coordinates": [float(f["lon"]), float(f["lat"])]},
             "properties": f["properties"]}
            for f in features
        ],
    }


def external_map_url(lat: float, lon: float) -> str:
    """A link for the user to open the point in OpenStreetMap (our pages load nothing from it)."""
    return f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=16/{lat:.6f}/{lon:.6f}"
