"""Backwards-compatible home of the units API (orbitcoop ≤ 0.4): it re-exports the public names.

The code lives in one module per concept: :mod:`orbitcoop.geometry` (rotation, azimuths,
minimum inclination), :mod:`orbitcoop.maneuvers` (plane change, Hohmann, SSO, GTO → GEO),
:mod:`orbitcoop.reach` (corridors), :mod:`orbitcoop.assessment` (``assess``, ``compare``)
and :mod:`orbitcoop.defaults`. New code should import from those (or from ``orbitcoop``).

>>> import astropy.units as u, orbitcoop
>>> orbitcoop.min_inclination(28.5 * u.deg).round(2)
<Quantity 28.34 deg>
"""

from orbitcoop.assessment import Assessment, DeltaV, assess, compare
from orbitcoop.defaults import DEFAULT_MAX_APOGEE_ALTITUDE, DEFAULT_PARKING_ALTITUDE, GEO_ALTITUDE
from orbitcoop.geometry import (
    geocentric_latitude,
    inclination_from_azimuth,
    insertion_dv_grid,
    launch_azimuth,
    min_inclination,
    rotation_gain,
    rotation_speed,
)
from orbitcoop.maneuvers import (
    GEO_STRATEGIES,
    GeoTransfer,
    geo_transfer,
    gto_to_geo_dv,
    hohmann_dv,
    plane_change_dv,
    sso_inclination,
)

__all__ = [
    "DEFAULT_MAX_APOGEE_ALTITUDE",
    "DEFAULT_PARKING_ALTITUDE",
    "GEO_ALTITUDE",
    "GEO_STRATEGIES",
    "Assessment",
    "DeltaV",
    "GeoTransfer",
    "assess",
    "compare",
    "geo_transfer",
    "geocentric_latitude",
    "gto_to_geo_dv",
    "hohmann_dv",
    "inclination_from_azimuth",
    "insertion_dv_grid",
    "launch_azimuth",
    "min_inclination",
    "plane_change_dv",
    "rotation_gain",
    "rotation_speed",
    "sso_inclination",
]
