"""The claims engine: a claim from the news, the question it maps to, and a computed verdict.

Claims are data (``orbitcoop/data/claims.toml``, or a file of the user's with the same
schema, documented in docs/claims.md). Each names its metric, sites, orbits and threshold;
the verdict comes from the numbers, never from the file, so changing a site's data can
flip it.

>>> from orbitcoop.claims import evaluate_claims
>>> r = {c.id: c for c in evaluate_claims()}
>>> r["tanegashima-too-far-north-for-geo"].verdict
'partly'
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import astropy.units as u

from orbitcoop.errors import CatalogueError, OrbitcoopError
from orbitcoop.feasibility import assess
from orbitcoop.orbits import as_target
from orbitcoop.sites import Catalogue, catalogue
from orbitcoop.sites import catalogue as _builtin

VERDICTS = ("supported", "contradicted", "partly", "outside orbital mechanics", "needs vehicle model")
METRICS = ("dv_difference", "reachable", "spread", "needs_vehicle", "policy", "payload_difference", "payload_covers")
MPS = u.m / u.s


class ClaimsFileError(CatalogueError):
    """A malformed claims file: the message names the file, the claim and the field."""


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    source: dict
    question: dict
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimResult:
    """A claim, its computed verdict, the numbers behind it and an explanation made from them."""

    id: str
    quote: str
    source: dict
    verdict: str
    numbers: dict
    explanation: str
    assumptions: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "quote": self.quote,
            "source": dict(self.source),
            "verdict": self.verdict,
            "numbers": self.numbers,
            "explanation": self.explanation,
            "assumptions": list(self.assumptions),
        }


# ------------------------------------------------------------------ loading and validation


def _field(table, key, kind, where, optional=False):
    if key not in table:
        if optional:
            return None
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


def _check_question(q, where, cat):
    metric = _field(q, "metric", str, where)
    if metric not in METRICS:
        raise ClaimsFileError(f"{where}: metric {metric!r} is not one of {METRICS}")
    names = []
    if metric in ("dv_difference", "payload_difference"):
        names = [_field(q, "site", str, where), *_field(q, "references", list, where)]
        allowed = ("more", "less") + (("similar",) if metric == "payload_difference" else ())
        if _field(q, "comparison", str, where) not in allowed:
            raise ClaimsFileError(f"{where}: comparison must be one of {allowed}, got {q['comparison']!r}")
    elif metric == "payload_covers":
        names = [_field(q, "site", str, where), _field(q, "reference_site", str, where)]
    else:
        names = _field(q, "sites", list, where)
    if metric in ("payload_difference", "payload_covers"):
        from orbitcoop.vehicles import get_vehicle

        keys = ["vehicle"] + (["reference_vehicle"] if metric == "payload_covers" else [])
        for key in keys:
            try:
                get_vehicle(_field(q, key, str, where))
            except LookupError as exc:
                raise ClaimsFileError(f"{where}: {key}: {exc}") from None
    if metric == "payload_difference":
        t = _field(q, "threshold_pct", float, where)
        if not math.isfinite(t) or t < 0:
            raise ClaimsFileError(f"{where}: threshold_pct = {t} must be a finite number ≥ 0")
    if metric in ("dv_difference", "spread"):
        t = _field(q, "threshold_m_s", float, where)
        if not math.isfinite(t) or t < 0:
            raise ClaimsFileError(f"{where}: threshold_m_s = {t} must be a finite number ≥ 0")
    if metric == "spread" and len(names) < 2:
        raise ClaimsFileError(f"{where}: field 'sites' needs at least two sites for a spread")
    if metric == "reachable":
        _field(q, "expect", bool, where)
    if metric == "policy":
        _field(q, "why", str, where)
    for name in names:
        try:
            cat.get(name)
        except LookupError as exc:
            raise ClaimsFileError(f"{where}: {exc}") from None
    for orbit in _field(q, "orbits", list, where):
        try:
            as_target(orbit)
        except (OrbitcoopError, ValueError) as exc:
            raise ClaimsFileError(f"{where}: orbit {orbit!r}: {exc}") from None


def load_claims(path=None, cat: Catalogue | None = None) -> list[Claim]:
    """Read and check a claims file (default: the built-in one); errors name the claim and field."""
    cat = cat or catalogue()
    if path is None:
        text = (resources.files("orbitcoop") / "data" / "claims.toml").read_text(encoding="utf-8")
        name = "claims.toml"
    else:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ClaimsFileError(f"cannot read claims file {path}: {exc.strerror}") from None
        name = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClaimsFileError(f"{name}: not valid TOML: {exc}") from None
    entries = data.get("claim")
    if not isinstance(entries, list) or not entries:
        raise ClaimsFileError(f"{name}: expected one or more [[claim]] tables")
    claims, seen = [], set()
    for k, entry in enumerate(entries):
        where = f"{name} claim #{k}"
        cid = _field(entry, "id", str, where)
        where = f"{name} claim #{k} (id {cid!r})"
        if cid in seen:
            raise ClaimsFileError(f"{where}: id appears twice")
        seen.add(cid)
        source = _field(entry, "source", dict, where)
        for key in ("publication", "title", "date"):
            _field(source, key, str, f"{where} source")
        question = _field(entry, "question", dict, where)
        _check_question(question, f"{where} question", cat)
        assumptions = entry.get("assumptions", [])
        if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
            raise ClaimsFileError(f"{where}: field 'assumptions' must be a list of strings")
        claims.append(Claim(cid, _field(entry, "quote", str, where), source, question, tuple(assumptions)))
    return claims


# ------------------------------------------------------------------ evaluation


def _assessments(site_names, orbit_names, cat):
    """{orbit: {site: Assessment}} for every pair."""
    out = {}
    for o in orbit_names:
        target = as_target(o)
        out[o] = {cat.get(s).id: assess(cat.get(s), target) for s in site_names}
    return out


def _num(q, unit, digits=1) -> float:
    return round(float(q.to_value(unit)), digits)


def _row(a) -> dict:
    return {
        "total_dv_m_s": _num(a.total_dv, MPS),
        "dv_penalty_m_s": _num(a.dv_penalty, MPS),
        "direct": bool(a.direct),
        "in_corridor": "unknown" if a.in_corridor is None else bool(a.in_corridor),
        "strategy": a.strategy,
        "launch_inclination_deg": _num(a.launch_inclination, u.deg, 2),
        "plane_change_m_s": _num(a.dv.plane_change, MPS),
        "dogleg_m_s": _num(a.dv.dogleg, MPS),
    }


def _aggregate(holds: list[bool]) -> str:
    if all(holds):
        return "supported"
    if not any(holds):
        return "contradicted"
    return "partly"


def _orbit_label(name):
    t = as_target(name)
    return t.id or t.name


def _dv_difference(q, table, cat):
    site = cat.get(q["site"]).id
    more = q["comparison"] == "more"
    thr = q["threshold_m_s"]
    holds, comparisons, sentences = [], [], []
    for orbit, by_site in table.items():
        own = float(by_site[site].total_dv.to_value(MPS))
        parts = []
        for ref_name in q["references"]:
            ref = cat.get(ref_name).id
            diff = own - float(by_site[ref].total_dv.to_value(MPS))
            ok = bool(diff >= thr if more else -diff >= thr)
            holds.append(ok)
            comparisons.append(
                {
                    "orbit": _orbit_label(orbit),
                    "site": site,
                    "reference": ref,
                    "difference_m_s": round(diff, 1),
                    "holds": ok,
                }
            )
            parts.append(f"{abs(diff):.0f} m/s {'more' if diff >= 0 else 'less'} than {ref}")
        sentences.append(f"For {_orbit_label(orbit)}, {site} needs {own:.0f} m/s: " + ", ".join(parts) + ".")
    want = f"{'more' if more else 'less'} by at least {thr:.0f} m/s"
    verdict = _aggregate(holds)
    summary = {
        "supported": f"The claim needs {site} to cost {want}; it does against every reference.",
        "contradicted": f"The claim needs {site} to cost {want}; it does against none.",
        "partly": f"The claim needs {site} to cost {want}; it holds {_where(comparisons, True)} "
        f"but not {_where(comparisons, False)}.",
    }[verdict]
    return verdict, {"comparisons": comparisons}, " ".join([*sentences, summary])


def _where(comparisons, holds):
    """'against kourou for geo, iss; against cape for geo': the comparisons with this outcome, by reference."""
    by_ref = {}
    for c in comparisons:
        if c["holds"] == holds:
            by_ref.setdefault(c["reference"], []).append(c["orbit"])
    return "; ".join(f"against {ref} for {', '.join(orbits)}" for ref, orbits in by_ref.items())


def _reachable(q, table, cat):
    expect = q["expect"]
    holds, rows, sentences = [], [], []
    for orbit, by_site in table.items():
        for sid, a in by_site.items():
            ok_geo = bool(a.direct)
            ok = ok_geo and a.in_corridor is not False
            holds.append(ok == expect)
            rows.append(
                {
                    "orbit": _orbit_label(orbit),
                    "site": sid,
                    "reachable": ok,
                    "corridor": "unknown" if a.in_corridor is None else a.in_corridor,
                }
            )
            if ok:
                extra = " (corridor unknown: geometry only)" if a.in_corridor is None else ""
                sentences.append(f"{sid} reaches {_orbit_label(orbit)} directly{extra}.")
            else:
                extra = a.dv.plane_change.to_value(MPS) + a.dv.dogleg.to_value(MPS)
                why = (
                    (f"it lies below the site's minimum inclination {a.min_inclination.to_value(u.deg):.2f}°")
                    if not ok_geo
                    else "the published corridor excludes it"
                )
                cost = f"{extra:.0f}" if extra >= 10 else f"{extra:.1f}"
                sentences.append(
                    f"{sid} cannot reach {_orbit_label(orbit)} directly ({why}); the cheapest way costs "
                    f"{cost} m/s extra ({a.strategy})."
                )
    return _aggregate(holds), {"reachability": rows}, " ".join(sentences)


def _spread(q, table, cat):
    thr = q["threshold_m_s"]
    holds, rows, sentences = [], [], []
    for orbit, by_site in table.items():
        dv = {sid: float(a.total_dv.to_value(MPS)) for sid, a in by_site.items()}
        lo, hi = min(dv, key=dv.get), max(dv, key=dv.get)
        spread = dv[hi] - dv[lo]
        holds.append(bool(spread < thr))
        rows.append({"orbit": _orbit_label(orbit), "cheapest": lo, "dearest": hi, "spread_m_s": round(spread, 1)})
        sentences.append(
            f"For {_orbit_label(orbit)}, {lo} is cheapest ({dv[lo]:.0f} m/s) and {hi} dearest "
            f"({dv[hi]:.0f} m/s): a spread of {spread:.0f} m/s against the claim's {thr:.0f} m/s."
        )
    return _aggregate(holds), {"spread": rows}, " ".join(sentences)


def _context(table):
    parts = []
    for orbit, by_site in table.items():
        parts.append(
            f"{_orbit_label(orbit)}: "
            + ", ".join(f"{sid} {a.total_dv.to_value(MPS):.0f} m/s ({a.strategy})" for sid, a in by_site.items())
        )
    return "; ".join(parts)


def _payloads(pairs, orbits, cat):
    """{(vehicle, site, orbit): PayloadEstimate}; raises MissingVehicleDataError if a vehicle lacks data."""
    from orbitcoop.performance import payload

    return {(vid, cat.get(sid).id, o): payload(vid, cat.get(sid), o) for vid, sid in pairs for o in orbits}


def _kg(e) -> float:
    return round(float(e.mass.to_value(u.kg)), 0)


def _payload_difference(q, cat):
    vid, site = q["vehicle"], cat.get(q["site"]).id
    refs = [cat.get(r).id for r in q["references"]]
    est = _payloads([(vid, site), *((vid, r) for r in refs)], q["orbits"], cat)
    mode, thr = q["comparison"], q["threshold_pct"]
    holds, comparisons, sentences = [], [], []
    for o in q["orbits"]:
        own = est[(vid, site, o)]
        parts = []
        for r in refs:
            other = est[(vid, r, o)]
            base = _kg(other)
            pct = 100.0 * (_kg(own) - base) / base if base > 0 else math.inf
            ok = bool(pct >= thr if mode == "more" else -pct >= thr if mode == "less" else abs(pct) < thr)
            holds.append(ok)
            comparisons.append(
                {
                    "orbit": own.orbit,
                    "vehicle": vid,
                    "site": site,
                    "reference": r,
                    "payload_kg": _kg(own),
                    "reference_payload_kg": base,
                    "difference_kg": _kg(own) - base,
                    "difference_pct": round(pct, 1),
                    "holds": ok,
                }
            )
            parts.append(
                f"{abs(_kg(own) - base):.0f} kg ({abs(pct):.0f} %) {'more' if pct >= 0 else 'less'} "
                f"than from {r} ({base:.0f} kg)"
            )
        sentences.append(f"{vid} to {own.orbit} from {site}: {_kg(own):.0f} kg, " + ", ".join(parts) + ".")
    verdict = _aggregate(holds)
    want = f"payload within {thr:g} % of" if mode == "similar" else f"{mode} payload by at least {thr:g} % than"
    sentences.append(
        f"The claim needs {site} to give {want} each reference: "
        + {
            "supported": "it does against every reference.",
            "contradicted": "it does against none.",
            "partly": "it does against some references only.",
        }[verdict]
    )
    return verdict, {"payloads": comparisons}, " ".join(sentences)


def _payload_covers(q, cat):
    a = (q["vehicle"], cat.get(q["site"]).id)
    b = (q["reference_vehicle"], cat.get(q["reference_site"]).id)
    est = _payloads([a, b], q["orbits"], cat)
    holds, rows, sentences = [], [], []
    for o in q["orbits"]:
        ea, eb = est[(*a, o)], est[(*b, o)]
        ok = bool(_kg(ea) >= _kg(eb))
        holds.append(ok)
        rows.append(
            {
                "orbit": ea.orbit,
                "vehicle": a[0],
                "site": a[1],
                "payload_kg": _kg(ea),
                "reference_vehicle": b[0],
                "reference_site": b[1],
                "reference_payload_kg": _kg(eb),
                "holds": ok,
            }
        )
        sentences.append(
            f"To {ea.orbit}: {a[0]} from {a[1]} lifts {_kg(ea):.0f} kg "
            f"(band {ea.mass_low.to_value(u.kg):.0f}–{ea.mass_high.to_value(u.kg):.0f}), "
            f"{b[0]} from {b[1]} {_kg(eb):.0f} kg: "
            f"{'enough' if ok else 'not enough'} to carry the other's largest payload."
        )
    return _aggregate(holds), {"payloads": rows}, " ".join(sentences)


def evaluate_claim(claim: Claim, cat: Catalogue | None = None) -> ClaimResult:
    """Compute the numbers a claim asks for and the verdict they give."""
    from orbitcoop.vehicles import MissingVehicleDataError

    cat = cat or catalogue()
    q = claim.question
    metric = q["metric"]
    if metric in ("payload_difference", "payload_covers"):
        try:
            verdict, extra, text = (_payload_difference if metric == "payload_difference" else _payload_covers)(q, cat)
        except MissingVehicleDataError as exc:
            sites = [q["site"], *q.get("references", []), *([q["reference_site"]] if "reference_site" in q else [])]
            table = _assessments(sites, q["orbits"], cat)
            return ClaimResult(
                claim.id,
                claim.quote,
                dict(claim.source),
                "needs vehicle model",
                {"assessments": {_orbit_label(o): {sid: _row(a) for sid, a in by.items()} for o, by in table.items()}},
                f"The payload model cannot answer yet: {exc}. The site side: {_context(table)}.",
                claim.assumptions,
            )
        return ClaimResult(claim.id, claim.quote, dict(claim.source), verdict, extra, text, claim.assumptions)
    sites = [q["site"], *q["references"]] if metric == "dv_difference" else q["sites"]
    table = _assessments(sites, q["orbits"], cat)
    numbers = {
        "assessments": {_orbit_label(o): {sid: _row(a) for sid, a in by_site.items()} for o, by_site in table.items()}
    }
    if metric == "dv_difference":
        verdict, extra, text = _dv_difference(q, table, cat)
    elif metric == "reachable":
        verdict, extra, text = _reachable(q, table, cat)
    elif metric == "spread":
        verdict, extra, text = _spread(q, table, cat)
    elif metric == "needs_vehicle":
        verdict, extra = "needs vehicle model", {}
        text = (
            "The site side is computed: " + _context(table) + ". Whether the rockets can carry each "
            "other's payloads depends on their performance, which needs the vehicle model."
        )
    else:
        verdict, extra = "outside orbital mechanics", {}
        text = f"Outside orbital mechanics: {q['why']}. For context, " + _context(table) + "."
    numbers.update(extra)
    return ClaimResult(claim.id, claim.quote, dict(claim.source), verdict, numbers, text, claim.assumptions)


def evaluate_claims(path=None, catalogue: Catalogue | None = None) -> list[ClaimResult]:
    """Evaluate every claim of a claims file (default: the built-in one) against a site catalogue.

    ``catalogue`` defaults to the built-in one; pass another (:class:`orbitcoop.Catalogue`) to see
    how a verdict depends on the site data.
    """
    cat = catalogue or _builtin()
    return [evaluate_claim(c, cat) for c in load_claims(path, cat)]
