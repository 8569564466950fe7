"""Launch windows: when a launch site passes through a target orbit plane.

Angles are measured in a frame that turns with the equinox of date (SGP4's TEME and the
mean sun both are): the pad's right ascension is α(t) = θ₀ + λ + ω t with θ₀ the Greenwich
mean sidereal time at the start epoch and ω its rate (from ERFA at the API edge, not here).
The node regresses linearly, Ω(t) = Ω₀ + Ω̇ t.

Crossing condition. The pad (geocentric latitude φ', right ascension α) lies in the plane
(i, Ω) when its position vector is normal to the plane's angular momentum
ĥ = (sin Ω sin i, −cos Ω sin i, cos i):

    r̂·ĥ = sin φ' cos i − cos φ' sin i sin(α − Ω) = 0  ⇔  sin(α − Ω) = tan φ' / tan i      (1)

the spherical right triangle of node, pad and equator (Vallado, Fundamentals of Astrodynamics
and Applications, 4th ed., ch. 6 and §11 on launch windows; Curtis, Orbital Mechanics for
Engineering Students, 3rd ed., ch. 4, the orbit's right ascension and declination). The
ascending (northbound) solution has α − Ω = asin(tan φ'/tan i), the descending one π minus it:
two solutions per revolution of α − Ω when |φ'| ≤ i ≤ 180° − |φ'|. Where |tan φ'/tan i| > 1 the
site never passes under the plane; the clamped value ±π/2 is then the pad's closest approach
(the plane's highest latitude), and both branches give it.

Node offset. A launch that reaches the plane of inclination i_L through the pad at a time when
its node misses Ω by ΔΩ must turn the plane by θ (spherical law of cosines on the two poles;
Vallado 4th ed. ch. 6, combined changes of inclination and node):

    cos θ = cos i_L cos i + sin i_L sin i cos ΔΩ                                           (2)
    sin²(θ/2) = sin²((i − i_L)/2) + sin i_L sin i sin²(ΔΩ/2)       (the same, in half angles)

θ ≈ ΔΩ sin i to first order when i_L = i. ΔΩ grows at the rate ω − Ω̇ away from the window.

J2 secular rates (Vallado 4th ed. ch. 9, secular J2 effects; Curtis 3rd ed. §4.7), p = a(1 − e²):

    Ω̇ = −(3/2) n J2 (R/p)² cos i                                                          (3)
    u̇ = Ṁ + ω̇ = n [1 + (3/4) J2 (R/p)² (√(1 − e²)(2 − 3 sin² i) + 4 − 5 sin² i)]          (4)
"""

import math

from orbitcoop.core.constants import GM_EARTH_M3_S2, J2_EARTH
from orbitcoop.core.jit import kernel
from orbitcoop.core.sso import J2_REFERENCE_RADIUS_M

TWO_PI = 2.0 * math.pi


@kernel(3)
def crossing_offset(latc_rad, inc_rad, south):
    """α − Ω [rad] at which the pad lies in the plane, from (1); the closest approach if it never does.

    ``south`` = 0 for the ascending (northbound) pass, 1 for the descending one.
    """
    ratio = math.tan(latc_rad) / math.tan(inc_rad)
    x = math.asin(min(1.0, max(-1.0, ratio)))
    if south != 0.0:
        x = math.pi - x
    return x


@kernel(9)
def crossing_time(theta0_rad, rate_rad_s, lon_rad, latc_rad, inc_rad, raan0_rad, raan_rate_rad_s, t_from_s, south):
    """First time [s after the start epoch] at or after ``t_from_s`` when the pad crosses the plane, from (1).

    α(t) − Ω(t) = θ₀ + λ − Ω₀ + (ω − Ω̇) t must equal the branch's offset (:func:`crossing_offset`)
    modulo 2π; ω − Ω̇ > 0 for every Earth orbit, so the solutions are 2π/(ω − Ω̇) apart.
    """
    rel = rate_rad_s - raan_rate_rad_s
    target = crossing_offset(latc_rad, inc_rad, south)
    now = theta0_rad + lon_rad - raan0_rad + rel * t_from_s
    return t_from_s + ((target - now) % TWO_PI) / rel


@kernel(3)
def node_offset_angle(i_launch_rad, inc_rad, dnode_rad):
    """Angle [rad] between the planes (i_L, Ω + ΔΩ) and (i, Ω), from (2).

    In half-angle form, sin²(θ/2) = sin²((i − i_L)/2) + sin i_L sin i sin²(ΔΩ/2), which keeps
    full precision for small angles (acos of (2) would not).
    """
    a = math.sin(0.5 * (inc_rad - i_launch_rad))
    b = math.sin(0.5 * dnode_rad)
    s2 = a * a + math.sin(i_launch_rad) * math.sin(inc_rad) * b * b
    return 2.0 * math.asin(min(1.0, math.sqrt(max(0.0, s2))))


@kernel(4)
def window_half_width(i_launch_rad, inc_rad, rel_rate_rad_s, max_angle_rad):
    """Time [s] either side of a window during which the plane offset (2) stays ≤ ``max_angle_rad``.

    Solves the half-angle form of (2) for ΔΩ and divides by the rate ω − Ω̇ at which the node offset
    grows. Zero when even the window's own offset |i − i_L| exceeds the limit; half a period when
    every node is within it.
    """
    half_period = math.pi / rel_rate_rad_s
    if max_angle_rad < abs(inc_rad - i_launch_rad):
        return 0.0
    den = math.sin(i_launch_rad) * math.sin(inc_rad)
    if den <= 0.0 or max_angle_rad >= math.pi:
        return half_period
    a = math.sin(0.5 * (inc_rad - i_launch_rad))
    m = math.sin(0.5 * max_angle_rad)
    b2 = (m * m - a * a) / den
    if b2 >= 1.0:
        return half_period
    return 2.0 * math.asin(math.sqrt(max(0.0, b2))) / rel_rate_rad_s


@kernel(3)
def pad_argument_of_latitude(latc_rad, inc_rad, south):
    """Argument of latitude u [rad, 0..2π) of the pad's point of the plane: sin φ' = sin i sin u.

    u in (−π/2, π/2) on the ascending pass, π − that on the descending one; NaN if |φ'| > i.
    """
    s = math.sin(latc_rad) / math.sin(inc_rad)
    if abs(s) > 1.0 + 1e-15:
        return math.nan
    x = math.asin(min(1.0, max(-1.0, s)))
    if south != 0.0:
        x = math.pi - x
    return x % TWO_PI


@kernel(3)
def nodal_regression_rate(a_m, ecc, inc_rad):
    """J2 secular rate of the node Ω̇ [rad/s], from (3)."""
    p = a_m * (1.0 - ecc * ecc)
    n = math.sqrt(GM_EARTH_M3_S2 / a_m**3)
    return -1.5 * n * J2_EARTH * (J2_REFERENCE_RADIUS_M / p) ** 2 * math.cos(inc_rad)


@kernel(3)
def argument_of_latitude_rate(a_m, ecc, inc_rad):
    """J2 secular rate of the argument of latitude u̇ = Ṁ + ω̇ [rad/s], from (4)."""
    p = a_m * (1.0 - ecc * ecc)
    n = math.sqrt(GM_EARTH_M3_S2 / a_m**3)
    s2 = math.sin(inc_rad) ** 2
    k = 0.75 * J2_EARTH * (J2_REFERENCE_RADIUS_M / p) ** 2
    return n * (1.0 + k * (math.sqrt(1.0 - ecc * ecc) * (2.0 - 3.0 * s2) + 4.0 - 5.0 * s2))


@kernel(4)
def phasing_time(phase_rad, a_chaser_m, a_target_m, inc_rad):
    """Time [s] for a circular chaser at ``a_chaser_m`` to gain ``phase_rad`` on a circular target.

    Both in the same plane; each moves at its J2 rate (4). NaN if the chaser does not gain (not lower).
    """
    gain = argument_of_latitude_rate(a_chaser_m, 0.0, inc_rad) - argument_of_latitude_rate(a_target_m, 0.0, inc_rad)
    if gain <= 0.0:
        return math.nan
    return phase_rad / gain
