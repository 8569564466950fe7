"""The flight record: what each launch site has actually flown, and the envelope it shows.

``orbitcoop/data/flight_record.csv`` holds every orbital launch attempt 1957–2023 with the orbit
of its first payload, from GCAT (data from J. McDowell, GCAT, planet4589.org/space/gcat,
CC BY 4.0; rebuilt by ``tools/build_flight_record.py``). GCAT's site and pad codes are tied to
catalogue ids by the ``gcat_sites`` / ``gcat_pads`` fields of ``launch_sites.toml``.

The *flown envelope* of a site is the set of inclination bands its successful launches since
1990 reached (:func:`orbitcoop.flights.flown_envelope`). orbitcoop counts it as allowed next to the published
corridors and limits: a plane a site keeps flying is within its limits, whatever a manual says.

>>> from orbitcoop.flights import flown_envelope
>>> [b.label for b in flown_envelope("jiuquan") if b.min_deg > 90][:1]
['i 96.56–98.81° (115 launches 2005–2023)']

Reading the file needs only the standard library; :func:`orbitcoop.flights.flight_record` returns a pandas
DataFrame and imports pandas when called.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources

#: Launches from this date on make the envelope: the ranges and vehicles flying today
#: (before it, Soviet and early US ranges flew planes since closed).
ENVELOPE_SINCE = "1990-01-01"
#: GCAT orbit classes whose catalogued inclination is the launch plane: low and medium Earth orbit.
#: GEO payloads carry their final orbit (i ≈ 0, not the launch plane); transfer and high orbits
#: may have been turned by an upper stage after the ascent, so they are left out.
ENVELOPE_ORBITS = ("LLEO", "LEO", "MEO")
#: Inclinations closer than this [deg] are one band. Successive launches into one family of
#: planes (ISS at 51.6–51.7°, SSO at 96.5–99° across 300–900 km) differ by tenths of a degree;
#: distinct families at a site (e.g. Jiuquan's 35°, 41.5°, 50°, 57°) lie several degrees apart.
BAND_GAP_DEG = 1.0
#: A band needs this many launches: one launch may be an exception (a one-off dog-leg, a
#: mis-catalogued orbit); two are a route the range has granted again.
BAND_MIN_LAUNCHES = 2

COLUMNS = ("tag", "date", "site", "pad", "vehicle", "outcome", "orbit", "perigee_km", "apogee_km",
            "inclination_deg", "mission")  # fmt: skip


@functools.cache
@dataclass(frozen=True)
class FlownBand:
    """Evidence from the flight record: a cluster of inclinations successful launches reached from the site.

    Built by :func:`orbitcoop.flights.flown_envelope` from GCAT (J. McDowell); counted as an allowed
    range of inclinations next to the published corridors and limits (the record wins where they
    disagree).
    """

    min_deg: float
    max_deg: float
    launches: int
    first_year: int
    last_year: int
    vehicles: tuple[str, ...]
    source: str = "flight record from J. McDowell's GCAT, CC BY 4.0"

    def applies_to(self, inclination_deg: float) -> bool:
        return self.min_deg <= inclination_deg <= self.max_deg

    @property
    def label(self) -> str:
        """E.g. 'i 96.6–98.8° (144 launches 1999–2023)'."""
        years = f"{self.first_year}" if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"
        band = f"{self.min_deg:g}" if self.min_deg == self.max_deg else f"{self.min_deg:g}–{self.max_deg:g}"
        return f"i {band}° ({self.launches} launches {years})"


def rows() -> tuple[dict, ...]:
    """The flight record as dicts of strings (standard library only)."""
    with resources.files("orbitcoop").joinpath("data", "flight_record.csv").open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = tuple(csv.DictReader(lines))
    if rows and tuple(rows[0]) != COLUMNS:
        raise ValueError(f"flight_record.csv columns {tuple(rows[0])} are not {COLUMNS}")
    return rows


def index_sites(sites) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """GCAT site code -> station id, and (site code, pad code) -> pad id, from the catalogue fields."""
    by_site, by_pad = {}, {}
    for s in sites:
        for code in s.gcat_sites:
            by_site[code] = s.id
        for code in s.gcat_pads:
            site, pad = code.split(":", 1)
            by_pad[(site, pad)] = s.id
    return by_site, by_pad


def resolve_site(row: dict, by_site: dict, by_pad: dict) -> str:
    """The catalogue id of a launch: its pad where the catalogue lists it, else its station, else ''."""
    return by_pad.get((row["site"], row["pad"])) or by_site.get(row["site"], "")


def air_launch(row: dict) -> bool:
    """True for a launch from a runway (Pegasus, LauncherOne): its plane starts at the drop point, not the site."""
    return row["pad"].startswith("RW")


def envelope_launch(row: dict) -> bool:
    """True if the launch counts toward a flown envelope (see the module constants)."""
    return (
        row["outcome"].startswith("OS")
        and row["date"] >= ENVELOPE_SINCE
        and row["orbit"].split("/")[0] in ENVELOPE_ORBITS
        and row["inclination_deg"] != ""
        and not air_launch(row)
    )


def _bands(rows: list[dict]):
    """Cluster the rows' inclinations into FlownBands (gap BAND_GAP_DEG, at least BAND_MIN_LAUNCHES)."""
    rows = sorted(rows, key=lambda r: float(r["inclination_deg"]))
    groups, current = [], []
    for r in rows:
        if current and float(r["inclination_deg"]) - float(current[-1]["inclination_deg"]) > BAND_GAP_DEG:
            groups.append(current)
            current = []
        current.append(r)
    if current:
        groups.append(current)
    out = []
    for g in groups:
        if len(g) < BAND_MIN_LAUNCHES:
            continue
        years = sorted(int(r["date"][:4]) for r in g)
        vehicles = tuple(v for v, _ in Counter(r["vehicle"] for r in g).most_common(3))
        out.append(
            FlownBand(
                float(g[0]["inclination_deg"]), float(g[-1]["inclination_deg"]), len(g), years[0], years[-1], vehicles
            )
        )
    return tuple(out)


def with_envelopes(cat):
    """A copy of catalogue ``cat`` whose sites carry their flown envelopes (a station: all its pads')."""
    sites = list(cat)
    by_site, by_pad = index_sites(sites)
    parent = {s.id: s.parent for s in sites}
    flown: dict[str, list[dict]] = {s.id: [] for s in sites}
    for row in rows():
        sid = resolve_site(row, by_site, by_pad)
        if sid and envelope_launch(row):
            flown[sid].append(row)
            if parent.get(sid):
                flown[parent[sid]].append(row)
    by_id = {s.id: s for s in sites}

    def envelope(s):
        station = by_id.get(s.parent)
        if station is not None and not (s.published_known and not s.constraints_inherited):
            # A pad without published limits of its own flies under its range's rules (as the
            # catalogue's inheritance of published constraints has it): it shares the range's
            # envelope. A pad with its own (the Cape's SLC-40 and SLC-41) keeps its own record.
            return _bands(flown[station.id])
        return _bands(flown[s.id])

    return type(cat)((replace(s, envelope=envelope(s)) for s in sites), cat.origin)
