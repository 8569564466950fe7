"""The claims engine's questions: one small class per metric, each loading its fields and evaluating.

A new metric is one class here, registered in :data:`METRICS` (docs/architecture.md).
"""

from __future__ import annotations

import math
import re
from typing import ClassVar

import astropy.units as u

import orbitcoop
from orbitcoop.errors import ClaimsFileError
from orbitcoop.orbits import as_target
from orbitcoop.sites import Catalogue
from orbitcoop.verdicts import (
    DV_UNCERTAINTY,
    MPS,
    Comparison,
    mass_band,
    mass_kg,
    orbit_label,
    pct_diff,
    read_field,
    read_orbits,
    read_site,
    read_source,
    read_threshold,
    read_vehicle,
    total_dv_m_s,
)

# ------------------------------------------------------------------ metrics: one class each


class Metric:
    """A question type. Subclasses set ``name``, read their fields in ``__init__`` and
    return a list of :class:`Comparison` from ``evaluate``."""

    name: ClassVar[str] = ""
    needs_payload: ClassVar[bool] = False

    def __init__(self, q: dict, where: str, cat: Catalogue):
        self.q = q
        self.orbits = read_orbits(q, where)

    def evaluate(self, cat: Catalogue) -> list[Comparison]:
        raise NotImplementedError


class DvDifference(Metric):
    """Total Δv of ``site`` minus each reference's, per orbit.

    ``comparison``: ``more`` (the site costs at least ``threshold_m_s`` more), ``less`` (saves at
    least that much) or ``not_more`` (costs no more than the threshold above the reference).
    An optional ``vehicle`` prices the difference as payload (the same rocket from both sites).
    """

    name = "dv_difference"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.site = read_site(cat, read_field(q, "site", str, where), where)
        self.refs = [read_site(cat, r, where) for r in read_field(q, "references", list, where)]
        self.mode = read_field(q, "comparison", str, where)
        if self.mode not in ("more", "less", "not_more"):
            raise ClaimsFileError(f"{where}: comparison must be one of ('more', 'less', 'not_more'), got {self.mode!r}")
        self.thr = read_threshold(q, "threshold_m_s", where)
        v = read_field(q, "vehicle", str, where, optional=True)
        self.vehicle = read_vehicle(v, where) if v else None

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            own = orbitcoop.assess(cat.get(self.site), o)
            for r in self.refs:
                ref = orbitcoop.assess(cat.get(r), o)
                d = total_dv_m_s(own) - total_dv_m_s(ref)
                if self.mode == "more":
                    margin, want = d - self.thr, f"at least {self.thr:.0f} m/s more"
                elif self.mode == "less":
                    margin, want = -d - self.thr, f"at least {self.thr:.0f} m/s less"
                else:
                    margin, want = self.thr - d, f"no more than {self.thr:.0f} m/s more"
                text = (
                    f"To {orbit_label(o)}, {self.site} needs {total_dv_m_s(own):.0f} m/s ({own.strategy}), {ref.site}"
                    f" {total_dv_m_s(ref):.0f} m/s ({ref.strategy}): {abs(d):.0f} m/s {'more' if d >= 0 else 'less'}."
                )
                payload, unc = "", DV_UNCERTAINTY
                if self.vehicle:
                    payload, unc = same_rocket(self.vehicle, self.site, r, o, unc)
                out.append(
                    Comparison(
                        text,
                        margin >= 0,
                        f"{margin:+.0f} m/s against the test ({want})",
                        f"the outcome flips if {self.site} needed {flip_dv(self.mode, self.thr)} m/s"
                        f" {'more' if self.mode != 'less' else 'less'} than {r} instead of {d:+.0f}",
                        payload,
                        unc,
                        {"orbit": orbit_label(o), "site": self.site, "reference": r, "difference_m_s": round(d, 1)},
                    )
                )
        return out


def flip_dv(mode, thr):
    return f"{'under' if mode == 'more' else 'under' if mode == 'less' else 'over'} {thr:.0f}"


def same_rocket(vehicle, site, ref, orbit, unc):
    """The Δv difference as payload: the same rocket from both sites (payload model)."""
    try:
        a, b = orbitcoop.payload(vehicle, site, orbit), orbitcoop.payload(vehicle, ref, orbit)
    except orbitcoop.MissingVehicleDataError as exc:
        return f"no payload estimate: {exc}", unc
    d = mass_kg(a) - mass_kg(b)
    return (
        f"{vehicle} lifts {mass_kg(a):.0f} kg from {site} and {mass_kg(b):.0f} kg from {ref}:"
        f" {abs(d) / 1000:.2f} t ({abs(pct_diff(mass_kg(a), mass_kg(b))):.0f} %) {'more' if d >= 0 else 'less'}",
        f"{unc}; payload model band {mass_band(a)[0]:.0f}–{mass_band(a)[1]:.0f} kg from {site} to {a.orbit}",
    )


class PayloadDifference(Metric):
    """The same vehicle's payload from ``site`` against each reference site, in %."""

    name = "payload_difference"
    needs_payload = True

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.vehicle = read_vehicle(read_field(q, "vehicle", str, where), where)
        self.site = read_site(cat, read_field(q, "site", str, where), where)
        self.refs = [read_site(cat, r, where) for r in read_field(q, "references", list, where)]
        self.mode = read_field(q, "comparison", str, where)
        if self.mode not in ("more", "less", "similar"):
            raise ClaimsFileError(f"{where}: comparison must be one of ('more', 'less', 'similar'), got {self.mode!r}")
        self.thr = read_threshold(q, "threshold_pct", where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            own = orbitcoop.payload(self.vehicle, cat.get(self.site), o)
            for r in self.refs:
                other = orbitcoop.payload(self.vehicle, cat.get(r), o)
                pct = pct_diff(mass_kg(own), mass_kg(other))
                margin = {"more": pct - self.thr, "less": -pct - self.thr, "similar": self.thr - abs(pct)}[self.mode]
                want = {
                    "more": f"at least {self.thr:g} % more",
                    "less": f"at least {self.thr:g} % less",
                    "similar": f"within {self.thr:g} %",
                }[self.mode]
                lo_a, hi_a = mass_band(own)
                out.append(
                    Comparison(
                        f"{self.vehicle} to {own.orbit}: {mass_kg(own):.0f} kg from {self.site},"
                        f" {mass_kg(other):.0f} kg from {r} ({pct:+.0f} %).",
                        margin >= 0,
                        f"{margin:+.0f} percentage points against the test ({want})",
                        f"the outcome flips at a payload difference of {'±' if self.mode == 'similar' else ''}"
                        f"{self.thr:g} % (it is {pct:+.0f} %)",
                        f"{self.vehicle}: {abs(mass_kg(own) - mass_kg(other)) / 1000:.2f} t "
                        f"{'more' if pct >= 0 else 'less'}"
                        f" from {self.site} than from {r}",
                        f"payload model band {lo_a:.0f}–{hi_a:.0f} kg from {self.site} to {own.orbit}; the band"
                        " shifts both sites"
                        " alike (one loss constant per rocket), so the difference is sturdier than the totals",
                        {
                            "orbit": own.orbit,
                            "vehicle": self.vehicle,
                            "site": self.site,
                            "reference": r,
                            "payload_kg": mass_kg(own),
                            "reference_payload_kg": mass_kg(other),
                            "difference_pct": round(pct, 1),
                        },
                    )
                )
        return out


class PayloadCovers(Metric):
    """``vehicle`` from ``site`` lifts at least the reference payload, per orbit.

    The reference is either another modelled rocket (``reference_vehicle`` from ``reference_site``)
    or the largest *published* payload of ``reference_vehicle`` whose orbit label is
    ``reference_orbit`` (``reference_published = true``: for rockets the model cannot run).
    """

    name = "payload_covers"
    needs_payload = True

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.vehicle = read_vehicle(read_field(q, "vehicle", str, where), where)
        self.site = read_site(cat, read_field(q, "site", str, where), where)
        self.ref_kg = read_field(q, "reference_kg", float, where, optional=True)
        self.published = read_field(q, "reference_published", bool, where, optional=True, default=False)
        if self.ref_kg is not None:  # a payload mass from the news or a spacecraft's published mass
            self.ref_label = read_field(q, "reference_label", str, where)
            self.ref_source = read_source(q, "reference_source", where)
            return
        self.ref_vehicle = read_vehicle(read_field(q, "reference_vehicle", str, where), where, "reference_vehicle")
        if self.published:
            label = read_field(q, "reference_orbit", str, where)
            points = [p for p in orbitcoop.get_vehicle(self.ref_vehicle).performance if p.orbit == label]
            if not points:
                raise ClaimsFileError(f"{where}: {self.ref_vehicle} has no published payload to {label!r}")
            self.point = max(points, key=lambda p: p.payload_kg)
        else:
            self.ref_site = read_site(cat, read_field(q, "reference_site", str, where), where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            a = orbitcoop.payload(self.vehicle, cat.get(self.site), o)
            lo, hi = mass_band(a)
            if self.ref_kg is not None:
                ref_kg, ref_band = self.ref_kg, (self.ref_kg, self.ref_kg)
                ref_text = f"{self.ref_label}, {ref_kg:.0f} kg"
                ref_unc = f"the reference mass is published ({self.ref_source})"
            elif self.published:
                ref_kg, ref_band = self.point.payload_kg, (self.point.payload_kg, self.point.payload_kg)
                ref_text = f"{self.ref_vehicle}'s largest published {self.point.orbit} payload, {ref_kg:.0f} kg"
                ref_unc = f"the reference is {self.ref_vehicle}'s published figure (source in vehicles.toml)"
            else:
                b = orbitcoop.payload(self.ref_vehicle, cat.get(self.ref_site), o)
                ref_kg, ref_band = mass_kg(b), mass_band(b)
                ref_text = f"{self.ref_vehicle} from {self.ref_site}, {ref_kg:.0f} kg"
                ref_unc = f"{self.ref_vehicle}'s band {ref_band[0]:.0f}–{ref_band[1]:.0f} kg"
            d = mass_kg(a) - ref_kg
            robust = lo >= ref_band[1] if d >= 0 else hi < ref_band[0]
            out.append(
                Comparison(
                    f"To {a.orbit}: {self.vehicle} from {self.site} lifts {mass_kg(a):.0f} kg; {ref_text}.",
                    d >= 0,
                    f"{d:+.0f} kg ({pct_diff(mass_kg(a), ref_kg):+.0f} %) against the reference payload",
                    f"the outcome flips if {self.vehicle}'s payload were {abs(d):.0f} kg"
                    f" {'lower' if d >= 0 else 'higher'}, or the payload to carry {'above' if d >= 0 else 'at most'}"
                    f" {mass_kg(a):.0f} kg",
                    f"{self.vehicle} from {self.site}: {abs(d) / 1000:.2f} t "
                    f"({abs(pct_diff(mass_kg(a), ref_kg)):.0f} %)"
                    f" {'to spare' if d >= 0 else 'short'}",
                    f"payload model band {lo:.0f}–{hi:.0f} kg; {ref_unc}; the outcome "
                    f"{'holds across both bands' if robust else 'is inside the model uncertainty'}",
                    {
                        "orbit": a.orbit,
                        "vehicle": self.vehicle,
                        "site": self.site,
                        "payload_kg": mass_kg(a),
                        "reference": ref_text,
                        "reference_payload_kg": ref_kg,
                    },
                )
            )
        return out


#: A turn below this [m/s] still counts as reaching a plane directly (rounding, not a manoeuvre).
DIRECT_TOLERANCE_M_S = 1.0


def _allowed_edge(site, inc_deg: float) -> tuple[float, str] | None:
    """The edge [deg] of the allowed inclination range holding ``inc_deg`` nearest to it, and what it is.

    The range is the site's published corridors and limits widened by its flown envelope, or its
    geometric reach where nothing is published (:func:`orbitcoop.reach.reachable_intervals`, at the
    speed of the default parking orbit). None if no range holds the plane.
    """
    from orbitcoop.core import constants as si
    from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
    from orbitcoop.reach import reachable_intervals

    speed = math.sqrt(si.GM_EARTH_M3_S2 / (si.WGS84_A_M + DEFAULT_PARKING_ALTITUDE.to_value(u.m)))
    ints, known, i_min = reachable_intervals(site, speed)
    merged: list[list[float]] = []
    for lo, hi in sorted((math.degrees(a), math.degrees(b)) for a, b in ints):
        if merged and lo <= merged[-1][1] + 1e-9:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    geo = (math.degrees(i_min), 180.0 - math.degrees(i_min))
    for lo, hi in merged:
        if lo - 1e-6 <= inc_deg <= hi + 1e-6:
            e = lo if inc_deg - lo <= hi - inc_deg else hi
            what = "geometric" if not known or min(abs(e - geo[0]), abs(e - geo[1])) < 1e-6 else "allowed-range"
            return e, what
    return None


class Reachable(Metric):
    """Each site reaches each orbit directly: in its allowed range (geometry, the published corridor
    where there is one, widened by the flown envelope) with no plane change or dog-leg charged (a flown
    route turns the plane). The margin is measured to the nearest edge of that range."""

    name = "reachable"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [read_site(cat, s, where) for s in read_field(q, "sites", list, where)]
        self.expect = read_field(q, "expect", bool, where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            for s in self.sites:
                a = orbitcoop.assess(cat.get(s), o)
                extra = float((a.dv.plane_change + a.dv.dogleg).to_value(MPS))
                # 'Directly' means no turn charged: a plane inside the site's geometric reach that its
                # flown route reaches only by a dog-leg (Tanegashima to the ISS) is not direct.
                ok = bool(a.direct) and a.in_corridor is not False and extra < DIRECT_TOLERANCE_M_S
                i_min = a.min_inclination.to_value(u.deg)
                i_t = as_target(o).inclination_deg
                if ok:
                    text = f"{s} reaches {orbit_label(o)} directly" + (
                        " (no corridor published: geometry only)." if a.in_corridor is None else "."
                    )
                else:
                    if not a.direct:
                        why = f"below the site's lowest inclination {i_min:.2f}°"
                    elif a.in_corridor is False:
                        why = "outside the published corridor"
                    else:
                        why = "its launches to this plane fly a dog-leg, a flown route in the catalogue"
                    cost = (
                        f"the cheapest way costs {extra:.0f} m/s extra"
                        if extra >= 10
                        else f"a plane change of {extra:.1f} m/s fixes it"
                    )
                    text = f"{s} cannot reach {orbit_label(o)} directly ({why}); {cost} ({a.strategy})."
                edge = _allowed_edge(cat.get(s), i_t) if ok and i_t is not None else None
                if edge is not None:  # the nearest edge of the allowed range holding the target plane
                    margin = f"{abs(i_t - edge[0]):+.1f} ° of inclination to spare ({edge[1]} edge at {edge[0]:.2f}°)"
                    flip = f"the outcome flips if the site's {edge[1]} edge at {edge[0]:.2f}° moved past {i_t:.2f}°"
                elif i_t is not None:
                    room = min(i_t, 180.0 - i_t) - i_min  # a retrograde orbit needs 180° − i ≥ the minimum
                    margin = f"{room:+.1f} ° of inclination to spare" + (
                        ", but outside the corridor"
                        if a.in_corridor is False
                        else f", but a {extra:.0f} m/s dog-leg"
                        if a.direct and extra >= DIRECT_TOLERANCE_M_S
                        else ""
                    )
                    flip = (
                        f"the outcome flips if the site's lowest inclination ({i_min:.2f}°)"
                        f" rose above {min(i_t, 180.0 - i_t):.2f}°"
                    )
                else:
                    margin, flip = "", ""
                out.append(
                    Comparison(
                        text,
                        ok == self.expect,
                        margin,
                        flip,
                        "",
                        DV_UNCERTAINTY,
                        {
                            "orbit": orbit_label(o),
                            "site": s,
                            "reachable": ok,
                            "corridor": "unknown" if a.in_corridor is None else bool(a.in_corridor),
                        },
                    )
                )
        return out


class Spread(Metric):
    """The dearest and cheapest of ``sites`` differ by less than ``threshold_m_s``, per orbit."""

    name = "spread"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [read_site(cat, s, where) for s in read_field(q, "sites", list, where)]
        if len(self.sites) < 2:
            raise ClaimsFileError(f"{where}: field 'sites' needs at least two sites for a spread")
        self.thr = read_threshold(q, "threshold_m_s", where)

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            dv = {s: total_dv_m_s(orbitcoop.assess(cat.get(s), o)) for s in self.sites}
            lo, hi = min(dv, key=dv.get), max(dv, key=dv.get)
            spread = dv[hi] - dv[lo]
            out.append(
                Comparison(
                    f"To {orbit_label(o)}: "
                    + ", ".join(f"{s} {v:.0f} m/s" for s, v in dv.items())
                    + f"; spread {spread:.0f} m/s.",
                    spread < self.thr,
                    f"{self.thr - spread:+.0f} m/s against the test (spread under {self.thr:.0f} m/s)",
                    f"the outcome flips at a spread of {self.thr:.0f} m/s",
                    "",
                    DV_UNCERTAINTY,
                    {"orbit": orbit_label(o), "cheapest": lo, "dearest": hi, "spread_m_s": round(spread, 1)},
                )
            )
        return out


class Context(Metric):
    """No test: the Δv from each site to each orbit, and optionally payloads, for the reader."""

    name = "context"

    def __init__(self, q, where, cat):
        super().__init__(q, where, cat)
        self.sites = [read_site(cat, s, where) for s in read_field(q, "sites", list, where)]
        self.payloads = []  # "vehicle@site>orbit": a payload priced for context
        for spec in q.get("payloads", []):
            m = re.fullmatch(r"([^@>]+)@([^@>]+)>(.+)", spec) if isinstance(spec, str) else None
            if not m:
                raise ClaimsFileError(f"{where}: payloads entry {spec!r} must read 'vehicle@site>orbit'")
            read_orbits({"orbits": [m[3]]}, where)
            self.payloads.append((read_vehicle(m[1], where), read_site(cat, m[2], where), m[3]))

    def evaluate(self, cat):
        out = []
        for o in self.orbits:
            rows = {s: orbitcoop.assess(cat.get(s), o) for s in self.sites}
            text = f"To {orbit_label(o)}: " + ", ".join(
                f"{s} {total_dv_m_s(a):.0f} m/s ({a.strategy})" for s, a in rows.items()
            )
            out.append(
                Comparison(
                    text + ".",
                    None,
                    uncertainty=DV_UNCERTAINTY,
                    data={
                        "orbit": orbit_label(o),
                        "total_dv_m_s": {s: round(total_dv_m_s(a), 1) for s, a in rows.items()},
                    },
                )
            )
        for vid, site, orbit in self.payloads:
            try:
                e = orbitcoop.payload(vid, cat.get(site), orbit)
            except orbitcoop.MissingVehicleDataError as exc:
                out.append(Comparison(f"{vid} from {site}: no estimate ({exc}).", None))
                continue
            lo, hi = mass_band(e)
            what_if = "" if site in orbitcoop.get_vehicle(vid).home_sites else " (what-if: not its home site)"
            out.append(
                Comparison(
                    f"{vid} from {site}{what_if} to {e.orbit}: {mass_kg(e):.0f} kg (band {lo:.0f}–{hi:.0f}).",
                    None,
                    uncertainty="payload model (docs/validation.md)",
                    data={"vehicle": vid, "site": site, "orbit": e.orbit, "payload_kg": mass_kg(e)},
                )
            )
        return out


#: The metric classes by name; a new metric is one more class here.
METRICS: dict[str, type[Metric]] = {
    m.name: m for m in (DvDifference, PayloadDifference, PayloadCovers, Reachable, Spread, Context)
}
