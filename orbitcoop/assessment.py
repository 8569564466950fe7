"""Assessment: what it takes to reach an orbit from a site, and the vectorised engine behind it.

:func:`plan_pairs` computes, for many (site, orbit) pairs at once, the cheapest plan
as a :class:`Plan` of arrays (one element per pair); :func:`describe` reads one pair of
it into words (strategy, corridor, notes); :func:`assess` and :func:`compare` turn
those into an :class:`Assessment` or a DataFrame row.

>>> a = assess("tanegashima", "geo")
>>> a.strategy, a.direct
('gto split', False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import astropy.units as u
import numpy as np

from orbitcoop._inputs import altitude_km, as_sites, plain
from orbitcoop.core import constants as _si
from orbitcoop.core import vec
from orbitcoop.core.dogleg import nearest_inclination_rows
from orbitcoop.defaults import DEFAULT_MAX_APOGEE_ALTITUDE, DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError
from orbitcoop.orbits import TargetOrbit, as_target
from orbitcoop.outcomes import CorridorStatus, Strategy
from orbitcoop.reach import REACH_TOLERANCE_RAD, allowed_by, reachable_intervals, same_range_alternatives
from orbitcoop.sites import FlownRoute, LaunchSite

MU = _si.GM_EARTH_M3_S2
R_EQ = _si.WGS84_A_M
_EPS = REACH_TOLERANCE_RAD


@dataclass(frozen=True)
class DeltaV:
    """Breakdown of the kinematic Δv from a site to an orbit (no gravity, drag or steering losses).

    ``total = orbital_speed − rotation_gain + transfer + plane_change + dogleg``.
    """

    orbital_speed: u.Quantity
    rotation_gain: u.Quantity
    transfer: u.Quantity
    plane_change: u.Quantity
    dogleg: u.Quantity
    total: u.Quantity

    def to_dict(self):
        return {k: plain(getattr(self, k), u.m / u.s) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Assessment:
    """What it takes to reach ``orbit`` from ``site``: geometry, corridor, strategy and Δv."""

    site: str
    orbit: str
    direct: bool
    in_corridor: bool | None
    strategy: Strategy
    azimuth: u.Quantity | None
    azimuth_south: u.Quantity | None
    launch_inclination: u.Quantity
    target_inclination: u.Quantity | None
    min_inclination: u.Quantity
    dv: DeltaV
    dv_penalty: u.Quantity
    parking_altitude: u.Quantity
    notes: tuple[str, ...] = field(default=())
    #: The flown route whose dog-leg the Δv charges (part of ``dv.dogleg``), or None.
    route: FlownRoute | None = None

    @property
    def total_dv(self) -> u.Quantity:
        return self.dv.total

    @property
    def corridor(self) -> CorridorStatus:
        """:attr:`in_corridor` as a :class:`CorridorStatus`."""
        return CorridorStatus.of(self.in_corridor)

    def to_dict(self):
        deg = u.deg
        return {
            "site": self.site,
            "orbit": self.orbit,
            "direct": self.direct,
            "in_corridor": self.corridor.json,
            "strategy": self.strategy,
            "azimuth_deg": None if self.azimuth is None else plain(self.azimuth, deg),
            "azimuth_south_deg": None if self.azimuth_south is None else plain(self.azimuth_south, deg),
            "launch_inclination_deg": plain(self.launch_inclination, deg),
            "target_inclination_deg": None if self.target_inclination is None else plain(self.target_inclination, deg),
            "min_inclination_deg": plain(self.min_inclination, deg),
            "dv_m_s": self.dv.to_dict(),
            "total_dv_m_s": plain(self.dv.total, u.m / u.s),
            "dv_penalty_m_s": plain(self.dv_penalty, u.m / u.s),
            "parking_altitude_km": plain(self.parking_altitude, u.km),
            "notes": list(self.notes),
        }

    def __repr__(self):
        return (
            f"Assessment({self.site} → {self.orbit}: {self.strategy}, {self.corridor.label}, "
            f"Δv {self.dv.total.to_value(u.m / u.s):.0f} m/s, penalty "
            f"{self.dv_penalty.to_value(u.m / u.s):+.0f} m/s)"
        )


@dataclass(frozen=True)
class Plan:
    """The cheapest plan for each of n (site, orbit) pairs: arrays of shape (n,), SI units (m, m/s, rad).

    Built by :func:`plan_pairs`; :func:`describe` reads one pair of it into words.
    """

    #: Inclination flown to [rad]: the orbit's, or for a free one the cheapest the site allows.
    target: np.ndarray
    #: Inclination launched into [rad]: the reachable plane nearest ``target``.
    i_launch: np.ndarray
    #: Plane turn after launch, |target − i_launch| [rad].
    di: np.ndarray
    #: Plane offset of a flown route's dog-leg [rad] (0 where none), and its charge [m/s].
    route: np.ndarray
    route_dv: np.ndarray
    #: The site's lowest inclination, its geocentric latitude [rad].
    i_min: np.ndarray
    #: Whether the site's corridor or limits are published.
    known: np.ndarray
    #: Whether geometry alone reaches the target directly.
    geometric: np.ndarray
    #: Parking (or starting) radius [m] and circular speed there [m/s].
    r1: np.ndarray
    v1: np.ndarray
    #: Δv Earth's rotation saves on insertion [m/s].
    gain: np.ndarray
    #: The in-plane transfer [m/s]; the plane change geometry forces, and the rest, the dogleg [m/s].
    in_plane: np.ndarray
    plane: np.ndarray
    dogleg: np.ndarray
    #: Total kinematic Δv [m/s], and its excess over an ideal site on the equator [m/s].
    total: np.ndarray
    penalty: np.ndarray
    #: Whether the launch plane is the one geometry alone would pick (the corridor allows it).
    in_corridor: np.ndarray
    #: Whether the supersynchronous transfer is used.
    use_ss: np.ndarray
    #: The departure burn out of the parking orbit, and the burns after it [m/s].
    depart: np.ndarray
    after: np.ndarray
    #: Whether the orbit is an escape.
    escape: np.ndarray
    #: Ground launch azimuths [rad], northbound and southbound.
    az_n: np.ndarray
    az_s: np.ndarray


@dataclass(frozen=True)
class PairDescription:
    """One pair of a :class:`Plan` in words: strategy, corridor verdict, the turn's Δv split, notes."""

    strategy: Strategy
    #: True/False where the site's constraints are published, None where they are not.
    in_corridor: bool | None
    plane_change_m_s: float
    dogleg_m_s: float
    notes: list[str]
    #: The flown route whose dog-leg the Δv charges, or None.
    route: FlownRoute | None


def plan_pairs(sites, orbits, parking_km, max_apogee_km) -> Plan:
    """The cheapest plan for each (site, orbit) pair (two equal-length lists), as arrays: the engine
    behind :func:`assess`, :func:`compare` and the payload model.

    ``parking_km`` and ``max_apogee_km``: plain floats (the callers have checked them).
    """
    distinct = list({id(s): s for s in sites}.values())
    position = {id(s): k for k, s in enumerate(distinct)}
    return plan_columns(
        distinct,
        np.array([position[id(s)] for s in sites], dtype=np.int64),
        np.array([o.perigee_altitude_km for o in orbits], dtype=np.float64),
        np.array([o.apogee_altitude_km for o in orbits], dtype=np.float64),
        np.array([np.nan if o.inclination_deg is None else o.inclination_deg for o in orbits], dtype=np.float64),
        np.array([o.geostationary for o in orbits], dtype=bool),
        np.array([np.nan if o.c3_km2_s2 is None else o.c3_km2_s2 for o in orbits], dtype=np.float64),
        parking_km,
        max_apogee_km,
    )


def _per_distinct(site_index, x):
    """The distinct (site index, x) pairs, and for each pair k the row of its pair among them."""
    # One complex number per pair (both parts exact): a 1-d sort, ~10× faster than np.unique(axis=0).
    keys, inverse = np.unique(site_index + 1j * x, return_inverse=True)
    return np.column_stack([keys.real, keys.imag]), inverse.reshape(-1)


def plan_columns(
    sites, site_index, perigee_km, apogee_km, inclination_deg, geostationary, c3_km2_s2, parking_km, max_apogee_km
) -> Plan:
    """:func:`plan_pairs` on columns, for grids: pair k flies from ``sites[site_index[k]]`` to the orbit
    of row k of the arrays (``inclination_deg`` NaN: free; ``c3_km2_s2`` NaN: bound, not an escape).

    The work per site (its corridors, its flown routes) runs once per distinct (site, speed) and
    (site, inclination), not per pair, so 10⁶ pairs cost array operations only (benchmarks/bench_scale.py).
    """
    site_index = np.asarray(site_index, dtype=np.int64)
    n = len(site_index)
    hp = np.asarray(perigee_km, dtype=np.float64) * 1e3
    ha = np.asarray(apogee_km, dtype=np.float64) * 1e3
    free = np.isnan(inclination_deg)
    i_t = np.radians(np.where(free, 0.0, inclination_deg))
    geo = np.asarray(geostationary, dtype=bool)
    # Escapes leave from the parking orbit in one burn; their c3 is in m²/s².
    esc = ~np.isnan(c3_km2_s2)
    c3 = np.where(esc, c3_km2_s2, 0.0) * 1e6
    r_park = R_EQ + parking_km * 1e3
    rp, ra = np.where(esc, r_park, R_EQ + hp), np.where(esc, r_park, R_EQ + ha)
    r1 = np.minimum(r_park, rp)
    v1 = np.sqrt(MU / r1)
    lat = np.radians([s.latitude_deg for s in sites])[site_index]
    alt = np.array([s.elevation_m or 0.0 for s in sites])[site_index]

    # Reachable inclination intervals, one padded row per distinct (site, parking speed).
    keys, row_of = _per_distinct(site_index, v1)
    rows = [reachable_intervals(sites[int(k)], float(v)) for k, v in keys]
    width = max((len(r[0]) for r in rows), default=1)
    lo = np.full((len(rows), width), np.nan)
    hi = np.full((len(rows), width), np.nan)
    for k, (ints, _, _) in enumerate(rows):
        for j, (a, b) in enumerate(ints):
            lo[k, j], hi[k, j] = a, b
    known = np.array([r[1] for r in rows], dtype=bool)[row_of]
    i_min = np.array([r[2] for r in rows], dtype=np.float64)[row_of]
    i_launch = nearest_inclination_rows(i_t, lo[row_of], hi[row_of])
    target = np.where(free, i_launch, i_t)
    # A flown route (catalogue evidence of a dog-leg) is a turn made during the ascent, before the
    # parking orbit: it cannot wait for a transfer's apogee. It is charged on top of any other turn
    # as a plane change at the parking orbit's speed, where the ascent ends: the costliest place
    # for a turn of that size (no site in the catalogue has a route and a corridor both).
    keys, route_of = _per_distinct(site_index, target)
    route = np.radians([sites[int(k)].route_offset_deg(math.degrees(t)) for k, t in keys], dtype=np.float64)[route_of]
    di = np.abs(target - i_launch)
    # What geometry alone allows: the plane nearest the target within [φ', 180° − φ'].
    i_geo = np.clip(target, i_min, math.pi - i_min)
    di_geo = np.abs(target - i_geo)
    geometric = di_geo < _EPS
    in_corridor = np.abs(i_launch - i_geo) < _EPS

    insertion = vec.ascent_dv(lat, alt, i_launch, v1)
    gain = v1 - insertion
    in_plane = vec.transfer_dv(MU, r1, rp, ra, 0.0)
    with_plane = vec.transfer_dv(MU, r1, rp, ra, di)
    # The part of the plane change geometry forces (latitude); the rest is the corridor's dogleg.
    geo_only = vec.transfer_dv(MU, r1, rp, ra, di_geo)
    if esc.any():
        # Escapes: one departure burn instead of the (empty) transfer computed for them above.
        in_plane[esc] = vec.escape_dv(MU, r1[esc], c3[esc], 0.0)
        with_plane[esc] = vec.escape_dv(MU, r1[esc], c3[esc], di[esc])
        geo_only[esc] = vec.escape_dv(MU, r1[esc], c3[esc], di_geo[esc])
    rmax = np.maximum(R_EQ + max_apogee_km * 1e3, ra)
    supersync = np.full(n, np.inf)
    apo = ra.copy()
    if geo.any():
        rs = vec.supersync_apogee(MU, di[geo], r1[geo], ra[geo], rmax[geo])
        supersync[geo] = vec.supersync_dv(MU, di[geo], r1[geo], ra[geo], rs)
        apo[geo] = rs
    use_ss = supersync < with_plane - 1e-9
    route_dv = vec.plane_change_dv(v1, route)
    transfer_total = np.where(use_ss, supersync, with_plane) + route_dv
    total = insertion + transfer_total
    # The departure burn: the in-plane first burn from the parking orbit, raising the apoapsis
    # (to the supersynchronous one where that plan is used) or leaving on the escape. The rest of
    # the transfer (apogee burns, the plane change) comes after it.
    apo = np.where(use_ss, apo, ra)
    raise_apo = vec.apsis_speed(MU, r1, apo) - v1
    depart = np.where(esc, in_plane, np.where(apo > r1 + 1.0, raise_apo, 0.0))
    after = np.maximum(transfer_total - route_dv - depart, 0.0)

    # The same orbit from an ideal site on the equator at sea level: every plane reachable.
    ideal = vec.ascent_dv(0.0, 0.0, np.where(free, 0.0, i_t), v1) + in_plane
    az_n = vec.launch_azimuth_ground(lat, alt, i_launch, v1, 0.0)
    az_s = vec.launch_azimuth_ground(lat, alt, i_launch, v1, 1.0)
    return Plan(
        target=target,
        i_launch=i_launch,
        di=di,
        route=route,
        route_dv=route_dv,
        i_min=i_min,
        known=known,
        geometric=geometric,
        r1=r1,
        v1=v1,
        gain=gain,
        in_plane=in_plane,
        plane=np.minimum(geo_only, transfer_total) - in_plane,
        dogleg=np.maximum(transfer_total - geo_only, 0.0),
        total=total,
        in_corridor=in_corridor,
        penalty=total - ideal,
        use_ss=use_ss,
        depart=depart,
        after=after,
        escape=esc,
        az_n=az_n,
        az_s=az_s,
    )


def describe(k: int, p: Plan, site: LaunchSite, orbit: TargetOrbit) -> PairDescription:
    """Pair ``k`` of plan ``p`` in words: strategy, corridor verdict, the turn's Δv split, notes."""
    known = bool(p.known[k])
    in_corridor = bool(p.in_corridor[k]) if known else None
    higher = p.r1[k] < R_EQ + orbit.apogee_altitude_km * 1e3 - 1.0
    plane, dogleg = float(p.plane[k]), float(p.dogleg[k])
    tgt, launch = math.degrees(p.target[k]), math.degrees(p.i_launch[k])
    notes = []
    if not known and site.envelope:
        notes.append(
            f"flown envelope: {', '.join(b.label for b in site.envelope)} ({site.envelope[0].source}); "
            "no published launch-azimuth range or inclination limit: reachability judged by geometry alone"
        )
    elif not known:
        notes.append(
            "corridor unknown: no published launch-azimuth range or inclination limit; "
            "reachability judged by geometry alone"
        )
    turned = p.di[k] >= _EPS
    route = site.route_for(tgt) if p.route[k] > 0.0 else None
    if not turned and route is None:
        strategy = Strategy.DIRECT
    else:
        strategy = Strategy.PLANE_CHANGE if dogleg == 0.0 else Strategy.DOGLEG
        if not p.geometric[k]:
            notes.append(
                f"{tgt:.2f}° is out of direct reach: the site's inclinations run from "
                f"{math.degrees(p.i_min[k]):.2f}° (due east, its geocentric latitude) to "
                f"{180 - math.degrees(p.i_min[k]):.2f}° (due west)"
            )
        if known and not in_corridor:
            notes.append(
                f"the published corridor does not allow the needed azimuth: nearest allowed inclination {launch:.2f}°"
            )
            notes += same_range_alternatives(site, float(p.target[k]), float(p.v1[k]))
        if route is not None:
            notes.append(
                f"flown route: {route.mission} ended in a plane {route.plane_offset_deg:g}° from the site (a dog-leg "
                f"in the ascent), charged as a plane change of that size at the parking orbit's speed: "
                f"{float(p.route_dv[k]):.0f} m/s"
            )
        if turned:
            notes.append(
                f"launched into {launch:.2f}° and turned the plane by "
                f"{math.degrees(p.di[k]):.2f}° (plane change {plane:.0f} m/s, dogleg {dogleg:.0f} m/s)"
            )
            if p.use_ss[k]:
                strategy = Strategy.SUPERSYNCHRONOUS
                notes.append("supersynchronous transfer: most of the plane change at an apogee above GEO")
            elif p.escape[k]:
                notes.append("plane change made in the departure burn")
            elif higher:
                strategy = Strategy.GTO_SPLIT if orbit.geostationary else strategy.split()
                notes.append("plane change split optimally between the transfer's perigee and apogee burns")
    if known and in_corridor:
        notes += allowed_by(site, float(p.i_launch[k]), float(p.v1[k]))
    if orbit.inclination_deg is None:
        notes.append(f"inclination free: took the cheapest allowed plane, {launch:.2f}°")
    # Evidence from the catalogue: missions flown from here into (nearly) this plane.
    flown = [f for f in site.flown if abs(f.inclination_deg - tgt) <= 1.0]
    if flown:
        notes.append("flown from here: " + "; ".join(f"{f.mission} at {f.inclination_deg:g}°" for f in flown[:3]))
    return PairDescription(strategy, in_corridor, plane, dogleg, notes, route)


def assess(
    site, orbit, parking_altitude=DEFAULT_PARKING_ALTITUDE, max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE
) -> Assessment:
    """Assess reaching ``orbit`` from ``site``: is it direct, in the corridor, by what strategy, at what Δv.

    ``site``: a :class:`LaunchSite` or a name; ``orbit``: a :class:`TargetOrbit`, a
    preset/parametric string (``"iss"``, ``"leo:400:51.6"``) or a boinor ``Orbit``.

    The Δv is kinematic: insertion speed into a circular parking orbit minus the
    rotation gain, plus the transfer to the orbit (plane change split optimally,
    supersynchronous for GEO where cheaper). ``dv_penalty`` compares it with an
    ideal site on the equator reaching the same orbit.

    >>> a = assess("tanegashima", "geo")
    >>> a.strategy, a.direct
    ('gto split', False)
    """
    return assess_with_plan(site, orbit, parking_altitude, max_apogee_altitude)[0]


def assess_with_plan(
    site, orbit, parking_altitude=DEFAULT_PARKING_ALTITUDE, max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE
) -> tuple[Assessment, Plan]:
    """:func:`assess`, and the one-row :class:`Plan` behind it, for callers that need more of it
    (the payload model reads the departure burn from it)."""
    s = as_sites([site])[0]
    o = as_target(orbit)
    parking = altitude_km(parking_altitude, "parking_altitude")
    max_apo = altitude_km(max_apogee_altitude, "max_apogee_altitude")
    p = plan_pairs([s], [o], parking, max_apo)
    d = describe(0, p, s, o)
    mps = u.m / u.s
    deg = u.deg
    return Assessment(
        site=s.id,
        orbit=o.name,
        direct=bool(p.geometric[0]),
        in_corridor=d.in_corridor,
        strategy=d.strategy,
        azimuth=math.degrees(p.az_n[0]) * deg,
        azimuth_south=math.degrees(p.az_s[0]) * deg,
        launch_inclination=math.degrees(p.i_launch[0]) * deg,
        target_inclination=None if o.inclination_deg is None else o.inclination_deg * deg,
        min_inclination=math.degrees(p.i_min[0]) * deg,
        dv=DeltaV(
            orbital_speed=p.v1[0] * mps,
            rotation_gain=p.gain[0] * mps,
            transfer=p.in_plane[0] * mps,
            plane_change=d.plane_change_m_s * mps,
            dogleg=d.dogleg_m_s * mps,
            total=p.total[0] * mps,
        ),
        dv_penalty=p.penalty[0] * mps,
        parking_altitude=(p.r1[0] - R_EQ) / 1e3 * u.km,
        notes=tuple(d.notes),
        route=d.route,
    ), p


def compare(
    sites=None,
    orbits=("iss", "tiangong", "polar", "gto", "geo"),
    parking_altitude=DEFAULT_PARKING_ALTITUDE,
    max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE,
):
    """Assess every (site, orbit) pair; a :class:`pandas.DataFrame`, one row per pair.

    ``sites``: names or sites (default: all active catalogue sites, pads excluded); ``orbits``: as
    in :func:`assess`, or a single one. Columns carry their unit in the name.

    >>> df = compare(["kourou", "tanegashima"], ["geo"])
    >>> list(df["site"])
    ['kourou', 'tanegashima']
    """
    import pandas as pd

    site_list = as_sites(sites)
    if isinstance(orbits, str | TargetOrbit) or hasattr(orbits, "r_p"):
        orbits = [orbits]
    orbit_list = [as_target(o) for o in orbits]
    if not orbit_list:
        raise InputRangeError(
            "orbits is empty: give at least one orbit (a preset, a form like 'sso:700', a TargetOrbit)"
        )
    parking = altitude_km(parking_altitude, "parking_altitude")
    max_apo = altitude_km(max_apogee_altitude, "max_apogee_altitude")
    pairs_s = [s for s in site_list for _ in orbit_list]
    pairs_o = [o for _ in site_list for o in orbit_list]
    p = plan_pairs(pairs_s, pairs_o, parking, max_apo)
    return pd.DataFrame([compare_row(k, p, s, o) for k, (s, o) in enumerate(zip(pairs_s, pairs_o, strict=True))])


def compare_row(k: int, p: Plan, site: LaunchSite, orbit: TargetOrbit) -> dict:
    """Pair ``k`` of plan ``p`` as one row of :func:`compare` (plain floats, units in the names)."""
    d = describe(k, p, site, orbit)
    return {
        "site": site.id,
        "orbit": orbit.id or orbit.name,
        "latitude_deg": site.latitude_deg,
        "direct": bool(p.geometric[k]),
        "in_corridor": CorridorStatus.of(d.in_corridor).json,
        "strategy": d.strategy,
        "azimuth_deg": math.degrees(p.az_n[k]),
        "launch_inclination_deg": math.degrees(p.i_launch[k]),
        "rotation_gain_m_s": p.gain[k],
        "transfer_m_s": p.in_plane[k],
        "plane_change_m_s": d.plane_change_m_s,
        "dogleg_m_s": d.dogleg_m_s,
        "total_dv_m_s": p.total[k],
        "dv_penalty_m_s": p.penalty[k],
        "notes": "; ".join(d.notes),
    }
