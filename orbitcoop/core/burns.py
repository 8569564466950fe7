"""Finite burns: what a long burn costs over the impulsive Δv it stands for.

An impulsive manoeuvre changes the velocity at one point of the orbit. A real upper
stage of thrust T and mass m accelerates at T/m for a burn of finite length, during
which it climbs away from the point where the impulse would be best spent; the ideal
Δv it needs for the same orbit is larger (the *finite-burn* or *gravity* loss). For a
stage with a thrust-to-weight near 1 the difference is a few m/s; for a 20 kN stage
pushing 9 t out of low orbit (Fregat, Briz-M) the burn lasts a quarter of an orbit and
costs ~100 m/s more. (H. D. Curtis, *Orbital Mechanics for Engineering Students*, ch. 6,
"Non-impulsive orbital maneuvers", integrates the same equations: planar two-body motion,
thrust along the velocity, mass falling at T/(g₀ Isp).)

The burn starts at an apsis (radius r₀, horizontal speed v₀) and ends when the osculating
orbit's specific energy (``mode`` 0) or apoapsis radius (``mode`` 1) reaches the target.
Integration: classical Runge–Kutta with steps of at most ``MAX_STEP_ARC`` of orbital arc at
the start (and at most a tenth of the impulsive estimate of the burn time); the step that
crosses the target is cut to length by regula falsi (Illinois variant) on the step length.
The mass is m₀ − ṁt exactly, so Δv = g₀ Isp ln(m₀/m_end).
"""

import math

from orbitcoop.core.constants import G0_M_S2, GM_EARTH_M3_S2
from orbitcoop.core.jit import jit, kernel

#: Largest Runge–Kutta step, as orbital arc at the burn's start [rad] (1°).
MAX_STEP_ARC = math.pi / 180.0
#: Fewest steps over the impulsive estimate of the burn time.
MIN_STEPS = 10
#: Most steps before a burn is declared impossible (about 60 revolutions of 1° steps).
MAX_STEPS = 20000
#: Regula falsi iterations on the last step (it stops sooner, when the bracket is 1e-12 of the step).
ROOT_ITERATIONS = 60


@jit
def _deriv(x, y, vx, vy, m, thrust):
    r2 = x * x + y * y
    g = -GM_EARTH_M3_S2 / (r2 * math.sqrt(r2))
    a = thrust / (m * math.sqrt(vx * vx + vy * vy))
    return vx, vy, g * x + a * vx, g * y + a * vy


@jit
def _rk4(x, y, vx, vy, m, mdot, thrust, h):
    """One Runge–Kutta step of length ``h`` from mass ``m`` (the mass falls linearly)."""
    hh = 0.5 * h
    mh = m - mdot * hh
    a1, b1, c1, d1 = _deriv(x, y, vx, vy, m, thrust)
    a2, b2, c2, d2 = _deriv(x + hh * a1, y + hh * b1, vx + hh * c1, vy + hh * d1, mh, thrust)
    a3, b3, c3, d3 = _deriv(x + hh * a2, y + hh * b2, vx + hh * c2, vy + hh * d2, mh, thrust)
    a4, b4, c4, d4 = _deriv(x + h * a3, y + h * b3, vx + h * c3, vy + h * d3, m - mdot * h, thrust)
    s = h / 6.0
    return (
        x + s * (a1 + 2.0 * a2 + 2.0 * a3 + a4),
        y + s * (b1 + 2.0 * b2 + 2.0 * b3 + b4),
        vx + s * (c1 + 2.0 * c2 + 2.0 * c3 + c4),
        vy + s * (d1 + 2.0 * d2 + 2.0 * d3 + d4),
    )


@jit
def _measure(x, y, vx, vy, mode):
    """Specific energy [J/kg] (mode 0) or apoapsis radius [m] (mode 1, inf when unbound)."""
    r = math.sqrt(x * x + y * y)
    energy = 0.5 * (vx * vx + vy * vy) - GM_EARTH_M3_S2 / r
    if mode == 0:
        return energy
    if energy >= 0.0:
        return math.inf
    h = x * vy - y * vx
    e = math.sqrt(max(0.0, 1.0 + 2.0 * energy * h * h / (GM_EARTH_M3_S2 * GM_EARTH_M3_S2)))
    return -GM_EARTH_M3_S2 / (2.0 * energy) * (1.0 + e)


@kernel(7)
def tangential_burn_dv(r0, v0, m0, thrust, isp, target, mode):
    """Ideal Δv [m/s] of a burn along the velocity, from an apsis, until the orbit reaches ``target``.

    ``r0`` [m], ``v0`` [m/s] (horizontal), ``m0`` [kg], ``thrust`` [N], ``isp`` [s]; ``target``
    is a specific energy [J/kg] (``mode`` 0) or an apoapsis radius [m] (``mode`` 1). 0 when the
    orbit is already there; NaN for non-physical input or a burn that would burn the whole mass.
    """
    if not (r0 > 0.0 and v0 > 0.0 and m0 > 0.0 and thrust > 0.0 and isp > 0.0) or math.isnan(target):
        return math.nan
    if mode != 0 and mode != 1:
        return math.nan
    if _measure(r0, 0.0, 0.0, v0, mode) >= target:
        return 0.0
    ve = G0_M_S2 * isp
    mdot = thrust / ve
    # The impulsive speed at r0 that reaches the target sets the step.
    if mode == 0:
        v_need = math.sqrt(2.0 * (target + GM_EARTH_M3_S2 / r0))
    else:
        v_need = math.sqrt(2.0 * GM_EARTH_M3_S2 * target / (r0 * (r0 + target)))
    t_imp = m0 * -math.expm1(-(v_need - v0) / ve) / mdot
    h = min(t_imp / MIN_STEPS, MAX_STEP_ARC * r0 / v0)
    x, y, vx, vy = r0, 0.0, 0.0, v0
    t = 0.0
    for _ in range(MAX_STEPS):
        m = m0 - mdot * t
        if m - mdot * h <= 0.0:
            return math.nan
        nx, ny, nvx, nvy = _rk4(x, y, vx, vy, m, mdot, thrust, h)
        f_hi = _measure(nx, ny, nvx, nvy, mode) - target
        if f_hi >= 0.0:
            return ve * math.log(m0 / (m - mdot * _cut(x, y, vx, vy, m, mdot, thrust, h, f_hi, target, mode)))
        x, y, vx, vy = nx, ny, nvx, nvy
        t += h
    return math.nan


@jit
def _cut(x, y, vx, vy, m, mdot, thrust, h, f_hi, target, mode):
    """Length of the step from (x, y, vx, vy, m) that ends on the target (Illinois regula falsi)."""
    lo, hi = 0.0, h
    f_lo = _measure(x, y, vx, vy, mode) - target
    side = 0
    mid = h
    for _ in range(ROOT_ITERATIONS):
        mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        if not (lo < mid < hi):
            mid = 0.5 * (lo + hi)
        px, py, pvx, pvy = _rk4(x, y, vx, vy, m, mdot, thrust, mid)
        f = _measure(px, py, pvx, pvy, mode) - target
        if f == 0.0:
            break
        if f > 0.0:
            hi, f_hi = mid, f
            if side == 1:
                f_lo *= 0.5
            side = 1
        else:
            lo, f_lo = mid, f
            if side == -1:
                f_hi *= 0.5
            side = -1
        if hi - lo <= 1e-12 * h:
            break
    return mid


@jit
def departure_excess(r0, dv, m_start, thrust, isp, n):
    """Ideal Δv beyond ``dv`` [m/s] of a departure from the circular orbit of radius ``r0``.

    The departure stands for an impulse ``dv`` along the velocity. It is flown as ``n`` burns
    along the velocity at perigee, each adding dv/n of perigee speed (each burn ends on the
    energy its impulse would give; the next starts from that impulse's orbit, at perigee),
    starting with mass ``m_start``.
    """
    vc = math.sqrt(GM_EARTH_M3_S2 / r0)
    ve = G0_M_S2 * isp
    used = 0.0
    for i in range(n):
        v_from = vc + dv * i / n
        v_to = vc + dv * (i + 1) / n
        target = 0.5 * v_to * v_to - GM_EARTH_M3_S2 / r0
        used += tangential_burn_dv(r0, v_from, m_start * math.exp(-used / ve), thrust, isp, target, 0)
    return used - dv


@kernel(6)
def departure_loss(r0, dv, m_end, thrust, isp, n):
    """Finite-burn loss [m/s] of a departure from a circular orbit of radius ``r0``.

    The departure stands for an impulse ``dv`` along the velocity and is flown as ``n`` perigee
    burns (:func:`departure_excess`) ending with mass ``m_end`` [kg] (so it starts with
    m_end·exp((dv + loss)/(g₀ Isp))). An infinite ``thrust`` is an impulse: no loss. NaN for
    non-physical input (``n`` is rounded to a whole number ≥ 1).
    """
    if not (r0 > 0.0 and dv >= 0.0 and m_end > 0.0 and thrust > 0.0 and isp > 0.0 and n >= 1.0):
        return math.nan
    if dv == 0.0 or thrust == math.inf:
        return 0.0
    k = int(n + 0.5)
    ve = G0_M_S2 * isp
    # The loss L solves L = F(L), F(L) = departure_excess from a start mass of m_end·e^((dv+L)/ve).
    # F changes by a few % of a m/s per m/s of L, so a secant on F(L) − L converges in a few steps.
    l0 = 0.0
    g0 = departure_excess(r0, dv, m_end * math.exp(dv / ve), thrust, isp, k)
    if math.isnan(g0):
        return math.nan
    l1 = max(g0, 0.0)
    for _ in range(30):
        g1 = departure_excess(r0, dv, m_end * math.exp((dv + l1) / ve), thrust, isp, k) - l1
        if math.isnan(g1):
            return math.nan
        if g1 == g0 or abs(g1) <= 1e-10 * (1.0 + l1):
            break
        l2 = l1 - g1 * (l1 - l0) / (g1 - g0)
        l0, g0, l1 = l1, g1, max(l2, 0.0)
    return l1
