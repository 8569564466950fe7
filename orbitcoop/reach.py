"""Which inclinations a launch site may fly into directly: published corridors and limits, or geometry.

A site's published launch-azimuth corridors and inclination limits give intervals of
inclination (clipped to what geometry allows, [φ', 180° − φ']); with none published,
the geometric range, flagged as not known. The engine of :mod:`orbitcoop.assessment`
picks the reachable plane nearest the target from these.

>>> from orbitcoop.sites import get_site
>>> ints, known, i_min = reachable_intervals(get_site("kourou"), 7800.0)
>>> known, len(ints) > 0
(True, True)
"""

from __future__ import annotations

import functools
import math

from orbitcoop.core import vec
from orbitcoop.sites import LaunchSite

#: Tolerance on inclinations [rad] when deciding "reachable": well below any published precision.
REACH_TOLERANCE_RAD = 1e-9


@functools.cache
def reachable_intervals(site: LaunchSite | None, speed: float):
    """Inclination intervals [rad] a site may launch into directly, whether they are published, and φ' [rad].

    ``speed`` [m/s] is the insertion speed corridors are converted at. Cached: sites are few.

    Published corridors and inclination limits (clipped to what geometry allows);
    with none published, the geometric range [φ', 180° − φ'] and ``known=False``.
    """
    lat = math.radians(site.latitude_deg) if site else 0.0
    alt = (site.elevation_m or 0.0) if site else 0.0
    i_min = float(vec.min_inclination(lat, alt))
    geo_lo, geo_hi = i_min, math.pi - i_min
    out = []
    if site is not None:
        for c in site.corridors:
            a0, a1 = math.radians(c.azimuth_min_deg), math.radians(c.azimuth_max_deg)
            lo = float(vec.corridor_inclination_bound(lat, alt, a0, a1, speed, 0.0))
            hi = float(vec.corridor_inclination_bound(lat, alt, a0, a1, speed, 1.0))
            out.append((lo, hi))
        for lim in site.inclination_limits:
            lo = geo_lo if lim.min_deg is None else max(geo_lo, math.radians(lim.min_deg))
            hi = geo_hi if lim.max_deg is None else min(geo_hi, math.radians(lim.max_deg))
            if lo <= hi:
                out.append((lo, hi))
    known = bool(site is not None and site.constraints_known)
    if not out:
        out = [(geo_lo, geo_hi)]
    return tuple(out), known, i_min


def same_range_alternatives(site: LaunchSite, inc: float, speed: float) -> list[str]:
    """Notes naming the site's pads (or a pad's station and sibling pads) whose published constraints
    allow inclination ``inc`` [rad] directly where ``site``'s do not: the same range, another way out."""
    from orbitcoop.sites import list_sites

    family = site.parent or site.id
    return [
        f"{s.id} (same range; {s.constraints_label}) reaches {math.degrees(inc):.2f}° directly"
        for s in list_sites(status="active")
        if s.id != site.id
        and (s.id == family or s.parent == family)
        and s.constraints_known
        and abs(nearest_reachable(s, inc, speed) - inc) < REACH_TOLERANCE_RAD
    ]


def nearest_reachable(site, inc, speed):
    """The inclination [rad] nearest ``inc`` [rad] that the site may launch into directly."""
    ints, _, _ = reachable_intervals(site, speed)
    return min((min(max(inc, lo), hi) for lo, hi in ints), key=lambda x: abs(x - inc))
