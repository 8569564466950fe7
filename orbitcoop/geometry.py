"""Launch geometry: Earth's rotation, the inclinations a latitude reaches, launch azimuths.

Quantity in, Quantity out, numpy broadcasting; kernels in :mod:`orbitcoop.core.azimuth`
and :mod:`orbitcoop.core.geodesy`. An inclination no azimuth reaches raises
:class:`~orbitcoop.errors.UnreachableOrbitError` naming the cheapest way that does.

>>> import astropy.units as u, orbitcoop
>>> orbitcoop.min_inclination(28.5 * u.deg).round(2)
<Quantity 28.34 deg>
"""

from __future__ import annotations

import math

import astropy.units as u
import numpy as np

from orbitcoop._inputs import (
    altitude_m,
    as_sites,
    branch_code,
    broadcast_shape,
    check_frame,
    inclination_rad,
    site_args,
    values,
)
from orbitcoop.core import constants as _si
from orbitcoop.core import vec
from orbitcoop.core.azimuth import insertion_dv_grid as _grid
from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import UnreachableOrbitError
from orbitcoop.outcomes import Frame

MU = _si.GM_EARTH_M3_S2
R_EQ = _si.WGS84_A_M


def unreachable_error(lat, alt, inc, speed) -> UnreachableOrbitError:
    """The error for inclinations out of direct reach: the worst one, the site's limits, the cheapest alternative."""
    i_min = np.broadcast_to(vec.min_inclination(lat, alt), np.broadcast(lat, alt, inc, speed).shape)
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


def rotation_speed(site_or_latitude, elevation=None) -> u.Quantity:
    """Eastward speed of a site carried by Earth's rotation (WGS 84 ellipsoid).

    >>> rotation_speed(0 * u.deg).round(2)
    <Quantity 465.1 m / s>
    """
    lat, alt, _ = site_args(site_or_latitude, elevation)
    return vec.rotation_speed(lat, alt) << (u.m / u.s)


def geocentric_latitude(site_or_latitude, elevation=None) -> u.Quantity:
    """Geocentric latitude of a site: the angle of its position vector above the equator."""
    lat, alt, _ = site_args(site_or_latitude, elevation)
    return np.degrees(vec.geocentric_latitude(lat, alt)) << u.deg


def min_inclination(site_or_latitude, elevation=None) -> u.Quantity:
    """Lowest inclination reachable by a direct launch: the site's geocentric latitude.

    An orbit plane passes through Earth's centre, so it is the geocentric, not the
    geodetic, latitude that bounds it (0.19° less at 45°).

    >>> min_inclination("tanegashima").round(2)
    <Quantity 30.21 deg>
    """
    lat, alt, _ = site_args(site_or_latitude, elevation)
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
    lat, alt, _ = site_args(site_or_latitude)
    inc = inclination_rad(inclination)
    south = branch_code(branch)
    frame = check_frame(frame)
    speed = np.sqrt(MU / (R_EQ + altitude_m(altitude)))
    broadcast_shape(latitude=lat, inclination=inc, altitude=speed)
    if frame == Frame.INERTIAL:
        az = vec.launch_azimuth_inertial(lat, alt, inc, south)
    else:
        az = vec.launch_azimuth_ground(lat, alt, inc, speed, south)
    if np.isnan(az).any():
        raise unreachable_error(lat, alt, inc, speed)
    return np.degrees(az) << u.deg


def inclination_from_azimuth(
    site_or_latitude, azimuth, altitude=DEFAULT_PARKING_ALTITUDE, frame="ground"
) -> u.Quantity:
    """Inclination reached by launching at ``azimuth`` (inverse of :func:`launch_azimuth`).

    >>> inclination_from_azimuth(28.5 * u.deg, 90 * u.deg, frame="inertial").round(2)
    <Quantity 28.34 deg>
    """
    lat, alt, _ = site_args(site_or_latitude)
    az = np.radians(values(azimuth, "deg", "azimuth", -360.0, 360.0, "−360° to 360°"))
    if check_frame(frame) == Frame.INERTIAL:
        broadcast_shape(latitude=lat, azimuth=az)
        inc = vec.inclination_from_azimuth_inertial(lat, alt, az)
    else:
        speed = np.sqrt(MU / (R_EQ + altitude_m(altitude)))
        broadcast_shape(latitude=lat, azimuth=az, altitude=speed)
        inc = vec.inclination_from_azimuth_ground(lat, alt, az, speed)
    return np.degrees(inc) << u.deg


def rotation_gain(site_or_latitude, inclination, altitude=DEFAULT_PARKING_ALTITUDE) -> u.Quantity:
    """Δv Earth's rotation saves on insertion into ``inclination`` (negative: it costs).

    The vector difference between the inertial insertion velocity and the site's
    velocity, subtracted from the insertion speed. To first order ω r cos i: it
    depends on the inclination, not on the latitude, as long as the inclination
    is reachable (:mod:`orbitcoop.core.azimuth`, eq. 3).
    """
    lat, alt, _ = site_args(site_or_latitude)
    inc = inclination_rad(inclination)
    speed = np.sqrt(MU / (R_EQ + altitude_m(altitude)))
    broadcast_shape(latitude=lat, inclination=inc, altitude=speed)
    gain = vec.rotation_gain(lat, alt, inc, speed)
    if np.isnan(gain).any():
        raise unreachable_error(lat, alt, inc, speed)
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
    site_list = as_sites(sites)
    lat = np.radians([s.latitude_deg for s in site_list])
    alt = np.array([s.elevation_m or 0.0 for s in site_list])
    inc = np.ravel(inclination_rad(inclinations))
    speed = np.sqrt(MU / (R_EQ + np.ravel(altitude_m(altitudes))))
    out = np.empty((lat.size, inc.size, speed.size))
    _grid(lat, alt, inc, speed, out)
    return out << (u.m / u.s)
