"""From a geostationary transfer orbit (or its parking orbit) to GEO.

Three strategies, in increasing sophistication:

* apogee: the launcher flies an in-plane perigee burn; the satellite does the
  whole plane change at GTO apogee, where the speed is lowest. This is the
  user's-manual convention for "Δv to GEO" of a GTO (Ariane 5 User's Manual,
  Issue 5, 2008: 1500 m/s for the standard 6° GTO).
* optimal split: a few degrees of the plane change go into the perigee burn,
  the rest into the apogee burn, with the split minimising the total
  (:func:`orbitcoop.core.maneuvers.split_fraction`; Vallado 4th ed., ch. 6,
  combined manoeuvres).
* supersynchronous: the perigee burn raises apogee above GEO to r_s, where the
  plane change is cheaper still; a burn at r_s raises perigee to GEO and does
  the plane change, and a third burn at GEO circularises (retrograde). The
  apogee r_s is optimised by golden-section search on log r_s.
"""

import math

from orbitcoop.core.jit import jit, kernel
from orbitcoop.core.maneuvers import apsis_speed, combined_dv, split_dv, split_fraction

INV_PHI = 0.5 * (math.sqrt(5.0) - 1.0)


@kernel(4)
def gto_geo_apogee_dv(mu, inc_rad, rp_m, ra_m):
    """Single apogee burn from the GTO (rp, ra, i) to the circular equatorial orbit at ra.

    Δv = sqrt(v_a² + v_c² − 2 v_a v_c cos i), v_a = sqrt(μ(2/ra − 1/a)), v_c = sqrt(μ/ra)
    (Curtis 3rd ed., ch. 6, plane change manoeuvres; the "Δv to GEO" of user's manuals).
    """
    return combined_dv(apsis_speed(mu, ra_m, rp_m), math.sqrt(mu / ra_m), inc_rad)


@jit
def _supersync_parts(mu, inc, r1, r2, rs):
    """Speeds of the three-burn supersynchronous transfer r1 → (r1 × rs) → (r2 × rs) → r2."""
    v1 = math.sqrt(mu / r1)
    v2 = math.sqrt(mu / r2)
    return v1, apsis_speed(mu, r1, rs), apsis_speed(mu, rs, r1), apsis_speed(mu, rs, r2), apsis_speed(mu, r2, rs), v2


@jit
def _supersync_total(mu, inc, r1, r2, rs):
    v1, vp_t, va_t, va_2, vp_2, v2 = _supersync_parts(mu, inc, r1, r2, rs)
    return split_dv(v1, vp_t, va_t, va_2, inc) + abs(vp_2 - v2)


@kernel(5)
def supersync_apogee(mu, inc_rad, r1_m, r2_m, rmax_m):
    """Intermediate apogee radius r_s ∈ [r2, rmax] that minimises the supersynchronous total.

    Golden-section search on log r_s (80 steps, relative width < 1e-16), then the
    end points are compared, so r_s = r2 (the two-burn split) when it is cheaper.
    """
    lo = math.log(r2_m)
    hi = math.log(rmax_m)
    if hi <= lo:
        return r2_m
    x1 = hi - INV_PHI * (hi - lo)
    x2 = lo + INV_PHI * (hi - lo)
    f1 = _supersync_total(mu, inc_rad, r1_m, r2_m, math.exp(x1))
    f2 = _supersync_total(mu, inc_rad, r1_m, r2_m, math.exp(x2))
    for _ in range(80):
        if f1 <= f2:
            hi = x2
            x2 = x1
            f2 = f1
            x1 = hi - INV_PHI * (hi - lo)
            f1 = _supersync_total(mu, inc_rad, r1_m, r2_m, math.exp(x1))
        else:
            lo = x1
            x1 = x2
            f1 = f2
            x2 = lo + INV_PHI * (hi - lo)
            f2 = _supersync_total(mu, inc_rad, r1_m, r2_m, math.exp(x2))
        if hi - lo < 1e-16:
            break
    best = math.exp(0.5 * (lo + hi))
    fb = _supersync_total(mu, inc_rad, r1_m, r2_m, best)
    for r in (r2_m, rmax_m):
        f = _supersync_total(mu, inc_rad, r1_m, r2_m, r)
        if f < fb:
            fb = f
            best = r
    return best


@kernel(5)
def supersync_dv(mu, inc_rad, r1_m, r2_m, rs_m):
    """Total Δv [m/s] of the supersynchronous transfer through apogee ``rs_m``."""
    return _supersync_total(mu, inc_rad, r1_m, r2_m, rs_m)


@kernel(5)
def supersync_fraction(mu, inc_rad, r1_m, r2_m, rs_m):
    """Share of the plane change done at the perigee (first) burn of the supersynchronous transfer."""
    v1, vp_t, va_t, va_2, _, _ = _supersync_parts(mu, inc_rad, r1_m, r2_m, rs_m)
    return split_fraction(v1, vp_t, va_t, va_2, inc_rad)


@kernel(6)
def supersync_burn_dv(mu, inc_rad, r1_m, r2_m, rs_m, which):
    """Δv [m/s] of burn ``which`` (0 perigee, 1 apogee at rs, 2 circularisation at r2)."""
    v1, vp_t, va_t, va_2, vp_2, v2 = _supersync_parts(mu, inc_rad, r1_m, r2_m, rs_m)
    s = split_fraction(v1, vp_t, va_t, va_2, inc_rad)
    di = abs(inc_rad)
    if which == 0.0:
        return combined_dv(v1, vp_t, s * di)
    if which == 1.0:
        return combined_dv(va_t, va_2, (1.0 - s) * di)
    return abs(vp_2 - v2)
