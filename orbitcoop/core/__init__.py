"""Numba kernels on plain floats and arrays, in SI units (m, s, rad).

Nothing here imports astropy and nothing here raises (numba's numpy error
model: a division by zero gives inf/NaN): an infeasible geometry comes back as
NaN, an unreachable payload as 0. Range checks and the errors that explain them
live in the units API (:mod:`orbitcoop.geometry`, :mod:`orbitcoop.maneuvers`,
:mod:`orbitcoop.assessment`, :mod:`orbitcoop.payload`).

Each kernel is written once as a scalar ``@jit`` function, called by that name
from other kernels. Its array version, a loop derived from the scalar, is
``orbitcoop.core.vec.<name>``: numpy broadcasting, no Python loop over elements.
``orbitcoop.core.jit.JIT_ENABLED`` says whether the compiled path is active
(``NUMBA_DISABLE_JIT=1`` runs the same code as plain Python).

This package imports nothing itself: ``orbitcoop.core.constants`` loads without numba
(the catalogues use it), and each module that needs kernels imports them explicitly.
"""
