"""Payload from the staged rocket equation, solved for the payload mass.

A vehicle is a sequence of burn *phases* (boosters and core burning together, the
core alone, then each upper stage). Phase k burns propellant b_k at vacuum specific
impulse Isp_k and then drops inert mass d_k (burnt-out stages, the fairing). With
payload m and lift-off mass M₀ + m, the ideal velocity the vehicle can give is
(Tsiolkovsky, per phase; Sutton & Biblarz, Rocket Propulsion Elements, 9th ed., ch. 4,
multistage vehicles)

    Δv(m) = Σ_k g₀ Isp_k ln( (M_k + m) / (M_k + m − b_k) ),  M_k = M₀ − Σ_{j<k} (b_j + d_j)

Δv(m) decreases strictly with m, so the payload for a required Δv is the root of
Δv(m) = Δv_req, found by bisection on [0, M₀] (60 halvings, relative width < 1e-16).
If even m = 0 falls short, the payload is 0 (the API reports the orbit as out of reach).
"""

import math

from numba import prange

from orbitcoop.core.constants import G0_M_S2
from orbitcoop.core.jit import jit, jit_parallel


@jit
def ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, payload_kg):
    """Ideal Δv [m/s] of the phases (arrays, NaN-padded at the end) carrying ``payload_kg``."""
    dv = 0.0
    m = m0_kg + payload_kg
    for k in range(isp_s.shape[0]):
        if math.isnan(isp_s[k]):
            break
        m_end = m - burn_kg[k]
        dv += G0_M_S2 * isp_s[k] * math.log(m / m_end)
        m = m_end - drop_kg[k]
    return dv


@jit
def payload_for_dv(isp_s, burn_kg, drop_kg, m0_kg, dv_req):
    """Largest payload [kg] whose ideal Δv is at least ``dv_req``; 0 if none (see module doc)."""
    if ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, 0.0) < dv_req:
        return 0.0
    lo = 0.0
    hi = m0_kg
    while ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, hi) > dv_req:
        hi *= 2.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, mid) >= dv_req:
            lo = mid
        else:
            hi = mid
    return lo


@jit_parallel
def payload_matrix(isp_s, burn_kg, drop_kg, m0_kg, vehicle, dv_req, out):
    """``out[j] = payload_for_dv(phases of vehicle[j], dv_req[j])`` for a batch of (vehicle, Δv) pairs.

    ``isp_s``, ``burn_kg``, ``drop_kg`` have one NaN-padded row of phases per vehicle.
    """
    for j in prange(dv_req.shape[0]):
        v = vehicle[j]
        out[j] = payload_for_dv(isp_s[v], burn_kg[v], drop_kg[v], m0_kg[v], dv_req[j])
