"""Validation of the payload model: every published payload point against its estimate.

*Calibration* points fitted the loss constants (:mod:`orbitcoop.losses`); *validation*
points fitted nothing, and their errors are the model's documented accuracy
(docs/validation.md, asserted by tests/test_payload.py). :func:`coverage_rows` checks the payload
distributions (:mod:`orbitcoop.uncertainty`) on the same points, each held out of its own band.
"""

from __future__ import annotations

import math

import astropy.units as u
import numpy as np

from orbitcoop.assessment import assess_with_plan
from orbitcoop.losses import calibration, departure, implied_loss
from orbitcoop.orbits import parse_orbit
from orbitcoop.outcomes import PayloadRole
from orbitcoop.payloads import estimate, restart_blocked
from orbitcoop.sites import get_site
from orbitcoop.uncertainty import DEFAULT_SAMPLES, ORBIT_CLASSES, PARTS, Row, model_error, orbit_class, sample_payloads
from orbitcoop.vehicles import MissingVehicleDataError, list_vehicles

#: The accuracy the model is documented to have on its validation points (docs/validation.md),
#: asserted by tests/test_payload.py: what it achieves today with the data it has, not the goal
#: (median ≤ 5 %, worst ≤ 15 %). Tighten as better stage data arrive.
DOCUMENTED_MEDIAN_ERROR_PCT = 10.0
DOCUMENTED_WORST_ERROR_PCT = 80.0


def validation_rows():
    """Every calibration and validation point: published vs predicted payload, band and error."""
    rows = []
    for v in list_vehicles():
        try:
            calibration(v)
        except MissingVehicleDataError as exc:
            rows.append({"vehicle": v.id, "role": PayloadRole.UNAVAILABLE, "reason": str(exc)})
            continue
        loss = calibration(v).loss_m_s
        for p in v.performance:
            spec = p.orbit_spec or p.orbit_interpretation
            if not spec:
                continue
            site, target = get_site(p.site), parse_orbit(spec)
            a, plan = assess_with_plan(site, target)  # once, for the estimate and for the Δv gap
            e = estimate(v, site, target, a, plan)
            pred = e.mass.to_value(u.kg)
            implied = implied_loss(v, a, plan, p.payload_kg)[0]
            rows.append(
                {
                    "vehicle": v.id,
                    "role": PayloadRole(p.role) if p.orbit_spec else PayloadRole.REFERENCE_INTERPRETED,
                    "site": p.site,
                    "orbit": spec,
                    "published_kg": p.payload_kg,
                    "predicted_kg": pred,
                    "low_kg": e.mass_low.to_value(u.kg),
                    "high_kg": e.mass_high.to_value(u.kg),
                    "error_pct": 100 * (pred - p.payload_kg) / p.payload_kg,
                    # What the requirement misses: the Δv [m/s] to add to it (negative: to take off) for the
                    # estimate to equal the published payload; NaN if the departure burn could not be flown.
                    "dv_gap_m_s": implied - loss,
                    "source": p.source,
                }
            )
    return rows


def validation_summary(rows=None):
    """Median and worst |error|, and median |Δv gap|, over the validation points (calibration
    points excluded)."""
    rows = rows if rows is not None else validation_rows()
    checked = [r for r in rows if r.get("role") == PayloadRole.VALIDATION]
    if not checked:
        return {
            "points": 0,
            "median_abs_error_pct": math.nan,
            "worst_abs_error_pct": math.nan,
            "median_abs_dv_gap_m_s": math.nan,
        }
    errs = [abs(r["error_pct"]) for r in checked]
    return {
        "points": len(errs),
        "median_abs_error_pct": float(np.median(errs)),
        "worst_abs_error_pct": float(np.max(errs)),
        "median_abs_dv_gap_m_s": float(np.median([abs(r["dv_gap_m_s"]) for r in checked])),
    }


#: The central band whose coverage :func:`coverage_rows` measures: 10 % to 90 %.
BAND = (0.1, 0.9)


def _draw(points, samples, seed, parts=PARTS):
    """(vehicle, point, orbit spec, target, estimate) of each point, and its payload samples (one kernel call)."""
    pts, rows = [], []
    for v, p, spec in points:
        target, site = parse_orbit(spec), get_site(p.site)
        a, plan = assess_with_plan(site, target)
        e = estimate(v, site, target, a, plan)
        pts.append((v, p, spec, target, e))
        dv = a.total_dv.to_value(u.m / u.s)
        rows.append(Row(v, target, dv, *departure(plan), blocked=restart_blocked(v, target)))
    return pts, (sample_payloads(rows, samples, seed, parts) if rows else np.empty((0, 1)))


def held_out_points(role=PayloadRole.VALIDATION):
    """(vehicle, point, orbit spec) of every validation point, or with ``role`` "reference", every
    reference point with a conventional orbit reading (``orbit_interpretation``)."""
    out = []
    for v in list_vehicles():
        for p in v.performance:
            if role == PayloadRole.VALIDATION and p.role == PayloadRole.VALIDATION:
                out.append((v, p, p.orbit_spec))
            elif role == PayloadRole.REFERENCE and p.role == PayloadRole.REFERENCE and p.orbit_interpretation:
                try:
                    calibration(v)
                except MissingVehicleDataError:
                    continue
                out.append((v, p, p.orbit_interpretation))
    return out


def coverage_rows(samples=DEFAULT_SAMPLES, seed=0, parts=PARTS, role=PayloadRole.VALIDATION):
    """Every validation point against its payload distribution (:mod:`orbitcoop.uncertainty`).

    The distribution's model error comes from the other vehicles' validation points only, so each
    point is held out of its own band. ``inside``: the published payload lies in the 10–90 % band;
    ``inside_fixed``: in the fixed-loss band of the point estimate (``low_kg``–``high_kg``).
    ``parts``: the sources of uncertainty drawn (:data:`orbitcoop.uncertainty.PARTS`); ``role``
    "reference": the reference points read by convention instead (never in any model-error pool).
    """
    pts, drawn = _draw(held_out_points(role), samples, seed, parts)
    out = []
    for (v, p, spec, target, e), d in zip(pts, drawn, strict=True):
        lo, mid, hi = np.quantile(d, (BAND[0], 0.5, BAND[1]))
        nu, scale, n = model_error(v.id, orbit_class(target))
        out.append(
            {
                "vehicle": v.id,
                "site": p.site,
                "orbit": spec,
                "class": orbit_class(target),
                "published_kg": p.payload_kg,
                "point_kg": e.mass.to_value(u.kg),
                "p10_kg": float(lo),
                "p50_kg": float(mid),
                "p90_kg": float(hi),
                "probability": float(np.mean(d >= p.payload_kg)),
                "inside": bool(lo <= p.payload_kg <= hi),
                "inside_fixed": bool(e.mass_low.to_value(u.kg) <= p.payload_kg <= e.mass_high.to_value(u.kg)),
                "error_dof": nu,
                "error_scale_m_s": scale,
                "error_points": n,
            }
        )
    return out


def coverage_summary(rows=None):
    """How many validation points the 10–90 % band holds, and the fixed band, with the counts."""
    rows = rows if rows is not None else coverage_rows()
    n = len(rows)
    inside = sum(r["inside"] for r in rows)
    fixed = sum(r["inside_fixed"] for r in rows)
    return {
        "points": n,
        "inside": inside,
        "inside_fixed": fixed,
        "coverage": inside / n if n else math.nan,
        "coverage_fixed": fixed / n if n else math.nan,
        "by_class": {
            c: (sum(r["inside"] for r in rows if r["class"] == c), sum(r["class"] == c for r in rows))
            for c in ORBIT_CLASSES
        },
    }


def flown_rows(samples=DEFAULT_SAMPLES, seed=0):
    """Every flown payload (a lower bound on the capability) with P(payload ≥ it) from its distribution."""
    flown = [(v, p, p.orbit_spec) for v in list_vehicles() for p in v.performance if p.role == PayloadRole.FLIGHT]
    pts, drawn = _draw(flown, samples, seed)
    return [
        {
            "vehicle": v.id,
            "site": p.site,
            "orbit": spec,
            "flown_kg": p.payload_kg,
            "p10_kg": float(np.quantile(d, 0.1)),
            "probability": float(np.mean(d >= p.payload_kg)),
        }
        for (v, p, spec, _, _), d in zip(pts, drawn, strict=True)
    ]
