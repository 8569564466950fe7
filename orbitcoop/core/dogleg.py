"""Out-of-corridor and below-minimum launches: the cheapest way that still reaches the orbit.

Model. A site can fly only the azimuths of its published corridors, and no
azimuth at all reaches an inclination below its geocentric latitude φ'
(:mod:`.azimuth`, eq. 1). The cheapest way to an orbit of inclination i that is
out of reach is then:

1. launch into the reachable inclination i_r nearest to i, at the moment that
   puts the new orbit's node on the target's node (so the two planes differ by
   |i − i_r| only, the least angle any reachable plane can have);
2. turn the plane by Δi = |i − i_r| where the orbits cross, at the equator,
   in one burn at insertion speed (2 v sin(Δi/2)) for an orbit at the parking
   altitude, or split optimally between the burns of the transfer to a higher
   orbit (:func:`orbitcoop.core.maneuvers.transfer_dv`).

An ascent dogleg (yaw steering while the engines burn) can do a little better
than a plane change after insertion, at the cost of gravity and steering losses
that depend on the vehicle; the model above is the vehicle-independent upper
bound (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., ch. 6,
inclination-only change at the node).

Which inclinations a corridor reaches. With ground azimuth β_R swept over a
corridor [β_min, β_max] (clockwise, possibly through north), the inclination
reached (:func:`.azimuth.inclination_from_azimuth_ground`) is a continuous
function of β_R whose only extremes are due east (i = φ') and due west
(i = 180° − φ'). The corridor's inclinations are therefore the interval between
the least and greatest of: its two edges, φ' if it contains 90°, and 180° − φ'
if it contains 270°.
"""

import math

import numpy as np

from orbitcoop.core.azimuth import inclination_from_azimuth_ground, min_inclination
from orbitcoop.core.jit import jit, kernel

TWO_PI = 2.0 * math.pi


@jit
def _contains(az_min, az_max, az):
    """True if ``az`` lies in the clockwise arc from az_min to az_max (all in [0, 2π))."""
    span = (az_max - az_min) % TWO_PI
    return (az - az_min) % TWO_PI <= span


@kernel(6)
def corridor_inclination_bound(lat_rad, alt_m, az_min_rad, az_max_rad, speed_m_s, upper):
    """Least (``upper`` = 0) or greatest (``upper`` = 1) inclination [rad] a corridor reaches."""
    i1 = inclination_from_azimuth_ground(lat_rad, alt_m, az_min_rad, speed_m_s)
    i2 = inclination_from_azimuth_ground(lat_rad, alt_m, az_max_rad, speed_m_s)
    lo = min(i1, i2)
    hi = max(i1, i2)
    i_min = min_inclination(lat_rad, alt_m)
    if _contains(az_min_rad % TWO_PI, az_max_rad % TWO_PI, 0.5 * math.pi):
        lo = min(lo, i_min)
    if _contains(az_min_rad % TWO_PI, az_max_rad % TWO_PI, 1.5 * math.pi):
        hi = max(hi, math.pi - i_min)
    return hi if upper != 0.0 else lo


@jit
def nearest_inclination(inc_rad, lo_rad, hi_rad):
    """The inclination in the union of intervals [lo_k, hi_k] nearest to ``inc_rad``.

    NaN rows (padding) are skipped; returns NaN if there is no interval at all.
    """
    best = math.nan
    best_d = math.inf
    for k in range(lo_rad.shape[0]):
        lo = lo_rad[k]
        hi = hi_rad[k]
        if math.isnan(lo) or math.isnan(hi):
            continue
        cand = min(max(inc_rad, lo), hi)
        d = abs(cand - inc_rad)
        if d < best_d:
            best_d = d
            best = cand
    return best


@jit
def nearest_inclination_rows(inc_rad, lo_rad, hi_rad):
    """Vector form: for each k, the inclination nearest inc_rad[k] within the intervals of row k of lo/hi."""
    out = np.empty(inc_rad.shape[0])
    for k in range(inc_rad.shape[0]):
        out[k] = nearest_inclination(inc_rad[k], lo_rad[k], hi_rad[k])
    return out
