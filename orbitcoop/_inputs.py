"""Inputs of the units API: astropy Quantity → float arrays in SI, range-checked; option checks.

Every error names the value and the valid range (or the valid options). Internal to
orbitcoop: the modules of the units API import these; users never need to.
"""

from __future__ import annotations

import math

import astropy.units as u
import numpy as np

from orbitcoop.errors import InputRangeError, InvalidOptionError
from orbitcoop.outcomes import Branch, Frame, GeoStrategy
from orbitcoop.sites import LaunchSite, get_site

#: The largest altitude orbitcoop treats as a bound Earth orbit here (beyond the Moon's distance, km).
MAX_ALTITUDE_KM = 2_000_000.0
#: How an altitude's valid range reads in errors.
ALTITUDE_RANGE = "0 (the surface) and above"
# Inputs at least this large are checked by one fused numba pass (orbitcoop.core.checks).
_FUSED_CHECK_SIZE = 100_000


def values(q, unit, name, lo=-math.inf, hi=math.inf, valid=None, scale=1.0):
    """Float array of ``q`` in ``unit`` (times ``scale``); errors name the first bad value and the range."""
    if not isinstance(q, u.Quantity):
        raise u.UnitsError(f"{name} must be an astropy Quantity in units of {unit} (e.g. 30 * u.{unit}), got {q!r}")
    try:
        # A value near the float limit can overflow in the unit conversion (1.8e305 km in m):
        # it becomes inf here and is reported by the range check below, not as a warning.
        with np.errstate(over="ignore", invalid="ignore"):
            x = np.asarray(q.to_value(unit), dtype=np.float64)
    except u.UnitConversionError:
        raise u.UnitsError(f"{name} must have units convertible to {unit}, got {q.unit}") from None
    if x.size == 0:
        raise InputRangeError(f"{name} is an empty array: give at least one value")
    if x.size >= _FUSED_CHECK_SIZE:
        # Imported here: the one numba kernel of this module, so orbitcoop.orbits (which reads its
        # scalars with the readers below) loads without numba.
        from orbitcoop.core.checks import scale_and_count_bad

        flat = np.ascontiguousarray(x).reshape(-1)
        out = np.empty_like(flat)
        if scale_and_count_bad(flat, scale, lo, hi, out) == 0:
            return out.reshape(x.shape)
    bad = ~np.isfinite(x) | (x < lo) | (x > hi)
    if bad.any():
        first = x[bad].flat[0]
        count = f" ({int(bad.sum())} of {x.size} values)" if x.size > 1 else ""
        rng = valid or f"{lo:g} to {hi:g} {unit}"
        raise InputRangeError(f"{name} = {first:g} {unit}{count} is outside the valid range {rng}")
    return x * scale if scale != 1.0 else x


def scalar(q, unit, name, lo=-math.inf, hi=math.inf, valid=None) -> float:
    """One float in ``unit`` from a scalar Quantity: :func:`values` plus a check that it is one value."""
    x = values(q, unit, name, lo, hi, valid)
    if x.ndim:
        raise InputRangeError(
            f"{name} must be a single value, got an array of shape {x.shape}: call once per value "
            "(or use orbitcoop.compare / assess_many for many)"
        )
    return float(x)


def broadcast_shape(**named) -> tuple[int, ...]:
    """The broadcast shape of the named arrays; a mismatch names the parameters and their shapes."""
    shapes = {k: np.shape(v) for k, v in named.items()}
    try:
        return np.broadcast_shapes(*shapes.values())
    except ValueError:
        listed = ", ".join(f"{k} {shape}" for k, shape in shapes.items() if shape)
        raise InputRangeError(f"shapes do not broadcast together: {listed} (numpy broadcasting rules)") from None


def inclination_rad(q, name="inclination"):
    """Inclination [rad] of a Quantity in 0–180°."""
    return values(q, "deg", name, 0.0, 180.0, "0–180°", scale=math.pi / 180.0)


def altitude_m(q, name="altitude"):
    """Altitude [m] of a Quantity, the surface (0) and above."""
    return values(q, "m", name, 0.0, MAX_ALTITUDE_KM * 1e3, ALTITUDE_RANGE)


def altitude_km(q, name) -> float:
    """One altitude [km] of a scalar Quantity (a parking or apogee altitude), the surface and above."""
    return scalar(q, "km", name, 0.0, MAX_ALTITUDE_KM, ALTITUDE_RANGE)


def site_args(site_or_latitude, elevation=None):
    """(latitude rad, elevation m, site or None) from a site, a site name or a latitude Quantity."""
    if isinstance(site_or_latitude, str):
        site_or_latitude = get_site(site_or_latitude)
    if isinstance(site_or_latitude, LaunchSite):
        site = site_or_latitude
        if elevation is not None:
            raise InputRangeError(
                f"elevation = {elevation!r} was given with the site {site.id!r}, which has its own "
                f"({site.elevation_m or 0.0:g} m): give a latitude Quantity to use another elevation"
            )
        return math.radians(site.latitude_deg), site.elevation_m or 0.0, site
    lat = np.radians(values(site_or_latitude, "deg", "latitude", -90.0, 90.0, "−90° to +90°"))
    alt = 0.0 if elevation is None else values(elevation, "m", "elevation", -500.0, 9000.0, "−500 m to 9000 m")
    return lat, alt, None


def as_sites(sites):
    """A list of :class:`LaunchSite` from names or sites (or one); None: every active site, pads excluded."""
    if sites is None:
        from orbitcoop.sites import list_sites

        # Default: every active site once; its pads (same range, ~same latitude) by id only.
        return [s for s in list_sites(status="active") if not s.parent]
    if isinstance(sites, str | LaunchSite):
        sites = [sites]
    out = [s if isinstance(s, LaunchSite) else get_site(s) for s in sites]
    if not out:
        raise InputRangeError("sites is empty: give at least one site (or None for every active site)")
    return out


def branch_code(branch) -> float:
    """The kernels' branch flag: 0.0 north, 1.0 south."""
    if branch not in tuple(Branch):
        raise InvalidOptionError(f"branch must be 'north' or 'south', got {branch!r}")
    return 1.0 if branch == Branch.SOUTH else 0.0


def check_frame(value) -> Frame:
    """The :class:`Frame` named by ``value`` ("ground" or "inertial")."""
    if value not in tuple(Frame):
        raise InvalidOptionError(f"frame must be 'ground' or 'inertial', got {value!r}")
    return Frame(value)


def check_geo_strategy(value) -> GeoStrategy:
    """The :class:`GeoStrategy` named by ``value``."""
    if value not in tuple(GeoStrategy):
        raise InvalidOptionError(f"strategy must be one of {tuple(GeoStrategy)}, got {value!r}")
    return GeoStrategy(value)


def plain(q, unit):
    """A Quantity as a float (or nested list) in ``unit``: the other direction, for ``to_dict``."""
    v = q.to_value(unit)
    return float(v) if np.ndim(v) == 0 else np.asarray(v).tolist()


# ---------------------------------------------------------------- one orbit's scalars
# The readers of orbitcoop.orbits: a Quantity in any equivalent unit, or a plain number in the
# unit named, one value (a TargetOrbit is one orbit), range-checked with the range in the error.


def scalar_number(value, unit, name, kind) -> float:
    """A float in ``unit`` from a Quantity (any unit equivalent to it) or a plain number (taken as ``unit``)."""
    if isinstance(value, u.Quantity):
        if not value.unit.is_equivalent(unit):
            raise u.UnitsError(f"{name} must be {kind}, got unit {value.unit}")
        value = value.to_value(unit)
    if isinstance(value, bool) or (not isinstance(value, int | float) and np.ndim(value) != 0):
        raise InputRangeError(
            f"{name} must be a single number, got {value!r}: a TargetOrbit is one orbit "
            "(for many, build one per value, or use orbitcoop.compare)"
        )
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputRangeError(f"{name} must be a number, got {value!r}") from None


def orbit_altitude_km(value, name) -> float:
    """A scalar altitude in km from a Quantity (any length unit) or a plain number (km)."""
    value = scalar_number(value, u.km, name, "a length")
    if not math.isfinite(value):
        raise InputRangeError(f"{name} = {value} km is not a finite number")
    if value < 0.0:
        raise InputRangeError(f"{name} = {value:g} km is below the surface: an orbit's altitude must be ≥ 0 km")
    if value > MAX_ALTITUDE_KM:
        raise InputRangeError(f"{name} = {value:g} km is beyond {MAX_ALTITUDE_KM:g} km")
    return value


def c3_km2_s2(value, name="c3") -> float:
    """A characteristic energy in km²/s² (Quantity or number), 0–400 km²/s²."""
    c3 = scalar_number(value, u.km**2 / u.s**2, name, "an energy per mass (km²/s²)")
    if not math.isfinite(c3) or not 0.0 <= c3 <= 400.0:
        raise InputRangeError(
            f"{name} = {c3:g} km²/s² is outside the valid range 0–400 km²/s² (negative is a bound orbit: use ell:)"
        )
    return c3


def orbit_inclination_deg(value, name) -> float:
    value = scalar_number(value, u.deg, name, "an angle")
    if not math.isfinite(value) or not 0.0 <= value <= 180.0:
        raise InputRangeError(f"{name} = {value:g}° is outside the valid range 0–180°")
    return value


def local_time_hours(value, name) -> float:
    """Hours from ``"HH:MM"``, a number of hours or a time/angle Quantity; 00:00–24:00."""
    text = str(value).strip()
    if isinstance(value, str) and ":" in text:
        hh, _, mm = text.partition(":")
        try:
            hours = int(hh) + float(mm) / 60.0
        except ValueError:
            raise InputRangeError(f"{name} = {value!r} is not a local time: write HH:MM, e.g. 10:30") from None
        if not 0.0 <= float(mm) < 60.0:
            raise InputRangeError(f"{name} = {value!r}: minutes must be 00–59")
    elif isinstance(value, u.Quantity) and value.unit.is_equivalent(u.hourangle):
        hours = float(value.to_value(u.hourangle))
    else:
        try:
            hours = scalar_number(value, u.h, name, "a time of day")
        except ValueError:
            raise InputRangeError(f"{name} = {value!r} is not a local time: write HH:MM, e.g. 10:30") from None
    if not math.isfinite(hours) or not 0.0 <= hours <= 24.0:
        raise InputRangeError(f"{name} = {value!r} is outside the valid range 00:00–24:00")
    return hours
