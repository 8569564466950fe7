"""Which inclinations a launch site may fly into directly: published corridors and limits, or geometry.

A site's published launch-azimuth corridors and inclination limits give intervals of
inclination (clipped to what geometry allows, [φ', 180° − φ']), widened by the bands the
flight record shows it flying (:mod:`orbitcoop.record`: the record wins over a published limit
it contradicts); with none published, the geometric range, flagged as not known. The engine
of :mod:`orbitcoop.assessment` picks the reachable plane nearest the target from these.

>>> from orbitcoop.sites import get_site
>>> ints, known, i_min = reachable_intervals(get_site("kourou"), 7800.0)
>>> known, len(ints) > 0
(True, True)
"""

from __future__ import annotations

import functools
import math

from orbitcoop.core import vec
from orbitcoop.sites import Corridor, InclinationLimit, LaunchSite

#: Tolerance on inclinations [rad] when deciding "reachable": well below any published precision.
REACH_TOLERANCE_RAD = 1e-9


# Bounded: the key includes the insertion speed, i.e. the caller's parking altitude, which a
# sweep may vary freely (40,000 distinct altitudes once held 40,000 entries; issue 17.9).
@functools.lru_cache(maxsize=4096)
def reachable_intervals(site: LaunchSite | None, speed: float):
    """Inclination intervals [rad] a site may launch into directly, whether they are published, and φ' [rad].

    ``speed`` [m/s] is the insertion speed corridors are converted at. Cached (at most 4,096 entries).

    Published corridors and inclination limits, widened by the flown envelope (clipped to what
    geometry allows); with none published, the geometric range [φ', 180° − φ'] and ``known=False``.
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
        # The flight record: bands of inclination the site keeps flying are allowed too, where
        # published limits would exclude them (orbitcoop.record). With nothing published the record
        # restricts nothing: a plane not flown yet is not a plane forbidden.
        for band in site.envelope if site.published_known else ():
            lo, hi = max(geo_lo, math.radians(band.min_deg)), min(geo_hi, math.radians(band.max_deg))
            if lo <= hi:
                out.append((lo, hi))
    known = bool(site is not None and site.published_known)
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
        and s.published_known
        and abs(nearest_reachable(s, inc, speed) - inc) < REACH_TOLERANCE_RAD
    ]


def allowed_by(site: LaunchSite, inc: float, speed: float) -> list[str]:
    """A note naming what allows inclination ``inc`` [rad] when the site's own published constraints
    do not: one of its pads' (a station is the union of its pads), else its flown envelope."""
    from dataclasses import replace

    def allows(corridors, limits):
        trial = replace(site, corridors=tuple(corridors), inclination_limits=tuple(limits), envelope=())
        return bool(corridors or limits) and abs(nearest_reachable(trial, inc, speed) - inc) < REACH_TOLERANCE_RAD

    own = [c for c in site.corridors if not c.pad], [c for c in site.inclination_limits if not c.pad]
    if allows(*own):
        return []
    for c in (*site.corridors, *site.inclination_limits):
        if c.pad and allows([c] * isinstance(c, Corridor), [c] * isinstance(c, InclinationLimit)):
            return [f"launched from pad {c.pad}: its {c.label} allows {math.degrees(inc):.2f}° ({c.source})"]
    band = site.flown_band(math.degrees(inc))
    if band is not None:
        return [f"flown envelope: {band.label} on {', '.join(band.vehicles)} ({band.source})"]
    return []


def nearest_reachable(site, inc, speed):
    """The inclination [rad] nearest ``inc`` [rad] that the site may launch into directly."""
    ints, _, _ = reachable_intervals(site, speed)
    return min((min(max(inc, lo), hi) for lo, hi in ints), key=lambda x: abs(x - inc))
