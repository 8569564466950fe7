"""Heat maps of sweeps (:func:`orbitcoop.sweep`): the cheapest site per inclination × altitude, and
payload per vehicle × site. Each function writes one PNG and returns its path, like :mod:`orbitcoop.plots`.
"""

from __future__ import annotations

from pathlib import Path

import astropy.units as u
import numpy as np

from orbitcoop._figures import pyplot, save

#: The default grid of :func:`cheapest_site_map`: circular orbits, 0–180° × 200–2000 km.
INCLINATIONS = np.arange(0.0, 180.5, 2.0) * u.deg
ALTITUDES = np.arange(200.0, 2001.0, 100.0) * u.km
#: Where the cheapest site beats the next by less than this [m/s], the map hatches the cell: the
#: sites are as good as each other there (a difference the size of the model's rounding and well
#: under any launcher's margin), and the colour alone would overstate the choice.
NEAR_TIE_M_S = 10.0


def cheapest_site_map(path, sites=("kourou", "baikonur", "vostochny", "tanegashima", "wenchang", "vandenberg")) -> Path:
    """Which of ``sites`` reaches each circular orbit (inclination × altitude) at the least Δv, coloured by site."""
    from matplotlib.colors import ListedColormap

    from orbitcoop.grids import cheapest_site, sweep

    ds = sweep(list(sites), inclination=INCLINATIONS, altitude=ALTITUDES)
    best = cheapest_site(ds)
    ids = list(ds.site.values)
    index = best.site_index.values
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=110)
    cmap = ListedColormap(plt.get_cmap("tab10").colors[: len(ids)])
    mesh = ax.pcolormesh(
        ds.inclination.values, ds.altitude.values, index.T, cmap=cmap, vmin=-0.5, vmax=len(ids) - 0.5, shading="nearest"
    )
    bar = fig.colorbar(mesh, ax=ax, ticks=range(len(ids)))
    bar.ax.set_yticklabels(ids)
    dv = np.sort(ds.dv_m_s.values, axis=0)  # (site, inclination, altitude), cheapest first
    tie = (dv[1] - dv[0] < NEAR_TIE_M_S).astype(float) if len(ids) > 1 else np.zeros(dv.shape[1:])
    ax.contourf(ds.inclination.values, ds.altitude.values, tie.T, levels=[0.5, 1.5], colors="none", hatches=["///"])
    ax.set_xlabel("inclination [deg]")
    ax.set_ylabel("circular altitude [km]")
    ax.set_title(
        f"Cheapest site by total kinematic Δv (orbitcoop.sweep); hatched: another site within {NEAR_TIE_M_S:g} m/s"
    )
    fig.tight_layout()
    return save(fig, path)


def payload_map(
    path,
    vehicles=("vega-c", "soyuz-2.1b-fregat", "falcon-9", "h-iia-202"),
    sites=("kourou", "baikonur", "vostochny", "tanegashima", "cape-canaveral"),
    orbit="sso:700",
    mass=None,
) -> Path:
    """Payload of each vehicle from each site to ``orbit`` [t], as a vehicle × site heat map.

    With ``mass`` (a Quantity) and a :func:`orbitcoop.can_launch` that reports a ``probability``
    column, the cells show the probability of lifting that mass instead.
    """
    from orbitcoop.grids import sweep
    from orbitcoop.sites import get_site

    site_ids = [get_site(s).id for s in sites]
    values, label, fmt = None, "payload [t]", "{:.1f}"
    if mass is not None:
        from orbitcoop.payloads import can_launch

        df = can_launch(mass, orbit, vehicles=list(vehicles), sites=site_ids)
        if "probability" in df.columns:
            grid = df.pivot_table(index="vehicle", columns="site", values="probability", aggfunc="first")
            values = grid.reindex(index=list(vehicles), columns=site_ids).to_numpy(dtype=float)
            label, fmt = f"probability of lifting {mass.to_value(u.kg):.0f} kg", "{:.2f}"
    if values is None:
        ds = sweep(site_ids, orbits=[orbit], vehicles=list(vehicles))
        values = ds.payload_kg.isel(orbit=0).values / 1e3
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(1.6 * len(site_ids) + 3, 0.6 * len(vehicles) + 2.2), dpi=110)
    im = ax.imshow(np.ma.masked_invalid(values), cmap="viridis", aspect="auto")
    mid = np.nanmean(values) if np.isfinite(values).any() else 0.0
    for (r, c), v in np.ndenumerate(values):
        if np.isfinite(v):
            ax.text(c, r, fmt.format(v), ha="center", va="center", color="k" if v > mid else "w", fontsize=8)
    ax.set_xticks(range(len(site_ids)), site_ids, rotation=30, ha="right")
    ax.set_yticks(range(len(vehicles)), list(vehicles))
    fig.colorbar(im, ax=ax, label=label)
    ax.set_title(f"{label.split(' [')[0].capitalize()} to {orbit}")
    fig.tight_layout()
    return save(fig, path)
