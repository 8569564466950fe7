"""Experiment: does the ascent's loss depend on the payload enough to explain the validation gaps?

python tools/ascent_experiment.py     # needs scipy (test extras); a few seconds

The payload model charges each vehicle one loss constant (docs/theory.md §9). A heavier payload
lowers every stage's thrust-to-weight, so the ascent's gravity loss should grow with it, and a
constant fitted at a light payload should under-charge a heavy one. This script measures that
effect in an idealised ascent and prints, for every validation point of the vehicles below, how
the Δv gap of docs/validation.md would move if the loss followed it.

Ascent model (not part of the library; no drag, so it isolates gravity and steering): planar
point mass over a spherical, non-rotating Earth, μ/r² gravity; the vehicle's burn phases
(:meth:`Vehicle.phases`) at their mass flows, staging instantaneous; vertical rise for 10 s, then
the linear-tangent law tan θ = A − B·t (θ: thrust above the local horizontal; the optimal law
in a uniform field, Bryson & Ho, *Applied Optimal Control*, §2.7). (A, B) are solved so that
the vehicle reaches circular speed exactly at 200 km with zero vertical speed, in any phase after
the first (what is left of the stages is the budget of the later burns). The ascent loss G is the
ideal Δv burnt up to then minus that circular speed.
"""

import math
import sys
from pathlib import Path

import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import fsolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orbitcoop.constants import R_EARTH
from orbitcoop.core.constants import G0_M_S2, GM_EARTH_M3_S2
from orbitcoop.core.maneuvers import hohmann_dv
from orbitcoop.orbits import parse_orbit
from orbitcoop.performance import validation_rows
from orbitcoop.vehicles import get_vehicle

MU = GM_EARTH_M3_S2
RE = R_EARTH.to_value("m")
PARKING_M = 200e3
VERTICAL_S = 10.0
VEHICLES = ("h-iia-202", "h-iia-204", "ariane-64", "soyuz-st-b", "long-march-7", "pslv-xl")


def fly(ab, phases, payload_kg, altitude_m=PARKING_M):
    """(altitude miss [m], vertical speed [m/s], ideal Δv burnt [m/s]) at the cut-off.

    ``phases``: (Isp, propellant, dropped mass, mass flow) of each burn phase, and the lift-off mass.
    """
    stages, m0 = phases
    a, b = ab
    y = np.array([RE, 0.0, 0.0, m0 + payload_kg])  # r, v_r, v_t, mass
    t0, dv = 0.0, 0.0
    for k, (isp_k, burn_k, drop_k, flow) in enumerate(stages):
        thrust = flow * G0_M_S2 * isp_k

        def rhs(t, s, thrust=thrust, flow=flow):
            r, vr, vt, m = s
            pitch = math.pi / 2 if t < VERTICAL_S else math.atan(a - b * (t - VERTICAL_S))
            acc = thrust / m
            return [vr, vt * vt / r - MU / r**2 + acc * math.sin(pitch), -vr * vt / r + acc * math.cos(pitch), -flow]

        def orbit(t, s):
            return s[2] - math.sqrt(MU / s[0])

        orbit.terminal, orbit.direction = True, 1
        sol = solve_ivp(rhs, (t0, t0 + burn_k / flow), y, events=orbit if k else None, rtol=1e-9, atol=1e-6)
        y_end = sol.y[:, -1]
        dv += G0_M_S2 * isp_k * math.log(y[3] / y_end[3])
        if k and sol.status == 1:
            return y_end[0] - RE - altitude_m, y_end[1], dv - math.sqrt(MU / y_end[0])
        y, t0 = y_end, sol.t[-1]
        y[3] -= drop_k
    return math.nan, math.nan, math.nan


def ascent_loss(v, payload_kg, altitude_m=PARKING_M):
    """G [m/s] of ``v`` carrying ``payload_kg`` to a circular orbit at ``altitude_m`` (one burn, no
    coast); NaN if the shooting does not converge from any of a few starting guesses."""
    isp, burn, drop, m0 = v.phases()
    phases = (list(zip(isp, burn, drop, v.phase_mass_flows(), strict=True)), m0)
    for guess in ((0.8, 1e-3), (0.5, 1e-3), (1.2, 2e-3), (0.5, 3e-3), (0.3, 5e-4)):
        ab, _, ok, _ = fsolve(
            lambda ab: np.array(fly(ab, phases, payload_kg, altitude_m)[:2]) / (1e3, 10.0), guess, full_output=True
        )
        miss, vr, g = fly(ab, phases, payload_kg, altitude_m)
        if ok == 1 and abs(miss) < 1.0 and abs(vr) < 0.01:
            return g
    return math.nan


def experiment() -> list[dict]:
    """One row per calibration and validation point of :data:`VEHICLES`: its ascent loss ``g_m_s``, the
    change ``dg_m_s`` from the vehicle's calibration points (their mean), and its Δv gap now
    (``gap_m_s``, docs/validation.md) and if the loss followed the ascent (``gap_with_m_s``)."""
    rows = [r for r in validation_rows() if r.get("vehicle") in VEHICLES and r["role"] in ("calibration", "validation")]
    out = []
    for vid in VEHICLES:
        v = get_vehicle(vid)
        mine = [r for r in rows if r["vehicle"] == vid]
        g = {r["published_kg"]: ascent_loss(v, r["published_kg"]) for r in mine}
        g_cal = np.mean([g[r["published_kg"]] for r in mine if r["role"] == "calibration"])
        for r in mine:
            d = g[r["published_kg"]] - g_cal
            out.append(
                {
                    "vehicle": vid,
                    "role": r["role"],
                    "orbit": r["orbit"],
                    "published_kg": r["published_kg"],
                    "g_m_s": g[r["published_kg"]],
                    "dg_m_s": d,
                    "gap_m_s": r["dv_gap_m_s"],
                    "gap_with_m_s": r["dv_gap_m_s"] - d,
                }
            )
    return out


def direct_ascent(vehicle="long-march-7") -> dict:
    """A second stage that cannot restart reaches its orbit in one burn: the Δv [m/s] of that direct
    ascent against the model's parking orbit and Hohmann transfer, for ``vehicle`` at its published
    sun-synchronous payload (its SSO validation point)."""
    v = get_vehicle(vehicle)
    (point,) = [p for p in v.performance if p.role == "validation" and p.orbit == "SSO"]
    high = parse_orbit(point.orbit_spec).perigee_altitude_km * 1e3
    r1, r2 = RE + PARKING_M, RE + high
    parked = math.sqrt(MU / r1) + ascent_loss(v, point.payload_kg) + hohmann_dv(MU, r1, r2)
    direct = math.sqrt(MU / r2) + ascent_loss(v, point.payload_kg, high)
    return {
        "vehicle": vehicle,
        "payload_kg": point.payload_kg,
        "altitude_m": high,
        "parked_m_s": parked,
        "direct_m_s": direct,
    }


def main():
    print("vehicle            role  orbit                 payload kg   G m/s   ΔG m/s  Δv gap m/s: now -> with G")
    for r in experiment():
        print(
            f"{r['vehicle']:18s} {r['role'][:4]:5s} {r['orbit']:22s} {r['published_kg']:9.0f} "
            f"{r['g_m_s']:7.0f} {r['dg_m_s']:+8.0f}  {r['gap_m_s']:+6.0f} -> {r['gap_with_m_s']:+6.0f}"
        )
    d = direct_ascent()
    print(
        f"{d['vehicle']} {d['payload_kg']:.0f} kg to {d['altitude_m'] / 1e3:.0f} km: parking + Hohmann "
        f"{d['parked_m_s']:.0f} m/s, one-burn direct ascent {d['direct_m_s']:.0f} m/s "
        f"({d['direct_m_s'] - d['parked_m_s']:+.0f})"
    )


if __name__ == "__main__":
    main()
