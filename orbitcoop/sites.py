"""Launch sites: the :class:`LaunchSite` record and the built-in catalogue.

The catalogue is ``orbitcoop/data/launch_sites.toml``: one table per site or pad,
each figure beside its source. A corridor (published launch-azimuth range) or an
inclination limit is recorded only where a source states one; a site with
neither has an *unknown* corridor, and results say so rather than pretend the
sky is open.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field, replace

import astropy.units as u

from orbitcoop.errors import CatalogueError, UnknownSiteError
from orbitcoop.loading import Fields, did_you_mean, only_keys, optional_tables, read_toml, tables
from orbitcoop.record import FlownBand, with_envelopes

STATUSES = ("active", "planned", "retired")


@dataclass(frozen=True)
class Corridor:
    """A published range of ground launch azimuths, clockwise from ``azimuth_min`` to ``azimuth_max``."""

    azimuth_min_deg: float
    azimuth_max_deg: float
    source: str
    note: str = ""
    #: The pad whose constraint this is, where a station carries it for its pad ("" = the site's own).
    pad: str = ""

    @property
    def label(self) -> str:
        """E.g. '349.5°→93.5°' (clockwise)."""
        return f"{self.azimuth_min_deg:g}°→{self.azimuth_max_deg:g}°"


@dataclass(frozen=True)
class InclinationLimit:
    """A published range of inclinations a site may launch into directly."""

    min_deg: float | None
    max_deg: float | None
    source: str
    note: str = ""
    #: The pad whose constraint this is, where a station carries it for its pad ("" = the site's own).
    pad: str = ""

    @property
    def label(self) -> str:
        """E.g. 'i 63–83°'; an unpublished bound is left blank ('i 51.6–°')."""
        lo = "" if self.min_deg is None else f"{self.min_deg:g}"
        hi = "" if self.max_deg is None else f"{self.max_deg:g}"
        return f"i {lo}–{hi}°"


@dataclass(frozen=True)
class FlownOrbit:
    """Evidence: a mission flown from the site and the inclination it reached."""

    mission: str
    inclination_deg: float
    source: str


@dataclass(frozen=True)
class FlownRoute:
    """Evidence of a dog-leg: orbits in an inclination band end in a plane turned from the site.

    A direct ascent ends in a plane through the launch site; a mission from the band whose
    orbit plane missed the site by ``plane_offset_deg`` (the site's angular distance from the
    plane at lift-off, from the flown orbit's elements) was turned by at least that much on
    the way, during the ascent. orbitcoop charges that least turn as a plane change at the
    parking orbit's speed (the end of the ascent; it cannot be deferred to a transfer's apogee):
    the real ascent may turn more, at lower speed, so the charge is an estimate, not a bound
    either way. The evidence fields say how the offset was found; tests recompute it.
    """

    inclination_min_deg: float
    inclination_max_deg: float
    plane_offset_deg: float
    mission: str
    source: str
    note: str = ""
    evidence: tuple[tuple[str, object], ...] = ()

    def applies_to(self, inclination_deg: float) -> bool:
        return self.inclination_min_deg <= inclination_deg <= self.inclination_max_deg

    @property
    def label(self) -> str:
        """E.g. 'i 85–105°: plane 6.4° off (flown)'."""
        band = f"i {self.inclination_min_deg:g}–{self.inclination_max_deg:g}°"
        return f"{band}: plane {self.plane_offset_deg:g}° off (flown)"


@dataclass(frozen=True)
class LaunchSite:
    """A launch site or pad with its geodetic position and published constraints.

    Examples
    --------
    >>> import orbitcoop
    >>> site = orbitcoop.get_site("Tanegashima")
    >>> site.id, round(site.latitude_deg, 1)
    ('tanegashima', 30.4)
    """

    id: str
    name: str
    country: str
    operator: str
    status: str
    latitude_deg: float
    longitude_deg: float
    position_source: str
    elevation_m: float | None = None
    elevation_source: str = ""
    position_level: str = "site"
    parent: str = ""
    aliases: tuple[str, ...] = ()
    corridors: tuple[Corridor, ...] = ()
    inclination_limits: tuple[InclinationLimit, ...] = ()
    flown: tuple[FlownOrbit, ...] = ()
    routes: tuple[FlownRoute, ...] = ()
    notes: str = field(default="", compare=False)
    #: GCAT launch-site codes of this site's launches (a station: every pad) and GCAT "SITE:PAD" codes
    #: of this pad's; they tie the flight record (orbitcoop.record) to the catalogue.
    gcat_sites: tuple[str, ...] = ()
    gcat_pads: tuple[str, ...] = ()
    #: The flown envelope: inclination bands of the site's successful launches since 1990
    #: (:func:`orbitcoop.flights.flown_envelope`), attached when the built-in catalogue loads.
    envelope: tuple[FlownBand, ...] = ()
    #: True for a pad whose corridors and limits are its station's, inherited for want of its own.
    constraints_inherited: bool = field(default=False, compare=False)

    def route_for(self, inclination_deg: float) -> FlownRoute | None:
        """The flown route that applies to orbits of this inclination (the largest turn if several do)."""
        return max(
            (r for r in self.routes if r.applies_to(inclination_deg)), key=lambda r: r.plane_offset_deg, default=None
        )

    def route_offset_deg(self, inclination_deg: float) -> float:
        """The plane turn [deg] a flown route shows for orbits of this inclination (0 if none applies)."""
        r = self.route_for(inclination_deg)
        return 0.0 if r is None else r.plane_offset_deg

    @property
    def latitude(self) -> u.Quantity:
        """Geodetic latitude (north positive)."""
        return self.latitude_deg << u.deg

    @property
    def longitude(self) -> u.Quantity:
        """Longitude (east positive)."""
        return self.longitude_deg << u.deg

    @property
    def elevation(self) -> u.Quantity:
        """Height above the WGS 84 ellipsoid; 0 m where no source gives it (see ``elevation_known``)."""
        return (self.elevation_m or 0.0) << u.m

    @property
    def elevation_known(self) -> bool:
        return self.elevation_m is not None

    @property
    def azimuth_ranges(self) -> tuple[tuple[u.Quantity, u.Quantity], ...]:
        """Published launch-azimuth corridors as (min, max) Quantity pairs, clockwise."""
        return tuple((c.azimuth_min_deg << u.deg, c.azimuth_max_deg << u.deg) for c in self.corridors)

    @property
    def published_known(self) -> bool:
        """True if a corridor or an inclination limit is published for this site (or one of its pads)."""
        return bool(self.corridors or self.inclination_limits)

    @property
    def constraints_known(self) -> bool:
        """True if a corridor or an inclination limit is published, or the flight record shows an envelope."""
        return bool(self.published_known or self.envelope)

    @property
    def constraints_label(self) -> str:
        """Published corridors and limits, then the flown envelope, in a few characters; or 'corridor unknown'."""
        parts = [c.label + (f" ({c.pad})" if c.pad else "") for c in (*self.corridors, *self.inclination_limits)]
        if self.envelope:
            parts.append("flown envelope: " + ", ".join(b.label for b in self.envelope))
        return ", ".join(parts) or "corridor unknown"

    def flown_band(self, inclination_deg: float) -> FlownBand | None:
        """The band of the flown envelope that holds ``inclination_deg`` (None if none does)."""
        return next((b for b in self.envelope if b.applies_to(inclination_deg)), None)

    def __repr__(self) -> str:
        # Short: the published constraints, or the size of the flown envelope (constraints_label has it all).
        published = ", ".join(c.label for c in (*self.corridors, *self.inclination_limits))
        flown = f"flown envelope of {len(self.envelope)} bands" if self.envelope else "corridor unknown"
        return (
            f"LaunchSite({self.id!r}, {self.latitude_deg:.4f}°, {self.longitude_deg:.4f}°, {self.status}, "
            f"{published or flown})"
        )


def _normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return "-".join(text.lower().replace("_", " ").replace("/", " ").split())


def _parse_site(entry: dict, where: str) -> LaunchSite:
    f = Fields(entry, where)
    sid = f.text("id")
    f.where = where = f"{where} (id {sid!r})"
    if sid != _normalise(sid):
        f.fail(f"id must be a lowercase slug like {_normalise(sid)!r}")
    elevation = f.number("elevation_m", None, -500.0, 9000.0)
    corridors = []
    for k, c in enumerate(optional_tables(entry, "corridor", where, label="site.corridor")):
        c = Fields(c, f"{where} corridor {k}")
        corridors.append(
            Corridor(
                c.number("azimuth_min_deg", lo=0.0, hi=360.0),
                c.number("azimuth_max_deg", lo=0.0, hi=360.0),
                c.source(),
                c.text("note", ""),
            )
        )
    limits = []
    for k, c in enumerate(optional_tables(entry, "inclination_limit", where, label="site.inclination_limit")):
        c = Fields(c, f"{where} inclination_limit {k}")
        if "min_deg" not in c and "max_deg" not in c:
            c.fail("give min_deg, max_deg or both")
        lo, hi = c.number("min_deg", None, 0.0, 180.0), c.number("max_deg", None, 0.0, 180.0)
        if lo is not None and hi is not None and lo > hi:
            c.fail(f"min_deg {lo} > max_deg {hi}")
        limits.append(InclinationLimit(lo, hi, c.source(), c.text("note", "")))
    flown = []
    for k, c in enumerate(optional_tables(entry, "flown", where, label="site.flown")):
        c = Fields(c, f"{where} flown {k}")
        flown.append(FlownOrbit(c.text("mission"), c.number("inclination_deg", lo=0.0, hi=180.0), c.source()))
    routes = []
    known = {"inclination_min_deg", "inclination_max_deg", "plane_offset_deg", "mission", "source", "note"}
    for k, c in enumerate(optional_tables(entry, "route", where, label="site.route")):
        r = Fields(c, f"{where} route {k}")
        lo = r.number("inclination_min_deg", lo=0.0, hi=180.0)
        hi = r.number("inclination_max_deg", lo=0.0, hi=180.0)
        if lo > hi:
            r.fail(f"inclination_min_deg {lo} > inclination_max_deg {hi}")
        routes.append(
            FlownRoute(
                lo,
                hi,
                r.number("plane_offset_deg", lo=0.0, hi=90.0),
                r.text("mission"),
                r.source(),
                r.text("note", ""),
                tuple((key, val) for key, val in c.items() if key not in known),
            )
        )
    pads = f.texts("gcat_pads", ())
    if not all(":" in c for c in pads):
        f.fail(f"gcat_pads entries are 'SITE:PAD' GCAT codes, got {list(pads)!r}")
    return LaunchSite(
        id=sid,
        name=f.text("name"),
        country=f.text("country"),
        operator=f.text("operator"),
        status=f.text("status", choices=STATUSES),
        latitude_deg=f.number("latitude_deg", lo=-90.0, hi=90.0),
        longitude_deg=f.number("longitude_deg", lo=-180.0, hi=180.0),
        position_source=f.source("position_source"),
        elevation_m=elevation,
        elevation_source="" if elevation is None else f.source("elevation_source"),
        position_level=f.text("position_level", "site", choices=("pad", "site")),
        parent=f.text("parent", ""),
        aliases=f.texts("aliases", ()),
        corridors=tuple(corridors),
        inclination_limits=tuple(limits),
        flown=tuple(flown),
        routes=tuple(routes),
        notes=f.text("notes", ""),
        gcat_sites=f.texts("gcat_sites", ()),
        gcat_pads=pads,
    )


def _numbers(c: Corridor | InclinationLimit) -> tuple:
    if isinstance(c, Corridor):
        return (c.azimuth_min_deg, c.azimuth_max_deg)
    return (c.min_deg, c.max_deg)


def _same(constraint, others) -> bool:
    """True if ``others`` holds a constraint with the same numbers (e.g. a pad's copy of its station's)."""
    return any(_numbers(constraint) == _numbers(o) for o in others)


class Catalogue:
    """An ordered, read-only collection of launch sites with name lookup."""

    def __init__(self, sites, origin="<memory>"):
        self.origin = str(origin)
        self._sites = {}
        self._names = {}
        for site in sites:
            if site.id in self._sites:
                raise CatalogueError(f"{self.origin}: id {site.id!r} appears twice")
            self._sites[site.id] = site
        for site in list(self._sites.values()):
            if site.parent and site.parent not in self._sites:
                hint = did_you_mean(site.parent, list(self._sites))
                raise CatalogueError(f"{self.origin}: {site.id!r} has unknown parent {site.parent!r}.{hint}")
            parent = self._sites.get(site.parent)
            if parent is not None and not site.published_known and parent.published_known:
                # A pad flies under its range's safety rules: inherit the site's published constraints.
                self._sites[site.id] = replace(
                    site,
                    corridors=parent.corridors,
                    inclination_limits=parent.inclination_limits,
                    notes=(site.notes + f" Corridor/limits inherited from {parent.id!r}.").strip(),
                    constraints_inherited=True,
                )
            site = self._sites[site.id]
            if parent is not None and not site.routes and parent.routes:
                # The same range flies the same routes.
                self._sites[site.id] = replace(site, routes=parent.routes)
        for station in list(self._sites.values()):
            # A station is the union of its active pads: it carries each pad's own published
            # constraints, tagged with the pad, so that assessing the station finds the pad that
            # reaches a plane (e.g. Cape Canaveral's SSO corridor belongs to its SLC-40 pad).
            corridors, limits = list(station.corridors), list(station.inclination_limits)
            for pad in self._sites.values():
                if pad.parent != station.id or pad.status != "active":
                    continue
                corridors += [replace(c, pad=pad.id) for c in pad.corridors if not _same(c, corridors)]
                limits += [replace(c, pad=pad.id) for c in pad.inclination_limits if not _same(c, limits)]
            if len(corridors) > len(station.corridors) or len(limits) > len(station.inclination_limits):
                self._sites[station.id] = replace(station, corridors=tuple(corridors), inclination_limits=tuple(limits))
        # Ids first, so that an id always finds its own site even where another site's
        # alias happens to spell it (e.g. a pad named after its atoll).
        for site in self._sites.values():
            self._names[_normalise(site.id)] = site.id
        for site in self._sites.values():
            for name in (site.name, *site.aliases):
                self._names.setdefault(_normalise(name), site.id)

    @classmethod
    def from_toml(cls, path=None) -> Catalogue:
        """Read and check a site file (default: the built-in ``launch_sites.toml``, without flown envelopes)."""
        data, name = read_toml(path, "launch_sites.toml", what="launch-site")
        only_keys(data, ("site",), name)
        entries = tables(data, "site", name)
        return cls((_parse_site(e, f"{name} site #{k}") for k, e in enumerate(entries)), name)

    def __iter__(self):
        return iter(self._sites.values())

    def __len__(self):
        return len(self._sites)

    def __contains__(self, name):
        return _normalise(name) in self._names

    def ids(self) -> list[str]:
        return list(self._sites)

    def get(self, name) -> LaunchSite:
        if isinstance(name, LaunchSite):
            return name
        key = _normalise(name)
        if key in self._names:
            return self._sites[self._names[key]]
        hint = did_you_mean(key, self._names)
        raise UnknownSiteError(f"unknown launch site {name!r}.{hint} `orbitcoop sites` lists all {len(self)} ids.")


@functools.cache
def catalogue() -> Catalogue:
    """The built-in catalogue (loaded once), each site with its flown envelope from the flight record."""
    return with_envelopes(Catalogue.from_toml())


def get_site(name) -> LaunchSite:
    """The launch site called ``name`` (an id, its display name or an alias; case-insensitive).

    Raises :class:`orbitcoop.UnknownSiteError` (a ``LookupError``) naming the closest ids.

    >>> get_site("kourou").country
    'France (French Guiana)'
    """
    return catalogue().get(name)


def list_sites(status=None) -> list[LaunchSite]:
    """All catalogue sites, optionally only those with ``status`` ("active", "planned", "retired")."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
    return [s for s in catalogue() if status is None or s.status == status]
