"""Finding a place from what a person types: an address, a neighbourhood, coordinates.

Two backends, chosen by ``PACT_GEOCODER`` (environment: ``GEOCODER``):

- ``offline`` (the default, and the only one tests use): coordinates typed as « 48.8566, 2.3522 »,
  or the name of one of the city's neighbourhoods (``PACT_NEIGHBOURHOODS_GEOJSON``), which
  gives the centroid of its outline. Nothing leaves the server.
- ``api-adresse``: the French national address API (Base Adresse Nationale,
  https://api-adresse.data.gouv.fr/search/), free and without a key; ``PACT_GEOCODER_CITYCODE``
  (the INSEE code) keeps the answers inside the city. The production choice for a French city.
  Coordinates and neighbourhood names are still understood without a request.
"""

import itertools
import json
import re
import unicodedata
import urllib.parse
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.conf import settings

COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:[.,]\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:[.,]\d+)?)\s*$")
MAX_RESULTS = 5
API_ADRESSE_URL = "https://api-adresse.data.gouv.fr/search/"


@dataclass(frozen=True)
class Place:
    label: str
    latitude: Decimal
    longitude: Decimal
    neighbourhood: str = ""

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "latitude": float(self.latitude),
            "longitude": float(self.longitude),
            "neighbourhood": self.neighbourhood,
        }


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _coordinate(value: float) -> Decimal:
    return Decimal(str(round(value, 6)))


@lru_cache(maxsize=4)
def _load_neighbourhoods(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def neighbourhoods_geojson() -> dict:
    """The outline of the city's neighbourhoods (a GeoJSON FeatureCollection, may be empty)."""
    path = settings.PACT_NEIGHBOURHOODS_GEOJSON
    if not path or not Path(path).is_file():
        return {"type": "FeatureCollection", "features": []}
    return _load_neighbourhoods(str(path))


def _rings(geometry: dict) -> list[list]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _centroid(ring: list) -> tuple[float, float, float]:
    """Area-weighted centroid (longitude, latitude) and signed area of a closed ring."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return sum(xs) / len(xs), sum(ys) / len(ys), 0.0
    return cx / (3 * area), cy / (3 * area), area / 2


def neighbourhood_centroids() -> dict[str, tuple[float, float]]:
    """``{name: (latitude, longitude)}`` of each neighbourhood of the outline."""
    centroids = {}
    for feature in neighbourhoods_geojson().get("features", []):
        name = (feature.get("properties") or {}).get("name")
        parts = [_centroid(ring) for ring in _rings(feature.get("geometry") or {})]
        total = sum(abs(a) for _x, _y, a in parts)
        if not name or not parts:
            continue
        if total:
            lon = sum(x * abs(a) for x, _y, a in parts) / total
            lat = sum(y * abs(a) for _x, y, a in parts) / total
        else:
            lon, lat = parts[0][0], parts[0][1]
        centroids[name] = (lat, lon)
    return centroids


def _point_in_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def neighbourhood_of(latitude: float, longitude: float) -> str:
    """The name of the neighbourhood containing a point, or ""."""
    for feature in neighbourhoods_geojson().get("features", []):
        if any(_point_in_ring(longitude, latitude, ring) for ring in _rings(feature.get("geometry") or {})):
            return (feature.get("properties") or {}).get("name", "")
    return ""


def parse_coordinates(text: str) -> Place | None:
    match = COORDINATES.match(text or "")
    if not match:
        return None
    lat, lon = (float(value.replace(",", ".")) for value in match.groups())
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Place(
        label=f"{lat:.6f}, {lon:.6f}",
        latitude=_coordinate(lat),
        longitude=_coordinate(lon),
        neighbourhood=neighbourhood_of(lat, lon),
    )


class OfflineGeocoder:
    """Coordinates, or a neighbourhood's name → the centroid of its outline."""

    def search(self, query: str) -> list[Place]:
        place = parse_coordinates(query)
        if place is not None:
            return [place]
        wanted = _fold(query)
        if not wanted:
            return []
        places = []
        for name, (lat, lon) in neighbourhood_centroids().items():
            folded = _fold(name)
            if wanted == folded or wanted in folded or folded in wanted:
                places.append(
                    Place(label=name, latitude=_coordinate(lat), longitude=_coordinate(lon), neighbourhood=name)
                )
        return places[:MAX_RESULTS]


class AdresseGeocoder(OfflineGeocoder):
    """The national address API (api-adresse.data.gouv.fr). Never called from tests."""

    timeout = 4

    def search(self, query: str) -> list[Place]:
        local = super().search(query)
        if local or len(query.strip()) < 3:
            return local
        params = {"q": query[:200], "limit": MAX_RESULTS}
        if settings.PACT_GEOCODER_CITYCODE:
            params["citycode"] = settings.PACT_GEOCODER_CITYCODE
        request = urllib.request.Request(  # noqa: S310 (a fixed https URL)
            f"{API_ADRESSE_URL}?{urllib.parse.urlencode(params)}", headers={"Accept": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            body = json.load(response)
        places = []
        for feature in body.get("features", []):
            lon, lat = feature["geometry"]["coordinates"]
            places.append(
                Place(
                    label=feature["properties"].get("label", query),
                    latitude=_coordinate(lat),
                    longitude=_coordinate(lon),
                    neighbourhood=neighbourhood_of(lat, lon),
                )
            )
        return places


BACKENDS = {"offline": OfflineGeocoder, "api-adresse": AdresseGeocoder}


def geocoder():
    return BACKENDS[settings.PACT_GEOCODER]()


def geocode(query: str) -> list[Place]:
    """Places matching ``query``; an unreachable geocoder gives no place, never an error page."""
    try:
        return geocoder().search(query)
    except (OSError, ValueError, KeyError):
        return []
