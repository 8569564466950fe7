"""Numba kernels on plain floats and arrays, in SI units (m, s, rad).

Nothing here imports astropy and nothing here raises (numba's numpy error
model: a division by zero gives inf/NaN): an infeasible geometry comes back as
NaN, an unreachable payload as 0. Range checks and the errors that explain them
live in the units API, :mod:`orbitcoop.feasibility` and :mod:`orbitcoop.performance`.

Each kernel is written once as a scalar ``@jit`` function, called by that name
from other kernels. Its array version, a ufunc derived from the scalar, is
``vec.<name>``: numpy broadcasting, no Python loop over elements.
``JIT_ENABLED`` says whether the compiled path is active (``NUMBA_DISABLE_JIT=1``
runs the same code as plain Python).
"""

from types import SimpleNamespace

from orbitcoop.core import azimuth, burns, checks, dogleg, geo, geodesy, maneuvers, sso, windows  # noqa: F401  (registers kernels)
from orbitcoop.core.jit import JIT_ENABLED, KERNELS

#: Array versions of all kernels, by name: ``vec.rotation_speed(lat_rad, alt_m)``.
vec = SimpleNamespace(**KERNELS)

__all__ = ["JIT_ENABLED", "KERNELS", "vec"]
