"""Physical constants as astropy ``Constant`` objects: value, unit, uncertainty, reference.

The numbers themselves live once, as SI floats, in :mod:`orbitcoop.core.constants`
(the kernels use those); this module gives them units for the API.
"""

from astropy.constants import Constant

from orbitcoop.core import constants as _si

_WGS84 = "NGA.STND.0036_1.0.0_WGS84 (2014), Table 3.1"

R_EARTH = Constant(
    "R_earth", "WGS 84 equatorial radius (semi-major axis)", _si.WGS84_A_M, "m", 0.0, _WGS84, system="si"
)
F_EARTH = Constant("f_earth", "WGS 84 flattening", _si.WGS84_F, "", 0.0, _WGS84, system="si")
GM_EARTH = Constant(
    "GM_earth", "WGS 84 geocentric gravitational constant", _si.GM_EARTH_M3_S2, "m3 / s2", 8e5, _WGS84, system="si"
)
OMEGA_EARTH = Constant(
    "omega_earth",
    "WGS 84 mean angular velocity of the Earth",
    _si.OMEGA_EARTH_RAD_S,
    "rad / s",
    0.0,
    _WGS84,
    system="si",
)
J2_EARTH = Constant(
    "J2_earth",
    "Earth second zonal harmonic, -sqrt(5) * C20 (EGM96)",
    _si.J2_EARTH,
    "",
    0.0,
    "Lemoine et al. 1998, The Development of the NASA GSFC and NIMA Joint Geopotential Model EGM96, "
    "NASA/TP-1998-206861",
    system="si",
)
G0 = Constant("g0", "standard acceleration of gravity", _si.G0_M_S2, "m / s2", 0.0, "CGPM 1901 (exact)", system="si")
GEO_RADIUS = Constant(
    "r_geo",
    "geostationary radius: one sidereal day period",
    _si.GEO_RADIUS_M,
    "m",
    0.0,
    "derived from GM and omega of " + _WGS84,
    system="si",
)

__all__ = ["F_EARTH", "G0", "GEO_RADIUS", "GM_EARTH", "J2_EARTH", "OMEGA_EARTH", "R_EARTH"]
