"""Where a launch site is, seen from Earth's centre, and how fast it moves.

All on the WGS 84 ellipsoid (NGA.STND.0036_1.0.0_WGS84, 2014). Geodetic latitude
φ and ellipsoidal height h give the prime-vertical radius
``N = a / sqrt(1 − e² sin²φ)`` and the Earth-fixed position
``ρ = (N + h) cos φ`` (distance from the spin axis),
``z = ((1 − e²) N + h) sin φ`` (the site-position equations of Vallado,
Fundamentals of Astrodynamics and Applications, 4th ed., ch. 3; boinor's
``SpheroidLocation.cartesian_cords`` computes the same, and the tests compare).
"""

import math

from orbitcoop.core.constants import OMEGA_EARTH_RAD_S, WGS84_A_M, WGS84_E2
from orbitcoop.core.jit import kernel


@kernel(2)
def axis_distance(lat_rad, alt_m):
    """Distance ρ [m] of a site from Earth's spin axis: ρ = (N + h) cos φ."""
    s = math.sin(lat_rad)
    n = WGS84_A_M / math.sqrt(1.0 - WGS84_E2 * s * s)
    return (n + alt_m) * math.cos(lat_rad)


@kernel(2)
def rotation_speed(lat_rad, alt_m):
    """Eastward speed [m/s] of a site carried by Earth's rotation: v = ω ρ.

    ω is the WGS 84 rate 7.292115e-5 rad/s; at the equator on the ellipsoid
    this gives ω a = 465.10 m/s.
    """
    return OMEGA_EARTH_RAD_S * axis_distance(lat_rad, alt_m)


@kernel(2)
def geocentric_latitude(lat_rad, alt_m):
    """Geocentric latitude φ' [rad] of a site: tan φ' = ((1 − e²)N + h) sin φ / ((N + h) cos φ).

    An orbit plane passes through Earth's centre, so the geometry of launch
    (minimum inclination, launch azimuth) uses φ', not the geodetic φ. They
    differ by up to 0.19° at 45° latitude.
    """
    s = math.sin(lat_rad)
    n = WGS84_A_M / math.sqrt(1.0 - WGS84_E2 * s * s)
    return math.atan2(((1.0 - WGS84_E2) * n + alt_m) * s, (n + alt_m) * math.cos(lat_rad))
