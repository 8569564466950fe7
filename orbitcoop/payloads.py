"""Payload estimates: vehicle × site × orbit, with a band.

Method (a Δv-requirement estimator in the spirit of J. Schilling, *Launch Vehicle
Performance Estimation*, 2009, and Townsend's Δv budget):

1. The orbit's kinematic Δv from the site, :func:`orbitcoop.assess`: insertion speed
   into a 200 km parking orbit minus Earth's rotation, plus the transfer (plane
   change split optimally, supersynchronous for GEO where cheaper; dogleg where the
   site's published corridor or a flown route in the catalogue demands it).
2. Plus the vehicle's *loss*: gravity, drag, steering and the climb to the parking
   orbit, one constant per vehicle, fitted to its *calibration* points only (the
   mean of Δv_ideal(published payload) − kinematic Δv). *Validation* points are
   never used to fit anything (docs/validation.md compares them).
3. Plus the finite-burn loss of the departure burn (the first burn out of the parking
   orbit: a transfer's perigee burn or an escape), flown by the upper stage at its thrust
   (:func:`orbitcoop.core.burns.departure_loss`). It grows with the mass pushed, so with
   the payload, and is what separates a 20 kN stage (Fregat, Briz-M) pushing 8 t out of
   low orbit from an impulse; later burns (at apogee, where the orbit turns slowly) are
   priced as impulses. The loss constant of step 2 is fitted with this loss taken out.
4. The payload is the mass whose staged-rocket-equation Δv equals that requirement
   (:mod:`orbitcoop.core.payload`); none if even no payload falls short.

Band: the loss is known to ±``LOSS_SIGMA_M_S`` (or the calibration points' spread
if larger); the band is the payload at the requirement ∓ that (:mod:`orbitcoop.losses`).
:func:`payload_distribution` gives the payload as a distribution instead
(:mod:`orbitcoop.uncertainty`): quantiles and P(payload ≥ m), which ``can_launch`` reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import astropy.units as u
import numpy as np

from orbitcoop._inputs import as_sites
from orbitcoop.assessment import Assessment, Plan, assess_with_plan, plan_pairs
from orbitcoop.core.payload import payload_matrix, stack_mass
from orbitcoop.defaults import DEFAULT_MAX_APOGEE_ALTITUDE, DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError
from orbitcoop.losses import MPS, calibration, departure, departure_thrust, vehicle_ideal_dv
from orbitcoop.orbits import as_target
from orbitcoop.outcomes import Strategy
from orbitcoop.sites import LaunchSite, get_site
from orbitcoop.uncertainty import DEFAULT_SAMPLES, PayloadDistribution, Row, distribution_from, sample_payloads
from orbitcoop.vehicles import MissingVehicleDataError, Vehicle, get_vehicle, list_vehicles

DEFAULT_PARKING_KM = float(DEFAULT_PARKING_ALTITUDE.to_value(u.km))


@dataclass(frozen=True)
class PayloadEstimate:
    """Payload of ``vehicle`` from ``site`` to ``orbit``, its band and the Δv budget behind it."""

    vehicle: str
    site: str
    orbit: str
    mass: u.Quantity
    mass_low: u.Quantity
    mass_high: u.Quantity
    budget: dict
    strategy: Strategy
    reason: str = ""
    notes: tuple[str, ...] = field(default=())

    def to_dict(self):
        return {
            "vehicle": self.vehicle,
            "site": self.site,
            "orbit": self.orbit,
            "mass_kg": float(self.mass.to_value(u.kg)),
            "mass_low_kg": float(self.mass_low.to_value(u.kg)),
            "mass_high_kg": float(self.mass_high.to_value(u.kg)),
            # None where a part is unbounded (a departure burn the stage cannot finish): JSON has no inf.
            "budget_m_s": {k: _finite_or_none(q.to_value(MPS)) for k, q in self.budget.items()},
            "strategy": self.strategy,
            "reason": self.reason,
            "notes": list(self.notes),
        }

    def __repr__(self):
        m = self.mass.to_value(u.kg)
        band = f"{self.mass_low.to_value(u.kg):.0f}–{self.mass_high.to_value(u.kg):.0f}"
        why = f", {self.reason}" if self.reason else ""
        return f"PayloadEstimate({self.vehicle} from {self.site} to {self.orbit}: {m:.0f} kg [{band}]{why})"


def _finite_or_none(x):
    return float(x) if math.isfinite(x) else None


def _needs_restart(target) -> bool:
    # A circular orbit well above the parking orbit needs a burn at its apogee: a restart.
    return target.circular and target.perigee_altitude_km > 2000.0


def _circularised(target) -> bool:
    # A circular orbit above the parking orbit: the Hohmann transfer the budget assumes ends in a burn at apogee.
    return target.circular and target.perigee_altitude_km > DEFAULT_PARKING_KM + 1.0


def restart_blocked(v: Vehicle, target) -> bool:
    """The orbit needs an apogee burn and the upper stage is published with no restart (one ignition)."""
    restarts = v.upper_stage.restarts
    return _needs_restart(target) and restarts is not None and restarts < 1


def payload(vehicle, site=None, orbit="gto") -> PayloadEstimate:
    """Payload of ``vehicle`` (id or :class:`Vehicle`) from ``site`` (default: its first home site) to ``orbit``.

    Works for a vehicle at a site it never flew from. An orbit it cannot reach gives a
    zero mass with the reason, never a negative one.

    >>> payload("soyuz-2.1b-fregat", "baikonur", "leo:240:51.6").mass.round(-1)
    <Quantity 8670. kg>
    """
    v = get_vehicle(vehicle)
    s = get_site(site) if site is not None else get_site(v.home_site)
    target = as_target(orbit)
    return estimate(v, s, target, *assess_with_plan(s, target))


def payload_distribution(vehicle, site=None, orbit="gto", samples=DEFAULT_SAMPLES, seed=0) -> PayloadDistribution:
    """The payload of :func:`payload` as a distribution: ``samples`` Monte Carlo draws, seeded.

    Over the catalogue figures' uncertainty by grade, the loss constant refitted on each draw,
    and the model's error in its orbit class from the other vehicles' validation points
    (:mod:`orbitcoop.uncertainty`; docs/validation.md gives the numbers and the coverage).

    >>> d = payload_distribution("soyuz-st-b", "kourou", "c3:10", seed=1)
    >>> lo, mid, hi = (round(float(q.to_value("kg")), -2) for q in d.quantiles.values())
    >>> lo < mid < hi and 0.0 < d.probability(1660 * u.kg) < 1.0
    True
    """
    v = get_vehicle(vehicle)
    s = get_site(site) if site is not None else get_site(v.home_site)
    target = as_target(orbit)
    a, plan = assess_with_plan(s, target)
    e = estimate(v, s, target, a, plan)
    row = Row(v, target, a.total_dv.to_value(MPS), *departure(plan), blocked=restart_blocked(v, target))
    drawn = sample_payloads([row], samples, seed)[0]
    return distribution_from(row, drawn, s.id, target.id or target.name, seed, e.mass.to_value(u.kg), e.reason)


def estimate(v: Vehicle, site: LaunchSite, target, a: Assessment, plan: Plan) -> PayloadEstimate:
    """:func:`payload` from an assessment and its one-row plan already made (:func:`assess_with_plan`)."""
    cal = calibration(v)
    isp, burn, drop, m0 = v.phases()
    kin = a.total_dv.to_value(MPS)
    req = np.array(cal.requirements(kin))
    r0, dv1, after = departure(plan)
    out, burn_loss = np.empty(3), np.empty(3)
    payload_matrix(
        np.array([isp]),
        np.array([burn]),
        np.array([drop]),
        np.array([m0]),
        np.array([departure_thrust(v)]),
        np.array([v.upper_stage.departure_burns], dtype=np.int64),
        np.zeros(3, dtype=np.int64),
        req,
        np.full(3, r0),
        np.full(3, dv1),
        np.full(3, after),
        out,
        burn_loss,
    )
    reason, notes = "", []
    restarts = v.upper_stage.restarts
    if restart_blocked(v, target):
        out[:] = 0.0
        reason = (
            f"{target.name} needs a second burn of the upper stage at apogee; "
            f"{v.upper_stage.id!r} is published with a single ignition (no restart)"
        )
    elif math.isinf(burn_loss[0]):
        reason = (
            f"out of reach: {v.upper_stage.id!r} at {departure_thrust(v) / 1e3:g} kN would burn the whole stack "
            "before its departure burn reached the orbit"
        )
    elif out[0] == 0.0:
        burn_part = f" with its departure burn's finite-burn loss ({burn_loss[0]:.0f} m/s)" if burn_loss[0] > 0 else ""
        reason = (
            f"out of reach: {v.id} gives at most {vehicle_ideal_dv(isp, burn, drop, m0, 0.0):.0f} m/s with no payload, "
            f"the orbit needs {req[0] + burn_loss[0]:.0f} m/s{burn_part}"
        )
    if _needs_restart(target):
        if restarts is None:
            notes.append("upper-stage restart capability unknown: assumed available")
    elif _circularised(target) and (restarts is None or restarts < 1):
        why = (
            "is not known to restart: if it cannot, it" if restarts is None else "is published with one ignition, so it"
        )
        notes.append(
            f"priced as a transfer from the parking orbit ending in a circularising burn; {v.upper_stage.id!r} {why} "
            "flies a direct ascent to the orbit instead, which costs more (not modelled)"
        )
    notes += list(v.substitutions())
    if burn_loss[0] > 0.0 and out[0] > 0.0:
        start = stack_mass(out[0], drop[-1], isp[-1], after + dv1 + burn_loss[0])
        if start > out[0] + drop[-1] + burn[-1]:
            notes.append(
                f"the departure burn needs more propellant than {v.upper_stage.id!r} carries: the stage below starts "
                f"it, at a higher thrust, so its finite-burn loss ({burn_loss[0]:.0f} m/s, priced as if "
                f"{v.upper_stage.id!r} flew it all) is overstated"
            )
    carried = [c for c in cal.routed if a.route is None or (c[0], c[2]) != (site.id, a.route.mission)]
    if carried:
        where = "; ".join(f"{spec} from {sid}" for sid, spec, _ in carried)
        notes.append(
            f"{v.id}'s loss constant was fitted on {where}, reached by a dog-leg seen in a flown orbit: whatever "
            "the charge for it (the least plane turn, at the parking orbit's speed) misses of the real dog-leg is "
            "in the constant and carries into this estimate, which flies no such dog-leg (docs/validation.md says "
            "how far off each charge is known to be)"
        )
    if site.id not in v.home_sites and site.parent not in v.home_sites:
        notes.append(f"{v.id} has not flown from {site.id}: a what-if with its home-calibrated losses")
    notes += list(a.notes)
    d = a.dv
    budget = {
        "orbital_speed": d.orbital_speed,
        "rotation_gain": d.rotation_gain,
        "transfer": d.transfer,
        "plane_change": d.plane_change,
        "dogleg": d.dogleg,
        "losses": cal.loss_m_s * MPS,
        "finite_burn": burn_loss[0] * MPS,
        "total": (kin + cal.loss_m_s + burn_loss[0]) * MPS,
    }
    return PayloadEstimate(
        v.id,
        site.id,
        target.id or target.name,
        out[0] * u.kg,
        out[1] * u.kg,
        out[2] * u.kg,
        budget,
        a.strategy,
        reason,
        tuple(notes),
    )


def payload_table(vehicles=None, sites=None, orbits=("leo:400:51.6", "sso:700", "gto", "geo"), samples=None, seed=0):
    """Payload of every usable vehicle × site × orbit as a DataFrame.

    ``sites``: None for each vehicle's home sites, ``"all"`` for every active site, or a list.
    Vehicles the model cannot estimate (missing data, no calibration point) are skipped;
    :func:`validation_rows` says why. One kinematic plan for all (site, orbit) pairs and one
    numba call for all (vehicle, pair) rows: the full matrix takes well under a second.
    ``samples``: also the 10 %, 50 % and 90 % quantiles of :func:`payload_distribution`'s Monte
    Carlo (columns ``p10_kg``, ``p50_kg``, ``p90_kg``), every row's draws in one kernel call.
    """
    df, rows = _table(vehicles, sites, orbits)
    if samples is not None:
        drawn = sample_payloads(rows, samples, seed) if rows else np.empty((0, 1))
        for q in (10, 50, 90):
            df[f"p{q}_kg"] = np.quantile(drawn, q / 100, axis=1) if rows else np.empty(0)
    return df


def _table(vehicles, sites, orbits):
    """:func:`payload_table` and the :class:`Row` of each of its rows (for :func:`sample_payloads`)."""
    import pandas as pd

    vs = [get_vehicle(x) for x in vehicles] if vehicles is not None else list_vehicles()
    usable = []
    for v in vs:
        try:
            usable.append((v, calibration(v), v.phases()))
        except MissingVehicleDataError:
            continue
    targets = [as_target(o) for o in orbits]
    chosen = None if sites is None else as_sites(None if isinstance(sites, str) and sites == "all" else sites)
    per_vehicle = {v.id: chosen if chosen is not None else [get_site(s) for s in v.home_sites] for v, _, _ in usable}
    site_ids = list(dict.fromkeys(s.id for ss in per_vehicle.values() for s in ss))
    site_objs = {s.id: s for ss in per_vehicle.values() for s in ss}
    pair_sites = [site_objs[sid] for sid in site_ids for _ in targets]
    pair_orbits = [t for _ in site_ids for t in targets]
    if not pair_sites:
        return pd.DataFrame(columns=["vehicle", "site", "orbit", "payload_kg", "low_kg", "high_kg", "reason"]), []
    plan = plan_pairs(pair_sites, pair_orbits, DEFAULT_PARKING_KM, DEFAULT_MAX_APOGEE_ALTITUDE.to_value(u.km))
    # Pairs are laid out site-major: pair (site, orbit k) is row position[site] * len(targets) + k.
    position = {sid: j for j, sid in enumerate(site_ids)}
    width = max(len(ph[0]) for _, _, ph in usable)
    isp = np.full((len(usable), width), np.nan)
    burn = np.zeros((len(usable), width))
    drop = np.zeros((len(usable), width))
    m0 = np.empty(len(usable))
    thrust = np.array([departure_thrust(v) for v, _, _ in usable])
    n_burns = np.array([v.upper_stage.departure_burns for v, _, _ in usable], dtype=np.int64)
    rows, blocked, veh, req, pair, mc = [], [], [], [], [], []
    for i, (v, cal, (p_isp, p_burn, p_drop, p_m0)) in enumerate(usable):
        n = len(p_isp)
        isp[i, :n], burn[i, :n], drop[i, :n], m0[i] = p_isp, p_burn, p_drop, p_m0
        for s in per_vehicle[v.id]:
            for k, t in enumerate(targets):
                j = position[s.id] * len(targets) + k
                req.extend(cal.requirements(plan.total[j]))
                pair.extend((j, j, j))
                veh.extend((i, i, i))
                rows.append({"vehicle": v.id, "site": s.id, "orbit": t.id or t.name})
                blocked.append(restart_blocked(v, t))
                mc.append(Row(v, t, plan.total[j], plan.r1[j], plan.depart[j], plan.after[j], blocked[-1]))
    out, burn_loss = np.empty(len(req)), np.empty(len(req))
    pair = np.array(pair, dtype=np.int64)
    payload_matrix(
        isp,
        burn,
        drop,
        m0,
        thrust,
        n_burns,
        np.array(veh, dtype=np.int64),
        np.array(req),
        plan.r1[pair],
        plan.depart[pair],
        plan.after[pair],
        out,
        burn_loss,
    )
    out = out.reshape(-1, 3)
    for r, stop, (m, lo, hi) in zip(rows, blocked, out, strict=True):
        r["payload_kg"], r["low_kg"], r["high_kg"] = (0.0, 0.0, 0.0) if stop else (m, lo, hi)
        r["reason"] = "upper stage cannot restart" if stop else "out of reach" if m == 0.0 else ""
    return pd.DataFrame(rows), mc


def can_launch(mass, orbit, vehicles=None, sites=None):
    """Which vehicle/site pairs can put ``mass`` into ``orbit``, and with what margin.

    ``sites`` defaults to each vehicle's home sites. A DataFrame sorted by margin; ``probability``
    is P(payload ≥ mass) from :func:`payload_distribution`'s Monte Carlo (its default samples, seed 0).

    >>> df = can_launch(3000 * u.kg, "sso:700", vehicles=["vega-c", "soyuz-2.1b-fregat"])
    >>> list(df.columns)[:4]
    ['vehicle', 'site', 'payload_kg', 'margin_kg']
    """
    if np.ndim(mass.value if isinstance(mass, u.Quantity) else mass) != 0:
        raise InputRangeError(f"mass must be a single value, got {mass!r}: call once per mass")
    try:
        m = float(mass.to_value(u.kg)) if isinstance(mass, u.Quantity) else float(mass)
    except (TypeError, ValueError):
        raise InputRangeError(f"mass must be a number of kg (or a mass Quantity), got {mass!r}") from None
    # 1 g to 10,000 t: beyond any satellite either way (Saturn V put 140 t into LEO), so no real
    # question is refused, while margins in kg and % stay finite numbers.
    if not math.isfinite(m) or not 1e-3 <= m <= 1e7:
        raise InputRangeError(f"mass = {m:g} kg is outside the valid range 1 g to 10,000 t")
    df, rows = _table(vehicles, sites, [orbit])
    df = df.drop(columns=["orbit"])
    df.insert(3, "margin_kg", df["payload_kg"] - m)
    df.insert(4, "margin_pct", 100 * (df["payload_kg"] - m) / m)
    df.insert(5, "can", df["low_kg"] >= m)
    # One kernel call for every row's samples; the same seed as payload_distribution's default.
    drawn = sample_payloads(rows, DEFAULT_SAMPLES, 0) if rows else np.empty((0, 1))
    df.insert(6, "probability", (drawn >= m).mean(axis=1) if rows else np.empty(0))
    return df.sort_values("margin_kg", ascending=False, kind="stable").reset_index(drop=True)
