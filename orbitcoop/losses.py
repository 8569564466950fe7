"""The loss constant of a launch vehicle: gravity, drag and steering losses fitted on its calibration points.

Step 2 of the payload method (:mod:`orbitcoop.payloads`): for each calibration point,
the loss that would make the vehicle put exactly its published payload into that orbit
is its ideal Δv with that payload, less the kinematic Δv (:func:`orbitcoop.assess`) and
the departure burn's finite-burn loss; the constant is their mean. *Validation* points
are never used (:mod:`orbitcoop.validation`).

(Named ``losses``, not ``calibration``: a submodule named like the top-level function
``orbitcoop.calibration`` would replace it on import.)
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import astropy.units as u
import numpy as np

from orbitcoop.assessment import Assessment, Plan, assess_with_plan
from orbitcoop.core.burns import departure_loss
from orbitcoop.core.payload import ideal_dv, stack_mass
from orbitcoop.orbits import parse_orbit
from orbitcoop.outcomes import PayloadRole
from orbitcoop.sites import get_site
from orbitcoop.vehicles import MissingVehicleDataError, Vehicle, VehicleDataError, get_vehicle

#: One-sigma uncertainty of a vehicle's loss constant [m/s] when its calibration points do not
#: show a larger spread: the scatter of gravity+drag+steering losses between trajectories of one
#: vehicle to different orbits (Schilling 2009 quotes ±5 % payload; ~150 m/s at the upper stage).
LOSS_SIGMA_M_S = 150.0
MPS = u.m / u.s


@dataclass(frozen=True)
class Calibration:
    vehicle: str
    loss_m_s: float
    sigma_m_s: float
    points: int
    #: (site id, orbit spec, route mission) of the calibration points reached through a flown route's
    #: dog-leg: what that route's charge misses of the real turn sits in ``loss_m_s``.
    routed: tuple[tuple[str, str, str], ...] = ()

    def requirements(self, kinematic_m_s):
        """Required Δv: nominal, and the ends of the band (more loss → less payload first)."""
        need = kinematic_m_s + self.loss_m_s
        return need, need + self.sigma_m_s, need - self.sigma_m_s


def calibration(vehicle) -> Calibration:
    """The loss constant of ``vehicle`` (id or :class:`Vehicle`) from its calibration points.

    Raises :class:`MissingVehicleDataError` if it has none or lacks stage data. A vehicle object
    is calibrated on its own figures, so a user's edited copy of a catalogue vehicle gets its own
    constant, not the catalogue's.
    """
    return _calibration(get_vehicle(vehicle))


@functools.cache
def _calibration(v: Vehicle) -> Calibration:
    pts = [p for p in v.performance if p.role == PayloadRole.CALIBRATION]
    if not pts:
        raise MissingVehicleDataError(f"vehicle {v.id!r} has no calibration point with an exactly defined orbit")
    losses, routed = [], []
    for p in pts:
        site = get_site(p.site)
        a, plan = assess_with_plan(site, parse_orbit(p.orbit_spec))
        loss, burn_loss = implied_loss(v, a, plan, p.payload_kg)
        if math.isnan(burn_loss):
            raise VehicleDataError(
                f"vehicle {v.id!r} stage {v.upper_stage.id!r}: thrust_vac_kn = {departure_thrust(v) / 1e3:g} cannot "
                f"fly the departure burn of its calibration point ({p.payload_kg:g} kg to {p.orbit_spec} from "
                f"{site.id}) before its mass runs out"
            )
        if loss < 0.0:
            # Gravity, drag and steering only ever cost Δv: a negative fitted loss means the stage
            # figures cannot deliver the published payload even with no loss at all (an edited or
            # mistyped figure), and every estimate from them would be meaningless.
            raise VehicleDataError(
                f"vehicle {v.id!r}: its stage figures give less Δv than its calibration point needs with no loss "
                f"at all ({p.payload_kg:g} kg to {p.orbit_spec} from {site.id}: implied loss {loss:.0f} m/s, "
                "valid ≥ 0 m/s); check the stage masses and specific impulses"
            )
        losses.append(loss)
        if a.route is not None:
            routed.append((site.id, p.orbit_spec, a.route.mission))
    loss = float(np.mean(losses))
    sigma = max(LOSS_SIGMA_M_S, float(np.std(losses)))
    return Calibration(v.id, loss, sigma, len(pts), tuple(routed))


def implied_loss(v: Vehicle, a: Assessment, plan: Plan, payload_kg: float) -> tuple[float, float]:
    """The loss [m/s] that would make ``v`` put exactly ``payload_kg`` into the orbit of the
    Assessment ``a`` and its one-row plan (:func:`_assess`): its ideal Δv with that payload, less
    the kinematic Δv and the departure burn's finite-burn loss.

    Returns (loss, finite-burn loss); the finite-burn loss is NaN if the upper stage's thrust
    cannot finish the burn (0 where the thrust is unpublished: an impulse).
    """
    isp, burn, drop, m0 = v.phases()
    thrust = departure_thrust(v)
    r0, dv1, after = departure(plan)
    m_end = stack_mass(payload_kg, drop[-1], isp[-1], after)
    burn_loss = departure_loss(r0, dv1, m_end, thrust, isp[-1], v.upper_stage.departure_burns)
    if math.isnan(burn_loss) and not thrust > 0.0:
        burn_loss = 0.0
    cap = vehicle_ideal_dv(isp, burn, drop, m0, payload_kg)
    return cap - a.total_dv.to_value(MPS) - burn_loss, burn_loss


def vehicle_ideal_dv(isp, burn, drop, m0, m) -> float:
    """Ideal (rocket-equation) Δv [m/s] of the stack of :meth:`Vehicle.phases` with payload ``m`` [kg]."""
    return ideal_dv(np.array(isp), np.array(burn), np.array(drop), m0, m)


def departure_thrust(v: Vehicle) -> float:
    """Vacuum thrust [N] of the stage that flies the departure burn (the last one); NaN if unpublished."""
    s = v.upper_stage
    return math.nan if s.thrust_vac_kn is None else s.thrust_vac_kn * s.count * 1e3


def departure(plan: Plan) -> tuple[float, float, float]:
    """(parking radius [m], departure burn [m/s], later burns [m/s]) of a one-row plan (:func:`_assess`)."""
    return float(plan.r1[0]), float(plan.depart[0]), float(plan.after[0])
