"""Errors raised by orbitcoop's API. Each message names the value and the valid range."""


class OrbitcoopError(Exception):
    """Base class of orbitcoop's errors."""


class UnknownSiteError(OrbitcoopError, LookupError):
    """A launch-site name that is not in the catalogue (the message suggests the closest ids)."""


class UnknownOrbitError(OrbitcoopError, LookupError):
    """An orbit preset or orbit string that orbitcoop cannot read."""


class InputRangeError(OrbitcoopError, ValueError):
    """A value outside its physical range (latitude beyond ±90°, altitude below the surface, ...)."""


class UnreachableOrbitError(OrbitcoopError, ValueError):
    """An orbit that no launch azimuth from this site reaches directly.

    ``minimum`` is the lowest inclination the site reaches, ``alternative`` a
    sentence naming the cheapest way that does reach the orbit.
    """

    def __init__(self, message, minimum=None, alternative=None):
        super().__init__(message)
        self.minimum = minimum
        self.alternative = alternative


class CatalogueError(OrbitcoopError, ValueError):
    """A malformed data file (names the file, the entry and the field)."""


class InvalidOptionError(OrbitcoopError, ValueError):
    """A keyword option outside its fixed set (``branch``, ``frame``, ``strategy``); the message lists them."""


class ClaimsFileError(CatalogueError):
    """A malformed claims file: the message names the file, the statement and the field."""


class VehicleDataError(CatalogueError):
    """A vehicle file or an edited vehicle with non-physical or malformed numbers (names vehicle, stage and field)."""


class OrbitDataError(CatalogueError):
    """A malformed orbit-presets file (names the file, the preset and the field)."""


class UnknownVehicleError(OrbitcoopError, LookupError):
    """A vehicle id not in the catalogue (the message suggests the closest ids)."""


class MissingVehicleDataError(OrbitcoopError, ValueError):
    """The catalogue lacks a figure the payload model needs (the message names it)."""


class UndefinedNodeError(OrbitcoopError, ValueError):
    """An orbit without a plane fixed in space (no node), where a launch window needs one."""


class StaleElementsWarning(UserWarning):
    """Times far from a TLE's epoch: its node and phase are extrapolated beyond their usual accuracy."""
