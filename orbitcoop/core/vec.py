"""Array versions of all kernels, by name: ``vec.rotation_speed(lat_rad, alt_m)``.

Importing this module imports every kernel module (each registers its array version in
:data:`orbitcoop.core.jit.KERNELS`), so the units API reaches any kernel through one
explicit import, ``from orbitcoop.core import vec``, with no lazy lookup.
"""

from orbitcoop.core import (  # noqa: F401  (registers kernels)
    azimuth,
    burns,
    checks,
    dogleg,
    geo,
    geodesy,
    maneuvers,
    sso,
    windows,
)
from orbitcoop.core.jit import KERNELS

# The kernels' array versions become this module's attributes (vec.<name>).
globals().update(KERNELS)
