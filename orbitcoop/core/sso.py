"""Sun-synchronous inclination from the J2 nodal regression.

The node of an orbit regresses at (Curtis, Orbital Mechanics for Engineering
Students, 3rd ed., §4.7, effects of the Earth's oblateness; Vallado 4th ed., ch. 9):

    Ω̇ = −(3/2) sqrt(μ) J2 R² cos i / ((1 − e²)² a^(7/2))

A sun-synchronous orbit has Ω̇ = 2π per tropical year, hence

    cos i = −2 Ω̇ (1 − e²)² a^(7/2) / (3 J2 R² sqrt(μ))

R is the reference radius of the J2 coefficient (EGM96: 6 378 136.3 m).
"""

import math

from orbitcoop.core.constants import GM_EARTH_M3_S2, J2_EARTH, SUN_SYNC_RATE_RAD_S
from orbitcoop.core.jit import kernel

#: Reference radius of the EGM96 coefficients [m] (Lemoine et al. 1998, NASA/TP-1998-206861).
J2_REFERENCE_RADIUS_M = 6378136.3


@kernel(2)
def sso_inclination(a_m, ecc):
    """Sun-synchronous inclination [rad] at semi-major axis a, eccentricity e; NaN if none exists."""
    k = 1.0 - ecc * ecc
    c = (
        -2.0
        * SUN_SYNC_RATE_RAD_S
        * k
        * k
        * a_m**3.5
        / (3.0 * J2_EARTH * J2_REFERENCE_RADIUS_M**2 * math.sqrt(GM_EARTH_M3_S2))
    )
    # acos of the clamped value: LLVM may evaluate it before the branch, and acos
    # of |c| > 1 would raise the FP "invalid" flag (numpy then warns).
    i = math.acos(min(1.0, max(-1.0, c)))
    return math.nan if (c < -1.0 or c > 1.0) else i
