"""Branch-free trigonometry that LLVM can vectorise.

Calls to libm's ``sin`` keep a loop scalar (no SVML here); a polynomial lets the
array loops run as SIMD code (benchmarks/bench_kernels.py: 0.3 ns against 5 ns
per element). Accuracy is checked against ``math.sin`` in tests/test_trig.py.
"""

import math

from orbitcoop.core.jit import jit

# Taylor coefficients (−1)^k / (2k+1)! for k = 1..9. On |x| ≤ π/2 the first omitted
# term, x^21/21!, is below 6e-17 (relative error of the sum < 4e-16).
_S3 = -1.0 / 6.0
_S5 = 1.0 / 120.0
_S7 = -1.0 / 5040.0
_S9 = 1.0 / 362880.0
_S11 = -1.0 / 39916800.0
_S13 = 1.0 / 6227020800.0
_S15 = -1.0 / 1307674368000.0
_S17 = 1.0 / 355687428096000.0
_S19 = -1.0 / 121645100408832000.0


@jit
def sin_quadrant(x):
    """sin x for |x| ≤ π/2 by its Taylor series to x^19 (Horner form in x²)."""
    x2 = x * x
    p = _S19
    p = p * x2 + _S17
    p = p * x2 + _S15
    p = p * x2 + _S13
    p = p * x2 + _S11
    p = p * x2 + _S9
    p = p * x2 + _S7
    p = p * x2 + _S5
    p = p * x2 + _S3
    return x + x * x2 * p


@jit
def sin_half(angle_rad):
    """|sin(θ/2)| for |θ| ≤ 2π, branch-free: θ/2 is folded into [0, π/2] by sin(π − y) = sin y."""
    y = 0.5 * abs(angle_rad)
    y = min(y, math.pi - y)
    return sin_quadrant(y)


@jit
def sin_half_turn(x):
    """sin x for 0 ≤ x ≤ π (folded onto the quadrant: sin(π − x) = sin x)."""
    return sin_quadrant(min(x, math.pi - x))
