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
from orbitcoop.loading import REQUIRED, Fields
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
    """Field ``key`` of a claims-file table as ``kind`` (str, float, bool, or list: a non-empty list of
    text), through the shared readers of :mod:`orbitcoop.loading`; errors name ``where`` and the field."""
    f = Fields(table, where, ClaimsFileError)
    default = default if optional else REQUIRED
    if kind is list:
        value = f.texts(key, default, nonempty=True)
        return list(value) if isinstance(value, tuple) else value
    readers = {str: f.text, float: f.number, bool: f.flag, dict: f.table_of}
    return readers[kind](key, default)


def read_source(table, key, where):
    """A figure's source: required, text, not blank."""
    return Fields(table, where, ClaimsFileError).source(key)


def read_threshold(table, key, where):
    return Fields(table, where, ClaimsFileError).number(key, lo=0.0)


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
