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

The departure burn from the parking orbit (the first burn of a transfer, or an escape) is
flown by the last phase at its thrust, so it costs a finite-burn loss
(:func:`orbitcoop.core.burns.departure_loss`) that grows with the mass it pushes, hence with
the payload. :func:`payload_with_departure` solves Δv(m) = Δv_req + loss(m): with L the loss,
m(L) the payload for Δv_req + L and F(L) the loss of the burn that pushes m(L), it finds
F(L) = L by the secant method (F varies by a few % of L per m/s: three to five steps).
"""

import math

from numba import prange

from orbitcoop.core.burns import departure_excess, departure_loss
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


@jit
def _last_phase(isp_s):
    k = 0
    while k + 1 < isp_s.shape[0] and not math.isnan(isp_s[k + 1]):
        k += 1
    return k


@jit
def stack_mass(payload_kg, dry_kg, isp_s, dv):
    """Mass [kg] of the payload on an upper stage of dry mass ``dry_kg`` and Isp ``isp_s`` [s]
    that still has ``dv`` [m/s] of burns ahead of it."""
    return (payload_kg + dry_kg) * math.exp(dv / (G0_M_S2 * isp_s))


@jit
def _burn_loss(isp_s, drop_kg, payload_kg, r0, dv1, dv_after, thrust, n, loss):
    """Loss of the departure burn pushing ``payload_kg``, given the loss guess that sets its start mass."""
    k = _last_phase(isp_s)
    m_start = stack_mass(payload_kg, drop_kg[k], isp_s[k], dv_after + dv1 + loss)
    return max(departure_excess(r0, dv1, m_start, thrust, isp_s[k], n), 0.0)


@jit
def payload_with_departure(isp_s, burn_kg, drop_kg, m0_kg, dv_req, r0, dv1, dv_after, thrust, n):
    """Largest payload [kg] whose ideal Δv covers ``dv_req`` plus its departure burn's finite-burn loss.

    The departure burn (``dv1`` [m/s] along the velocity from the circular parking orbit of
    radius ``r0`` [m]) is flown by the last phase at ``thrust`` [N] in ``n`` perigee burns,
    followed by ``dv_after`` [m/s] of later burns. ``dv1`` ≤ 0, or a thrust that is NaN
    (unknown) or infinite, prices the burn as an impulse (see the module doc). Returns
    ``(payload, loss)``. Where the burn
    of some heavier payload cannot finish before the stack's mass runs out (a thrust far too
    small), the secant gives way to a bisection on the payload; if even no payload can fly it,
    ``(0, inf)``.
    """
    m = payload_for_dv(isp_s, burn_kg, drop_kg, m0_kg, dv_req)
    if m == 0.0 or not dv1 > 0.0 or not thrust > 0.0 or thrust == math.inf:
        return m, 0.0
    l0 = 0.0
    g0 = _burn_loss(isp_s, drop_kg, m, r0, dv1, dv_after, thrust, n, 0.0)
    if math.isnan(g0):
        return _bisect_payload(isp_s, burn_kg, drop_kg, m0_kg, dv_req, r0, dv1, dv_after, thrust, n, m)
    l1 = g0
    for _ in range(30):
        m = payload_for_dv(isp_s, burn_kg, drop_kg, m0_kg, dv_req + l1)
        g1 = _burn_loss(isp_s, drop_kg, m, r0, dv1, dv_after, thrust, n, l1) - l1
        if math.isnan(g1):
            return _bisect_payload(isp_s, burn_kg, drop_kg, m0_kg, dv_req, r0, dv1, dv_after, thrust, n, m)
        if g1 == g0 or abs(g1) <= 1e-9 * (1.0 + l1):
            break
        l2 = l1 - g1 * (l1 - l0) / (g1 - g0)
        l0, g0, l1 = l1, g1, max(l2, 0.0)
    return m, l1


@jit
def _bisect_payload(isp_s, burn_kg, drop_kg, m0_kg, dv_req, r0, dv1, dv_after, thrust, n, hi):
    """Fallback of :func:`payload_with_departure`: bisection on the payload below ``hi``, a burn that
    cannot finish counting as too heavy. ``(0, inf)`` if no payload can fly the departure."""
    k = _last_phase(isp_s)
    loss = departure_loss(r0, dv1, stack_mass(0.0, drop_kg[k], isp_s[k], dv_after), thrust, isp_s[k], n)
    if math.isnan(loss) or ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, 0.0) < dv_req + loss:
        return 0.0, math.inf if math.isnan(loss) else loss
    lo = 0.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        trial = departure_loss(r0, dv1, stack_mass(mid, drop_kg[k], isp_s[k], dv_after), thrust, isp_s[k], n)
        if not math.isnan(trial) and ideal_dv(isp_s, burn_kg, drop_kg, m0_kg, mid) >= dv_req + trial:
            lo, loss = mid, trial
        else:
            hi = mid
    return lo, loss


@jit_parallel
def payload_matrix(isp_s, burn_kg, drop_kg, m0_kg, thrust, n_burns, vehicle, dv_req, r0, dv1, dv_after, out, loss):
    """``out[j], loss[j] = payload_with_departure(phases of vehicle[j], dv_req[j], r0[j], dv1[j], dv_after[j])``.

    ``isp_s``, ``burn_kg``, ``drop_kg`` have one NaN-padded row of phases per vehicle; ``thrust``
    is each vehicle's last-phase thrust [N] (NaN if unknown), ``n_burns`` its departure burns.
    """
    for j in prange(dv_req.shape[0]):
        v = vehicle[j]
        out[j], loss[j] = payload_with_departure(
            isp_s[v], burn_kg[v], drop_kg[v], m0_kg[v], dv_req[j], r0[j], dv1[j], dv_after[j], thrust[v], n_burns[v]
        )
