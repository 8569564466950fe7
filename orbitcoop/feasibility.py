"""The units API: astropy Quantity in, Quantity out, numpy broadcasting throughout.

Every function here validates its input (range, units, finiteness), strips units
with ``to_value``, calls the kernels of :mod:`orbitcoop.core` on float arrays, and
re-attaches units with ``<<``. Errors name the value and the valid range.

>>> import astropy.units as u, orbitcoop
>>> orbitcoop.min_inclination(28.5 * u.deg).round(2)
<Quantity 28.34 deg>
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import astropy.units as u
import numpy as np

from orbitcoop.core import constants as _si
from orbitcoop.core import vec
from orbitcoop.core.checks import scale_and_count_bad
from orbitcoop.core.dogleg import nearest_inclination_rows
from orbitcoop.errors import InputRangeError, UnreachableOrbitError
from orbitcoop.orbits import TargetOrbit, as_target
from orbitcoop.sites import Corridor, FlownRoute, InclinationLimit, LaunchSite, get_site

MU = _si.GM_EARTH_M3_S2
R_EQ = _si.WGS84_A_M
#: Default circular parking orbit the launcher inserts into [km] (Long March 3B and H-IIA use
#: 200 km and 250 km perigees; Falcon 9 185 km). A modelling choice, passed through everywhere.
DEFAULT_PARKING_ALTITUDE = 200.0 * u.km
#: Highest apogee a supersynchronous transfer may use: beyond it lunar perturbations and
#: transfer time dominate. A modelling choice, not a published figure.
DEFAULT_MAX_APOGEE_ALTITUDE = 100_000.0 * u.km
GEO_ALTITUDE = _si.GEO_ALTITUDE_M * u.m
# Inputs at least this large are checked by one fused numba pass (orbitcoop.core.checks).
_FUSED_CHECK_SIZE = 100_000
# Tolerance on inclinations [rad] when deciding "reachable": well below any published precision.
_EPS = 1e-9


# ---------------------------------------------------------------- input checks


def _values(q, unit, name, lo=-math.inf, hi=math.inf, valid=None, scale=1.0):
    """Float array of ``q`` in ``unit`` (times ``scale``); errors name the first bad value and the range."""
    if not isinstance(q, u.Quantity):
        raise u.UnitsError(f"{name} must be an astropy Quantity in units of {unit} (e.g. 30 * u.{unit}), got {q!r}")
    try:
        x = np.asarray(q.to_value(unit), dtype=np.float64)
    except u.UnitConversionError:
        raise u.UnitsError(f"{name} must have units convertible to {unit}, got {q.unit}") from None
    if x.size >= _FUSED_CHECK_SIZE:
        flat = np.ascontiguousarray(x).reshape(-1)
        out = np.empty_like(flat)
        if scale_and_count_bad(flat, scale, lo, hi, out) == 0:
            return out.reshape(x.shape)
    bad = ~np.isfinite(x) | (x < lo) | (x > hi)
    if bad.any():
        first = x[bad].flat[0]
        count = f" ({int(bad.sum())} of {x.size} values)" if x.size > 1 else ""
        rng = valid or f"{lo:g} to {hi:g} {unit}"
        raise InputRangeError(f"{name} = {first:g} {unit}{count} is outside the valid range {rng}")
    return x * scale if scale != 1.0 else x


def _inclination_rad(q, name="inclination"):
    return _values(q, "deg", name, 0.0, 180.0, "0–180°", scale=math.pi / 180.0)


def _altitude_m(q, name="altitude"):
    return _values(q, "m", name, 0.0, 2e9, "0 (the surface) and above")


def _site_args(site_or_latitude, elevation=None):
    """(latitude rad, elevation m, site or None) from a site, a site name or a latitude Quantity."""
    if isinstance(site_or_latitude, str):
        site_or_latitude = get_site(site_or_latitude)
    if isinstance(site_or_latitude, LaunchSite):
        site = site_or_latitude
        return math.radians(site.latitude_deg), site.elevation_m or 0.0, site
    lat = np.radians(_values(site_or_latitude, "deg", "latitude", -90.0, 90.0, "−90° to +90°"))
    alt = 0.0 if elevation is None else _values(elevation, "m", "elevation", -500.0, 9000.0, "−500 m to 9000 m")
    return lat, alt, None


def _branch(branch):
    if branch not in ("north", "south"):
        raise ValueError(f"branch must be 'north' or 'south', got {branch!r}")
    return 1.0 if branch == "south" else 0.0


def _frame(frame):
    if frame not in ("ground", "inertial"):
        raise ValueError(f"frame must be 'ground' or 'inertial', got {frame!r}")
    return frame


def _unreachable_message(lat, alt, inc, speed):
    """Name the worst unreachable inclination, the site's limits and the cheapest alternative."""
    i_min = np.broadcast_to(vec.min_inclination(lat, alt), np.broadcast(lat, alt, inc).shape)
    inc_b = np.broadcast_to(inc, i_min.shape)
    speed_b = np.broadcast_to(speed, i_min.shape)
    gap = np.maximum(i_min - inc_b, inc_b - (math.pi - i_min))
    k = np.unravel_index(np.argmax(gap), gap.shape) if gap.shape else ()
    lo, i, v = float(i_min[k]), float(inc_b[k]), float(speed_b[k])
    edge = lo if i < lo else math.pi - lo
    di = abs(i - edge)
    dv = float(vec.plane_change_dv(v, di))
    lat_k = float(np.broadcast_to(lat, i_min.shape)[k])
    way = "due east" if i < lo else "due west"
    alternative = (
        f"launch {way} into {math.degrees(edge):.2f}° and change plane by {math.degrees(di):.2f}° "
        f"at insertion: Δv = 2 v sin(Δi/2) = {dv:.0f} m/s at {v:.0f} m/s "
        f"(for GEO-bound payloads, cheaper split between perigee and apogee: see geo_transfer)"
    )
    msg = (
        f"inclination {math.degrees(i):.2f}° cannot be reached directly from latitude "
        f"{math.degrees(lat_k):.2f}°: the reachable range is {math.degrees(lo):.2f}° (due east) to "
        f"{180 - math.degrees(lo):.2f}° (due west). Cheapest way: {alternative}"
    )
    return UnreachableOrbitError(msg, minimum=math.degrees(lo) * u.deg, alternative=alternative)


# ---------------------------------------------------------------- geometry


def rotation_speed(site_or_latitude, elevation=None) -> u.Quantity:
    """Eastward speed of a site carried by Earth's rotation (WGS 84 ellipsoid).

    >>> rotation_speed(0 * u.deg).round(2)
    <Quantity 465.1 m / s>
    """
    lat, alt, _ = _site_args(site_or_latitude, elevation)
    return vec.rotation_speed(lat, alt) << (u.m / u.s)


def geocentric_latitude(site_or_latitude, elevation=None) -> u.Quantity:
    """Geocentric latitude of a site: the angle of its position vector above the equator."""
    lat, alt, _ = _site_args(site_or_latitude, elevation)
    return np.degrees(vec.geocentric_latitude(lat, alt)) << u.deg


def min_inclination(site_or_latitude, elevation=None) -> u.Quantity:
    """Lowest inclination reachable by a direct launch: the site's geocentric latitude.

    An orbit plane passes through Earth's centre, so it is the geocentric, not the
    geodetic, latitude that bounds it (0.19° less at 45°).

    >>> min_inclination("tanegashima").round(2)
    <Quantity 30.21 deg>
    """
    lat, alt, _ = _site_args(site_or_latitude, elevation)
    return np.degrees(vec.min_inclination(lat, alt)) << u.deg


def launch_azimuth(
    site_or_latitude, inclination, altitude=DEFAULT_PARKING_ALTITUDE, branch="north", frame="ground"
) -> u.Quantity:
    """Launch azimuth (clockwise from north) that reaches ``inclination`` directly.

    ``frame="inertial"`` gives β from cos i = cos φ' sin β; ``frame="ground"`` the
    azimuth flown over the rotating Earth to reach circular speed at ``altitude``.
    ``branch`` picks the northbound or southbound solution. Raises
    :class:`UnreachableOrbitError` for an inclination below the site's minimum
    (or above 180° minus it), naming the cheapest way that does reach it.

    >>> launch_azimuth(28.5 * u.deg, 51.6 * u.deg, frame="inertial").round(2)
    <Quantity 44.89 deg>
    """
    lat, alt, _ = _site_args(site_or_latitude)
    inc = _inclination_rad(inclination)
    south = _branch(branch)
    _frame(frame)
    speed = np.sqrt(MU / (R_EQ + _altitude_m(altitude)))
    if frame == "inertial":
        az = vec.launch_azimuth_inertial(lat, alt, inc, south)
    else:
        az = vec.launch_azimuth_ground(lat, alt, inc, speed, south)
    if np.isnan(az).any():
        raise _unreachable_message(lat, alt, inc, speed)
    return np.degrees(az) << u.deg


def inclination_from_azimuth(
    site_or_latitude, azimuth, altitude=DEFAULT_PARKING_ALTITUDE, frame="ground"
) -> u.Quantity:
    """Inclination reached by launching at ``azimuth`` (inverse of :func:`launch_azimuth`).

    >>> inclination_from_azimuth(28.5 * u.deg, 90 * u.deg, frame="inertial").round(2)
    <Quantity 28.34 deg>
    """
    lat, alt, _ = _site_args(site_or_latitude)
    az = np.radians(_values(azimuth, "deg", "azimuth", -360.0, 360.0, "−360° to 360°"))
    if _frame(frame) == "inertial":
        inc = vec.inclination_from_azimuth_inertial(lat, alt, az)
    else:
        speed = np.sqrt(MU / (R_EQ + _altitude_m(altitude)))
        inc = vec.inclination_from_azimuth_ground(lat, alt, az, speed)
    return np.degrees(inc) << u.deg


def rotation_gain(site_or_latitude, inclination, altitude=DEFAULT_PARKING_ALTITUDE) -> u.Quantity:
    """Δv Earth's rotation saves on insertion into ``inclination`` (negative: it costs).

    The vector difference between the inertial insertion velocity and the site's
    velocity, subtracted from the insertion speed. To first order ω r cos i: it
    depends on the inclination, not on the latitude, as long as the inclination
    is reachable (:mod:`orbitcoop.core.azimuth`, eq. 3).
    """
    lat, alt, _ = _site_args(site_or_latitude)
    inc = _inclination_rad(inclination)
    speed = np.sqrt(MU / (R_EQ + _altitude_m(altitude)))
    gain = vec.rotation_gain(lat, alt, inc, speed)
    if np.isnan(gain).any():
        raise _unreachable_message(lat, alt, inc, speed)
    return gain << (u.m / u.s)


def insertion_dv_grid(sites, inclinations, altitudes) -> u.Quantity:
    """Least insertion Δv for every site × inclination × circular altitude: shape (sites, incs, alts).

    Reachable inclinations cost |v − v_site| (:func:`rotation_gain`'s vector
    difference); out-of-reach ones are launched due east (or west) and turned
    at insertion, 2 v sin(Δi/2). No corridor is applied (use :func:`compare`
    for that). One fused, parallel kernel: ~0.5 ns per grid point
    (benchmarks/bench_kernels.py).

    >>> g = insertion_dv_grid(["kourou", "tanegashima"], [0, 51.6] * u.deg, [200, 400] * u.km)
    >>> g.shape, g.unit
    ((2, 2, 2), Unit("m / s"))
    """
    from orbitcoop.core.azimuth import insertion_dv_grid as _grid

    site_list = _as_sites(sites)
    lat = np.radians([s.latitude_deg for s in site_list])
    alt = np.array([s.elevation_m or 0.0 for s in site_list])
    inc = np.ravel(_inclination_rad(inclinations))
    speed = np.sqrt(MU / (R_EQ + np.ravel(_altitude_m(altitudes))))
    out = np.empty((lat.size, inc.size, speed.size))
    _grid(lat, alt, inc, speed, out)
    return out << (u.m / u.s)


# ---------------------------------------------------------------- manoeuvres


def plane_change_dv(speed, angle) -> u.Quantity:
    """Δv of a plane change by ``angle`` at constant ``speed``: 2 v sin(Δi/2).

    >>> plane_change_dv(7.5 * u.km / u.s, 60 * u.deg).round(3)
    <Quantity 7.5 km / s>
    """
    v = _values(speed, "m/s", "speed", 0.0)
    di = np.radians(_values(angle, "deg", "angle", 0.0, 180.0, "0–180°"))
    return (vec.plane_change_dv(v, di) << (u.m / u.s)).to(speed.unit)


def hohmann_dv(initial_altitude, final_altitude) -> u.Quantity:
    """Total Δv of a Hohmann transfer between two coplanar circular orbits (altitudes above the equator)."""
    r1 = R_EQ + _altitude_m(initial_altitude, "initial_altitude")
    r2 = R_EQ + _altitude_m(final_altitude, "final_altitude")
    return vec.hohmann_dv(MU, r1, r2) << (u.m / u.s)


def sso_inclination(altitude, eccentricity=0.0) -> u.Quantity:
    """Sun-synchronous inclination at ``altitude`` (above the equatorial radius) from J2.

    >>> sso_inclination(705 * u.km).round(2)
    <Quantity 98.21 deg>
    """
    h = _altitude_m(altitude)
    e = np.asarray(eccentricity.to_value(u.one) if isinstance(eccentricity, u.Quantity) else eccentricity, dtype=float)
    if (~np.isfinite(e) | (e < 0) | (e >= 1)).any():
        raise InputRangeError(f"eccentricity = {np.ravel(e)[0]:g} is outside the valid range 0 ≤ e < 1")
    a = R_EQ + h
    if ((1 - e) * a <= R_EQ).any():
        raise InputRangeError("perigee of the orbit is below the surface: lower the eccentricity")
    inc = vec.sso_inclination(a, e)
    if np.isnan(inc).any():
        limit = _max_sso_altitude_km(float(np.max(e)))
        bad = float(np.broadcast_to(h, inc.shape)[np.isnan(inc)].flat[0]) / 1e3
        raise InputRangeError(
            f"altitude = {bad:g} km has no sun-synchronous inclination: J2 cannot turn the node "
            f"fast enough above {limit:.0f} km (e = {float(np.max(e)):g}); valid range 0 to {limit:.0f} km"
        )
    return np.degrees(inc) << u.deg


@functools.cache
def _max_sso_altitude_km(ecc):
    # cos i = −1 at the largest a: invert the closed form (core/sso.py) for a.
    from orbitcoop.core.sso import J2_REFERENCE_RADIUS_M

    k = (1 - ecc**2) ** 2
    a = (3 * _si.J2_EARTH * J2_REFERENCE_RADIUS_M**2 * math.sqrt(MU) / (2 * _si.SUN_SYNC_RATE_RAD_S * k)) ** (2 / 7)
    return (a - R_EQ) / 1e3


def gto_to_geo_dv(inclination, perigee_altitude=250 * u.km, apogee_altitude=GEO_ALTITUDE) -> u.Quantity:
    """The conventional "Δv to GEO" of a GTO: one apogee burn that circularises and removes ``inclination``.

    Δv = sqrt(v_a² + v_c² − 2 v_a v_c cos i) at the GTO apogee (user's-manual convention).

    >>> gto_to_geo_dv(6 * u.deg, perigee_altitude=250 * u.km).round(0)
    <Quantity 1490. m / s>
    """
    inc = _inclination_rad(inclination)
    rp = R_EQ + _altitude_m(perigee_altitude, "perigee_altitude")
    ra = R_EQ + _altitude_m(apogee_altitude, "apogee_altitude")
    if (np.asarray(ra) < np.asarray(rp)).any():
        raise InputRangeError("apogee_altitude is below perigee_altitude")
    # The radians array is ours (scaled from degrees): write the result into it, so a
    # 10⁷-element call allocates once; fresh pages cost ~7 ns/element here (benchmarks/).
    shape = np.broadcast_shapes(np.shape(inc), np.shape(rp), np.shape(ra))
    out = inc if (np.ndim(inc) and np.shape(inc) == shape and inc.flags.c_contiguous) else None
    return vec.gto_geo_apogee_dv(MU, inc, rp, ra, out=out) << (u.m / u.s)


@dataclass(frozen=True)
class GeoTransfer:
    """Burns from a circular parking orbit to GEO (speeds as Quantity)."""

    strategy: str
    inclination: u.Quantity
    perigee_dv: u.Quantity
    apogee_dv: u.Quantity
    final_dv: u.Quantity
    total_dv: u.Quantity
    perigee_inclination_change: u.Quantity
    apogee_altitude: u.Quantity

    def to_dict(self):
        return {
            "strategy": self.strategy,
            "inclination_deg": _plain(self.inclination, u.deg),
            "perigee_dv_m_s": _plain(self.perigee_dv, u.m / u.s),
            "apogee_dv_m_s": _plain(self.apogee_dv, u.m / u.s),
            "final_dv_m_s": _plain(self.final_dv, u.m / u.s),
            "total_dv_m_s": _plain(self.total_dv, u.m / u.s),
            "perigee_inclination_change_deg": _plain(self.perigee_inclination_change, u.deg),
            "apogee_altitude_km": _plain(self.apogee_altitude, u.km),
        }


GEO_STRATEGIES = ("apogee", "optimal-split", "supersynchronous")


def geo_transfer(
    site_or_latitude,
    perigee_altitude=DEFAULT_PARKING_ALTITUDE,
    strategy="optimal-split",
    inclination=None,
    max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE,
) -> GeoTransfer:
    """Δv from a circular parking orbit to GEO, starting in the plane the site reaches most cheaply.

    ``strategy``: ``"apogee"`` (in-plane perigee burn, all the plane change at apogee),
    ``"optimal-split"`` (the plane change split between perigee and apogee burns to
    minimise the total) or ``"supersynchronous"`` (apogee above GEO, up to
    ``max_apogee_altitude``; three burns). ``inclination`` overrides the starting
    plane (default: the site's minimum inclination, or for a site with published
    corridors the lowest inclination they allow).

    >>> t = geo_transfer("kourou", strategy="apogee")
    >>> t.total_dv.round(0), t.perigee_inclination_change
    (<Quantity 3945. m / s>, <Quantity 0. deg>)
    """
    if strategy not in GEO_STRATEGIES:
        raise ValueError(f"strategy must be one of {GEO_STRATEGIES}, got {strategy!r}")
    lat, alt, site = _site_args(site_or_latitude)
    r1 = R_EQ + _altitude_m(perigee_altitude, "perigee_altitude")
    if np.any(r1 >= _si.GEO_RADIUS_M):
        raise InputRangeError(f"perigee_altitude must be below GEO ({_si.GEO_ALTITUDE_M / 1e3:.0f} km)")
    rg = _si.GEO_RADIUS_M
    if inclination is not None:
        inc = _inclination_rad(inclination)
    elif site is not None:
        inc = _reachable(site, 0.0, math.sqrt(MU / float(np.max(r1))))
    else:
        inc = vec.min_inclination(lat, alt)
    zero = np.zeros(np.broadcast(inc, r1).shape)
    if strategy == "apogee":
        s = zero
        rs = zero + rg
        burns = (vec.transfer_burn_dv(MU, r1, rg, rg, inc, 0.0), vec.gto_geo_apogee_dv(MU, inc, r1, rg), zero)
    elif strategy == "optimal-split":
        s = vec.transfer_fraction(MU, r1, rg, rg, inc)
        rs = zero + rg
        burns = (vec.transfer_burn_dv(MU, r1, rg, rg, inc, s), None, zero)
        total = vec.transfer_dv(MU, r1, rg, rg, inc)
        burns = (burns[0], total - burns[0], zero)
    else:
        rmax = R_EQ + _altitude_m(max_apogee_altitude, "max_apogee_altitude")
        rs = vec.supersync_apogee(MU, inc, r1, rg, np.maximum(rmax, rg))
        s = vec.supersync_fraction(MU, inc, r1, rg, rs)
        burns = tuple(vec.supersync_burn_dv(MU, inc, r1, rg, rs, k) for k in (0.0, 1.0, 2.0))
    mps = u.m / u.s
    return GeoTransfer(
        strategy=strategy,
        inclination=np.degrees(inc) << u.deg,
        perigee_dv=burns[0] << mps,
        apogee_dv=burns[1] << mps,
        final_dv=burns[2] << mps,
        total_dv=(burns[0] + burns[1] + burns[2]) << mps,
        perigee_inclination_change=np.degrees(s * inc) << u.deg,
        apogee_altitude=((rs - R_EQ) / 1e3) << u.km,
    )


# ---------------------------------------------------------------- assessment


def _plain(q, unit):
    v = q.to_value(unit)
    return float(v) if np.ndim(v) == 0 else np.asarray(v).tolist()


@functools.cache
def _intervals(site: LaunchSite | None, speed: float):
    """Inclination intervals [rad] a site may launch into directly, and whether they are published.

    Published corridors and inclination limits, widened by the flown envelope (clipped to what
    geometry allows); with none published, the geometric range [φ', 180° − φ'] and ``known=False``.
    """
    lat = math.radians(site.latitude_deg) if site else 0.0
    alt = (site.elevation_m or 0.0) if site else 0.0
    i_min = float(vec.min_inclination(lat, alt))
    geo_lo, geo_hi = i_min, math.pi - i_min
    out = []
    if site is not None:
        for c in site.corridors:
            a0, a1 = math.radians(c.azimuth_min_deg), math.radians(c.azimuth_max_deg)
            lo = float(vec.corridor_inclination_bound(lat, alt, a0, a1, speed, 0.0))
            hi = float(vec.corridor_inclination_bound(lat, alt, a0, a1, speed, 1.0))
            out.append((lo, hi))
        for lim in site.inclination_limits:
            lo = geo_lo if lim.min_deg is None else max(geo_lo, math.radians(lim.min_deg))
            hi = geo_hi if lim.max_deg is None else min(geo_hi, math.radians(lim.max_deg))
            if lo <= hi:
                out.append((lo, hi))
        # The flight record: bands of inclination the site keeps flying are allowed too, where
        # published limits would exclude them (orbitcoop.record). With nothing published the record
        # restricts nothing: a plane not flown yet is not a plane forbidden.
        for band in site.envelope if site.published_known else ():
            lo, hi = max(geo_lo, math.radians(band.min_deg)), min(geo_hi, math.radians(band.max_deg))
            if lo <= hi:
                out.append((lo, hi))
    known = bool(site is not None and site.published_known)
    if not out:
        out = [(geo_lo, geo_hi)]
    return tuple(out), known, i_min


def _same_range_sites(site: LaunchSite, inc: float, speed: float) -> list[str]:
    """Notes naming the site's pads (or a pad's station and sibling pads) whose published constraints
    allow inclination ``inc`` [rad] directly where ``site``'s do not: the same range, another way out."""
    from orbitcoop.sites import list_sites

    family = site.parent or site.id
    return [
        f"{s.id} (same range; {s.constraints_label}) reaches {math.degrees(inc):.2f}° directly"
        for s in list_sites(status="active")
        if s.id != site.id
        and (s.id == family or s.parent == family)
        and s.published_known
        and abs(_reachable(s, inc, speed) - inc) < _EPS
    ]


def _allowed_by(site: LaunchSite, inc: float, speed: float) -> list[str]:
    """A note naming what allows inclination ``inc`` [rad] when the site's own published constraints
    do not: one of its pads' (a station is the union of its pads), else its flown envelope."""
    from dataclasses import replace

    def allows(corridors, limits):
        trial = replace(site, corridors=tuple(corridors), inclination_limits=tuple(limits), envelope=())
        return bool(corridors or limits) and abs(_reachable(trial, inc, speed) - inc) < _EPS

    own = [c for c in site.corridors if not c.pad], [c for c in site.inclination_limits if not c.pad]
    if allows(*own):
        return []
    for c in (*site.corridors, *site.inclination_limits):
        if c.pad and allows([c] * isinstance(c, Corridor), [c] * isinstance(c, InclinationLimit)):
            return [f"launched from pad {c.pad}: its {c.label} allows {math.degrees(inc):.2f}° ({c.source})"]
    band = site.flown_band(math.degrees(inc))
    if band is not None:
        return [f"flown envelope: {band.label} on {', '.join(band.vehicles)} ({band.source})"]
    return []


def _reachable(site, inc, speed):
    """The inclination nearest ``inc`` that the site may launch into directly."""
    ints, _, _ = _intervals(site, speed)
    return min((min(max(inc, lo), hi) for lo, hi in ints), key=lambda x: abs(x - inc))


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
        return {k: _plain(getattr(self, k), u.m / u.s) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Assessment:
    """What it takes to reach ``orbit`` from ``site``: geometry, corridor, strategy and Δv."""

    site: str
    orbit: str
    direct: bool
    in_corridor: bool | None
    strategy: str
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

    def to_dict(self):
        deg = u.deg
        return {
            "site": self.site,
            "orbit": self.orbit,
            "direct": self.direct,
            "in_corridor": "unknown" if self.in_corridor is None else self.in_corridor,
            "strategy": self.strategy,
            "azimuth_deg": None if self.azimuth is None else _plain(self.azimuth, deg),
            "azimuth_south_deg": None if self.azimuth_south is None else _plain(self.azimuth_south, deg),
            "launch_inclination_deg": _plain(self.launch_inclination, deg),
            "target_inclination_deg": None if self.target_inclination is None else _plain(self.target_inclination, deg),
            "min_inclination_deg": _plain(self.min_inclination, deg),
            "dv_m_s": self.dv.to_dict(),
            "total_dv_m_s": _plain(self.dv.total, u.m / u.s),
            "dv_penalty_m_s": _plain(self.dv_penalty, u.m / u.s),
            "parking_altitude_km": _plain(self.parking_altitude, u.km),
            "notes": list(self.notes),
        }

    def __repr__(self):
        corridor = {True: "in corridor", False: "outside corridor", None: "corridor unknown"}[self.in_corridor]
        return (
            f"Assessment({self.site} → {self.orbit}: {self.strategy}, {corridor}, "
            f"Δv {self.dv.total.to_value(u.m / u.s):.0f} m/s, penalty "
            f"{self.dv_penalty.to_value(u.m / u.s):+.0f} m/s)"
        )


def _plan(sites, orbits, parking_km, max_apogee_km):
    """Arrays describing the cheapest plan for each (site, orbit) pair; the engine behind assess/compare."""
    n = len(sites)
    hp = np.array([o.perigee_altitude_km for o in orbits]) * 1e3
    ha = np.array([o.apogee_altitude_km for o in orbits]) * 1e3
    free = np.array([o.inclination_deg is None for o in orbits])
    i_t = np.radians(np.array([0.0 if o.inclination_deg is None else o.inclination_deg for o in orbits]))
    geo = np.array([o.geostationary for o in orbits])
    # Escapes leave from the parking orbit in one burn; their c3 is in m²/s².
    esc = np.array([o.escape for o in orbits])
    c3 = np.array([o.c3_km2_s2 or 0.0 for o in orbits]) * 1e6
    r_park = R_EQ + parking_km * 1e3
    rp, ra = np.where(esc, r_park, R_EQ + hp), np.where(esc, r_park, R_EQ + ha)
    r1 = np.minimum(r_park, rp)
    v1 = np.sqrt(MU / r1)
    lat = np.radians([s.latitude_deg for s in sites])
    alt = np.array([s.elevation_m or 0.0 for s in sites])

    # Reachable inclination intervals, one padded row per pair (sites are few, pairs many).
    rows = [_intervals(s, float(v)) for s, v in zip(sites, v1, strict=True)]
    width = max(len(r[0]) for r in rows)
    lo = np.full((n, width), np.nan)
    hi = np.full((n, width), np.nan)
    for k, (ints, _, _) in enumerate(rows):
        for j, (a, b) in enumerate(ints):
            lo[k, j], hi[k, j] = a, b
    known = np.array([r[1] for r in rows])
    i_min = np.array([r[2] for r in rows])
    i_launch = nearest_inclination_rows(i_t, lo, hi)
    target = np.where(free, i_launch, i_t)
    # A flown route (catalogue evidence of a dog-leg) is a turn made during the ascent, before the
    # parking orbit: it cannot wait for a transfer's apogee. It is charged on top of any other turn
    # as a plane change at the parking orbit's speed, where the ascent ends: the costliest place
    # for a turn of that size (no site in the catalogue has a route and a corridor both).
    route = np.radians([s.route_offset_deg(math.degrees(t)) for s, t in zip(sites, target, strict=True)])
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
    return {
        "target": target,
        "i_launch": i_launch,
        "di": di,
        "route": route,
        "route_dv": route_dv,
        "i_min": i_min,
        "known": known,
        "geometric": geometric,
        "r1": r1,
        "v1": v1,
        "gain": gain,
        "in_plane": in_plane,
        "plane": np.minimum(geo_only, transfer_total) - in_plane,
        "dogleg": np.maximum(transfer_total - geo_only, 0.0),
        "total": total,
        "in_corridor": in_corridor,
        "penalty": total - ideal,
        "use_ss": use_ss,
        "depart": depart,
        "after": after,
        "escape": esc,
        "az_n": az_n,
        "az_s": az_s,
    }


def _describe(k, p, site, orbit):
    """Strategy, corridor verdict, Δv split between plane change and dogleg, and notes for pair k."""
    known = bool(p["known"][k])
    in_corridor = bool(p["in_corridor"][k]) if known else None
    higher = p["r1"][k] < R_EQ + orbit.apogee_altitude_km * 1e3 - 1.0
    plane, dogleg = float(p["plane"][k]), float(p["dogleg"][k])
    tgt, launch = math.degrees(p["target"][k]), math.degrees(p["i_launch"][k])
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
    turned = p["di"][k] >= _EPS
    route = site.route_for(tgt) if p["route"][k] > 0.0 else None
    if not turned and route is None:
        strategy = "direct"
    else:
        strategy = "plane change" if dogleg == 0.0 else "dogleg"
        if not p["geometric"][k]:
            notes.append(
                f"{tgt:.2f}° is out of direct reach: the site's inclinations run from "
                f"{math.degrees(p['i_min'][k]):.2f}° (due east, its geocentric latitude) to "
                f"{180 - math.degrees(p['i_min'][k]):.2f}° (due west)"
            )
        if known and not in_corridor:
            notes.append(
                f"the published corridor does not allow the needed azimuth: nearest allowed inclination {launch:.2f}°"
            )
            notes += _same_range_sites(site, float(p["target"][k]), float(p["v1"][k]))
        if route is not None:
            notes.append(
                f"flown route: {route.mission} ended in a plane {route.plane_offset_deg:g}° from the site (a dog-leg "
                f"in the ascent), charged as a plane change of that size at the parking orbit's speed: "
                f"{float(p['route_dv'][k]):.0f} m/s"
            )
        if turned:
            notes.append(
                f"launched into {launch:.2f}° and turned the plane by "
                f"{math.degrees(p['di'][k]):.2f}° (plane change {plane:.0f} m/s, dogleg {dogleg:.0f} m/s)"
            )
            if p["use_ss"][k]:
                strategy = "supersynchronous"
                notes.append("supersynchronous transfer: most of the plane change at an apogee above GEO")
            elif p["escape"][k]:
                notes.append("plane change made in the departure burn")
            elif higher:
                strategy = "gto split" if orbit.geostationary else strategy + " (split)"
                notes.append("plane change split optimally between the transfer's perigee and apogee burns")
    if known and in_corridor:
        notes += _allowed_by(site, float(p["i_launch"][k]), float(p["v1"][k]))
    if orbit.inclination_deg is None:
        notes.append(f"inclination free: took the cheapest allowed plane, {launch:.2f}°")
    # Evidence from the catalogue: missions flown from here into (nearly) this plane.
    flown = [f for f in site.flown if abs(f.inclination_deg - tgt) <= 1.0]
    if flown:
        notes.append("flown from here: " + "; ".join(f"{f.mission} at {f.inclination_deg:g}°" for f in flown[:3]))
    return strategy, in_corridor, plane, dogleg, notes, route


def _as_sites(sites):
    if sites is None:
        from orbitcoop.sites import list_sites

        # Default: every active site once; its pads (same range, ~same latitude) by id only.
        return [s for s in list_sites(status="active") if not s.parent]
    if isinstance(sites, str | LaunchSite):
        sites = [sites]
    return [s if isinstance(s, LaunchSite) else get_site(s) for s in sites]


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
    return _assess(site, orbit, parking_altitude, max_apogee_altitude)[0]


def _assess(
    site, orbit, parking_altitude=DEFAULT_PARKING_ALTITUDE, max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE
) -> tuple[Assessment, dict]:
    """:func:`assess`, and the one-row plan behind it (:func:`_plan`) for callers that need more of it."""
    s = _as_sites([site])[0]
    o = as_target(orbit)
    parking = float(_altitude_m(parking_altitude, "parking_altitude")) / 1e3
    max_apo = float(_altitude_m(max_apogee_altitude, "max_apogee_altitude")) / 1e3
    p = _plan([s], [o], parking, max_apo)
    strategy, in_corr, plane, dogleg, notes, route = _describe(0, p, s, o)
    mps = u.m / u.s
    deg = u.deg
    return Assessment(
        site=s.id,
        orbit=o.name,
        direct=bool(p["geometric"][0]),
        in_corridor=in_corr,
        strategy=strategy,
        azimuth=math.degrees(p["az_n"][0]) * deg,
        azimuth_south=math.degrees(p["az_s"][0]) * deg,
        launch_inclination=math.degrees(p["i_launch"][0]) * deg,
        target_inclination=None if o.inclination_deg is None else o.inclination_deg * deg,
        min_inclination=math.degrees(p["i_min"][0]) * deg,
        dv=DeltaV(
            orbital_speed=p["v1"][0] * mps,
            rotation_gain=p["gain"][0] * mps,
            transfer=p["in_plane"][0] * mps,
            plane_change=plane * mps,
            dogleg=dogleg * mps,
            total=p["total"][0] * mps,
        ),
        dv_penalty=p["penalty"][0] * mps,
        parking_altitude=(p["r1"][0] - R_EQ) / 1e3 * u.km,
        notes=tuple(notes),
        route=route,
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

    site_list = _as_sites(sites)
    if isinstance(orbits, str | TargetOrbit) or hasattr(orbits, "r_p"):
        orbits = [orbits]
    orbit_list = [as_target(o) for o in orbits]
    parking = float(_altitude_m(parking_altitude, "parking_altitude")) / 1e3
    max_apo = float(_altitude_m(max_apogee_altitude, "max_apogee_altitude")) / 1e3
    pairs_s = [s for s in site_list for _ in orbit_list]
    pairs_o = [o for _ in site_list for o in orbit_list]
    p = _plan(pairs_s, pairs_o, parking, max_apo)
    rows = []
    for k, (s, o) in enumerate(zip(pairs_s, pairs_o, strict=True)):
        strategy, in_corr, plane, dogleg, notes, _ = _describe(k, p, s, o)
        rows.append(
            {
                "site": s.id,
                "orbit": o.id or o.name,
                "latitude_deg": s.latitude_deg,
                "direct": bool(p["geometric"][k]),
                "in_corridor": "unknown" if in_corr is None else in_corr,
                "strategy": strategy,
                "azimuth_deg": math.degrees(p["az_n"][k]),
                "launch_inclination_deg": math.degrees(p["i_launch"][k]),
                "rotation_gain_m_s": p["gain"][k],
                "transfer_m_s": p["in_plane"][k],
                "plane_change_m_s": plane,
                "dogleg_m_s": dogleg,
                "total_dv_m_s": p["total"][k],
                "dv_penalty_m_s": p["penalty"][k],
                "notes": "; ".join(notes),
            }
        )
    return pd.DataFrame(rows)
