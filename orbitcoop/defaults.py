"""Modelling choices orbitcoop makes when the caller does not: each is passed through everywhere,
and each says why it has the value it has.

Physical constants are not here (:mod:`orbitcoop.constants`): these are choices, not measurements.
"""

import astropy.units as u

from orbitcoop.core import constants as _si

#: Default circular parking orbit the launcher inserts into [km] (Long March 3B and H-IIA use
#: 200 km and 250 km perigees; Falcon 9 185 km). A modelling choice, passed through everywhere.
DEFAULT_PARKING_ALTITUDE = 200.0 * u.km
#: Highest apogee a supersynchronous transfer may use: beyond it lunar perturbations and
#: transfer time dominate. A modelling choice, not a published figure.
DEFAULT_MAX_APOGEE_ALTITUDE = 100_000.0 * u.km
#: Default perigee of a GTO in :func:`orbitcoop.gto_to_geo_dv`: the user's-manual convention of
#: H-IIA and Ariane (250 km).
DEFAULT_GTO_PERIGEE_ALTITUDE = 250.0 * u.km
#: Geostationary altitude above the equatorial radius (a definition, not a choice; here because
#: it is the default GTO apogee).
GEO_ALTITUDE = _si.GEO_ALTITUDE_M * u.m
