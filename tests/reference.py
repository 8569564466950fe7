"""Pure-numpy reference twins of the kernels in orbitcoop.core.

Written independently of the kernels, from the same equations (cited in the
kernel docstrings), vectorised with numpy and never compiled. tests/test_twins.py
checks that each numba kernel agrees with its twin to 1e-12 relative.
"""

import numpy as np
from scipy.optimize import minimize_scalar

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
OMEGA = 7.292115e-5
MU = 3.986004418e14
J2 = np.sqrt(5.0) * 0.484165371736e-3
R_J2 = 6378136.3
SUN_RATE = 2 * np.pi / (365.24219 * 86400.0)


def prime_vertical(lat):
    return A / np.sqrt(1 - E2 * np.sin(lat) ** 2)


def rotation_speed(lat, h):
    return OMEGA * (prime_vertical(lat) + h) * np.cos(lat)


def geocentric_latitude(lat, h):
    n = prime_vertical(lat)
    return np.arctan2((n * (1 - E2) + h) * np.sin(lat), (n + h) * np.cos(lat))


def axis_distance(lat, h):
    return (prime_vertical(lat) + h) * np.cos(lat)


def min_inclination(lat, h):
    return np.abs(geocentric_latitude(lat, h))


def sin_azimuth(lat, h, inc):
    ratio = np.cos(inc) / np.cos(geocentric_latitude(lat, h))
    ratio = np.where(np.abs(ratio) - 1 <= 4e-16, np.clip(ratio, -1, 1), np.nan)
    return ratio


def launch_azimuth_inertial(lat, h, inc, south):
    beta = np.arcsin(sin_azimuth(lat, h, inc))
    beta = np.where(south != 0, np.pi - beta, beta)
    return np.mod(beta, 2 * np.pi)


def launch_azimuth_ground(lat, h, inc, v, south):
    beta = launch_azimuth_inertial(lat, h, inc, south)
    east = v * np.sin(beta) - rotation_speed(lat, h)
    return np.mod(np.arctan2(east, v * np.cos(beta)), 2 * np.pi)


def inclination_from_azimuth_ground(lat, h, az, v):
    vr = rotation_speed(lat, h)
    s = -vr * np.sin(az) + np.sqrt(v**2 - (vr * np.cos(az)) ** 2)
    sin_beta = (s * np.sin(az) + vr) / v
    return np.arccos(np.clip(np.cos(geocentric_latitude(lat, h)) * sin_beta, -1, 1))


def inclination_from_azimuth_inertial(lat, h, az):
    return np.arccos(np.clip(np.cos(geocentric_latitude(lat, h)) * np.sin(az), -1, 1))


def ascent_dv(lat, h, inc, v):
    vr = rotation_speed(lat, h)
    s = sin_azimuth(lat, h, inc)
    return np.sqrt((v - vr) ** 2 + 2 * v * vr * (1 - s))


def rotation_gain(lat, h, inc, v):
    return v - ascent_dv(lat, h, inc, v)


def _in_arc(lo, hi, az):
    """``az`` in the clockwise arc lo → hi (radians, any turn)."""
    two_pi = 2 * np.pi
    return np.mod(az - lo, two_pi) <= np.mod(hi - lo, two_pi)


def corridor_inclination_bound(lat, h, az_min, az_max, v, upper):
    """The corridor's extreme inclinations: its two edges, and due east/west if the arc holds them."""
    i1 = inclination_from_azimuth_ground(lat, h, az_min, v)
    i2 = inclination_from_azimuth_ground(lat, h, az_max, v)
    i_min = min_inclination(lat, h)
    lo = np.where(_in_arc(az_min, az_max, np.pi / 2), np.minimum(np.minimum(i1, i2), i_min), np.minimum(i1, i2))
    hi = np.where(
        _in_arc(az_min, az_max, 3 * np.pi / 2), np.maximum(np.maximum(i1, i2), np.pi - i_min), np.maximum(i1, i2)
    )
    return np.where(upper != 0, hi, lo)


def corridor_inclinations_sampled(lat, h, az_min, az_max, v, n=200_001):
    """(least, greatest) inclination over ``n`` azimuths swept across the corridor: a brute-force check."""
    az = az_min + np.linspace(0.0, 1.0, n) * np.mod(az_max - az_min, 2 * np.pi)
    inc = inclination_from_azimuth_ground(lat, h, az, v)
    return inc.min(), inc.max()


def combined_dv(v1, v2, di):
    return np.sqrt((v2 - v1) ** 2 + 4 * v1 * v2 * np.sin(di / 2) ** 2)


def plane_change_dv(v, di):
    return 2 * v * np.abs(np.sin(di / 2))


def apsis_speed(mu, r, other):
    """Vis-viva at an apsis, in the form that is exact for a circle."""
    return np.sqrt(mu / r) * np.sqrt(2 * other / (r + other))


def hohmann_dv(mu, r1, r2):
    return np.abs(apsis_speed(mu, r1, r2) - np.sqrt(mu / r1)) + np.abs(np.sqrt(mu / r2) - apsis_speed(mu, r2, r1))


def transfer_speeds(mu, r1, rp2, ra2):
    return np.sqrt(mu / r1), apsis_speed(mu, r1, ra2), apsis_speed(mu, ra2, r1), apsis_speed(mu, ra2, rp2)


def split_total(v1, vt1, vt2, v2, di, s):
    """Two burns sharing the plane change: the first turns s·|Δi|, the second the rest."""
    di = np.abs(di)
    return combined_dv(v1, vt1, s * di) + combined_dv(vt2, v2, (1 - s) * di)


def split_dv_scalar(v1, vt1, vt2, v2, di):
    """Least two-burn Δv by scipy's bounded Brent search plus both end points."""
    return _split_scalar(v1, vt1, vt2, v2, di)[1]


def _split_scalar(v1, vt1, vt2, v2, di):
    """(share, least Δv) by scipy's bounded Brent search, compared with both end points."""

    def f(s):
        return float(split_total(v1, vt1, vt2, v2, di, s))

    res = minimize_scalar(f, bounds=(0.0, 1.0), method="bounded", options={"xatol": 1e-13})
    return min(((0.0, f(0.0)), (1.0, f(1.0)), (float(res.x), float(res.fun))), key=lambda p: p[1])


def split_dv(v1, vt1, vt2, v2, di):
    return np.vectorize(split_dv_scalar, otypes=[float])(v1, vt1, vt2, v2, di)


def split_fraction(v1, vt1, vt2, v2, di):
    """The share at the least Δv; where the cost is flat in s this is known to ~sqrt(eps) only."""
    return np.vectorize(lambda *a: _split_scalar(*a)[0], otypes=[float])(v1, vt1, vt2, v2, di)


def transfer_dv(mu, r1, rp2, ra2, di):
    return split_dv(*transfer_speeds(mu, r1, rp2, ra2), di)


def transfer_burn_dv(mu, r1, rp2, ra2, di, share):
    v1, vt1, _, _ = transfer_speeds(mu, r1, rp2, ra2)
    return combined_dv(v1, vt1, share * np.abs(di))


def gto_geo_apogee_dv(mu, inc, rp, ra):
    return combined_dv(apsis_speed(mu, ra, rp), np.sqrt(mu / ra), inc)


def supersync_speeds(mu, r1, r2, rs):
    """(v1, perigee and apogee speeds of r1 × rs, apogee and perigee speeds of r2 × rs, v2)."""
    return (
        np.sqrt(mu / r1),
        apsis_speed(mu, r1, rs),
        apsis_speed(mu, rs, r1),
        apsis_speed(mu, rs, r2),
        apsis_speed(mu, r2, rs),
        np.sqrt(mu / r2),
    )


def _supersync_one(mu, inc, r1, r2, rs):
    v1, vp_t, va_t, va_2, vp_2, v2 = supersync_speeds(mu, r1, r2, rs)
    return split_dv_scalar(v1, vp_t, va_t, va_2, inc) + abs(vp_2 - v2)


def supersync_dv(mu, inc, r1, r2, rs):
    return np.vectorize(lambda *a: _supersync_one(mu, *a), otypes=[float])(inc, r1, r2, rs)


def supersync_burns(mu, inc, r1, r2, rs, share):
    """The three burns of the supersynchronous transfer when the first takes ``share`` of the plane change."""
    v1, vp_t, va_t, va_2, vp_2, v2 = supersync_speeds(mu, r1, r2, rs)
    di = np.abs(inc)
    return combined_dv(v1, vp_t, share * di), combined_dv(va_t, va_2, (1 - share) * di), np.abs(vp_2 - v2)


def _supersync_best(mu, inc, r1, r2, rmax):
    """Least total over r_s ∈ [r2, rmax]: scipy's bounded Brent search on log r_s, and both ends."""
    ends = [_supersync_one(mu, inc, r1, r2, r) for r in (r2, rmax)]
    if rmax <= r2:
        return ends[0]
    res = minimize_scalar(
        lambda x: _supersync_one(mu, inc, r1, r2, np.exp(x)),
        bounds=(np.log(r2), np.log(rmax)),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return min(*ends, float(res.fun))


def supersync_least_dv(mu, inc, r1, r2, rmax):
    return np.vectorize(lambda *a: _supersync_best(mu, *a), otypes=[float])(inc, r1, r2, rmax)


def sso_inclination(a, e):
    c = -2 * SUN_RATE * (1 - e**2) ** 2 * a**3.5 / (3 * J2 * R_J2**2 * np.sqrt(MU))
    return np.where(np.abs(c) <= 1, np.arccos(np.clip(c, -1, 1)), np.nan)


def escape_dv(mu, r1, c3, di):
    return combined_dv(np.sqrt(mu / r1), np.sqrt(2 * mu / r1 + c3), di)


# Finite burns (orbitcoop.core.burns): planar two-body motion with thrust along the velocity,
# classical Runge–Kutta on a numpy state vector [x, y, vx, vy], the crossing step cut by
# Illinois regula falsi. The same discretisation as the kernel (steps of 1° of arc at the start,
# at most a tenth of the impulsive burn time), so the two agree to rounding.
G0 = 9.80665


def _thrust_deriv(s, m, thrust):
    r = np.hypot(s[0], s[1])
    v = np.hypot(s[2], s[3])
    acc = -MU * s[:2] / r**3 + thrust / m * s[2:] / v
    return np.concatenate([s[2:], acc])


def _rk4_state(s, m, mdot, thrust, h):
    k1 = _thrust_deriv(s, m, thrust)
    k2 = _thrust_deriv(s + 0.5 * h * k1, m - mdot * 0.5 * h, thrust)
    k3 = _thrust_deriv(s + 0.5 * h * k2, m - mdot * 0.5 * h, thrust)
    k4 = _thrust_deriv(s + h * k3, m - mdot * h, thrust)
    return s + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def _orbit_measure(s, mode):
    energy = 0.5 * (s[2] ** 2 + s[3] ** 2) - MU / np.hypot(s[0], s[1])
    if mode == 0:
        return energy
    if energy >= 0:
        return np.inf
    h = s[0] * s[3] - s[1] * s[2]
    return -MU / (2 * energy) * (1 + np.sqrt(max(0.0, 1 + 2 * energy * h**2 / MU**2)))


def _burn_one(r0, v0, m0, thrust, isp, target, mode):
    if not (r0 > 0 and v0 > 0 and m0 > 0 and thrust > 0 and isp > 0) or np.isnan(target) or mode not in (0, 1):
        return np.nan
    s = np.array([r0, 0.0, 0.0, v0])
    if _orbit_measure(s, mode) >= target:
        return 0.0
    ve = G0 * isp
    mdot = thrust / ve
    v_need = np.sqrt(2 * (target + MU / r0)) if mode == 0 else np.sqrt(2 * MU * target / (r0 * (r0 + target)))
    h = min(m0 * -np.expm1(-(v_need - v0) / ve) / mdot / 10, np.pi / 180 * r0 / v0)
    t = 0.0
    for _ in range(20000):
        m = m0 - mdot * t
        if m - mdot * h <= 0:
            return np.nan
        nxt = _rk4_state(s, m, mdot, thrust, h)
        f_hi = _orbit_measure(nxt, mode) - target
        if f_hi >= 0:
            lo, hi, f_lo, side, mid = 0.0, h, _orbit_measure(s, mode) - target, 0, h
            for _ in range(60):
                mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
                if not lo < mid < hi:
                    mid = 0.5 * (lo + hi)
                f = _orbit_measure(_rk4_state(s, m, mdot, thrust, mid), mode) - target
                if f == 0:
                    break
                if f > 0:
                    hi, f_hi = mid, f
                    f_lo = f_lo * 0.5 if side == 1 else f_lo
                    side = 1
                else:
                    lo, f_lo = mid, f
                    f_hi = f_hi * 0.5 if side == -1 else f_hi
                    side = -1
                if hi - lo <= 1e-12 * h:
                    break
            return ve * np.log(m0 / (m - mdot * mid))
        s, t = nxt, t + h
    return np.nan


def tangential_burn_dv(r0, v0, m0, thrust, isp, target, mode):
    return np.vectorize(_burn_one, otypes=[float])(r0, v0, m0, thrust, isp, target, mode)


def _departure_excess(r0, dv, m_start, thrust, isp, n):
    vc, ve, used = np.sqrt(MU / r0), G0 * isp, 0.0
    for i in range(n):
        v_to = vc + dv * (i + 1) / n
        target = 0.5 * v_to**2 - MU / r0
        used += _burn_one(r0, vc + dv * i / n, m_start * np.exp(-used / ve), thrust, isp, target, 0)
    return used - dv


def _secant_fixed_point(excess):
    """The root of excess(L) − L from L = 0 (then L = excess(0)) by the secant method, L ≥ 0."""
    xs, gs = [0.0], [excess(0.0)]
    if np.isnan(gs[0]):
        return np.nan
    xs.append(max(gs[0], 0.0))
    for _ in range(30):
        g = excess(xs[-1]) - xs[-1]
        if np.isnan(g):
            return np.nan
        if g == gs[-1] or abs(g) <= 1e-10 * (1 + xs[-1]):
            break
        gs.append(g)
        xs.append(max(xs[-1] - g * (xs[-1] - xs[-2]) / (g - gs[-2]), 0.0))
    return xs[-1]


def _departure_one(r0, dv, m_end, thrust, isp, n):
    if not (r0 > 0 and dv >= 0 and m_end > 0 and thrust > 0 and isp > 0 and n >= 1):
        return np.nan
    if dv == 0 or np.isinf(thrust):
        return 0.0
    k, ve = int(n + 0.5), G0 * isp
    return _secant_fixed_point(lambda loss: _departure_excess(r0, dv, m_end * np.exp((dv + loss) / ve), thrust, isp, k))


def departure_loss(r0, dv, m_end, thrust, isp, n):
    return np.vectorize(_departure_one, otypes=[float])(r0, dv, m_end, thrust, isp, n)


# Staged rocket equation (orbitcoop.core.payload): the phases as numpy arrays, the payload found
# by scipy's brentq on the same Δv(m) instead of the kernel's bisection.


def ideal_dv(isp, burn, drop, m0, m):
    """Σ g₀ Isp_k ln(M_k / (M_k − b_k)), M_k the mass at the start of phase k (NaN-padded phases end the list)."""
    keep = ~np.isnan(isp)
    isp, burn, drop = isp[keep], burn[keep], drop[keep]
    start = m0 + m - np.concatenate([[0.0], np.cumsum(burn + drop)[:-1]])
    return float(np.sum(G0 * isp * np.log(start / (start - burn))))


def payload_for_dv(isp, burn, drop, m0, dv_req):
    from scipy.optimize import brentq

    if ideal_dv(isp, burn, drop, m0, 0.0) < dv_req:
        return 0.0
    hi = m0
    while ideal_dv(isp, burn, drop, m0, hi) > dv_req:
        hi *= 2
    return brentq(lambda m: ideal_dv(isp, burn, drop, m0, m) - dv_req, 0.0, hi, xtol=1e-12, rtol=1e-15)


def payload_residual(isp, burn, drop, m0, dv_req, r0, dv1, dv_after, thrust, n, m):
    """What the ideal Δv with payload ``m`` lacks of the requirement plus its departure burn's loss [m/s]."""
    k = int(np.flatnonzero(~np.isnan(isp))[-1])
    m_end = (m + drop[k]) * np.exp(dv_after / (G0 * isp[k]))
    loss = float(departure_loss(r0, dv1, m_end, thrust, isp[k], n))
    return ideal_dv(isp, burn, drop, m0, m) - dv_req - loss


# ---------------------------------------------------------------- launch windows (orbitcoop.core.windows)


def crossing_offset(latc, inc, south):
    """α − Ω with the pad in the plane: sin(α − Ω) = tan φ'/tan i (Vallado 4th ed. ch. 6), clamped."""
    x = np.arcsin(np.clip(np.tan(latc) / np.tan(inc), -1.0, 1.0))
    return np.where(south != 0, np.pi - x, x)


def crossing_time(theta0, rate, lon, latc, inc, raan0, raan_rate, t_from, south):
    """First t ≥ t_from with θ0 + λ + ω t − (Ω0 + Ω̇ t) ≡ offset (mod 2π)."""
    rel = rate - raan_rate
    gap = crossing_offset(latc, inc, south) - (theta0 + lon - raan0 + rel * t_from)
    return t_from + np.mod(gap, 2 * np.pi) / rel


def plane_normal(inc, raan):
    return np.stack([np.sin(raan) * np.sin(inc), -np.cos(raan) * np.sin(inc), np.cos(inc) + 0 * raan], axis=-1)


def node_offset_angle(i_launch, inc, dnode):
    """Angle between the two planes' normals, as the chord 2 asin(|h1 − h2|/2)."""
    d = plane_normal(i_launch, dnode) - plane_normal(inc, 0 * dnode)
    return 2 * np.arcsin(np.clip(np.linalg.norm(d, axis=-1) / 2, 0, 1))


def window_half_width(i_launch, inc, rel, max_angle):
    """ΔΩ at which node_offset_angle reaches max_angle, by brentq, over the rate (one element at a time)."""
    from scipy.optimize import brentq

    out = []
    for il, i, r, m in np.broadcast(i_launch, inc, rel, max_angle):
        if m < abs(i - il):
            out.append(0.0)
        elif node_offset_angle(il, i, np.pi) <= m:
            out.append(np.pi / r)
        else:
            root = brentq(
                lambda x, il=il, i=i, m=m: node_offset_angle(il, i, x) - m, 0.0, np.pi, xtol=1e-300, rtol=8.9e-16
            )
            out.append(root / r)
    return np.array(out)


def pad_argument_of_latitude(latc, inc, south):
    """u of the pad's point of the plane, from its position vector in the plane's own axes (Ω = 0)."""
    x = np.arcsin(np.clip(np.tan(latc) / np.tan(inc), -1, 1))
    x = np.where(south != 0, np.pi - x, x)
    r = np.stack([np.cos(latc) * np.cos(x), np.cos(latc) * np.sin(x), np.sin(latc)], axis=-1)
    h = plane_normal(inc, 0 * x)
    node = np.stack([np.ones_like(x), 0 * x, 0 * x], axis=-1)
    y = np.cross(h, node)
    return np.mod(np.arctan2((r * y).sum(-1), (r * node).sum(-1)), 2 * np.pi)


def nodal_regression_rate(a, e, inc):
    """Ω̇ = −(3/2) n J2 (R/p)² cos i (Curtis 3rd ed. §4.7)."""
    n = np.sqrt(MU / a**3)
    return -1.5 * n * J2 * R_J2**2 * np.cos(inc) / (a * (1 - e**2)) ** 2


def argument_of_latitude_rate(a, e, inc):
    """u̇ = n + Ṁ_J2 + ω̇_J2: Ṁ_J2 = (3/4) n J2 (R/p)² √(1−e²)(3cos²i − 1), ω̇ = (3/4) n J2 (R/p)² (5cos²i − 1)."""
    n = np.sqrt(MU / a**3)
    k = 0.75 * n * J2 * (R_J2 / (a * (1 - e**2))) ** 2
    c2 = np.cos(inc) ** 2
    return n + k * np.sqrt(1 - e**2) * (3 * c2 - 1) + k * (5 * c2 - 1)


def phasing_time(phase, a_chaser, a_target, inc):
    gain = argument_of_latitude_rate(a_chaser, 0.0, inc) - argument_of_latitude_rate(a_target, 0.0, inc)
    return np.where(gain > 0, phase / np.where(gain > 0, gain, 1.0), np.nan)
