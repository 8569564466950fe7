"""The site map: Natural Earth coastlines and borders, each active station and its allowed azimuths.

Coastlines and borders are Natural Earth 1:110m, shipped in ``orbitcoop/data/naturalearth/``
(see the README there) and read with numpy alone: nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import itertools
import math

import astropy.units as u
import numpy as np

from orbitcoop._figures import pyplot

# ---------------------------------------------------------------- the site map

# The map window: plate carrée from 170°W eastwards through 190° (= 170°W), so that the Pacific
# sites (Kodiak, Kwajalein, Mahia) and their fans are not cut by the ±180° meridian.
MAP_WEST_DEG = -170.0
MAP_LAT_DEG = (-58.0, 84.0)
# How far along the great circle a fan is drawn [km]: long enough to read the direction, short
# enough that neighbouring sites' fans stay apart (~12° of arc).
FAN_RANGE_KM = 1200.0
_EARTH_RADIUS_KM = 6371.0
_MARKER_MS = 5.5  # station marker size [pt]
_FAN_STYLE = {
    "corridor": ("#2e86c1", "published launch-azimuth corridor"),
    "limits": ("#f39c12", "azimuths of published inclination limits"),
    "flown": ("#27ae60", "flown inclination envelope (flight record)"),
}


@functools.cache
def basemap() -> dict:
    """Natural Earth 1:110m land rings, coastlines and borders as lists of (n, 2) lon/lat arrays [deg].

    Read from the shipped ``data/naturalearth/ne_110m_admin0.npz`` (public domain; see its README).

    >>> m = basemap()
    >>> sorted(k for k in m if k != "source"), len(m["land"])
    (['border', 'coast', 'land'], 288)
    """
    from importlib import resources

    out = {}
    with resources.as_file(resources.files("orbitcoop") / "data" / "naturalearth" / "ne_110m_admin0.npz") as p:
        with np.load(p, allow_pickle=False) as z:
            for name in ("land", "coast", "border"):
                xy, off = z[f"{name}_lonlat"].astype(float), z[f"{name}_offsets"]
                out[name] = [xy[a:b] for a, b in itertools.pairwise(off)]
            out["source"] = str(z["source"])
    return out


def _map_x(lon_deg):
    """Longitude [deg] as the map's x: within [MAP_WEST_DEG, MAP_WEST_DEG + 360)."""
    return (np.asarray(lon_deg, dtype=float) - MAP_WEST_DEG) % 360.0 + MAP_WEST_DEG


def _inclination_wedges(site, lo_deg, hi_deg):
    """Ground-azimuth wedges [(start, end) deg, clockwise] of launches into inclinations lo..hi.

    The interval is clipped to what the site's latitude allows; each inclination is reached on a
    northbound and a southbound branch (:func:`orbitcoop.launch_azimuth`), so two wedges, joined
    into one where they meet at due east (lo is the site's minimum inclination) or due west, and
    into the full circle (0, 360) where they meet at both.
    """
    from orbitcoop.geometry import launch_azimuth, min_inclination

    i_min = min_inclination(site).to_value(u.deg)
    lo = max(i_min, i_min if lo_deg is None else lo_deg)
    hi = min(180 - i_min, 180 - i_min if hi_deg is None else hi_deg)
    if lo > hi:
        return []
    # North branch: higher inclination, smaller (more westerly) azimuth; south: the mirror.
    n_hi, n_lo = (float(a) for a in launch_azimuth(site, [hi, lo] * u.deg, branch="north").to_value(u.deg))
    s_lo, s_hi = (float(a) for a in launch_azimuth(site, [lo, hi] * u.deg, branch="south").to_value(u.deg))
    east, west = lo <= i_min + 1e-9, hi >= 180 - i_min - 1e-9
    if east and west:
        return [(0.0, 360.0)]
    if east:
        return [(n_hi, s_hi)]
    if west:
        return [(s_lo, n_lo)]
    return [(n_hi, n_lo), (s_lo, s_hi)]


def limit_azimuths(site):
    """Ground-azimuth wedges (deg, clockwise) of the inclinations a site's published limits allow."""
    return [w for lim in site.inclination_limits for w in _inclination_wedges(site, lim.min_deg, lim.max_deg)]


def _flown_envelope(site):
    """The flight record's inclination bands of ``site`` [(min, max) deg] (orbitcoop.flights); [] if none."""
    return [(b.min_deg, b.max_deg) for b in getattr(site, "envelope", ())]


def azimuth_envelope(site) -> list[tuple[float, float, str]]:
    """The launch-azimuth fans drawn for a site: [(azimuth_min, azimuth_max, kind)], deg clockwise.

    ``kind`` is ``"corridor"`` (published ground-azimuth ranges), ``"limits"`` (published inclination
    limits as azimuths) and ``"flown"`` (the bands of inclination the flight record shows the site
    flying, :mod:`orbitcoop.flights`), in that order. Empty when nothing is known: the map then
    shows a marker only.

    >>> from orbitcoop import get_site
    >>> [(round(a), round(b), k) for a, b, k in azimuth_envelope(get_site("kourou"))][:1]
    [(350, 94, 'corridor')]
    """
    flown = [(a, b, "flown") for lo, hi in _flown_envelope(site) for a, b in _inclination_wedges(site, lo, hi)]
    fans = [(c.azimuth_min_deg, c.azimuth_max_deg, "corridor") for c in site.corridors]
    return fans + [(a, b, "limits") for a, b in limit_azimuths(site)] + flown


def _fan_polygon(lon_deg, lat_deg, az_start, az_end, range_km=FAN_RANGE_KM):
    """Wedge from the site out to ``range_km`` along great circles, azimuths az_start→az_end clockwise.

    Spherical destination formula; longitudes stay continuous around the site (no wrapping).
    """
    span = (az_end - az_start) % 360.0 or 360.0
    az = np.radians(az_start + np.linspace(0.0, span, max(3, int(span / 2) + 2)))
    d = range_km / _EARTH_RADIUS_KM
    p1, l1 = math.radians(lat_deg), math.radians(lon_deg)
    p2 = np.arcsin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * np.cos(az))
    l2 = l1 + np.arctan2(np.sin(az) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * np.sin(p2))
    arc = np.column_stack([np.degrees(l2), np.degrees(p2)])
    if span == 360.0:
        return arc  # the whole circle: no radius drawn from the site
    return np.vstack([[lon_deg, lat_deg], arc, [lon_deg, lat_deg]])


def _draw_basemap(ax):
    from matplotlib.collections import LineCollection, PolyCollection

    m = basemap()
    # Drawn twice, 360° apart: the window runs past 180°E; the axes clip the rest.
    for shift in (0.0, 360.0):
        sh = np.array([shift, 0.0])
        ax.add_collection(PolyCollection([r + sh for r in m["land"]], facecolor="#ecebe4", edgecolor="none", zorder=0))
        ax.add_collection(LineCollection([r + sh for r in m["coast"]], color="#6b6b6b", lw=0.5, zorder=1))
        ax.add_collection(LineCollection([r + sh for r in m["border"]], color="#b3b3b3", lw=0.4, zorder=1))


def _dodge(points, min_sep):
    """Spread display points [px] closer than ``min_sep`` around their group's centre, so none hides.

    Groups are found by single linkage; a group of k is set on a circle whose chord between
    neighbours is ``min_sep``, in the order of the members' own bearings from the centre
    (ties: input order). Deterministic; isolated points do not move.
    """
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    group = list(range(n))

    def find(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in itertools.combinations(range(n), 2):
        if np.hypot(*(pts[i] - pts[j])) < min_sep:
            group[find(i)] = find(j)
    out = pts.copy()
    members = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    for idx in members.values():
        if len(idx) < 2:
            continue
        c = pts[idx].mean(axis=0)
        k = len(idx)
        radius = min_sep / (2 * math.sin(math.pi / k))
        bearing = [math.atan2(*(pts[i] - c)[::-1]) if np.hypot(*(pts[i] - c)) > 1e-9 else math.pi for i in idx]
        order = sorted(range(k), key=lambda m: (bearing[m], m))
        start = bearing[order[0]]
        for rank, m in enumerate(order):
            t = start + 2 * math.pi * rank / k
            out[idx[m]] = c + radius * np.array([math.cos(t), math.sin(t)])
    return out


def _place_labels(anchors, sizes, obstacles, frame, marker_px, clearance=4.0):
    """Label boxes [(x0, y0, x1, y1) px] near their anchors, overlapping no other box or obstacle.

    Greedy and deterministic: the most crowded anchor first; candidates ring the anchor at
    growing distances in a fixed order of directions (east, west, the diagonals, north, south,
    then the 16-point rose); the first that fits inside ``frame`` and clears every placed label
    and every obstacle wins. Other anchors' markers are obstacles too, with ``clearance`` px
    around them, so that a label never sits closer to another marker than to a leader line's end.
    A label that fits nowhere takes its least-overlapping candidate (the tests then fail rather
    than hide it).
    """
    anchors = np.asarray(anchors, dtype=float)
    dirs = [0, 180, 30, -30, 150, -150, 90, -90, 60, -60, 120, -120, 15, -15, 165, -165, 45, -45, 135, -135]
    radii = [3, 8, 14, 22, 32, 44, 58, 74, 92, 112, 136, 165]
    pad = 1.5

    def overlap(b, c):
        return max(0.0, min(b[2], c[2]) - max(b[0], c[0]) + pad) * max(0.0, min(b[3], c[3]) - max(b[1], c[1]) + pad)

    m = marker_px + clearance
    marks = [(x - m, y - m, x + m, y + m) for x, y in anchors]
    crowd = [int(np.sum(np.hypot(*(anchors - a).T) < 60)) for a in anchors]
    order = sorted(range(len(anchors)), key=lambda k: (-crowd[k], k))
    placed = [None] * len(anchors)
    for k in order:
        w, h = sizes[k]
        best, best_cost = None, math.inf
        for r in radii:
            for d in dirs:
                ux, uy = math.cos(math.radians(d)), math.sin(math.radians(d))
                # Centre so that the box's near edge is r px beyond the marker, along (ux, uy).
                cx = anchors[k][0] + ux * (marker_px + r + w / 2 * abs(ux) / max(abs(ux), abs(uy)))
                cy = anchors[k][1] + uy * (marker_px + r + h / 2 * abs(uy) / max(abs(ux), abs(uy)))
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                if box[0] < frame[0] + 2 or box[1] < frame[1] + 2 or box[2] > frame[2] - 2 or box[3] > frame[3] - 2:
                    continue
                others = [p for p in placed if p is not None] + list(obstacles) + marks[:k] + marks[k + 1 :]
                cost = sum(overlap(box, o) for o in others)
                if cost == 0:
                    best = box
                    break
                if cost < best_cost:
                    best, best_cost = box, cost
            else:
                continue
            break
        placed[k] = best
    return placed


def site_map_figure(sites=None):
    """The active launch stations on a Natural Earth basemap, each with its launch-azimuth fans.

    ``sites``: LaunchSite objects or names (default: the whole catalogue); only active stations
    (no pads) are drawn. Fans come from :func:`azimuth_envelope`; a station whose allowed
    azimuths are unknown gets a hollow marker and no fan. Markers closer than a marker's width
    are spread apart (a hairline joins each to its true position); labels are placed so that
    none overlaps another label, a marker or the legend. Returns the matplotlib Figure
    (artists carry gids ``marker:<id>``, ``label:<id>``).
    """
    import matplotlib.patheffects as pe
    from matplotlib.colors import to_rgb
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Polygon
    from matplotlib.ticker import FixedLocator, FuncFormatter

    from orbitcoop.sites import get_site, list_sites

    if sites is None:
        sites = list_sites()
    stations = [s for s in (get_site(x) for x in sites) if s.status == "active" and not s.parent]
    plt = pyplot()
    lat0, lat1 = MAP_LAT_DEG
    ax_w = 12.4  # inches; the height follows from plate carrée's equal degrees
    ax_h = ax_w * (lat1 - lat0) / 360.0
    fig_w, fig_h = ax_w + 0.75, ax_h + 0.85
    fig = plt.figure(figsize=(fig_w, fig_h), dpi=110)
    ax = fig.add_axes((0.5 / fig_w, 0.45 / fig_h, ax_w / fig_w, ax_h / fig_h))
    ax.set_xlim(MAP_WEST_DEG, MAP_WEST_DEG + 360.0)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("equal")
    ax.set_facecolor("#f4f8fb")
    _draw_basemap(ax)
    for lat, style in ((0.0, "-"), (23.44, ":"), (-23.44, ":")):
        ax.axhline(lat, color="#8c8c8c", ls=style, lw=0.6, zorder=1)

    kinds_used = set()
    for s in stations:
        x = float(_map_x(s.longitude_deg))
        for a0, a1, kind in azimuth_envelope(s):
            kinds_used.add(kind)
            color = _FAN_STYLE[kind][0]
            poly = _fan_polygon(x, s.latitude_deg, a0, a1)
            for shift in (-360.0, 0.0, 360.0):
                ax.add_patch(
                    Polygon(
                        poly + np.array([shift, 0.0]),
                        closed=True,
                        facecolor=(*to_rgb(color), 0.28),
                        edgecolor=(*to_rgb(color), 0.9),
                        lw=0.7,
                        # Corridors over limit-derived fans: where a site has both (Cape Canaveral) both show.
                        zorder=2.2 if kind == "corridor" else 2.0,
                    )
                )

    handles = [
        Patch(facecolor=_FAN_STYLE[k][0], alpha=0.5, label=_FAN_STYLE[k][1]) for k in _FAN_STYLE if k in kinds_used
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            ms=_MARKER_MS,
            mfc="#1b2631",
            mec="white",
            label="station, allowed azimuths published",
        ),
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            ms=_MARKER_MS,
            mfc="white",
            mec="#1b2631",
            label="station, allowed azimuths unknown",
        ),
    ]
    legend = ax.legend(
        handles=handles,
        loc="lower left",
        fontsize=7.5,
        title=f"{len(stations)} active launch stations (pads not shown)",
        title_fontsize=7.5,
        framealpha=0.92,
    )
    legend.set_zorder(6)

    # Placement in display pixels: the figure's size and dpi are fixed, so this is deterministic.
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    to_px = ax.transData
    true_px = to_px.transform(
        np.column_stack([_map_x([s.longitude_deg for s in stations]), [s.latitude_deg for s in stations]])
    )
    marker_px = _MARKER_MS / 72 * fig.dpi / 2
    shown_px = _dodge(true_px, min_sep=2 * marker_px + 2.5)
    shown = to_px.inverted().transform(shown_px)
    for s, (tx, ty), (x, y), (px, py) in zip(
        stations, to_px.inverted().transform(true_px), shown, shown_px - true_px, strict=True
    ):
        known = bool(azimuth_envelope(s))
        if math.hypot(px, py) > 0.5:
            ax.plot([tx, x], [ty, y], color="#1b2631", lw=0.5, zorder=4)
            ax.plot([tx], [ty], marker="o", ms=1.6, color="#1b2631", zorder=4)
        ax.plot(
            [x],
            [y],
            marker="o",
            ls="none",
            ms=_MARKER_MS,
            zorder=5,
            gid=f"marker:{s.id}",
            mfc="#1b2631" if known else "white",
            mec="white" if known else "#1b2631",
            mew=0.8,
        )

    texts = [
        ax.text(
            0,
            0,
            s.id,
            fontsize=8,
            ha="center",
            va="center",
            zorder=7,
            gid=f"label:{s.id}",
            path_effects=[pe.withStroke(linewidth=2.2, foreground="white")],
        )
        for s in stations
    ]
    sizes = []
    for t in texts:
        b = t.get_window_extent(renderer)
        sizes.append((b.width, b.height))
    lb = legend.get_window_extent(renderer)
    obstacles = [(lb.x0, lb.y0, lb.x1, lb.y1)]
    frame = ax.get_window_extent(renderer)
    boxes = _place_labels(shown_px, sizes, obstacles, (frame.x0, frame.y0, frame.x1, frame.y1), marker_px)
    inv = to_px.inverted()
    for t, box, anchor in zip(texts, boxes, shown_px, strict=True):
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        t.set_position(inv.transform(centre))
        # A leader line where the label sits away from its marker: marker edge to the box's nearest point.
        near = np.clip(anchor, [box[0], box[1]], [box[2], box[3]])
        gap = near - anchor
        dist = float(np.hypot(*gap))
        if dist > marker_px + 6:
            start = anchor + gap / dist * (marker_px + 0.5)
            ax.plot(*inv.transform([start, near]).T, color="#555555", lw=0.5, zorder=4.5)

    ticks = np.arange(-150.0, 181.0, 30.0)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(FuncFormatter(_lon_label))
    ax.yaxis.set_major_locator(FixedLocator(np.arange(-45.0, 85.0, 15.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):.0f}°{'N' if v > 0 else 'S' if v < 0 else ''}"))
    ax.tick_params(labelsize=8)
    ax.grid(color="#9aa5ad", lw=0.3, alpha=0.5)
    ax.set_title(
        "Active launch sites and the launch azimuths they allow  (fans: ground azimuth, clockwise from north, "
        f"drawn {FAN_RANGE_KM:.0f} km along the great circle)",
        fontsize=9.5,
    )
    fig.text(
        1 - 0.2 / fig_w,
        0.12 / fig_h,
        "Plate carrée, WGS 84 lon/lat [deg]; equator solid, tropics dotted. "
        "Basemap: Natural Earth 1:110m (public domain).",
        ha="right",
        va="bottom",
        fontsize=6.5,
        color="#555555",
    )
    return fig


def _lon_label(v, _pos=None):
    lon = (v + 180.0) % 360.0 - 180.0
    if abs(lon) < 1e-9 or abs(abs(lon) - 180.0) < 1e-9:
        return f"{abs(lon):.0f}°"
    return f"{abs(lon):.0f}°{'E' if lon > 0 else 'W'}"
