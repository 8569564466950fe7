"""The claims engine: statements from the news, read charitably, each with one computed verdict.

Statements are data (``orbitcoop/data/claims.toml``, or a file of the user's with the same
schema, documented in docs/claims.md). A statement has a kind:

* ``physical``: orbital mechanics and the payload model can decide it. Its *test* questions
  give the verdict: all hold → supported, none → contradicted, some → partly.
* ``historical-fact`` and ``policy-or-programme``: the verdict is "outside orbital mechanics";
  the questions are computed as context for the reader.

Each question is one small metric class (:data:`METRICS`): it loads its fields, evaluates,
and reports every comparison with its margin (how far from the threshold, signed: positive
means the comparison holds) and the point where it would flip. Verdicts come from numbers,
never from the file, so changing a site's data can flip one.

>>> from orbitcoop.claims import evaluate_claims
>>> r = {c.id: c for c in evaluate_claims()}
>>> print(r["tanegashima-too-far-north-for-geo"].verdict)
supported
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import ClassVar

import astropy.units as u

import orbitcoop
from orbitcoop.errors import ClaimsFileError, OrbitcoopError
from orbitcoop.orbits import as_target
from orbitcoop.sites import Catalogue
from orbitcoop.sites import catalogue as _builtin

MPS = u.m / u.s
KINDS = ("physical", "historical-fact", "policy-or-programme")
ROLES = ("test", "context")

__all__ = [
    "METRICS",
    "VERDICTS",
    "ClaimResult",
    "ClaimsFileError",
    "Comparison",
    "Statement",
    "Verdict",
    "article_bottom_lines",
    "evaluate_claim",
    "evaluate_claims",
    "load_claims",
]


class Verdict(StrEnum):
    """A statement's verdict; serialises to its plain string."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    PARTLY = "partly"
    OUTSIDE = "outside orbital mechanics"
    NEEDS_VEHICLE = "needs vehicle model"


VERDICTS = tuple(v.value for v in Verdict)


# ------------------------------------------------------------------ small helpers


def _field(table, key, kind, where, optional=False, default=None):
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


def _threshold(table, key, where):
    t = _field(table, key, float, where)
    if not math.isfinite(t) or t < 0:
        raise ClaimsFileError(f"{where}: {key} = {t} must be a finite number ≥ 0")
    return t


def _site(cat, name, where):
    try:
        return cat.get(name).id
    except LookupError as exc:
        raise ClaimsFileError(f"{where}: {exc}") from None


def _vehicle(name, where, key="vehicle"):
    try:
        return orbitcoop.get_vehicle(name).id
    except LookupError as exc:
        raise ClaimsFileError(f"{where}: {key}: {exc}") from None


def _orbits(table, where):
    orbits = _field(table, "orbits", list, where)
    for orbit in orbits:
        try:
            as_target(orbit)
        except (OrbitcoopError, ValueError) as exc:
            raise ClaimsFileError(f"{where}: orbit {orbit!r}: {exc}") from None
    return orbits


def _label(orbit) -> str:
    t = as_target(orbit)
    return t.id or t.name


def _dv(a) -> float:
    return float(a.total_dv.to_value(MPS))


def _kg(e) -> float:
    return round(float(e.mass.to_value(u.kg)), 0)


def _band(e) -> tuple[float, float]:
    return round(float(e.mass_low.to_value(u.kg)), 0), round(float(e.mass_high.to_value(u.kg)), 0)


def _pct(a, b) -> float:
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


# ------------------------------------------------------------------ metrics: one class each


class Metric:
    """A question type. Subclasses set ``name``, read their fields in ``__init__`` and
    return a list of :class:`Comparison` from ``evaluate``."""

    name: ClassVar[str] = ""
    needs_payload: ClassVar[bool] = False

    def __init__(self, q: dict, where: str, cat: Catalogue):
        self.q = q
        self.orbits = _orbits(q, where)

    def evaluate(self, cat: Catalogue) -> list[Comparison]:
        raise NotImplementedError


class DvDifference(Metric):
    """Total Δv of ``site`` minus each reference's, per orbit.

    ``comparison``: ``more`` (the site costs at least ``threshold_m_s`` more), ``less`` (saves at
    least that much) or ``not_more`` (costs no more than the threshold above the reference).
    An optional ``vehicle`` prices the difference as payload (the same rocket from both sites).
    """

    name = "dv_difference"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.site = _site(cat, _field(q, "site", str, where), where)
        self.refs = [_site(cat, r, where) for r in _field(q, "references", list, where)]
        self.mode = _field(q, "comparison", str, where)
        if self.mode not in ("more", "less", "not_more"):
            raise ClaimsFileError(f"{where}: comparison must be one of ('more', 'less', 'not_more'), got {self.mode!r}")
        self.thr = _threshold(q, "threshold_m_s", where)
        v = _field(q, "vehicle", str, where, optional=True)
        self.vehicle = _vehicle(v, where) if v else None

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            own = orbitcoop.assess(cat.get(self.site), o)
            for r in self.refs:
                ref = orbitcoop.assess(cat.get(r), o)
                d = _dv(own) - _dv(ref)
                if self.mode == "more":
                    margin, want = d - self.thr, f"at least {self.thr:.0f} m/s more"
                elif self.mode == "less":
                    margin, want = -d - self.thr, f"at least {self.thr:.0f} m/s less"
                else:
                    margin, want = self.thr - d, f"no more than {self.thr:.0f} m/s more"
                text = (
                    f"To {_label(o)}, {self.site} needs {_dv(own):.0f} m/s ({own.strategy}), {ref.site}"
                    f" {_dv(ref):.0f} m/s ({ref.strategy}): {abs(d):.0f} m/s {'more' if d >= 0 else 'less'}."
                )
                payload, unc = "", DV_UNCERTAINTY
                if self.vehicle:
                    payload, unc = _same_rocket(self.vehicle, self.site, r, o, unc)
                out.append(
                    Comparison(
                        text,
                        margin >= 0,
                        f"{margin:+.0f} m/s against the test ({want})",
                        f"the outcome flips if {self.site} needed {_flip_dv(self.mode, self.thr)} m/s"
                        f" {'more' if self.mode != 'less' else 'less'} than {r} instead of {d:+.0f}",
                        payload,
                        unc,
                        {"orbit": _label(o), "site": self.site, "reference": r, "difference_m_s": round(d, 1)},
                    )
                )
        return out


def _flip_dv(mode, thr):
    return f"{'under' if mode == 'more' else 'under' if mode == 'less' else 'over'} {thr:.0f}"


def _same_rocket(vehicle, site, ref, orbit, unc):
    """The Δv difference as payload: the same rocket from both sites (payload model)."""
    try:
        a, b = orbitcoop.payload(vehicle, site, orbit), orbitcoop.payload(vehicle, ref, orbit)
    except orbitcoop.MissingVehicleDataError as exc:
        return f"no payload estimate: {exc}", unc
    d = _kg(a) - _kg(b)
    return (
        f"{vehicle} lifts {_kg(a):.0f} kg from {site} and {_kg(b):.0f} kg from {ref}:"
        f" {abs(d) / 1000:.2f} t ({abs(_pct(_kg(a), _kg(b))):.0f} %) {'more' if d >= 0 else 'less'}",
        f"{unc}; payload model band {_band(a)[0]:.0f}–{_band(a)[1]:.0f} kg from {site} to {a.orbit}",
    )


class PayloadDifference(Metric):
    """The same vehicle's payload from ``site`` against each reference site, in %."""

    name = "payload_difference"
    needs_payload = True

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.vehicle = _vehicle(_field(q, "vehicle", str, where), where)
        self.site = _site(cat, _field(q, "site", str, where), where)
        self.refs = [_site(cat, r, where) for r in _field(q, "references", list, where)]
        self.mode = _field(q, "comparison", str, where)
        if self.mode not in ("more", "less", "similar"):
            raise ClaimsFileError(f"{where}: comparison must be one of ('more', 'less', 'similar'), got {self.mode!r}")
        self.thr = _threshold(q, "threshold_pct", where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            own = orbitcoop.payload(self.vehicle, cat.get(self.site), o)
            for r in self.refs:
                other = orbitcoop.payload(self.vehicle, cat.get(r), o)
                pct = _pct(_kg(own), _kg(other))
                margin = {"more": pct - self.thr, "less": -pct - self.thr, "similar": self.thr - abs(pct)}[self.mode]
                want = {
                    "more": f"at least {self.thr:g} % more",
                    "less": f"at least {self.thr:g} % less",
                    "similar": f"within {self.thr:g} %",
                }[self.mode]
                lo_a, hi_a = _band(own)
                out.append(
                    Comparison(
                        f"{self.vehicle} to {own.orbit}: {_kg(own):.0f} kg from {self.site},"
                        f" {_kg(other):.0f} kg from {r} ({pct:+.0f} %).",
                        margin >= 0,
                        f"{margin:+.0f} percentage points against the test ({want})",
                        f"the outcome flips at a payload difference of {'±' if self.mode == 'similar' else ''}"
                        f"{self.thr:g} % (it is {pct:+.0f} %)",
                        f"{self.vehicle}: {abs(_kg(own) - _kg(other)) / 1000:.2f} t {'more' if pct >= 0 else 'less'}"
                        f" from {self.site} than from {r}",
                        f"payload model band {lo_a:.0f}–{hi_a:.0f} kg from {self.site} to {own.orbit}; the band"
                        " shifts both sites"
                        " alike (one loss constant per rocket), so the difference is sturdier than the totals",
                        {
                            "orbit": own.orbit,
                            "vehicle": self.vehicle,
                            "site": self.site,
                            "reference": r,
                            "payload_kg": _kg(own),
                            "reference_payload_kg": _kg(other),
                            "difference_pct": round(pct, 1),
                        },
                    )
                )
        return out


class PayloadCovers(Metric):
    """``vehicle`` from ``site`` lifts at least the reference payload, per orbit.

    The reference is either another modelled rocket (``reference_vehicle`` from ``reference_site``)
    or the largest *published* payload of ``reference_vehicle`` whose orbit label is
    ``reference_orbit`` (``reference_published = true``: for rockets the model cannot run).
    """

    name = "payload_covers"
    needs_payload = True

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.vehicle = _vehicle(_field(q, "vehicle", str, where), where)
        self.site = _site(cat, _field(q, "site", str, where), where)
        self.ref_kg = _field(q, "reference_kg", float, where, optional=True)
        self.published = _field(q, "reference_published", bool, where, optional=True, default=False)
        if self.ref_kg is not None:  # a payload mass from the news or a spacecraft's published mass
            self.ref_label = _field(q, "reference_label", str, where)
            self.ref_source = _field(q, "reference_source", str, where)
            return
        self.ref_vehicle = _vehicle(_field(q, "reference_vehicle", str, where), where, "reference_vehicle")
        if self.published:
            label = _field(q, "reference_orbit", str, where)
            points = [p for p in orbitcoop.get_vehicle(self.ref_vehicle).performance if p.orbit == label]
            if not points:
                raise ClaimsFileError(f"{where}: {self.ref_vehicle} has no published payload to {label!r}")
            self.point = max(points, key=lambda p: p.payload_kg)
        else:
            self.ref_site = _site(cat, _field(q, "reference_site", str, where), where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            a = orbitcoop.payload(self.vehicle, cat.get(self.site), o)
            lo, hi = _band(a)
            if self.ref_kg is not None:
                ref_kg, ref_band = self.ref_kg, (self.ref_kg, self.ref_kg)
                ref_text = f"{self.ref_label}, {ref_kg:.0f} kg"
                ref_unc = f"the reference mass is published ({self.ref_source})"
            elif self.published:
                ref_kg, ref_band = self.point.payload_kg, (self.point.payload_kg, self.point.payload_kg)
                ref_text = f"{self.ref_vehicle}'s largest published {self.point.orbit} payload, {ref_kg:.0f} kg"
                ref_unc = f"the reference is {self.ref_vehicle}'s published figure (source in vehicles.toml)"
            else:
                b = orbitcoop.payload(self.ref_vehicle, cat.get(self.ref_site), o)
                ref_kg, ref_band = _kg(b), _band(b)
                ref_text = f"{self.ref_vehicle} from {self.ref_site}, {ref_kg:.0f} kg"
                ref_unc = f"{self.ref_vehicle}'s band {ref_band[0]:.0f}–{ref_band[1]:.0f} kg"
            d = _kg(a) - ref_kg
            robust = lo >= ref_band[1] if d >= 0 else hi < ref_band[0]
            out.append(
                Comparison(
                    f"To {a.orbit}: {self.vehicle} from {self.site} lifts {_kg(a):.0f} kg; {ref_text}.",
                    d >= 0,
                    f"{d:+.0f} kg ({_pct(_kg(a), ref_kg):+.0f} %) against the reference payload",
                    f"the outcome flips if {self.vehicle}'s payload were {abs(d):.0f} kg"
                    f" {'lower' if d >= 0 else 'higher'}, or the payload to carry {'above' if d >= 0 else 'at most'}"
                    f" {_kg(a):.0f} kg",
                    f"{self.vehicle} from {self.site}: {abs(d) / 1000:.2f} t ({abs(_pct(_kg(a), ref_kg)):.0f} %)"
                    f" {'to spare' if d >= 0 else 'short'}",
                    f"payload model band {lo:.0f}–{hi:.0f} kg; {ref_unc}; the outcome "
                    f"{'holds across both bands' if robust else 'is inside the model uncertainty'}",
                    {
                        "orbit": a.orbit,
                        "vehicle": self.vehicle,
                        "site": self.site,
                        "payload_kg": _kg(a),
                        "reference": ref_text,
                        "reference_payload_kg": ref_kg,
                    },
                )
            )
        return out


class Reachable(Metric):
    """Each site reaches each orbit directly (geometry, and the published corridor where there is one)."""

    name = "reachable"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [_site(cat, s, where) for s in _field(q, "sites", list, where)]
        self.expect = _field(q, "expect", bool, where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            for s in self.sites:
                a = orbitcoop.assess(cat.get(s), o)
                ok = bool(a.direct) and a.in_corridor is not False
                extra = float((a.dv.plane_change + a.dv.dogleg).to_value(MPS))
                i_min = a.min_inclination.to_value(u.deg)
                i_t = as_target(o).inclination_deg
                if ok:
                    text = f"{s} reaches {_label(o)} directly" + (
                        " (no corridor published: geometry only)." if a.in_corridor is None else "."
                    )
                else:
                    why = (
                        f"below the site's lowest inclination {i_min:.2f}°"
                        if not a.direct
                        else "outside the published corridor"
                    )
                    cost = (
                        f"the cheapest way costs {extra:.0f} m/s extra"
                        if extra >= 10
                        else f"a plane change of {extra:.1f} m/s fixes it"
                    )
                    text = f"{s} cannot reach {_label(o)} directly ({why}); {cost} ({a.strategy})."
                if i_t is not None:
                    room = min(i_t, 180.0 - i_t) - i_min  # a retrograde orbit needs 180° − i ≥ the minimum
                    margin = f"{room:+.1f} ° of inclination to spare" + (
                        "" if a.in_corridor is not False else ", but outside the corridor"
                    )
                    flip = (
                        f"the outcome flips if the site's lowest inclination ({i_min:.2f}°)"
                        f" rose above {min(i_t, 180.0 - i_t):.2f}°"
                    )
                else:
                    margin, flip = "", ""
                out.append(
                    Comparison(
                        text,
                        ok == self.expect,
                        margin,
                        flip,
                        "",
                        DV_UNCERTAINTY,
                        {
                            "orbit": _label(o),
                            "site": s,
                            "reachable": ok,
                            "corridor": "unknown" if a.in_corridor is None else bool(a.in_corridor),
                        },
                    )
                )
        return out


class Spread(Metric):
    """The dearest and cheapest of ``sites`` differ by less than ``threshold_m_s``, per orbit."""

    name = "spread"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [_site(cat, s, where) for s in _field(q, "sites", list, where)]
        if len(self.sites) < 2:
            raise ClaimsFileError(f"{where}: field 'sites' needs at least two sites for a spread")
        self.thr = _threshold(q, "threshold_m_s", where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            dv = {s: _dv(orbitcoop.assess(cat.get(s), o)) for s in self.sites}
            lo, hi = min(dv, key=dv.get), max(dv, key=dv.get)
            spread = dv[hi] - dv[lo]
            out.append(
                Comparison(
                    f"To {_label(o)}: "
                    + ", ".join(f"{s} {v:.0f} m/s" for s, v in dv.items())
                    + f"; spread {spread:.0f} m/s.",
                    spread < self.thr,
                    f"{self.thr - spread:+.0f} m/s against the test (spread under {self.thr:.0f} m/s)",
                    f"the outcome flips at a spread of {self.thr:.0f} m/s",
                    "",
                    DV_UNCERTAINTY,
                    {"orbit": _label(o), "cheapest": lo, "dearest": hi, "spread_m_s": round(spread, 1)},
                )
            )
        return out


class Context(Metric):
    """No test: the Δv from each site to each orbit, and optionally payloads, for the reader."""

    name = "context"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [_site(cat, s, where) for s in _field(q, "sites", list, where)]
        self.payloads = []  # "vehicle@site>orbit": a payload priced for context
        for spec in q.get("payloads", []):
            m = re.fullmatch(r"([^@>]+)@([^@>]+)>(.+)", spec) if isinstance(spec, str) else None
            if not m:
                raise ClaimsFileError(f"{where}: payloads entry {spec!r} must read 'vehicle@site>orbit'")
            _orbits({"orbits": [m[3]]}, where)
            self.payloads.append((_vehicle(m[1], where), _site(cat, m[2], where), m[3]))

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            rows = {s: orbitcoop.assess(cat.get(s), o) for s in self.sites}
            text = f"To {_label(o)}: " + ", ".join(f"{s} {_dv(a):.0f} m/s ({a.strategy})" for s, a in rows.items())
            out.append(
                Comparison(
                    text + ".",
                    None,
                    uncertainty=DV_UNCERTAINTY,
                    data={"orbit": _label(o), "total_dv_m_s": {s: round(_dv(a), 1) for s, a in rows.items()}},
                )
            )
        for vid, site, orbit in self.payloads:
            try:
                e = orbitcoop.payload(vid, cat.get(site), orbit)
            except orbitcoop.MissingVehicleDataError as exc:
                out.append(Comparison(f"{vid} from {site}: no estimate ({exc}).", None))
                continue
            lo, hi = _band(e)
            what_if = "" if site in orbitcoop.get_vehicle(vid).home_sites else " (what-if: not its home site)"
            out.append(
                Comparison(
                    f"{vid} from {site}{what_if} to {e.orbit}: {_kg(e):.0f} kg (band {lo:.0f}–{hi:.0f}).",
                    None,
                    uncertainty="payload model (docs/validation.md)",
                    data={"vehicle": vid, "site": site, "orbit": e.orbit, "payload_kg": _kg(e)},
                )
            )
        return out


#: The metric classes by name; a new metric is one more class here.
METRICS: dict[str, type[Metric]] = {
    m.name: m for m in (DvDifference, PayloadDifference, PayloadCovers, Reachable, Spread, Context)
}


# ------------------------------------------------------------------ statements


@dataclass(frozen=True)
class Question:
    id: str
    role: str  # "test" or "context"
    asks: str  # the question, in plain words
    why: str  # why the threshold is what it is ("" for context)
    metric: Metric
    exchange: tuple[str, str, str, str] | None = None  # vehicle, site, orbit, a dearer or cheaper orbit


def exchange_rate(vehicle, site, orbit_a, orbit_b) -> tuple[float, float]:
    """(% of payload per 100 m/s, payload to ``orbit_a`` [kg]): the payload model's price of Δv,
    by finite difference between two nearby orbits from the same site (same rocket, same losses)."""
    pa, pb = orbitcoop.payload(vehicle, site, orbit_a), orbitcoop.payload(vehicle, site, orbit_b)
    da, db = _dv(orbitcoop.assess(site, orbit_a)), _dv(orbitcoop.assess(site, orbit_b))
    ma, mb = float(pa.mass.to_value(u.kg)), float(pb.mass.to_value(u.kg))
    return abs(100.0 * (ma - mb) / ma / ((da - db) / 100.0)), ma


def _why(q: Question) -> str:
    if q.role == "test" and q.metric.name == "payload_difference":
        return q.why + _model_error()
    if not q.exchange:
        return q.why
    vid, site, a, b = q.exchange
    try:
        rate, kg = exchange_rate(vid, site, a, b)
    except orbitcoop.MissingVehicleDataError:
        return q.why
    thr = getattr(q.metric, "thr", None)
    at = f" The threshold, {thr:.0f} m/s, is thus {rate * thr / 100:.1f} %." if thr else ""
    return (
        f"{q.why} Computed: 100 m/s is {rate:.1f} % of {vid}'s payload to {_label(a)} from {site}"
        f" ({kg * rate / 100:.0f} kg of {kg:.0f} kg).{at}"
    )


def _model_error() -> str:
    s = orbitcoop.validation_summary()
    return (
        f" Computed: the payload model's median error is {s['median_abs_error_pct']:.1f} % on"
        f" {s['points']} published points (docs/validation.md)."
    )


@dataclass(frozen=True)
class Statement:
    id: str
    kind: str
    quote: str
    speaker: str
    article: str
    source: dict
    reading: str
    questions: tuple[Question, ...]
    assumptions: tuple[str, ...] = ()
    what_else: tuple[str, ...] = ()
    outside_why: str = ""


@dataclass(frozen=True)
class ClaimResult:
    """A statement, its one computed verdict and the numbers and sentences behind it."""

    id: str
    quote: str
    source: dict
    verdict: Verdict
    numbers: dict
    explanation: str
    assumptions: tuple[str, ...] = ()
    kind: str = "physical"
    speaker: str = ""
    article: str = ""
    reading: str = ""
    margin: str = ""
    flip: str = ""
    payload: str = ""
    uncertainty: str = ""
    what_else: tuple[str, ...] = ()
    questions: tuple[dict, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "quote": self.quote,
            "speaker": self.speaker,
            "article": self.article,
            "source": dict(self.source),
            "kind": self.kind,
            "reading": self.reading,
            "verdict": str(self.verdict),
            "margin": self.margin,
            "flip": self.flip,
            "payload": self.payload,
            "uncertainty": self.uncertainty,
            "what_else": list(self.what_else),
            "numbers": self.numbers,
            "explanation": self.explanation,
            "assumptions": list(self.assumptions),
            "questions": [dict(q) for q in self.questions],
        }


def _read(path):
    if path is None:
        return (resources.files("orbitcoop") / "data" / "claims.toml").read_text(encoding="utf-8"), "claims.toml"
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise ClaimsFileError(f"cannot read claims file {path}: {exc.strerror}") from None


def _strings(entry, key, where):
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ClaimsFileError(f"{where}: field {key!r} must be a list of strings")
    return tuple(value)


def load_claims(path=None, cat: Catalogue | None = None) -> list[Statement]:
    """Read and check a claims file (default: the built-in one); errors name the statement and field."""
    cat = cat or _builtin()
    text, name = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClaimsFileError(f"{name}: not valid TOML: {exc}") from None
    articles = data.get("article", {})
    if not isinstance(articles, dict):
        raise ClaimsFileError(f"{name}: [article.ID] tables expected")
    for aid, art in articles.items():
        for key in ("publication", "title", "date"):
            _field(art, key, str, f"{name} article {aid!r}")
    entries = data.get("statement")
    if not isinstance(entries, list) or not entries:
        raise ClaimsFileError(f"{name}: expected one or more [[statement]] tables")
    out, seen = [], set()
    for k, entry in enumerate(entries):
        where = f"{name} statement #{k}"
        sid = _field(entry, "id", str, where)
        where = f"{name} statement #{k} (id {sid!r})"
        if sid in seen:
            raise ClaimsFileError(f"{where}: id appears twice")
        seen.add(sid)
        kind = _field(entry, "kind", str, where)
        if kind not in KINDS:
            raise ClaimsFileError(f"{where}: kind {kind!r} is not one of {KINDS}")
        aid = _field(entry, "article", str, where)
        if aid not in articles:
            raise ClaimsFileError(f"{where}: article {aid!r} is not one of the [article.ID] tables {sorted(articles)}")
        qs = entry.get("question")
        if not isinstance(qs, list) or not qs:
            raise ClaimsFileError(f"{where}: expected one or more [[statement.question]] tables")
        questions = []
        for j, q in enumerate(qs):
            qwhere = f"{where} question #{j}"
            metric = _field(q, "metric", str, qwhere)
            if metric not in METRICS:
                raise ClaimsFileError(f"{qwhere}: metric {metric!r} is not one of {tuple(METRICS)}")
            role = _field(q, "role", str, qwhere, optional=True, default="test" if metric != "context" else "context")
            if role not in ROLES or (role == "test" and metric == "context"):
                raise ClaimsFileError(f"{qwhere}: role {role!r} must be one of {ROLES} (a context metric is context)")
            if role == "test" and kind != "physical":
                raise ClaimsFileError(f"{qwhere}: a {kind} statement has context questions only")
            why = _field(q, "why", str, qwhere, optional=role == "context", default="")
            exchange = _field(q, "exchange", str, qwhere, optional=True)
            if exchange is not None:
                m = re.fullmatch(r"([^@>]+)@([^@>]+)>([^>]+)>([^>]+)", exchange)
                if not m:
                    raise ClaimsFileError(f"{qwhere}: exchange {exchange!r} must read 'vehicle@site>orbit>orbit'")
                _vehicle(m[1], qwhere)
                _site(cat, m[2], qwhere)
                _orbits({"orbits": [m[3], m[4]]}, qwhere)
                exchange = (m[1], m[2], m[3], m[4])
            questions.append(
                Question(
                    _field(q, "id", str, qwhere, optional=True, default=f"q{j}"),
                    role,
                    _field(q, "asks", str, qwhere),
                    why,
                    METRICS[metric](q, qwhere, cat),
                    exchange,
                )
            )
        if kind == "physical" and not any(q.role == "test" for q in questions):
            raise ClaimsFileError(f"{where}: a physical statement needs at least one test question")
        if kind != "physical":
            _field(entry, "outside_why", str, where)
        out.append(
            Statement(
                sid,
                kind,
                _field(entry, "quote", str, where),
                _field(entry, "speaker", str, where),
                aid,
                dict(articles[aid]),
                _field(entry, "reading", str, where),
                tuple(questions),
                _strings(entry, "assumptions", where),
                _strings(entry, "what_else", where),
                entry.get("outside_why", ""),
            )
        )
    return out


# ------------------------------------------------------------------ evaluation


def _aggregate(holds: list[bool]) -> Verdict:
    if all(holds):
        return Verdict.SUPPORTED
    if not any(holds):
        return Verdict.CONTRADICTED
    return Verdict.PARTLY


def _nearest_flip(comps: list[Comparison]) -> list[Comparison]:
    """The comparisons of one question nearest to changing its outcome: the weakest that holds
    and the nearest miss (margins of one question share a unit, so they compare)."""
    held = [c for c in comps if c.holds]
    missed = [c for c in comps if c.holds is False]
    out = [min(held, key=_margin_value)] if held else []
    return out + ([max(missed, key=_margin_value)] if missed else [])


def _margin_value(c: Comparison) -> float:
    try:
        return float(c.margin.split()[0])
    except (ValueError, IndexError):
        return 0.0


def evaluate_claim(st: Statement, cat: Catalogue | None = None) -> ClaimResult:
    """Compute a statement's questions and its one verdict."""
    cat = cat or _builtin()
    answered, tests, missing = [], [], []
    for q in st.questions:
        try:
            comps = q.metric.evaluate(cat)
        except orbitcoop.MissingVehicleDataError as exc:
            missing.append(str(exc))
            comps = [Comparison(f"The payload model cannot answer: {exc}.", None)]
        if q.role == "test" and st.kind == "physical":
            tests += [c for c in comps if c.holds is not None]
        answered.append((q, comps))
    if st.kind != "physical":
        verdict = Verdict.OUTSIDE
    elif missing:
        verdict = Verdict.NEEDS_VEHICLE
    else:
        verdict = _aggregate([bool(c.holds) for c in tests])
    decisive = []  # (question id, comparison) nearest to flipping, per test question
    if verdict in (Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.PARTLY):
        decisive = [(q.id, c) for q, comps in answered if q.role == "test" for c in _nearest_flip(comps)]
    margin = "; ".join(f"{qid}: {c.margin}" for qid, c in decisive if c.margin)
    flip = "; ".join(f"{qid}: {c.flip}" for qid, c in decisive if c.flip)
    decisive = [c for _, c in decisive]
    payload = "; ".join(dict.fromkeys(c.payload for q, cs in answered for c in cs if c.payload and q.role == "test"))
    if not payload:
        payload = "; ".join(dict.fromkeys(c.payload for _, cs in answered for c in cs if c.payload))
    uncertainty = "; ".join(dict.fromkeys(c.uncertainty for c in decisive if c.uncertainty))
    sentences = []
    if verdict is Verdict.OUTSIDE:
        sentences.append(f"Outside orbital mechanics: {st.outside_why}. The numbers below are context.")
    elif verdict is Verdict.NEEDS_VEHICLE:
        sentences.append("The payload model cannot answer yet: " + "; ".join(missing) + ".")
    for q, comps in answered:
        if q.role == "test" and verdict is not Verdict.OUTSIDE:
            n_ok = sum(bool(c.holds) for c in comps)
            sentences.append(f"{q.asks} {n_ok} of {len(comps)} comparisons hold.")
        else:  # context: say what is shown, so it is not read as a test
            lead = q.asks if q.asks.lower().startswith("for context") else f"For context: {_lower_first(q.asks)}"
            sentences.append(lead)
        sentences += [c.text for c in comps]
    qdicts = tuple(
        {
            "id": q.id,
            "role": q.role,
            "metric": q.metric.name,
            "asks": q.asks,
            "why": _why(q),
            "comparisons": [c.to_dict() for c in comps],
        }
        for q, comps in answered
    )
    numbers = {q.id: [c.to_dict() for c in comps] for q, comps in answered}
    return ClaimResult(
        st.id,
        st.quote,
        dict(st.source),
        verdict,
        numbers,
        " ".join(sentences),
        st.assumptions,
        st.kind,
        st.speaker,
        st.article,
        st.reading,
        margin,
        flip,
        payload,
        uncertainty,
        st.what_else,
        qdicts,
    )


def evaluate_claims(path=None, catalogue: Catalogue | None = None) -> list[ClaimResult]:
    """Evaluate every statement of a claims file (default: the built-in one) against a site catalogue.

    ``catalogue`` defaults to the built-in one; pass another (:class:`orbitcoop.Catalogue`) to see
    how a verdict depends on the site data.
    """
    cat = catalogue or _builtin()
    return [evaluate_claim(s, cat) for s in load_claims(path, cat)]


def article_bottom_lines(results) -> dict[str, str]:
    """{article id: one paragraph computed from its statements' verdicts}."""
    by_article: dict[str, list[ClaimResult]] = {}
    for r in results:
        by_article.setdefault(r.article, []).append(r)
    out = {}
    for aid, rs in by_article.items():
        physical = [r for r in rs if r.kind == "physical"]
        outside = [r for r in rs if r.kind != "physical"]
        counts = {}
        for r in physical:
            counts[str(r.verdict)] = counts.get(str(r.verdict), 0) + 1
        parts = [
            f"“{rs[0].source['title']}” ({rs[0].source['publication']}, {rs[0].source['date']}):"
            f" {len(rs)} statement{'s' if len(rs) != 1 else ''} checked."
        ]
        if physical:
            tally = ", ".join(f"{n} {v}" for v, n in counts.items())
            parts.append(f"{len(physical)} can be decided by orbital mechanics ({tally}):")
            parts.append(" ".join(f"“{_short(r.quote)}” is {r.verdict} ({r.margin})." for r in physical))
        else:
            parts.append("None of its statements is a question orbital mechanics can decide.")
        if outside:
            facts = sum(r.kind == "historical-fact" for r in outside)
            plans = len(outside) - facts
            what = [
                f"{n} {label}{'s' if n != 1 else ''}"
                for n, label in ((facts, "historical fact"), (plans, "policy or programme statement"))
                if n
            ]
            parts.append(
                f"Outside orbital mechanics: {' and '.join(what)}; the numbers given for"
                f" {'it' if len(outside) == 1 else 'them'} are context, not a verdict."
            )
        out[aid] = " ".join(parts)
    return out


def _lower_first(text: str) -> str:
    """'Trans-lunar …' → 'trans-lunar …', but 'GEO …' stays (an acronym)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _short(quote: str, n: int = 70) -> str:
    return quote if len(quote) <= n else quote[: n - 1].rsplit(" ", 1)[0] + "…"
