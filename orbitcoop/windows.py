"""Launch windows: when a site passes under a target orbit plane, and what launching off-time costs.

A site passes through an orbit plane twice a sidereal day (once northbound, once southbound)
when |φ'| ≤ i ≤ 180° − |φ'|; launching then gives the plane for free. The crossing is solved
by :mod:`orbitcoop.core.windows` on plain floats; this module brings in time (astropy/ERFA),
the node of the target (:class:`orbitcoop.orbits.Node`) and the costs (:func:`orbitcoop.assess`).

>>> import orbitcoop
>>> from orbitcoop.orbits import SSO
>>> w = orbitcoop.launch_windows("tanegashima", SSO(600, ltdn="10:30"), "2026-12-07")
>>> list(w["direction"])
['south', 'north']
>>> w["time"].iloc[0].strftime("%H:%M")
'01:34'

Time model. Right ascensions are from the equinox of date: the pad's is GMST + λ, with GMST
(IAU 2006, ERFA ``gmst06``) evaluated once at the start and advanced at its own rate, taken
from ERFA over one day (its curvature changes it by < 1e-11 rad over a year's span of days).
GMST needs UT1: astropy's IERS tables give UT1 − UTC where they cover the date; beyond them it
is taken as 0 (|UT1 − UTC| < 0.9 s by definition: < 0.9 s on a window). TEME, the frame of
SGP4's elements, turns with the same GMST, so a TLE's RAAN is used as it is. Polar motion
(~0.3″) and the slow precession of the equinox of date (~0.13″/day) are left out: together
under ~1e-5 rad, < 0.1 s on a crossing (tests/test_windows.py measures it against astropy).
"""

from __future__ import annotations

import math
import warnings

import astropy.units as u
import numpy as np

from orbitcoop.core import constants as _si
from orbitcoop.core import vec
from orbitcoop.errors import InputRangeError, StaleElementsWarning, UndefinedNodeError
from orbitcoop.orbits import TargetOrbit, as_target

#: Beyond this distance from a TLE's epoch [days] its elements are warned about: SGP4 position errors
#: grow by ~1–3 km a day for low orbits (Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753).
TLE_VALID_DAYS = 14.0
#: Most days :func:`launch_windows` lists in one call.
MAX_DAYS = 3660.0
_DAY_S = 86400.0


def _as_time(value, name="start"):
    from astropy.time import Time

    if isinstance(value, Time):
        return value.utc
    try:
        return Time(value, scale="utc")
    except ValueError:
        pass
    try:  # pandas timestamps, ISO strings with a UTC offset (e.g. a launch_windows 'time' column fed back)
        import pandas as pd

        stamps = pd.to_datetime(value, utc=True)
        naive = stamps.tz_convert(None)
        return Time(naive.to_numpy() if hasattr(naive, "to_numpy") else naive.to_datetime64(), scale="utc")
    except (ValueError, TypeError):
        raise InputRangeError(f"{name} = {value!r} is not a time: give an ISO date such as 2026-12-07T00:00") from None


def _dut1(t) -> tuple[np.ndarray, bool]:
    """UT1 − UTC [s] from astropy's IERS tables without downloading; 0 where they do not cover ``t``."""
    from astropy.utils import iers

    with iers.conf.set_temp("auto_download", False), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return np.asarray(t.delta_ut1_utc, dtype=float), True
        except (ValueError, IndexError, iers.IERSRangeError):
            return np.zeros(np.shape(t.jd1)), False


def _gmst(t) -> np.ndarray:
    """Greenwich mean sidereal time [rad] (IAU 2006, ERFA) at UTC times ``t``."""
    import erfa

    dut1, _ = _dut1(t)
    tt = t.tt
    return erfa.gmst06(t.jd1, t.jd2 + dut1 / _DAY_S, tt.jd1, tt.jd2)


def earth_angle(start) -> tuple[float, float, bool]:
    """GMST [rad] at ``start``, its rate [rad/s] and whether UT1 came from IERS tables (False: UT1 = UTC).

    The rate is ERFA's GMST advance over one day: ω = 7.2921158e-5 rad/s, the Earth's rotation
    relative to the equinox of date (not WGS 84's inertial 7.292115e-5).
    """
    from astropy.time import TimeDelta

    t = _as_time(start)
    both = t + TimeDelta([0.0, _DAY_S], format="sec")
    g = _gmst(both)
    rate = (2.0 * math.pi + (g[1] - g[0] + math.pi) % (2.0 * math.pi) - math.pi) / _DAY_S
    return float(g[0]), rate, _dut1(t)[1]


def mean_sun_right_ascension(time) -> u.Quantity:
    """Right ascension of the mean sun: α = GMST − 15° (UT1 − 12 h) (the definition of mean solar time).

    Vallado 4th ed. §3.5 (solar time and universal time); UT1 as in :func:`earth_angle`.

    >>> mean_sun_right_ascension("2026-03-20T12:00").to_value(u.deg).round(1)
    np.float64(358.0)
    """
    t = _as_time(time, "time")
    dut1, _ = _dut1(t)
    day_fraction = ((t.jd1 - 0.5) % 1.0 + t.jd2 + dut1 / _DAY_S) % 1.0
    ra = _gmst(t) - 2.0 * math.pi * day_fraction + math.pi
    return np.degrees(np.mod(ra, 2.0 * math.pi)) << u.deg


def _node(orbit: TargetOrbit, t0) -> tuple[float, float]:
    """RAAN [rad] at ``t0`` and its rate [rad/s]; :class:`UndefinedNodeError` if the orbit has none."""
    if orbit.inclination_deg is None or orbit.escape:
        raise UndefinedNodeError(
            f"{orbit.name} has no fixed plane (free inclination): a launch window needs an inclination and a node"
        )
    if orbit.inclination_deg in (0.0, 180.0):
        raise UndefinedNodeError(
            f"{orbit.name} is equatorial: its plane has no node and every time of day reaches it alike "
            "(launch windows need an inclination above 0° and below 180°)"
        )
    node = orbit.node
    if node is None:
        raise UndefinedNodeError(
            f"{orbit.name} has no node: give one with orbits.SSO(altitude, ltan='10:30') (or ltdn=), "
            "orbits.from_tle(line1, line2), or orbit.with_node(raan=..., epoch=...) "
            "(command line: --ltan, --ltdn or --tle)"
        )
    if node.ltan_hours is not None:
        ra = float(mean_sun_right_ascension(t0).to_value(u.rad))
        return ra + (node.ltan_hours - 12.0) * math.pi / 12.0, _si.SUN_SYNC_RATE_RAD_S
    rate = math.radians(node.raan_rate_deg_day) / _DAY_S
    dt = float((t0 - _as_time(node.epoch, "epoch")).to_value(u.s))
    return math.radians(node.raan_deg) + rate * dt, rate


def _check_tle_age(orbit, t0, days):
    node = orbit.node
    if node is None or node.tle is None:
        return
    epoch = _as_time(node.epoch, "epoch")
    first = float((t0 - epoch).to_value(u.day))
    worst = max(abs(first), abs(first + days))
    if worst > TLE_VALID_DAYS:
        warnings.warn(
            f"times up to {worst:.0f} days from the TLE epoch {node.epoch[:16]}: beyond {TLE_VALID_DAYS:g} days its "
            "node and phase are extrapolated (give a fresher TLE)",
            StaleElementsWarning,
            stacklevel=3,
        )


def _site_geometry(site):
    import orbitcoop

    s = site if isinstance(site, orbitcoop.LaunchSite) else orbitcoop.get_site(site)
    latc = float(orbitcoop.geocentric_latitude(s).to_value(u.rad))
    return s, latc, math.radians(s.longitude_deg)


class _Plan:
    """Everything about one (site, orbit) pair the windows need, at the start epoch."""

    def __init__(self, site, orbit, t0, parking_altitude, earth=None, node=None):
        import orbitcoop

        self.site, self.latc, self.lon = _site_geometry(site)
        self.assessment = a = orbitcoop.assess(self.site, orbit, parking_altitude=parking_altitude)
        # The Earth's angle and the node at t0 are the same for every site: callers pass them in once.
        self.theta0, self.rate, self.ut1_known = earth or earth_angle(t0)
        self.raan0, self.raan_rate = node or _node(orbit, t0)
        self.rel = self.rate - self.raan_rate
        self.period = 2.0 * math.pi / self.rel
        self.inc = math.radians(orbit.inclination_deg)
        self.i_launch = float(a.launch_inclination.to_value(u.rad))
        self.v1 = float(a.dv.orbital_speed.to_value(u.m / u.s))
        # A plane the pad never passes under: the launch plane is the nearest one through the pad.
        self.crosses = abs(math.tan(self.latc) / math.tan(self.inc)) <= 1.0 + 1e-12
        route = self.site.route_for(orbit.inclination_deg)
        self.route_rad = 0.0 if route is None else math.radians(route.plane_offset_deg)

    def crossing(self, inc, t_from, south):
        return vec.crossing_time(
            self.theta0, self.rate, self.lon, self.latc, inc, self.raan0, self.raan_rate, t_from, south
        )

    def launch(self, t_from, south):
        """Recommended lift-off times [s] at or after ``t_from``: the crossing of the plane the site flies
        (i_L where a corridor holds it off the target), less a flown route's lead."""
        inc = self.i_launch if self.crosses and abs(self.i_launch - self.inc) > 1e-9 else self.inc
        lead = self.route_lead(south)
        return self.crossing(inc, np.asarray(t_from) + lead, south) - lead

    def route_lead(self, south):
        """Seconds before the crossing at which the pad is a flown route's plane offset δ from the plane.

        First order: the pad's distance from the plane, r̂·ĥ, changes at rel·cos φ' sin i cos(α − Ω).
        """
        if self.route_rad == 0.0 or not self.crosses:
            return 0.0
        x = vec.crossing_offset(self.latc, self.inc, south)
        speed = self.rel * math.cos(self.latc) * math.sin(self.inc) * abs(math.cos(x))
        return math.sin(self.route_rad) / speed if speed > 0.0 else math.nan


def launch_windows(site, orbit, start, days=1, dv_budget=None, phasing_altitude=None, parking_altitude=200 * u.km):
    """Instantaneous launch windows from ``site`` (or a list of sites) into ``orbit`` from ``start``.

    ``orbit`` must have a node (:class:`orbitcoop.orbits.Node`): ``orbits.SSO(600, ltan="10:30")``,
    ``orbits.from_tle(l1, l2)`` or ``orbits.ISS.with_node(raan=..., epoch=...)``. A
    :class:`pandas.DataFrame`, one row per window, sorted by site and time:

    - ``time``: recommended lift-off (UTC); ``plane_crossing``: when the pad passes through the
      plane (NaT for a site that never does: its row is the daily closest approach, ``direction``
      ``"closest"``);
    - ``direction``: ``"north"`` (ascending pass) or ``"south"`` (descending);
    - ``azimuth_deg``: ground launch azimuth (:func:`orbitcoop.assess`); ``in_corridor``;
    - ``lead_min``: minutes from lift-off to the crossing. 0 where the site launches straight into
      the plane. A site held to another inclination i_L by its corridor launches when the plane of
      i_L through the pad has the target's node (the remaining wedge is |i − i_L|, the turn assess
      charges); a flown route with plane offset δ launches when the pad is δ short of the plane (an
      eastward first leg toward a plane still east of the pad). Positive: lift-off before the crossing;
    - ``df.attrs["ut1"]`` says whether UT1 came from IERS tables or UTC stood in for it;
    - ``dv_m_s``: what the window costs (:func:`orbitcoop.assess`'s total);
    - with ``dv_budget`` (a speed): ``window_open``/``window_close``, the interval in which the extra
      plane change for a node missed by ΔΩ (:func:`dv_vs_time`) stays within the budget;
    - for an orbit from a TLE: ``target_u_deg`` (the target's argument of latitude at lift-off, SGP4),
      ``phase_deg`` (how far the target leads a chaser inserted at the pad's point of the plane) and
      ``phasing_days`` (time to make it up in a circular orbit at ``phasing_altitude``, default the parking
      altitude, both moving at their J2 rates).

    >>> from orbitcoop.orbits import ISS
    >>> iss = ISS.with_node(raan=0, epoch="2026-12-07")
    >>> launch_windows("vostochny", iss, "2026-12-07")["direction"].tolist()
    ['closest']
    """
    import pandas as pd
    from astropy.time import TimeDelta

    o = as_target(orbit)
    t0 = _as_time(start)
    try:
        days = float(days)
    except (TypeError, ValueError):
        raise InputRangeError(f"days = {days!r} is not a number") from None
    if not 0.0 < days <= MAX_DAYS:
        raise InputRangeError(f"days = {days:g} is outside the valid range 0–{MAX_DAYS:g}")
    node = _node(o, t0)
    earth = earth_angle(t0)
    _check_tle_age(o, t0, days)
    budget = None
    if dv_budget is not None:
        budget = _speed(dv_budget, "dv_budget")
    sites = [site] if isinstance(site, str) or not hasattr(site, "__iter__") else list(site)
    span = days * _DAY_S
    frames = []
    for s in sites:
        p = _Plan(s, o, t0, parking_altitude, earth, node)
        a = p.assessment
        k = np.arange(math.ceil(span / p.period) + 1) * p.period
        branches = (0.0, 1.0) if p.crosses else (0.0,)
        for south in branches:
            cross = p.crossing(p.inc, k, south)
            cross = cross[cross < span]
            launch = p.launch(cross - 0.5 * p.period, south)
            # The launch may fall just before the start or after the end: keep windows by lift-off.
            keep = (launch >= 0.0) & (launch < span)
            cross, launch = cross[keep], launch[keep]
            n = len(launch)
            az = a.azimuth_south if south else a.azimuth
            row = {
                "site": [p.site.id] * n,
                "time": launch,
                "plane_crossing": cross if p.crosses else np.full(n, np.nan),
                "direction": [("south" if south else "north") if p.crosses else "closest"] * n,
                "azimuth_deg": np.full(n, float(az.to_value(u.deg))),
                "in_corridor": ["unknown" if a.in_corridor is None else a.in_corridor] * n,
                "lead_min": (cross - launch) / 60.0 if p.crosses else np.full(n, np.nan),
                "dv_m_s": np.full(n, float(a.dv.total.to_value(u.m / u.s))),
            }
            if budget is not None:
                half = _half_width(p, budget)
                row["window_open"] = launch - half
                row["window_close"] = launch + half
            if o.node.tle is not None:
                row.update(_phasing(p, o, t0, launch, south, phasing_altitude, parking_altitude))
            frames.append(pd.DataFrame(row))
    df = pd.concat(frames, ignore_index=True)
    for col in ("time", "plane_crossing", "window_open", "window_close"):
        if col in df:
            df[col] = _utc(t0, df[col].to_numpy(dtype=float), TimeDelta)
    df = df.sort_values(["site", "time"], kind="stable").reset_index(drop=True)
    # Where UT1 came from: IERS tables, or UTC standing in for it (|UT1 − UTC| < 0.9 s).
    df.attrs["ut1"] = "IERS" if earth[2] else "UTC (no IERS data for the date; error < 0.9 s)"
    return df


def _utc(t0, seconds, TimeDelta):
    """UTC timestamps (pandas, tz-aware) ``seconds`` after ``t0``; NaN → NaT."""
    import pandas as pd

    ok = np.isfinite(seconds)
    out = pd.Series(pd.NaT, index=range(len(seconds)), dtype="datetime64[ns, UTC]")
    if ok.any():
        t = (t0 + TimeDelta(seconds[ok], format="sec")).utc.datetime64
        out[ok] = pd.to_datetime(t, utc=True)
    return out.to_numpy()


def _speed(value, name) -> float:
    if not isinstance(value, u.Quantity) or not value.unit.is_equivalent(u.m / u.s):
        raise u.UnitsError(f"{name} must be a speed Quantity (e.g. 100 * u.m / u.s), got {value!r}")
    x = float(value.to_value(u.m / u.s))
    if not math.isfinite(x) or x < 0.0:
        raise InputRangeError(f"{name} = {x:g} m/s is outside the valid range ≥ 0 m/s")
    return x


def _least_angle(p) -> float:
    """The plane turn a window itself needs: |i − i_L| (the launch plane's node matches the target's)."""
    return abs(p.inc - p.i_launch)


def _half_width(p, budget) -> float:
    """Seconds either side of a window within which the extra plane change stays ≤ ``budget`` [m/s]."""
    s = (budget + 2.0 * p.v1 * math.sin(0.5 * _least_angle(p))) / (2.0 * p.v1)
    max_angle = math.pi if s >= 1.0 else 2.0 * math.asin(s)
    return float(vec.window_half_width(p.i_launch, p.inc, p.rel, max_angle))


def _phasing(p, orbit, t0, launch, south, phasing_altitude, parking_altitude):
    """The target's argument of latitude at lift-off (SGP4) and the phase a chaser makes up."""
    from astropy.time import TimeDelta
    from sgp4.api import Satrec

    sat = Satrec.twoline2rv(*orbit.node.tle)
    t = t0 + TimeDelta(launch, format="sec")
    err, r, v = sat.sgp4_array(t.jd1, t.jd2)
    r, v = np.asarray(r), np.asarray(v)
    h = np.cross(r, v)
    node = np.cross([0.0, 0.0, 1.0], h)
    node /= np.linalg.norm(node, axis=-1, keepdims=True)
    y = np.cross(h / np.linalg.norm(h, axis=-1, keepdims=True), node)
    u_t = np.mod(np.arctan2((r * y).sum(-1), (r * node).sum(-1)), 2.0 * math.pi)
    u_t = np.where(err == 0, u_t, np.nan)  # an SGP4 error code (decayed, ...) leaves no phase
    u_c = vec.pad_argument_of_latitude(p.latc, p.inc, south) if p.crosses else np.nan
    phase = np.mod(u_t - u_c, 2.0 * math.pi)
    alt = parking_altitude if phasing_altitude is None else phasing_altitude
    a_chaser = _si.WGS84_A_M + float(alt.to_value(u.m))
    a_target = _si.WGS84_A_M + 500.0 * (orbit.perigee_altitude_km + orbit.apogee_altitude_km)
    days = vec.phasing_time(phase, a_chaser, a_target, p.inc) / _DAY_S
    return {"target_u_deg": np.degrees(u_t), "phase_deg": np.degrees(phase), "phasing_days": days}


def dv_vs_time(site, orbit, time, parking_altitude=200 * u.km) -> u.Quantity:
    """Δv [m/s] of a launch at ``time`` (astropy Time or ISO strings, any shape): cost against lift-off time.

    The window's cost (:func:`orbitcoop.assess`) plus the extra plane change for the node missed by
    launching off-window: ΔΩ = (ω − Ω̇) Δt from the nearest window, the plane angle θ from
    cos θ = cos i_L cos i + sin i_L sin i cos ΔΩ, charged as 2 v sin(θ/2) − 2 v sin(|i − i_L|/2) at
    the parking orbit's speed (no yaw steering during the ascent, which would lower it: an upper bound
    to first order).

    >>> from orbitcoop.orbits import SSO
    >>> sso = SSO(600, ltdn="10:30")
    >>> dv_vs_time("tanegashima", sso, ["2026-12-07T01:34:30", "2026-12-07T01:44:30"]).round(-1)
    <Quantity [8950., 9290.] m / s>
    """
    o = as_target(orbit)
    t = _as_time(time, "time")
    t0 = t.ravel()[0] if t.shape else t
    p = _Plan(site, o, t0, parking_altitude)
    dt = np.asarray((t - t0).to_value(u.s), dtype=float)
    nearest = np.full(dt.shape, np.inf)
    for south in (0.0, 1.0) if p.crosses else (0.0,):
        off = dt - p.launch(dt - 0.5 * p.period, south)
        nearest = np.where(np.abs(off) < np.abs(nearest), off, nearest)
    angle = vec.node_offset_angle(p.i_launch, p.inc, p.rel * nearest)
    least = _least_angle(p)
    extra = 2.0 * p.v1 * (np.sin(0.5 * angle) - math.sin(0.5 * least))
    return (float(p.assessment.dv.total.to_value(u.m / u.s)) + np.maximum(extra, 0.0)) << (u.m / u.s)
