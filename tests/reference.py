"""Pure-numpy reference twins of the kernels in orbitcoop.core.

Written independently of the kernels, from the same equations (cited in the
kernel docstrings), vectorised with numpy and never compiled. tests/test_twins.py
checks that each numba kernel agrees with its twin to 1e-12 relative.
"""

import numpy as np
from scipy.optimize import minimize_scalar

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
OMEGA = 7.292115e-5
MU = 3.986004418e14
J2 = np.sqrt(5.0) * 0.484165371736e-3
R_J2 = 6378136.3
SUN_RATE = 2 * np.pi / (365.24219 * 86400.0)


def prime_vertical(lat):
    return A / np.sqrt(1 - E2 * np.sin(lat) ** 2)


def rotation_speed(lat, h):
    return OMEGA * (prime_vertical(lat) + h) * np.cos(lat)


def geocentric_latitude(lat, h):
    n = prime_vertical(lat)
    return np.arctan2((n * (1 - E2) + h) * np.sin(lat), (n + h) * np.cos(lat))


def min_inclination(lat, h):
    return np.abs(geocentric_latitude(lat, h))


def sin_azimuth(lat, h, inc):
    ratio = np.cos(inc) / np.cos(geocentric_latitude(lat, h))
    ratio = np.where(np.abs(ratio) - 1 <= 4e-16, np.clip(ratio, -1, 1), np.nan)
    return ratio


def launch_azimuth_inertial(lat, h, inc, south):
    beta = np.arcsin(sin_azimuth(lat, h, inc))
    beta = np.where(south != 0, np.pi - beta, beta)
    return np.mod(beta, 2 * np.pi)


def launch_azimuth_ground(lat, h, inc, v, south):
    beta = launch_azimuth_inertial(lat, h, inc, south)
    east = v * np.sin(beta) - rotation_speed(lat, h)
    return np.mod(np.arctan2(east, v * np.cos(beta)), 2 * np.pi)


def inclination_from_azimuth_ground(lat, h, az, v):
    vr = rotation_speed(lat, h)
    s = -vr * np.sin(az) + np.sqrt(v**2 - (vr * np.cos(az)) ** 2)
    sin_beta = (s * np.sin(az) + vr) / v
    return np.arccos(np.clip(np.cos(geocentric_latitude(lat, h)) * sin_beta, -1, 1))


def ascent_dv(lat, h, inc, v):
    vr = rotation_speed(lat, h)
    s = sin_azimuth(lat, h, inc)
    return np.sqrt((v - vr) ** 2 + 2 * v * vr * (1 - s))


def combined_dv(v1, v2, di):
    return np.sqrt((v2 - v1) ** 2 + 4 * v1 * v2 * np.sin(di / 2) ** 2)


def apsis_speed(mu, r, other):
    """Vis-viva at an apsis, in the form that is exact for a circle."""
    return np.sqrt(mu / r) * np.sqrt(2 * other / (r + other))


def hohmann_dv(mu, r1, r2):
    return np.abs(apsis_speed(mu, r1, r2) - np.sqrt(mu / r1)) + np.abs(np.sqrt(mu / r2) - apsis_speed(mu, r2, r1))


def transfer_speeds(mu, r1, rp2, ra2):
    return np.sqrt(mu / r1), apsis_speed(mu, r1, ra2), apsis_speed(mu, ra2, r1), apsis_speed(mu, ra2, rp2)


def split_dv_scalar(v1, vt1, vt2, v2, di):
    """Least two-burn Δv by scipy's bounded Brent search plus both end points."""
    di = abs(di)

    def f(s):
        return combined_dv(v1, vt1, s * di) + combined_dv(vt2, v2, (1 - s) * di)

    res = minimize_scalar(f, bounds=(0.0, 1.0), method="bounded", options={"xatol": 1e-13})
    return min(f(0.0), f(1.0), float(res.fun))


def transfer_dv(mu, r1, rp2, ra2, di):
    args = np.broadcast_arrays(*transfer_speeds(mu, r1, rp2, ra2), di)
    return np.vectorize(split_dv_scalar)(*args)


def gto_geo_apogee_dv(mu, inc, rp, ra):
    return combined_dv(apsis_speed(mu, ra, rp), np.sqrt(mu / ra), inc)


def supersync_dv(mu, inc, r1, r2, rs):
    def one(inc, r1, r2, rs):
        v1, vp_t = np.sqrt(mu / r1), apsis_speed(mu, r1, rs)
        va_t, va_2 = apsis_speed(mu, rs, r1), apsis_speed(mu, rs, r2)
        vp_2, v2 = apsis_speed(mu, r2, rs), np.sqrt(mu / r2)
        return split_dv_scalar(v1, vp_t, va_t, va_2, inc) + abs(vp_2 - v2)

    return np.vectorize(one)(inc, r1, r2, rs)


def sso_inclination(a, e):
    c = -2 * SUN_RATE * (1 - e**2) ** 2 * a**3.5 / (3 * J2 * R_J2**2 * np.sqrt(MU))
    return np.where(np.abs(c) <= 1, np.arccos(np.clip(c, -1, 1)), np.nan)


def escape_dv(mu, r1, c3, di):
    return combined_dv(np.sqrt(mu / r1), np.sqrt(2 * mu / r1 + c3), di)
