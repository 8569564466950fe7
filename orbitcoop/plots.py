"""Figures for the report (matplotlib, Agg backend; no downloaded map data).

Each function takes data computed by the API and a path, writes one PNG and returns the path.
"""

from __future__ import annotations

import math
from pathlib import Path

import astropy.units as u
import numpy as np

MAIN_SITES = ("tanegashima", "vostochny", "kourou", "wenchang")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def geo_penalty_bars(path, sites=None) -> Path:
    """Bar chart: GEO Δv penalty against an ideal equatorial site, by site (sorted by latitude)."""
    from orbitcoop.assessment import compare

    df = compare(sites, "geo").sort_values("latitude_deg", key=abs)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, max(4, 0.28 * len(df))))
    colors = ["#c0392b" if s in MAIN_SITES else "#7f8c8d" for s in df["site"]]
    ax.barh(df["site"], df["dv_penalty_m_s"], color=colors)
    for y, (v, lat) in enumerate(zip(df["dv_penalty_m_s"], df["latitude_deg"], strict=True)):
        ax.text(v + 8, y, f"{v:.0f} m/s  ({lat:+.1f}°)", va="center", fontsize=7)
    ax.set_xlabel("Δv penalty to GEO vs an equatorial site [m/s] (parking 200 km, best strategy)")
    ax.set_title("What latitude costs a geostationary satellite")
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _save(fig, path)


def dv_vs_inclination(path, sites=MAIN_SITES, altitude=200 * u.km) -> Path:
    """Insertion Δv vs target inclination for a few sites (out-of-reach planes via a plane change)."""
    from orbitcoop.geometry import insertion_dv_grid, min_inclination

    inc = np.linspace(0, 180, 721) * u.deg
    grid = insertion_dv_grid(list(sites), inc, altitude).to_value(u.m / u.s)[:, :, 0]
    plt = _pyplot()
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
    return _save(fig, path)


def corridor_roses(path, sites) -> Path:
    """Polar plots of each site's published launch-azimuth corridors (grey where unknown)."""
    plt = _pyplot()
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
            for lo, hi in _limit_azimuths(site):
                span = (hi - lo) % 360
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
    return _save(fig, path)


def _limit_azimuths(site):
    """Ground-azimuth wedges (deg, clockwise) of the inclinations a site's published limits allow."""
    from orbitcoop.geometry import launch_azimuth, min_inclination

    i_min = min_inclination(site).to_value(u.deg)
    wedges = []
    for lim in site.inclination_limits:
        lo = max(i_min, lim.min_deg if lim.min_deg is not None else i_min)
        hi = min(180 - i_min, lim.max_deg if lim.max_deg is not None else 180 - i_min)
        if lo > hi:
            continue
        for branch in ("north", "south"):
            a = launch_azimuth(site, [lo, hi] * u.deg, branch=branch).to_value(u.deg)
            # North branch: higher inclination, smaller (more westerly) azimuth; south: the mirror.
            wedges.append((a[1], a[0]) if branch == "north" else (a[0], a[1]))
    return wedges


def latitude_map(path, sites) -> Path:
    """Sites on a plain longitude/latitude frame, with the equator and the tropics."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(11, 5.5))
    for lat, style in ((0, "-"), (23.44, ":"), (-23.44, ":")):
        ax.axhline(lat, color="#999999", ls=style, lw=0.8)
    colors = {"active": "#1f77b4", "planned": "#2ca02c", "retired": "#999999"}
    for status, color in colors.items():
        pts = [s for s in sites if s.status == status and not s.parent]
        ax.scatter([s.longitude_deg for s in pts], [s.latitude_deg for s in pts], s=18, color=color, label=status)
        for s in pts:
            ax.annotate(s.id, (s.longitude_deg, s.latitude_deg), fontsize=6, xytext=(3, 2), textcoords="offset points")
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 80)
    ax.set_xlabel("longitude [deg]")
    ax.set_ylabel("geodetic latitude [deg]")
    ax.set_title("Launch sites by latitude (equator solid, tropics dotted)")
    ax.legend(loc="lower left")
    ax.grid(alpha=0.2)
    fig.tight_layout()
    return _save(fig, path)


def payload_validation(path) -> Path:
    """Predicted against published payload for every catalogue point, with the model's band.

    Calibration points sit on the diagonal by construction; validation points test the model;
    flown payloads are lower bounds (the band must reach them). Reference points, whose orbit is
    a reading of an undefined one, are left out.
    """
    from orbitcoop.validation import validation_rows

    rows = [r for r in validation_rows() if r.get("role") in ("calibration", "validation", "flight")]
    plt = _pyplot()
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
    return _save(fig, path)


def _save(fig, path) -> Path:
    path = Path(path)
    fig.savefig(path, dpi=110)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return path
