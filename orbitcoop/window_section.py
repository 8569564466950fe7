"""The report's launch-window section: a week of windows to the articles' stations, computed.

Fixed element sets (:data:`WINDOW_TARGETS`) make the section the same on every run; each node is
checked in the text against a published lift-off on it. :mod:`orbitcoop.report` places the
paragraphs and :mod:`orbitcoop.plots` draws the figures.
"""

from __future__ import annotations

#: The element sets behind the report's launch windows: fixed, so the report is the same on every
#: run. (target, RAAN [deg], epoch UTC, source, sites from the seed articles, a published lift-off
#: that checks the node: site, pass, UTC, source). The node sets only the clock time of the
#: windows; their number, spacing and Δv do not depend on it.
WINDOW_TARGETS = (
    (
        "iss",
        211.2001,
        "2019-12-09T16:38:29",
        "the ISS element set (NORAD 25544) of 2019-12-09 16:38 UTC printed in the sgp4 package's README,"
        " which docs/windows.md checks against the Progress MS-13, CRS-19 and HTV-8 lift-off times",
        ("tanegashima", "baikonur", "vostochny", "kourou", "ksc"),
        ("baikonur", "north", "2019-12-06T09:34:11", "Progress MS-13 (Roscosmos via parabolicarc.com, 2019-12-05)"),
    ),
    (
        "tiangong",
        14.6926,
        "2023-09-07T14:28:39",
        "a CelesTrak-format element set for the station's core module (CSS Tianhe, NORAD 48274) of"
        " 2023-09-07 14:28 UTC, i = 41.4752°, as quoted in public code (checksums valid)",
        ("wenchang", "jiuquan", "baikonur", "vostochny"),
        (
            "jiuquan",
            "south",
            "2023-10-26T03:14:02",
            "Shenzhou-17 (Novosti Kosmonavtiki, 2023-10-26: 03:14:02.491 UTC; People's Daily: 11:14 Beijing time)",
        ),
    ),
)
WINDOW_DAYS = 7
#: The Δv-against-time curves: a day from each element set's date, per target the sites drawn.
CURVE_SITES = {"iss": ("tanegashima", "baikonur", "vostochny"), "tiangong": ("wenchang", "jiuquan", "vostochny")}


def window_week():
    """The report's launch windows: ``{target: (orbit with node, start, DataFrame, source)}``.

    The windows carry a 100 m/s budget, so ``window_open``/``window_close`` give their width.
    """
    import astropy.units as u

    import orbitcoop
    from orbitcoop.orbits import as_target

    out = {}
    for target, raan, epoch, source, sites, _ in WINDOW_TARGETS:
        orbit = as_target(target).with_node(raan=raan, epoch=epoch)
        start = epoch[:10]
        df = orbitcoop.launch_windows(list(sites), orbit, start, days=WINDOW_DAYS, dv_budget=100 * u.m / u.s)
        out[target] = (orbit, start, df, source)
    return out


def _node_check(orbit, check) -> str:
    """A sentence comparing the model's window with a published lift-off on the same node."""
    import pandas as pd

    import orbitcoop

    site, direction, when, source = check
    flown = pd.Timestamp(when, tz="UTC")
    w = orbitcoop.launch_windows(site, orbit, when[:10])
    t = w.loc[w["direction"] == direction, "time"].iloc[0]
    return (
        f"Check: the same node puts {site}'s {direction}bound window on {when[:10]} at {t:%H:%M:%S} UTC;"
        f" {source} lifted off at {flown:%H:%M:%S}, {abs((t - flown).total_seconds()):.0f} s"
        f" {'later' if t < flown else 'earlier'}."
    )


def dv_curves(week, step_min=1.0):
    """``{target: [(label, hours, Δv [m/s]), ...]}``: :func:`orbitcoop.dv_vs_time` over the first day."""
    import numpy as np
    from astropy.time import Time, TimeDelta

    import orbitcoop

    out = {}
    for target, sites in CURVE_SITES.items():
        orbit, start, _, _ = week[target]
        h = np.arange(0.0, 24.0 + 1e-9, step_min / 60.0)
        t = Time(f"{start}T00:00:00", scale="utc") + TimeDelta(h * 3600.0, format="sec")
        out[target] = [(f"{s} → {target}", h, orbitcoop.dv_vs_time(s, orbit, t).to_value("m/s")) for s in sites]
    return out


def _daily_shift_min(df) -> float:
    """Minutes by which a site's northbound window comes earlier each day (mean over the week)."""
    import numpy as np

    t = df.loc[df["direction"] == "north", "time"]
    step = np.diff(t.to_numpy()).astype("timedelta64[s]").astype(float) / 60.0
    return float(1440.0 - step.mean())


def _late_cost(site, orbit, df, minutes=10.0) -> float:
    """Δv [m/s] of launching ``minutes`` after the site's first window (:func:`orbitcoop.dv_vs_time`)."""
    import pandas as pd

    import orbitcoop

    t = df.loc[df["site"] == site, "time"].iloc[0] + pd.Timedelta(minutes=minutes)
    return float(orbitcoop.dv_vs_time(site, orbit, t.strftime("%Y-%m-%dT%H:%M:%S")).to_value("m/s"))


def window_blocks(week) -> list[tuple]:
    """The launch-window section: one paragraph per target, each sentence computed from the windows."""
    import orbitcoop
    from orbitcoop.sites import get_site

    blocks = [
        ("h2", "Launch windows"),
        (
            "p",
            "A station's orbit plane is fixed in space while the Earth turns under it: a site passes"
            " through the plane twice a day if it lies closer to the equator than the plane's inclination,"
            " and never if it lies farther. Launching at that moment (the window) puts the rocket straight"
            " into the plane; launching early or late costs a plane change (figures below). Windows are"
            " computed by orbitcoop.launch_windows from fixed element sets, so this section is the same on"
            " every run.",
        ),
    ]
    checks = {t[0]: t[5] for t in WINDOW_TARGETS}
    for target, (orbit, start, df, source) in week.items():
        lat = {s: get_site(s).latitude_deg for s in df["site"].unique()}
        crossing = [s for s in lat if (df.loc[df["site"] == s, "direction"] != "closest").all()]
        dv = {s: float(df.loc[df["site"] == s, "dv_m_s"].min()) for s in lat}
        best = min(crossing, key=dv.get)
        g = df[df["site"] == best]
        half = float((g["window_close"] - g["time"]).dt.total_seconds().iloc[0] / 60.0)
        late = _late_cost(best, orbit, df)
        parts = [
            f"**{orbit.name}, {orbit.inclination_deg:g}°.** Node from {source}: RAAN"
            f" {orbit.node.raan_deg:g}° at {orbit.node.epoch[:16].replace('T', ' ')} UTC, regressing"
            f" {-orbit.node.raan_rate_deg_day:.2f}°/day. Over the {WINDOW_DAYS} days from {start},",
            _and([f"{s} ({lat[s]:.1f}° N, {(df['site'] == s).sum()} windows at {dv[s]:.0f} m/s)" for s in crossing])
            + (" pass" if len(crossing) > 1 else " passes")
            + " under the plane twice a day.",
            f"The windows come {_daily_shift_min(g):.0f} min earlier each day (the plane regresses while the"
            f" Earth turns). Launching 10 min after a {best} window costs {late:.0f} m/s, {late - dv[best]:+.0f}"
            f" m/s; with 100 m/s to spare for the plane change the window stays open ±{half:.1f} min.",
        ]
        for s in crossing:
            if dv[s] - dv[best] >= 50.0:
                a = orbitcoop.assess(s, orbit)
                parts.append(
                    f"The windows at {s} cost {dv[s] - dv[best]:.0f} m/s more than {best}'s ({a.strategy}:"
                    f" {a.dv.dogleg.to_value('m/s') + a.dv.plane_change.to_value('m/s'):.0f} m/s for the turn)."
                )
        for s in (s for s in lat if s not in crossing):
            gap = orbitcoop.assess(s, orbit).min_inclination.to_value("deg") - orbit.inclination_deg
            parts.append(
                f"At {s} ({lat[s]:.1f}° N, lowest inclination {gap:.2f}° above the plane's) the pad never passes"
                f" under the plane: its one chance a day, the closest approach, costs {dv[s]:.0f} m/s,"
                f" {dv[s] - dv[best]:+.0f} m/s against {best}'s windows."
            )
        parts.append(_node_check(orbit, checks[target]))
        blocks.append(("p", " ".join(parts)))
    return blocks


def window_title(target, w) -> str:
    orbit, start, _, _ = w
    return (
        f"{orbit.name}, {orbit.inclination_deg:g}° (node of {orbit.node.epoch[:10]}): {WINDOW_DAYS} days from {start}"
    )


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
