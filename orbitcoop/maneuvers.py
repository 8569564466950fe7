"""Manoeuvres between orbits: plane changes, Hohmann transfers, the sun-synchronous inclination, GTO → GEO.

Quantity in, Quantity out, numpy broadcasting; kernels in :mod:`orbitcoop.core.maneuvers`,
:mod:`orbitcoop.core.geo` and :mod:`orbitcoop.core.sso`.

>>> import astropy.units as u
>>> hohmann_dv(200 * u.km, 400 * u.km).round(0)
<Quantity 116. m / s>
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import astropy.units as u
import numpy as np

from orbitcoop._inputs import (
    altitude_m,
    broadcast_shape,
    check_geo_strategy,
    inclination_rad,
    plain,
    site_args,
    values,
)
from orbitcoop.core import constants as _si
from orbitcoop.core import vec
from orbitcoop.core.sso import J2_REFERENCE_RADIUS_M
from orbitcoop.defaults import (
    DEFAULT_GTO_PERIGEE_ALTITUDE,
    DEFAULT_MAX_APOGEE_ALTITUDE,
    DEFAULT_PARKING_ALTITUDE,
    GEO_ALTITUDE,
)
from orbitcoop.errors import InputRangeError
from orbitcoop.outcomes import GeoStrategy
from orbitcoop.reach import nearest_reachable

MU = _si.GM_EARTH_M3_S2
R_EQ = _si.WGS84_A_M
#: The burn plans :func:`geo_transfer` offers.
GEO_STRATEGIES = tuple(GeoStrategy)


def plane_change_dv(speed, angle) -> u.Quantity:
    """Δv of a plane change by ``angle`` at constant ``speed``: 2 v sin(Δi/2).

    >>> plane_change_dv(7.5 * u.km / u.s, 60 * u.deg).round(3)
    <Quantity 7.5 km / s>
    """
    v = values(speed, "m/s", "speed", 0.0)
    di = np.radians(values(angle, "deg", "angle", 0.0, 180.0, "0–180°"))
    broadcast_shape(speed=v, angle=di)
    return (vec.plane_change_dv(v, di) << (u.m / u.s)).to(speed.unit)


def hohmann_dv(initial_altitude, final_altitude) -> u.Quantity:
    """Total Δv of a Hohmann transfer between two coplanar circular orbits (altitudes above the equator)."""
    r1 = R_EQ + altitude_m(initial_altitude, "initial_altitude")
    r2 = R_EQ + altitude_m(final_altitude, "final_altitude")
    broadcast_shape(initial_altitude=r1, final_altitude=r2)
    return vec.hohmann_dv(MU, r1, r2) << (u.m / u.s)


def sso_inclination(altitude, eccentricity=0.0) -> u.Quantity:
    """Sun-synchronous inclination at ``altitude`` (above the equatorial radius) from J2.

    >>> sso_inclination(705 * u.km).round(2)
    <Quantity 98.21 deg>
    """
    h = altitude_m(altitude)
    try:
        e = np.asarray(
            eccentricity.to_value(u.one) if isinstance(eccentricity, u.Quantity) else eccentricity, dtype=float
        )
    except (TypeError, ValueError, u.UnitsError):
        raise InputRangeError(
            f"eccentricity must be a number 0 ≤ e < 1 (or dimensionless), got {eccentricity!r}"
        ) from None
    broadcast_shape(altitude=h, eccentricity=e)
    if e.size == 0 or (~np.isfinite(e) | (e < 0) | (e >= 1)).any():
        first = np.ravel(e)[0] if e.size else float("nan")
        raise InputRangeError(f"eccentricity = {first:g} is outside the valid range 0 ≤ e < 1")
    a = R_EQ + h
    if ((1 - e) * a <= R_EQ).any():
        if not np.any(e):
            raise InputRangeError("altitude = 0 km puts the orbit at the surface: give an altitude above 0 km")
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


@functools.lru_cache(maxsize=256)  # keyed by eccentricity, which callers may vary freely
def _max_sso_altitude_km(ecc):
    # cos i = −1 at the largest a: invert the closed form (core/sso.py) for a.
    k = (1 - ecc**2) ** 2
    a = (3 * _si.J2_EARTH * J2_REFERENCE_RADIUS_M**2 * math.sqrt(MU) / (2 * _si.SUN_SYNC_RATE_RAD_S * k)) ** (2 / 7)
    return (a - R_EQ) / 1e3


def gto_to_geo_dv(
    inclination, perigee_altitude=DEFAULT_GTO_PERIGEE_ALTITUDE, apogee_altitude=GEO_ALTITUDE
) -> u.Quantity:
    """The conventional "Δv to GEO" of a GTO: one apogee burn that circularises and removes ``inclination``.

    Δv = sqrt(v_a² + v_c² − 2 v_a v_c cos i) at the GTO apogee (user's-manual convention).

    >>> gto_to_geo_dv(6 * u.deg, perigee_altitude=250 * u.km).round(0)
    <Quantity 1490. m / s>
    """
    inc = inclination_rad(inclination)
    rp = R_EQ + altitude_m(perigee_altitude, "perigee_altitude")
    ra = R_EQ + altitude_m(apogee_altitude, "apogee_altitude")
    shape = broadcast_shape(inclination=inc, perigee_altitude=rp, apogee_altitude=ra)
    if (np.asarray(ra) < np.asarray(rp)).any():
        raise InputRangeError("apogee_altitude is below perigee_altitude")
    # The radians array is ours (scaled from degrees): write the result into it, so a
    # 10⁷-element call allocates once; fresh pages cost ~7 ns/element here (benchmarks/).
    out = inc if (np.ndim(inc) and np.shape(inc) == shape and inc.flags.c_contiguous) else None
    return vec.gto_geo_apogee_dv(MU, inc, rp, ra, out=out) << (u.m / u.s)


@dataclass(frozen=True)
class GeoTransfer:
    """Burns from a circular parking orbit to GEO (speeds as Quantity)."""

    strategy: GeoStrategy
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
            "inclination_deg": plain(self.inclination, u.deg),
            "perigee_dv_m_s": plain(self.perigee_dv, u.m / u.s),
            "apogee_dv_m_s": plain(self.apogee_dv, u.m / u.s),
            "final_dv_m_s": plain(self.final_dv, u.m / u.s),
            "total_dv_m_s": plain(self.total_dv, u.m / u.s),
            "perigee_inclination_change_deg": plain(self.perigee_inclination_change, u.deg),
            "apogee_altitude_km": plain(self.apogee_altitude, u.km),
        }


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
    strategy = check_geo_strategy(strategy)
    lat, alt, site = site_args(site_or_latitude)
    r1 = R_EQ + altitude_m(perigee_altitude, "perigee_altitude")
    if np.any(r1 >= _si.GEO_RADIUS_M):
        raise InputRangeError(f"perigee_altitude must be below GEO ({_si.GEO_ALTITUDE_M / 1e3:.0f} km)")
    rg = _si.GEO_RADIUS_M
    if inclination is not None:
        inc = inclination_rad(inclination)
    elif site is not None:
        inc = nearest_reachable(site, 0.0, math.sqrt(MU / float(np.max(r1))))
    else:
        inc = vec.min_inclination(lat, alt)
    zero = np.zeros(broadcast_shape(latitude=lat, inclination=inc, perigee_altitude=r1))
    if strategy == GeoStrategy.APOGEE:
        s = zero
        rs = zero + rg
        burns = (vec.transfer_burn_dv(MU, r1, rg, rg, inc, 0.0), vec.gto_geo_apogee_dv(MU, inc, r1, rg), zero)
    elif strategy == GeoStrategy.OPTIMAL_SPLIT:
        s = vec.transfer_fraction(MU, r1, rg, rg, inc)
        rs = zero + rg
        burns = (vec.transfer_burn_dv(MU, r1, rg, rg, inc, s), None, zero)
        total = vec.transfer_dv(MU, r1, rg, rg, inc)
        burns = (burns[0], total - burns[0], zero)
    else:
        rmax = R_EQ + altitude_m(max_apogee_altitude, "max_apogee_altitude")
        broadcast_shape(inclination=inc, perigee_altitude=r1, max_apogee_altitude=rmax)
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
