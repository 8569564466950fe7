"""Physical constants as plain SI floats, for the kernels.

The astropy versions (with unit, uncertainty and reference) are built from these
in :mod:`orbitcoop.constants`; this module is the single source of the numbers.
"""

import math

#: WGS 84 semi-major axis [m]. NGA.STND.0036_1.0.0_WGS84 (2014), Table 3.1.
WGS84_A_M = 6378137.0
#: WGS 84 inverse flattening. NGA.STND.0036_1.0.0_WGS84 (2014), Table 3.1.
WGS84_INV_F = 298.257223563
WGS84_F = 1.0 / WGS84_INV_F
#: First eccentricity squared, e² = f(2 − f).
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
#: Semi-minor axis [m], b = a(1 − f).
WGS84_B_M = WGS84_A_M * (1.0 - WGS84_F)
#: WGS 84 geocentric gravitational constant GM (with atmosphere) [m³/s²].
#: NGA.STND.0036_1.0.0_WGS84 (2014), Table 3.1.
GM_EARTH_M3_S2 = 3.986004418e14
#: WGS 84 nominal mean angular velocity of the Earth [rad/s].
#: NGA.STND.0036_1.0.0_WGS84 (2014), Table 3.1.
OMEGA_EARTH_RAD_S = 7.292115e-5
#: Second zonal harmonic J2 = −√5·C̄₂₀ with C̄₂₀ = −0.484165371736e−3 (EGM96,
#: Lemoine et al. 1998, NASA/TP-1998-206861; adopted by WGS 84, NIMA TR8350.2 3rd ed.).
J2_EARTH = -math.sqrt(5.0) * -0.484165371736e-3
#: Mean tropical year [s]: 365.24219 mean solar days (Explanatory Supplement to
#: the Astronomical Almanac). A sun-synchronous orbit's node must turn 2π per
#: tropical year, 0.9856°/day (Wertz & Larson, Space Mission Analysis and
#: Design, 3rd ed., ch. 6; Vallado, Fundamentals of Astrodynamics and
#: Applications, 4th ed., ch. 9).
TROPICAL_YEAR_S = 365.24219 * 86400.0
SUN_SYNC_RATE_RAD_S = 2.0 * math.pi / TROPICAL_YEAR_S
#: Standard acceleration of gravity [m/s²], CGPM 1901 (exact).
G0_M_S2 = 9.80665
#: Sidereal day [s] implied by the WGS 84 Earth rate.
SIDEREAL_DAY_S = 2.0 * math.pi / OMEGA_EARTH_RAD_S
#: Geostationary radius [m]: circular orbit whose period is one sidereal day.
GEO_RADIUS_M = (GM_EARTH_M3_S2 / OMEGA_EARTH_RAD_S**2) ** (1.0 / 3.0)
#: Conventional GEO altitude used in user's manuals [m] (35 786 km above the equator).
GEO_ALTITUDE_M = 35_786_000.0
