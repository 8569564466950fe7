"""Figures for the report (matplotlib, Agg backend; nothing downloaded at run time).

Each function takes data computed by the API and a path, writes one PNG and returns the path.
The site map itself is drawn by :mod:`orbitcoop.maps`.
"""

from __future__ import annotations

import math
from pathlib import Path

import astropy.units as u
import numpy as np

from orbitcoop._figures import pyplot, save
from orbitcoop.maps import limit_azimuths, site_map_figure

MAIN_SITES = ("tanegashima", "vostochny", "kourou", "wenchang")


def geo_penalty_split(sites=None):
    """GEO Δv penalty per site, split into what latitude alone costs and what the range's rules add.

    The latitude part is the same orbit assessed (:func:`orbitcoop.compare`) from the same
    position with no published corridor, inclination limit or flown dog-leg: geometry only.
    The rest is what the site's published constraints add. Sites with no published constraint
    get the latitude part only (``constraints_known`` False). One row per site, sorted by |latitude|.
    """
    from dataclasses import replace

    from orbitcoop.assessment import compare
    from orbitcoop.sites import get_site, list_sites

    if sites is None:
        sites = [s for s in list_sites(status="active") if not s.parent]
    sites = [get_site(s) for s in sites]
    full = compare(sites, "geo")
    bare = compare([replace(s, corridors=(), inclination_limits=(), routes=(), envelope=()) for s in sites], "geo")
    df = full[["site", "latitude_deg", "dv_penalty_m_s"]].copy()
    df["latitude_only_m_s"] = bare["dv_penalty_m_s"].to_numpy()
    # A constraint can only remove options; clip rounding noise below zero.
    df["constraints_m_s"] = np.maximum(df["dv_penalty_m_s"] - df["latitude_only_m_s"], 0.0)
    df["constraints_known"] = [s.published_known or bool(s.routes) for s in sites]
    return df.sort_values("latitude_deg", key=abs, kind="stable").reset_index(drop=True)


def geo_penalty_bars(path, sites=None) -> Path:
    """Stacked bars: GEO Δv penalty against an ideal equatorial site, latitude part + constraint part."""
    df = geo_penalty_split(sites)
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, max(4.5, 0.3 * len(df) + 1.4)), dpi=110)
    y = np.arange(len(df))
    lat_colors = ["#c0392b" if s in MAIN_SITES else "#5d6d7e" for s in df["site"]]
    ax.barh(
        y,
        df["latitude_only_m_s"],
        color=lat_colors,
        label="latitude alone: same site, no corridor or limit (red: main sites)",
    )
    ax.barh(
        y,
        df["constraints_m_s"],
        left=df["latitude_only_m_s"],
        color="#f5b041",
        hatch="///",
        edgecolor="#9a6a12",
        lw=0.4,
        label="added by the site's published corridor / inclination limits / flown dog-leg",
    )
    for k, row in df.iterrows():
        text = f"{row.dv_penalty_m_s:.0f} m/s  ({row.latitude_deg:+.1f}°)"
        if row.constraints_m_s >= 0.5:
            text += f"  = {row.latitude_only_m_s:.0f} + {row.constraints_m_s:.0f}"
        elif not row.constraints_known:
            text += "  corridor unknown"
        ax.text(row.dv_penalty_m_s + 10, k, text, va="center", fontsize=7.5)
    ax.set_yticks(y, df["site"], fontsize=8)
    for tick, site in zip(ax.get_yticklabels(), df["site"], strict=True):
        if site in MAIN_SITES:
            tick.set_fontweight("bold")
    ax.set_xlim(0, df["dv_penalty_m_s"].max() * 1.28)
    ax.set_xlabel("Δv penalty to GEO against an ideal equatorial site [m/s]  (200 km parking orbit, cheapest strategy)")
    ax.set_title("What latitude, and then the range's rules, cost a geostationary satellite (active sites)")
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return save(fig, path)


def dv_vs_inclination(path, sites=MAIN_SITES, altitude=200 * u.km) -> Path:
    """Insertion Δv vs target inclination for a few sites (out-of-reach planes via a plane change)."""
    from orbitcoop.geometry import insertion_dv_grid, min_inclination

    inc = np.linspace(0, 180, 721) * u.deg
    grid = insertion_dv_grid(list(sites), inc, altitude).to_value(u.m / u.s)[:, :, 0]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(9, 5))
    for k, site in enumerate(sites):
        (line,) = ax.plot(inc.value, grid[k], label=site)
        lo = min_inclination(site).to_value(u.deg)
        ax.axvline(lo, color=line.get_color(), ls=":", lw=0.8)
    ax.set_ylim(grid.min() - 200, min(grid.max(), grid.min() + 6000))
    ax.set_xlabel("target inclination [deg] (dotted: each site's minimum)")
    ax.set_ylabel(f"insertion Δv at {altitude.to_value(u.km):.0f} km [m/s]")
    ax.set_title("Site-dependent Δv: latitude matters only below the site's minimum inclination")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return save(fig, path)


def corridor_roses(path, sites) -> Path:
    """Polar plots of each site's published launch-azimuth corridors (grey where unknown)."""
    plt = pyplot()
    n = len(sites)
    cols = min(4, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, subplot_kw={"projection": "polar"}, figsize=(3.2 * cols, 3.4 * rows))
    axes = np.atleast_1d(axes).ravel()
    for ax, site in zip(axes, sites, strict=False):
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(-1)
        ax.set_yticks([])
        if site.corridors:
            for c in site.corridors:
                span = (c.azimuth_max_deg - c.azimuth_min_deg) % 360
                ax.bar(
                    math.radians(c.azimuth_min_deg + span / 2), 1, width=math.radians(span), color="#2e86c1", alpha=0.6
                )
            label = "; ".join(c.label for c in site.corridors)
        elif site.inclination_limits:
            for lo, hi in limit_azimuths(site):
                span = (hi - lo) % 360 or 360.0
                ax.bar(math.radians(lo + span / 2), 1, width=math.radians(span), color="#f5b041", alpha=0.6)
            label = "from inclination limits: " + ", ".join(c.label for c in site.inclination_limits)
        else:
            ax.bar(0, 1, width=2 * math.pi, color="#bbbbbb", alpha=0.25)
            label = "corridor unknown"
        ax.set_title(f"{site.id}\n{label}", fontsize=8)
    for ax in axes[n:]:
        ax.set_visible(False)
    fig.suptitle(
        "Published launch-azimuth corridors (blue) and azimuths implied by published inclination "
        "limits (orange); ground azimuth at 200 km, clockwise from north",
        fontsize=9,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return save(fig, path)


def latitude_map(path, sites) -> Path:
    """The site map (:func:`site_map_figure`): active stations, coastlines, azimuth fans; written to ``path``."""
    return save(site_map_figure(sites), path)


def payload_validation(path) -> Path:
    """Predicted against published payload for every catalogue point, with the model's band.

    Calibration points sit on the diagonal by construction; validation points test the model;
    flown payloads are lower bounds (the band must reach them). Reference points, whose orbit is
    a reading of an undefined one, are left out.
    """
    from orbitcoop.validation import validation_rows

    rows = [r for r in validation_rows() if r.get("role") in ("calibration", "validation", "flight")]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 7))
    styles = {
        "calibration": {"marker": "o", "mfc": "none", "color": "#7f8c8d", "label": "calibration (fitted)"},
        "validation": {"marker": "o", "color": "#c0392b", "label": "validation (predicted)"},
        "flight": {"marker": "^", "color": "#2471a3", "label": "flown payload (lower bound)"},
    }
    for role, style in styles.items():
        pts = [r for r in rows if r["role"] == role]
        if not pts:
            continue
        x = np.array([r["published_kg"] for r in pts])
        y = np.array([r["predicted_kg"] for r in pts])
        err = np.array(
            [[r["predicted_kg"] - r["low_kg"] for r in pts], [r["high_kg"] - r["predicted_kg"] for r in pts]]
        )
        ax.errorbar(x, y, yerr=err, ls="none", capsize=2, ms=6, **style)
        if role == "validation":
            for r in pts:
                if abs(r["error_pct"]) > 15:
                    ax.annotate(
                        f"{r['vehicle']} {r['orbit']}",
                        (r["published_kg"], r["predicted_kg"]),
                        fontsize=7,
                        xytext=(4, 4),
                        textcoords="offset points",
                    )
    lo = min(min(r["published_kg"], r["low_kg"]) for r in rows) * 0.7
    hi = max(max(r["published_kg"], r["high_kg"]) for r in rows) * 1.4
    diag = np.array([lo, hi])
    ax.plot(diag, diag, color="k", lw=0.8)
    ax.fill_between(diag, diag * 0.85, diag * 1.15, color="k", alpha=0.07, label="±15 %")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel("published payload [kg]")
    ax.set_ylabel("orbitcoop estimate [kg] (bars: the band)")
    ax.set_title("Payload model against published figures (docs/validation.md)")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    return save(fig, path)


#: Marker per window direction: filled triangles for passes under the plane, a hollow circle for
#: the daily closest approach of a site that never passes under it.
_WINDOW_MARKERS = {"north": "^", "south": "v", "closest": "o"}


def launch_window_week(path, panels) -> Path:
    """Launch windows over a week, one panel per target: lift-off time of day (UTC) against the day.

    ``panels``: ``[(title, DataFrame from orbitcoop.launch_windows), ...]``. A site that passes
    under the plane has two windows a day (▲ northbound, ▼ southbound) that come earlier each day
    as the Earth turns under a plane that itself regresses; a site that never passes under it has
    one closest approach a day (○), charged a plane change. The legend gives each site's Δv.
    """
    plt = pyplot()
    fig, axes = plt.subplots(1, len(panels), figsize=(6.2 * len(panels), 6.2), sharey=True, squeeze=False)
    for ax, (title, df) in zip(axes[0], panels, strict=True):
        t0 = df["time"].min().normalize()
        for k, (site, g) in enumerate(df.groupby("site", sort=False)):
            color = f"C{k}"
            days = (g["time"] - t0).dt.total_seconds() / 86400.0
            hours = g["time"].dt.hour + g["time"].dt.minute / 60.0 + g["time"].dt.second / 3600.0
            for direction, marker in _WINDOW_MARKERS.items():
                sel = (g["direction"] == direction).to_numpy()
                if sel.any():
                    ax.scatter(
                        days.floordiv(1)[sel] + 0.5,
                        hours[sel],
                        marker=marker,
                        s=36,
                        color=color if direction != "closest" else "none",
                        edgecolors=color,
                    )
            extra = "closest approach" if (g["direction"] == "closest").all() else "two windows a day"
            ax.scatter([], [], marker="s", color=color, label=f"{site}: {g['dv_m_s'].min():.0f} m/s ({extra})")
        ax.set_xlim(0, math.ceil((df["time"].max() - t0).total_seconds() / 86400.0))
        ax.set_ylim(0, 24)
        ax.set_yticks(range(0, 25, 3))
        ax.set_xlabel(f"day from {t0:%Y-%m-%d} (UTC)")
        ax.set_title(title, fontsize=9)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, title="site: Δv of its windows")
    axes[0][0].set_ylabel("lift-off time of day [h UTC]")
    fig.suptitle("▲ northbound pass, ▼ southbound pass, ○ closest approach (the site never passes under the plane)")
    fig.tight_layout()
    return save(fig, path)


def dv_against_time(path, panels) -> Path:
    """Δv of a launch against lift-off time, one panel per target.

    ``panels``: ``[(title, [(label, hours, dv_m_s), ...]), ...]``, each curve from
    :func:`orbitcoop.dv_vs_time`: the window's own cost plus the plane change for the node missed
    by launching early or late (no yaw steering: an upper bound to first order).
    """
    plt = pyplot()
    fig, axes = plt.subplots(1, len(panels), figsize=(6.2 * len(panels), 4.6), squeeze=False)
    for ax, (title, curves) in zip(axes[0], panels, strict=True):
        for label, hours, dv in curves:
            ax.plot(hours, dv, label=label, lw=1.2)
        ax.set_xlim(0, max(float(np.max(h)) for _, h, _ in curves))
        lowest = min(float(np.min(dv)) for _, _, dv in curves)
        highest = max(float(np.min(dv)) for _, _, dv in curves)
        ax.set_ylim(lowest - 100, highest + 1000)
        ax.set_xticks(range(0, 25, 3))
        ax.set_xlabel("lift-off time [h UTC]")
        ax.set_title(title, fontsize=9)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper right", framealpha=0.9)
    axes[0][0].set_ylabel("Δv to the station's orbit [m/s]")
    fig.tight_layout()
    return save(fig, path)
