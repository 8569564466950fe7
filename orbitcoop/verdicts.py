"""Verdicts and comparisons of the claims engine, and the field readers its metrics share.

A :class:`Comparison` is one number set against a threshold, with its signed margin and the
point where it flips; a :class:`Verdict` is what a statement's comparisons add up to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import astropy.units as u

import orbitcoop
from orbitcoop.errors import ClaimsFileError, OrbitcoopError
from orbitcoop.orbits import as_target

MPS = u.m / u.s
KINDS = ("physical", "historical-fact", "policy-or-programme")
ROLES = ("test", "context")


class Verdict(StrEnum):
    """A statement's verdict; serialises to its plain string."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    PARTLY = "partly"
    OUTSIDE = "outside orbital mechanics"
    NEEDS_VEHICLE = "needs vehicle model"


VERDICTS = tuple(v.value for v in Verdict)


# ------------------------------------------------------------------ small helpers


def read_field(table, key, kind, where, optional=False, default=None):
    if key not in table:
        if optional:
            return default
        raise ClaimsFileError(f"{where}: missing field {key!r}")
    value = table[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is list:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ClaimsFileError(f"{where}: field {key!r} must be a non-empty list of strings, got {value!r}")
        return value
    if not isinstance(value, kind):
        raise ClaimsFileError(f"{where}: field {key!r} must be {kind.__name__}, got {value!r}")
    return value


def read_threshold(table, key, where):
    t = read_field(table, key, float, where)
    if not math.isfinite(t) or t < 0:
        raise ClaimsFileError(f"{where}: {key} = {t} must be a finite number ≥ 0")
    return t


def read_site(cat, name, where):
    try:
        return cat.get(name).id
    except LookupError as exc:
        raise ClaimsFileError(f"{where}: {exc}") from None


def read_vehicle(name, where, key="vehicle"):
    try:
        return orbitcoop.get_vehicle(name).id
    except LookupError as exc:
        raise ClaimsFileError(f"{where}: {key}: {exc}") from None


def read_orbits(table, where):
    orbits = read_field(table, "orbits", list, where)
    for orbit in orbits:
        try:
            as_target(orbit)
        except (OrbitcoopError, ValueError) as exc:
            raise ClaimsFileError(f"{where}: orbit {orbit!r}: {exc}") from None
    return orbits


def orbit_label(orbit) -> str:
    t = as_target(orbit)
    return t.id or t.name


def total_dv_m_s(a) -> float:
    return float(a.total_dv.to_value(MPS))


def mass_kg(e) -> float:
    return round(float(e.mass.to_value(u.kg)), 0)


def mass_band(e) -> tuple[float, float]:
    return round(float(e.mass_low.to_value(u.kg)), 0), round(float(e.mass_high.to_value(u.kg)), 0)


def pct_diff(a, b) -> float:
    return 100.0 * (a - b) / b if b > 0 else math.inf


@dataclass(frozen=True)
class Comparison:
    """One computed comparison: what was compared, whether it holds, by what margin, where it flips."""

    text: str  # the numbers in one sentence
    holds: bool | None  # None: context only, no threshold
    margin: str = ""  # signed distance to the threshold, in words and units
    flip: str = ""  # the value at which the outcome would change
    payload: str = ""  # the difference in payload terms, where a vehicle is named
    uncertainty: str = ""
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "holds": self.holds,
            "margin": self.margin,
            "flip": self.flip,
            "payload": self.payload,
            "uncertainty": self.uncertainty,
            **self.data,
        }


DV_UNCERTAINTY = (
    "kinematic Δv (no gravity, drag or steering losses); those losses are nearly the same for the same "
    "rocket flying the same orbit from two sites, so the difference is sturdier than the totals"
)
