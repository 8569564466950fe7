"""Accuracy of the polynomial sine (orbitcoop/core/trig.py) against libm's ``math.sin``.

trig.py's docstring cites this file: on |x| ≤ π/2 the Taylor series to x^19 has a
truncation error below 6e-17 and a relative error of the sum below 4e-16.
"""

import math

import numpy as np
import pytest

from orbitcoop.core.trig import sin_half, sin_half_turn, sin_quadrant

#: The relative error trig.py's docstring claims for the quadrant polynomial.
QUADRANT_REL_TOL = 4e-16
#: Folding onto the quadrant (π − y) rounds once more: one ulp of π, 4.4e-16, bounds what it adds.
FOLDED_ABS_TOL = 5e-16
N = 20_001


def test_sin_quadrant_relative_error_on_the_quadrant():
    x = np.linspace(-math.pi / 2, math.pi / 2, N)
    x = x[x != 0.0]
    rel = max(abs(sin_quadrant(t) - math.sin(t)) / abs(math.sin(t)) for t in x)
    assert rel < QUADRANT_REL_TOL


@pytest.mark.parametrize("x", [0.0, 1e-300, 1e-8, math.pi / 2, -math.pi / 2])
def test_sin_quadrant_end_points(x):
    assert sin_quadrant(x) == pytest.approx(math.sin(x), rel=QUADRANT_REL_TOL, abs=0.0)


def test_sin_half_on_a_full_turn_either_way():
    theta = np.linspace(-2 * math.pi, 2 * math.pi, N)
    err = max(abs(sin_half(t) - abs(math.sin(t / 2))) for t in theta)
    assert err < FOLDED_ABS_TOL


def test_sin_half_turn_on_zero_to_pi():
    x = np.linspace(0.0, math.pi, N)
    err = max(abs(sin_half_turn(t) - math.sin(t)) for t in x)
    assert err < FOLDED_ABS_TOL
