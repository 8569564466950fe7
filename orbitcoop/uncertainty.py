"""Payload as a distribution: a Monte Carlo over the data's uncertainty, the loss constant and the model's error.

Each sample is one possible world, drawn in three parts (docs/validation.md, "Payload as a
distribution", states and justifies every number):

1. **Data.** Every stage figure (propellant, dry and fairing mass, Isp, thrust, burn time) and
   every calibration point's published payload is multiplied by a log-normal factor
   exp(σ·z), σ from the grade of its source in the catalogue (:data:`GRADE_SIGMA`). The loss
   constant is then *refitted* on the sample's own figures (:mod:`orbitcoop.losses`, step 2 of
   the method), so a figure that is wrong at a calibration orbit is partly absorbed there, as it
   is in the point estimate; what remains is how the error moves between orbits.
2. **Calibration spread.** Where a vehicle has two calibration points the fitted constants
   differ; the sample adds N(0, their standard deviation) (Long March 5: ±248 m/s).
3. **Model error.** The Δv gaps of the *validation* points (docs/validation.md) of the *other*
   vehicles in the same orbit class (leave-one-vehicle-out), as a Student-t predictive: a
   normal error of zero mean whose variance has a weak scaled-inverse-χ² prior at the pooled
   mean square of all the other vehicles' gaps, worth one point (Gelman et al., *Bayesian Data
   Analysis*, 3rd ed., §3.3, normal model with known mean). Zero mean keeps the median at the
   point estimate; the gaps' bias goes into the spread.

An upper stage that is not known to restart, sent to a circular orbit above the parking orbit,
keeps the restart the point estimate assumes (:mod:`orbitcoop.payloads`) and widens the
distribution to cover the direct ascent it would fly without one (:func:`restart_extra_m_s`).

The required Δv of each sample goes through the same kernel as the point estimate
(:func:`orbitcoop.core.payload.payload_matrix`), all samples of all rows in one call.
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from dataclasses import dataclass, replace

import astropy.units as u
import numpy as np

from orbitcoop.assessment import assess_with_plan
from orbitcoop.core import vec
from orbitcoop.core.constants import G0_M_S2
from orbitcoop.core.payload import payload_matrix
from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError
from orbitcoop.losses import calibration, departure, departure_thrust, implied_loss
from orbitcoop.orbits import as_target, parse_orbit
from orbitcoop.outcomes import PayloadRole
from orbitcoop.sites import get_site
from orbitcoop.vehicles import Vehicle, get_vehicle, list_vehicles, mass_check_rows

#: Samples per estimate when the caller gives none: the 10/90 % quantiles then carry a Monte Carlo
#: standard error of about 2 % of the band's half-width (sqrt(q(1-q)/n) / density). One estimate
#: takes ~0.13 s when its vehicle's figures are first drawn and ~0.03 s after (2 cores;
#: benchmarks/bench_payload_distribution.py).
DEFAULT_SAMPLES = 2000
#: Most samples one call may ask for (drawing a vehicle's figures takes ~50 µs per sample: ~5 s).
MAX_SAMPLES = 100_000
#: The quantiles a distribution reports by default, and the band the coverage test checks (80 %).
QUANTILES = (0.1, 0.5, 0.9)

#: Relative one-sigma uncertainty of a catalogue figure, by kind and by the grade of its source
#: (the catalogue header: [A] primary, [B] encyclopedia or press quoting the operator, [C] secondary
#: compilation; "[C quoting A/B]" counts as B). Justified in docs/validation.md; not fitted.
GRADE_SIGMA = {
    "mass": {"A": 0.01, "B": 0.03, "C": 0.05},
    "isp": {"A": 0.005, "B": 0.01, "C": 0.02},
    "thrust": {"A": 0.01, "B": 0.03, "C": 0.05},
}
#: The grade assumed for a figure whose source carries none (or a vehicle not in the catalogue).
UNGRADED = "C"
#: Stage number fields, the kind of σ each takes and the source field that grades it.
_FIELDS = (
    ("propellant_mass_kg", "mass", "propellant_source"),
    ("dry_mass_kg", "mass", "dry_source"),
    ("fairing_mass_kg", "mass", "fairing_source"),
    ("isp_vac_s", "isp", "isp_source"),
    ("isp_sl_s", "isp", "isp_source"),
    ("thrust_vac_kn", "thrust", "thrust_source"),
    ("thrust_sl_kn", "thrust", "thrust_source"),
    ("burn_time_s", "thrust", "burn_source"),
)
#: The sources of uncertainty a sample draws: catalogue figures, calibration spread, model error,
#: unknown restart (:func:`sample_payloads` can leave any out, to show what each contributes).
PARTS = ("data", "calibration", "model", "restart")
#: Orbit classes of the model-error term, in the order docs/validation.md lists them.
ORBIT_CLASSES = ("LEO", "SSO", "GTO-GEO", "escape")
#: Weight of the pooled prior on each class's error variance, in points (a weak prior: one point).
PRIOR_POINTS = 1.0
#: What a one-burn direct ascent costs over the parking orbit and a Hohmann transfer, measured for
#: Long March 7 to 700 km by tools/ascent_experiment.py (docs/validation.md), [m/s] at [km].
DIRECT_ASCENT_EXTRA_M_S = 1580.0
DIRECT_ASCENT_ALTITUDE_KM = 700.0
#: Probability that a stage of unknown restart capability can restart: no information either way.
RESTART_UNKNOWN_PROBABILITY = 0.5

_PARKING_KM = float(DEFAULT_PARKING_ALTITUDE.to_value(u.km))
_GRADE = re.compile(r"\[\s*([ABC])\b([^\]]*)\]")


def grade_of(source: str) -> str:
    """The grade (A, B or C) of a source string: its first ``[A]``/``[B]``/``[C]`` tag.

    A secondary file quoting a named primary or encyclopedic figure ("[C quoting A]") counts as
    B: the figure's definition is the primary's, its copy unverified. No tag: :data:`UNGRADED`.
    """
    m = _GRADE.search(source or "")
    if not m:
        return UNGRADED
    return "B" if m.group(1) == "C" and "quoting" in m.group(2) else m.group(1)


def _stage_grades(stage) -> dict[str, str]:
    """The grade of each of ``stage``'s source fields (``{"isp_source": "B", …}``)."""
    return {key: grade_of(text) for key, text in stage.sources}


def figure_sigmas(v: Vehicle) -> list[tuple[int, str, float]]:
    """(stage index, field, relative σ) of every published number of ``v``'s stages."""
    out = []
    for k, s in enumerate(v.stages):
        g = _stage_grades(s)
        for name, kind, src in _FIELDS:
            if getattr(s, name) is not None:
                out.append((k, name, GRADE_SIGMA[kind][g.get(src, UNGRADED)]))
    return out


def orbit_class(target) -> str:
    """The model-error class of an orbit: escape (C3, or an apogee beyond 100,000 km: a lunar
    transfer), GTO-GEO (any apogee above 2,000 km), SSO (inclination above 95°) or LEO."""
    t = as_target(target)
    if t.c3_km2_s2 is not None or t.apogee_altitude_km > 100_000.0:
        return "escape"
    if t.apogee_altitude_km > 2000.0:
        return "GTO-GEO"
    if t.inclination_deg is not None and t.inclination_deg > 95.0:
        return "SSO"
    return "LEO"


@functools.cache
def validation_gaps() -> tuple[tuple[str, str, str, float], ...]:
    """(vehicle, orbit class, orbit spec, Δv gap [m/s]) of every validation point of the catalogue.

    The gap is what docs/validation.md lists: the Δv to add to the requirement for the point
    estimate to equal the published payload.
    """
    out = []
    for v in list_vehicles():
        pts = [p for p in v.performance if p.role == PayloadRole.VALIDATION]
        if not pts:
            continue
        loss = calibration(v).loss_m_s
        for p in pts:
            target = parse_orbit(p.orbit_spec)
            a, plan = assess_with_plan(get_site(p.site), target)
            out.append((v.id, orbit_class(target), p.orbit_spec, implied_loss(v, a, plan, p.payload_kg)[0] - loss))
    return tuple(out)


def model_error(vehicle_id: str, cls: str) -> tuple[float, float, int]:
    """(degrees of freedom, scale [m/s], points) of the Student-t model error of ``vehicle_id`` in class ``cls``.

    From the validation gaps of every *other* vehicle: n gaps r of the class and a prior of
    :data:`PRIOR_POINTS` points at s0², the mean square of all the other vehicles' gaps; then
    ν = ν0 + n and s² = (ν0 s0² + Σ r²) / ν.
    """
    others = [(c, g) for vid, c, _, g in validation_gaps() if vid != vehicle_id and math.isfinite(g)]
    if not others:
        return 1.0, 0.0, 0
    s0_sq = float(np.mean([g * g for _, g in others]))
    mine = [g for c, g in others if c == cls]
    nu = PRIOR_POINTS + len(mine)
    return nu, math.sqrt((PRIOR_POINTS * s0_sq + sum(g * g for g in mine)) / nu), len(mine)


def restart_extra_m_s(v: Vehicle, target) -> float:
    """Upper end [m/s] of the extra Δv a direct ascent costs where ``v``'s upper stage is not known
    to restart and the orbit is circular above the parking orbit (0 where it does not apply).

    The restart is kept (as in the point estimate) with probability
    :data:`RESTART_UNKNOWN_PROBABILITY`; otherwise the sample pays an extra drawn uniformly up to
    this bound: from a coast before the upper stage lights (about the transfer's cost) to a
    one-burn ascent (:data:`DIRECT_ASCENT_EXTRA_M_S`, measured at 700 km), scaled linearly with
    the altitude above the parking orbit and not extrapolated beyond the measured altitude.
    """
    t = as_target(target)
    if v.upper_stage.restarts is not None or not t.circular or t.perigee_altitude_km <= _PARKING_KM + 1.0:
        return 0.0
    share = min(1.0, (t.perigee_altitude_km - _PARKING_KM) / (DIRECT_ASCENT_ALTITUDE_KM - _PARKING_KM))
    return DIRECT_ASCENT_EXTRA_M_S * share


def check_samples(samples) -> int:
    """``samples`` as a whole number from 1 to :data:`MAX_SAMPLES`, or an InputRangeError naming it."""
    if isinstance(samples, bool) or not isinstance(samples, int | np.integer) or not 1 <= samples <= MAX_SAMPLES:
        raise InputRangeError(
            f"samples = {samples!r} is outside the valid range: a whole number from 1 to {MAX_SAMPLES}"
        )
    return int(samples)


def _rng(seed, vehicle_id: str, part: int) -> np.random.Generator:
    # One stream per (seed, vehicle, part): a vehicle's data draws are the same whichever rows and
    # orbits a call asks for, so every estimate of one vehicle sees the same sampled figures.
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputRangeError(f"seed = {seed!r} is outside the valid range: a whole number ≥ 0")
    return np.random.default_rng([int(seed), zlib.crc32(vehicle_id.encode()), part])


@dataclass(frozen=True)
class VehicleSamples:
    """``n`` sampled versions of one vehicle: phases (n × phases), thrust [N], loss constant [m/s]."""

    isp: np.ndarray
    burn: np.ndarray
    drop: np.ndarray
    m0: np.ndarray
    thrust: np.ndarray
    loss_m_s: np.ndarray


@functools.lru_cache(maxsize=64)
def vehicle_samples(v: Vehicle, n: int, seed: int, parts: frozenset = frozenset(PARTS)) -> VehicleSamples:
    """Sampled stage figures of ``v`` and the loss constant refitted on each sample's figures
    (``parts``: which of "data" and "calibration" of :data:`PARTS` vary)."""
    rng = _rng(seed, v.id, 0)
    sig = figure_sigmas(v)
    on = 1.0 if "data" in parts else 0.0
    factors = np.exp(rng.standard_normal((n, len(sig))) * np.array([s for _, _, s in sig]) * on)
    width = len(v.phases()[0])
    isp, burn, drop = np.empty((n, width)), np.empty((n, width)), np.empty((n, width))
    m0, thrust = np.empty(n), np.empty(n)
    for i in range(n):
        changes = [{} for _ in v.stages]
        for (k, name, _), f in zip(sig, factors[i], strict=True):
            changes[k][name] = getattr(v.stages[k], name) * f
        w = replace(v, stages=tuple(replace(s, **c) for s, c in zip(v.stages, changes, strict=True)))
        isp[i], burn[i], drop[i], m0[i] = w.phases()
        thrust[i] = departure_thrust(w)
    loss = _refit(v, VehicleSamples(isp, burn, drop, m0, thrust, np.zeros(n)), rng, parts)
    for x in (isp, burn, drop, m0, thrust, loss):
        x.flags.writeable = False  # cached and shared between calls
    return VehicleSamples(isp, burn, drop, m0, thrust, loss)


def _ideal_dv(s: VehicleSamples, payload_kg: np.ndarray) -> np.ndarray:
    """Rocket-equation Δv [m/s] of every sample with its payload (numpy form of core.payload.ideal_dv)."""
    m = s.m0 + payload_kg
    dv = np.zeros_like(m)
    for k in range(s.isp.shape[1]):
        m_end = m - s.burn[:, k]
        dv += G0_M_S2 * s.isp[:, k] * np.log(m / m_end)
        m = m_end - s.drop[:, k]
    return dv


def _refit(v: Vehicle, s: VehicleSamples, rng, parts) -> np.ndarray:
    """Each sample's loss constant: the mean over the calibration points of the loss its own figures
    imply for its own draw of the published payload, plus N(0, the calibration points' spread)."""
    nominal, per_point = [], []
    for p in (p for p in v.performance if p.role == PayloadRole.CALIBRATION):
        a, plan = assess_with_plan(get_site(p.site), parse_orbit(p.orbit_spec))
        nominal.append(implied_loss(v, a, plan, p.payload_kg)[0])
        sigma = GRADE_SIGMA["mass"][grade_of(p.source)] if "data" in parts else 0.0
        payload = p.payload_kg * np.exp(sigma * rng.standard_normal(len(s.m0)))
        r0, dv1, after = departure(plan)
        ve = G0_M_S2 * s.isp[:, -1]
        m_end = (payload + s.drop[:, -1]) * np.exp(after / ve)
        burn_loss = vec.departure_loss(r0, dv1, m_end, s.thrust, s.isp[:, -1], float(v.upper_stage.departure_burns))
        # No thrust published: an impulse (as losses.implied_loss); a burn a sample cannot finish: its nominal loss.
        burn_loss = np.where(np.isnan(s.thrust), 0.0, burn_loss)
        burn_loss = np.where(np.isnan(burn_loss), implied_loss(v, a, plan, p.payload_kg)[1], burn_loss)
        per_point.append(_ideal_dv(s, payload) - a.total_dv.to_value(u.m / u.s) - burn_loss)
    spread = float(np.std(nominal)) if len(nominal) > 1 and "calibration" in parts else 0.0
    return np.mean(per_point, axis=0) + spread * rng.standard_normal(len(s.m0))


@dataclass(frozen=True)
class Row:
    """One payload question for :func:`sample_payloads`: the vehicle, orbit class, and the plan's Δv."""

    vehicle: Vehicle
    target: object
    kinematic_m_s: float
    r0_m: float
    depart_m_s: float
    after_m_s: float
    blocked: bool = False


def sample_payloads(rows, samples: int = DEFAULT_SAMPLES, seed: int = 0, parts=PARTS) -> np.ndarray:
    """Payload samples [kg], shape (len(rows), samples): every row's samples in one kernel call.

    ``parts``: the sources of uncertainty drawn (:data:`PARTS`); with none, every sample is the
    point estimate (tests/test_payload_distribution.py checks it).
    """
    n = check_samples(samples)
    parts = frozenset(parts)
    if not parts <= set(PARTS):
        raise InputRangeError(f"parts = {sorted(parts)!r} is outside the valid range: a subset of {PARTS}")
    vids = list(dict.fromkeys(r.vehicle for r in rows))
    data = [vehicle_samples(v, n, seed, parts) for v in vids]
    width = max(d.isp.shape[1] for d in data) if data else 1
    isp = np.full((len(vids) * n, width), np.nan)
    burn, drop = np.zeros_like(isp), np.zeros_like(isp)
    for j, d in enumerate(data):
        w = d.isp.shape[1]
        isp[j * n : (j + 1) * n, :w], burn[j * n : (j + 1) * n, :w] = d.isp, d.burn
        drop[j * n : (j + 1) * n, :w] = d.drop
    m0 = np.concatenate([d.m0 for d in data]) if data else np.empty(0)
    thrust = np.concatenate([d.thrust for d in data]) if data else np.empty(0)
    n_burns = np.repeat([v.upper_stage.departure_burns for v in vids], n).astype(np.int64)
    index = {v: j for j, v in enumerate(vids)}
    req, veh = np.empty((len(rows), n)), np.empty((len(rows), n), dtype=np.int64)
    for i, r in enumerate(rows):
        j = index[r.vehicle]
        nu, scale, _ = model_error(r.vehicle.id, orbit_class(r.target))
        err_rng = _rng(seed, r.vehicle.id, 1 + ORBIT_CLASSES.index(orbit_class(r.target)))
        error = scale * err_rng.standard_t(nu, n) * (1.0 if "model" in parts else 0.0)
        extra = restart_extra_m_s(r.vehicle, r.target) if "restart" in parts else 0.0
        if extra > 0.0:
            no_restart = err_rng.random(n) >= RESTART_UNKNOWN_PROBABILITY
            error = error + np.where(no_restart, extra * err_rng.random(n), 0.0)
        req[i] = r.kinematic_m_s + data[j].loss_m_s + error
        veh[i] = j * n + np.arange(n)
    out, loss = np.empty(req.size), np.empty(req.size)
    payload_matrix(
        isp,
        burn,
        drop,
        m0,
        thrust,
        n_burns,
        veh.ravel(),
        req.ravel(),
        np.repeat([r.r0_m for r in rows], n),
        np.repeat([r.depart_m_s for r in rows], n),
        np.repeat([r.after_m_s for r in rows], n),
        out,
        loss,
    )
    out = out.reshape(len(rows), n)
    out[[r.blocked for r in rows]] = 0.0
    return out


@dataclass(frozen=True, eq=False)
class PayloadDistribution:
    """Payload of ``vehicle`` from ``site`` to ``orbit`` as Monte Carlo samples [kg] (sorted).

    ``quantile(q)`` and ``probability(mass)`` (P(payload ≥ mass)) read them; ``point`` is the point
    estimate's mass [kg] for comparison.
    """

    vehicle: str
    site: str
    orbit: str
    samples_kg: np.ndarray
    seed: int
    point_kg: float
    reason: str = ""

    def quantile(self, q) -> u.Quantity:
        """The payload [kg] exceeded with probability 1 − ``q`` (``q`` in [0, 1], scalar or array)."""
        qa = np.asarray(q, dtype=float)
        if not np.all((qa >= 0.0) & (qa <= 1.0)):
            raise InputRangeError(f"q = {q!r} is outside the valid range: probabilities from 0 to 1")
        return np.quantile(self.samples_kg, qa) << u.kg

    @property
    def quantiles(self) -> dict[float, u.Quantity]:
        """The 10, 50 and 90 % quantiles (:data:`QUANTILES`)."""
        return {q: self.quantile(q) for q in QUANTILES}

    @property
    def median(self) -> u.Quantity:
        return self.quantile(0.5)

    def probability(self, mass) -> np.ndarray | float:
        """P(payload ≥ ``mass``): the share of samples at or above it (``mass`` a Quantity or kg; may be an array)."""
        m = np.asarray(mass.to_value(u.kg) if isinstance(mass, u.Quantity) else mass, dtype=float)
        if not np.all(np.isfinite(m)) or np.any(m < 0):
            raise InputRangeError(f"mass = {mass!r} is outside the valid range: finite numbers of kg ≥ 0")
        above = len(self.samples_kg) - np.searchsorted(self.samples_kg, m, side="left")
        p = above / len(self.samples_kg)
        return float(p) if p.ndim == 0 else p

    def to_dict(self):
        q = {f"p{round(100 * k)}_kg": float(v.to_value(u.kg)) for k, v in self.quantiles.items()}
        return {
            "vehicle": self.vehicle,
            "site": self.site,
            "orbit": self.orbit,
            "samples": len(self.samples_kg),
            "seed": self.seed,
            "point_kg": self.point_kg,
            **q,
            "reason": self.reason,
        }

    def __repr__(self):
        lo, mid, hi = (self.quantile(q).to_value(u.kg) for q in QUANTILES)
        return (
            f"PayloadDistribution({self.vehicle} from {self.site} to {self.orbit}: median {mid:.0f} kg, "
            f"80 % in {lo:.0f}–{hi:.0f} kg, {len(self.samples_kg)} samples, seed {self.seed})"
        )


def distribution_from(row: Row, samples_kg: np.ndarray, site: str, orbit: str, seed: int, point_kg: float, reason=""):
    """A :class:`PayloadDistribution` from one row of :func:`sample_payloads`."""
    s = np.sort(samples_kg)
    s.flags.writeable = False
    return PayloadDistribution(row.vehicle.id, site, orbit, s, int(seed), float(point_kg), reason)


def mass_sigma_check() -> list[dict]:
    """The stage-mass σ of :data:`GRADE_SIGMA` against the catalogue's own lift-off mass check.

    For each vehicle with a published lift-off mass: the relative σ the graded stage and fairing
    masses give their sum, beside the sum's observed difference from the published mass
    (:func:`orbitcoop.vehicles.mass_check_rows`). The observed differences also hold whether a
    payload is included, so their spread should be at least the predicted one if the σ are right.
    """
    out = []
    for r in mass_check_rows():
        v = get_vehicle(r["vehicle"])
        var = 0.0
        for k, name, sigma in figure_sigmas(v):
            if name.endswith("mass_kg"):
                s = v.stages[k]
                var += (sigma * getattr(s, name) * (1 if name == "fairing_mass_kg" else s.count)) ** 2
        out.append(
            {
                "vehicle": v.id,
                "predicted_sigma_pct": 100 * math.sqrt(var) / r["stack_kg"],
                "observed_pct": r["difference_pct"],
            }
        )
    return out


def grade_counts() -> dict[tuple[str, str], int]:
    """How many catalogue figures of each (kind, grade) the Monte Carlo varies."""
    counts = {(k, g): 0 for k in GRADE_SIGMA for g in "ABC"}
    for v in list_vehicles():
        for s in v.stages:
            g = _stage_grades(s)
            for name, kind, src in _FIELDS:
                if getattr(s, name) is not None:
                    counts[(kind, g.get(src, UNGRADED))] += 1
    return counts
