"""The closed sets of words orbitcoop answers with: strategies, corridor status, options, payload-point roles.

Each is a :class:`enum.StrEnum`, so a member equals (and prints, formats and
serialises to JSON as) the plain string it replaced:

>>> from orbitcoop.outcomes import Strategy
>>> Strategy.GTO_SPLIT == "gto split", Strategy.GTO_SPLIT
(True, 'gto split')
"""

from __future__ import annotations

from enum import StrEnum


class _Outcome(StrEnum):
    # repr as the plain string: reprs of results and tuples of options (in error messages and
    # doctests) read as they did when these were strings.
    def __repr__(self):
        return repr(self.value)


class Strategy(_Outcome):
    """How an orbit is reached from a site (:attr:`orbitcoop.Assessment.strategy`)."""

    DIRECT = "direct"
    PLANE_CHANGE = "plane change"
    DOGLEG = "dogleg"
    PLANE_CHANGE_SPLIT = "plane change (split)"
    DOGLEG_SPLIT = "dogleg (split)"
    GTO_SPLIT = "gto split"
    SUPERSYNCHRONOUS = "supersynchronous"

    def split(self) -> Strategy:
        """The same turn split between a transfer's perigee and apogee burns."""
        return Strategy(f"{self.value} (split)")


class GeoStrategy(_Outcome):
    """The burn plan of :func:`orbitcoop.geo_transfer`."""

    APOGEE = "apogee"
    OPTIMAL_SPLIT = "optimal-split"
    SUPERSYNCHRONOUS = "supersynchronous"


class CorridorStatus(_Outcome):
    """Whether the site's published corridor allows the plane flown; ``UNKNOWN`` if none is published."""

    IN = "in corridor"
    OUTSIDE = "outside corridor"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, flag: bool | None) -> CorridorStatus:
        """The status of ``Assessment.in_corridor`` (True, False or None)."""
        return cls.UNKNOWN if flag is None else cls.IN if flag else cls.OUTSIDE

    @property
    def json(self) -> bool | str:
        """The value ``to_dict`` and the tables emit: True, False or ``"unknown"``."""
        return {CorridorStatus.IN: True, CorridorStatus.OUTSIDE: False}.get(self, "unknown")

    @property
    def label(self) -> str:
        """Words for a repr: "in corridor", "outside corridor", "corridor unknown"."""
        return "corridor unknown" if self is CorridorStatus.UNKNOWN else self.value


class Branch(_Outcome):
    """Which of the two launch azimuths reaching an inclination."""

    NORTH = "north"
    SOUTH = "south"


class Frame(_Outcome):
    """The frame a launch azimuth is given in: over the rotating Earth, or inertial."""

    GROUND = "ground"
    INERTIAL = "inertial"


class PayloadRole(_Outcome):
    """The role of a published payload point, and of a row of :func:`orbitcoop.validation_rows`.

    The first four are the roles a data file may give a point (:data:`DATA_ROLES`); the last two
    only label validation rows.
    """

    CALIBRATION = "calibration"
    VALIDATION = "validation"
    REFERENCE = "reference"
    FLIGHT = "flight"
    REFERENCE_INTERPRETED = "reference (interpreted)"
    UNAVAILABLE = "unavailable"


#: The roles a payload point in ``data/vehicles.toml`` may have.
DATA_ROLES = (PayloadRole.CALIBRATION, PayloadRole.VALIDATION, PayloadRole.REFERENCE, PayloadRole.FLIGHT)
