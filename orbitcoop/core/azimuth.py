"""Launch geometry: minimum inclination, launch azimuth and the site-dependent ascent Δv.

Spherical-trigonometry relation between a site's geocentric latitude φ', the
inertial launch azimuth β (clockwise from north) and the orbit inclination i:

    cos i = cos φ' sin β                                    (1)

(Wertz & Larson, Space Mission Analysis and Design, 3rd ed., p. 154, eq. 6-42).
An orbit plane passes through Earth's centre, so φ' is the geocentric latitude
(see :mod:`.geodesy`).

The rocket flies relative to the rotating Earth. Its ground-relative velocity
at insertion is the inertial velocity minus the site's rotation velocity
``v_rot`` (eastward), which turns the azimuth a vehicle must fly toward the
equator for prograde orbits (Braeunig, Rocket and Space Technology, "Orbital
Mechanics", launch azimuth corrected for Earth's rotation):

    tan β_R = (v sin β − v_rot) / (v cos β)                  (2)

The Δv the site's motion saves (or costs) is the magnitude of the vector
difference between the inertial insertion velocity and the site velocity:

    Δv_ascent = sqrt(v² + v_rot² − 2 v v_rot sin β)          (3)

With (1), ``v_rot sin β = ω r cos i`` to first order: the gain depends on the
inclination, not on the latitude, as long as the inclination is reachable.
"""

import math

from numba import prange

from orbitcoop.core.geodesy import geocentric_latitude, rotation_speed
from orbitcoop.core.jit import jit, jit_parallel, kernel

TWO_PI = 2.0 * math.pi
NAN = math.nan


@jit
def _sin_inertial_azimuth(lat_rad, alt_m, inc_rad):
    """sin β from (1); |value| > 1 means the inclination is out of reach (NaN)."""
    c = math.cos(geocentric_latitude(lat_rad, alt_m))
    ratio = math.cos(inc_rad) / c
    if abs(ratio) > 1.0:
        # Rounding at exactly i = φ' may give 1 + 1 ulp: that is still due east.
        if abs(ratio) - 1.0 > 4e-16:
            return NAN
        ratio = math.copysign(1.0, ratio)
    return ratio


@kernel(2)
def min_inclination(lat_rad, alt_m):
    """Lowest inclination [rad] reachable by a direct launch: i_min = |φ'|.

    From (1) with sin β = 1 (due east). 180° − i_min is the highest (due west).
    """
    return abs(geocentric_latitude(lat_rad, alt_m))


@kernel(4)
def launch_azimuth_inertial(lat_rad, alt_m, inc_rad, south):
    """Inertial launch azimuth β [rad, 0..2π) from (1); NaN if i is out of reach.

    ``south`` = 0 for the northbound branch (β = asin(cos i / cos φ'), ascending
    pass), 1 for the southbound branch (β = π − asin(...)).
    """
    s = _sin_inertial_azimuth(lat_rad, alt_m, inc_rad)
    if math.isnan(s):
        return NAN
    beta = math.asin(min(1.0, max(-1.0, s)))
    if south != 0.0:
        beta = math.pi - beta
    if beta < 0.0:
        beta += TWO_PI
    return beta


@kernel(5)
def launch_azimuth_ground(lat_rad, alt_m, inc_rad, speed_m_s, south):
    """Ground-relative launch azimuth β_R [rad, 0..2π) from (2), at insertion speed ``speed_m_s``."""
    beta = launch_azimuth_inertial(lat_rad, alt_m, inc_rad, south)
    if math.isnan(beta):
        return NAN
    v_rot = rotation_speed(lat_rad, alt_m)
    east = speed_m_s * math.sin(beta) - v_rot
    north = speed_m_s * math.cos(beta)
    beta_r = math.atan2(east, north)
    if beta_r < 0.0:
        beta_r += TWO_PI
    return beta_r


@kernel(3)
def inclination_from_azimuth_inertial(lat_rad, alt_m, azimuth_rad):
    """Inclination [rad] of the orbit launched at inertial azimuth β: i = acos(cos φ' sin β)."""
    c = math.cos(geocentric_latitude(lat_rad, alt_m))
    return math.acos(max(-1.0, min(1.0, c * math.sin(azimuth_rad))))


@kernel(4)
def inclination_from_azimuth_ground(lat_rad, alt_m, azimuth_rad, speed_m_s):
    """Inclination [rad] reached by flying ground azimuth β_R to inertial speed ``speed_m_s``.

    The ground-relative speed s along β_R that, added to the site velocity,
    gives inertial speed v solves s² + 2 s v_rot sin β_R + v_rot² − v² = 0:
    s = −v_rot sin β_R + sqrt(v² − v_rot² cos² β_R). Then sin β = (s sin β_R + v_rot)/v
    and (1) gives i.
    """
    v_rot = rotation_speed(lat_rad, alt_m)
    sb = math.sin(azimuth_rad)
    cb = math.cos(azimuth_rad)
    s = -v_rot * sb + math.sqrt(speed_m_s * speed_m_s - v_rot * v_rot * cb * cb)
    sin_beta = (s * sb + v_rot) / speed_m_s
    c = math.cos(geocentric_latitude(lat_rad, alt_m))
    return math.acos(max(-1.0, min(1.0, c * sin_beta)))


@kernel(4)
def ascent_dv(lat_rad, alt_m, inc_rad, speed_m_s):
    """Site-dependent insertion Δv [m/s] from (3): |v_insertion − v_site|; NaN if out of reach.

    Both branches (north/south) give the same magnitude. Retrograde orbits
    (sin β < 0) pay for the rotation instead of gaining from it; a polar orbit
    must cancel it: Δv = sqrt(v² + v_rot²).
    """
    s = _sin_inertial_azimuth(lat_rad, alt_m, inc_rad)
    if math.isnan(s):
        return NAN
    v_rot = rotation_speed(lat_rad, alt_m)
    return _ascent_from_parts(v_rot, s, speed_m_s)


@jit
def _ascent_from_parts(v_rot, sin_beta, speed_m_s):
    # (v − v_rot)² + 2 v v_rot (1 − sin β): no cancellation when v ≈ v_rot and β = 90°.
    d = speed_m_s - v_rot
    return math.sqrt(d * d + 2.0 * speed_m_s * v_rot * (1.0 - sin_beta))


@jit_parallel
def insertion_dv_grid(lat_rad, alt_m, inc_rad, speed_m_s, out):
    """Least insertion Δv on the grid sites × inclinations × insertion speeds, into ``out``.

    Where the inclination is reachable it is :func:`ascent_dv`; where it is not
    (|cos i| > cos φ'), the launch goes due east (or due west) into the nearest
    reachable inclination and the plane is turned at insertion, 2 v sin(Δi/2)
    (the model of :mod:`orbitcoop.core.dogleg` with no corridor).
    ``lat_rad``/``alt_m`` have one entry per site, ``inc_rad`` per inclination,
    ``speed_m_s`` per altitude; ``out`` has shape (sites, inclinations, speeds).
    Site geometry is computed once per site and sin β once per (site,
    inclination); the innermost loop is a square root per element, which LLVM
    vectorises. Same numbers as the elementwise kernels (tests/test_twins.py).
    """
    n_inc = inc_rad.shape[0]
    for k in prange(lat_rad.shape[0] * n_inc):
        site = k // n_inc
        j = k % n_inc
        lat = lat_rad[site]
        alt = alt_m[site]
        v_rot = rotation_speed(lat, alt)
        s = _sin_inertial_azimuth(lat, alt, inc_rad[j])
        half_turn = 0.0
        if math.isnan(s):
            i_min = min_inclination(lat, alt)
            edge = i_min if inc_rad[j] < i_min else math.pi - i_min
            s = 1.0 if inc_rad[j] < i_min else -1.0
            half_turn = math.sin(0.5 * abs(inc_rad[j] - edge))
        row = out[site, j]
        for m in range(speed_m_s.shape[0]):
            v = speed_m_s[m]
            row[m] = _ascent_from_parts(v_rot, s, v) + 2.0 * v * half_turn


@kernel(4)
def rotation_gain(lat_rad, alt_m, inc_rad, speed_m_s):
    """Δv [m/s] Earth's rotation saves on insertion: v − Δv_ascent (negative for retrograde)."""
    return speed_m_s - ascent_dv(lat_rad, alt_m, inc_rad, speed_m_s)
