"""Figures: the shipped Natural Earth basemap, the site map's fans, markers and labels, the GEO split."""

import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import orbitcoop
from orbitcoop import maps, plots

DATA = Path(maps.__file__).parent / "data" / "naturalearth"


def _stations():
    return [s for s in orbitcoop.list_sites(status="active") if not s.parent]


def test_basemap_is_shipped_small_and_credited():
    npz = DATA / "ne_110m_admin0.npz"
    assert npz.stat().st_size < 300_000  # "a few hundred KB at most"
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for needle in ("public domain", "naturalearthdata.com", "geopandas-0.14.4", "5.1", "tools/build_basemap.py"):
        assert needle.lower() in readme.lower(), needle
    m = maps.basemap()
    assert "Natural Earth" in m["source"]
    # Natural Earth 1:110m admin-0 as geopandas 0.14.4 ships it: 177 countries in 288 rings.
    assert len(m["land"]) == 288 and sum(len(r) for r in m["land"]) == 10643
    for name in ("land", "coast", "border"):
        xy = np.concatenate(m[name])
        assert np.all(np.abs(xy[:, 0]) <= 180) and np.all(np.abs(xy[:, 1]) <= 90)
    assert all(np.array_equal(r[0], r[-1]) for r in m["land"])  # rings are closed
    # Coastlines do not run along the ±180° cut; land borders are there, e.g. the 49th parallel at
    # 120°W, which is no coast.
    assert not any(np.all(np.abs(line[:, 0]) == 180) for line in m["coast"])

    def has(lines, lon, lat):
        return any(np.any(np.all(np.abs(line - [lon, lat]) < 1e-3, axis=1)) for line in lines)

    assert has(m["border"], -120.0, 49.0) and not has(m["coast"], -120.0, 49.0)


def test_azimuth_envelope_from_catalogue():
    def published(site):
        return [f for f in maps.azimuth_envelope(site) if f[2] != "flown"]

    kourou = orbitcoop.get_site("kourou")
    assert published(kourou) == [(349.5, 93.5, "corridor")]
    assert {k for *_, k in maps.azimuth_envelope(kourou)} == {"corridor", "flown"}  # and what it flies
    bare = replace(orbitcoop.get_site("vandenberg"), envelope=())
    assert maps.azimuth_envelope(bare) == []  # nothing published, nothing flown: marker only
    # Inclination limits i 57-70 at Jiuquan: a northbound and a southbound wedge; the northbound one
    # runs from the 70° azimuth (more westerly) clockwise to the 57° one.
    jiuquan = orbitcoop.get_site("jiuquan")
    fans = published(jiuquan)
    assert [k for *_, k in fans] == ["limits", "limits"]
    north, south = fans[0][:2], fans[1][:2]
    import astropy.units as u

    az = orbitcoop.launch_azimuth(jiuquan, [70, 57] * u.deg).to_value(u.deg)
    assert north == pytest.approx(tuple(az))
    assert south == pytest.approx((180 - az[1], 180 - az[0]), abs=0.5)  # mirror about east, to ~rotation


def test_inclination_wedges_join_at_due_east_and_west():
    # Mahia (39.3°S) may fly i >= 39°, i.e. every plane its latitude allows: one full circle.
    def limits(site):
        return [f for f in maps.azimuth_envelope(orbitcoop.get_site(site)) if f[2] == "limits"]

    assert limits("mahia") == [(0.0, 360.0, "limits")]
    # Vostochny (51.9°N), i 50-110°: the lower bound is below the site's minimum, so the north and
    # south wedges meet due east and join into one, from the 110° north azimuth clockwise to the south one.
    (fan,) = limits("vostochny")
    assert fan[0] == pytest.approx(324.8, abs=0.1) and fan[1] == pytest.approx(215.2, abs=0.1)


def test_azimuth_envelope_draws_the_flight_record():
    from orbitcoop.record import FlownBand

    band = FlownBand(51.6, 51.7, 12, 2000, 2020, ("soyuz",))
    baikonur = replace(orbitcoop.get_site("baikonur"), envelope=(band,))
    flown = [f for f in maps.azimuth_envelope(baikonur) if f[2] == "flown"]
    assert len(flown) == 2  # one band: a northbound and a southbound wedge
    # No flight-record envelope for a site: the catalogue's published fans only.
    assert {k for *_, k in maps.azimuth_envelope(replace(orbitcoop.get_site("kourou"), envelope=()))} == {"corridor"}


def test_dodge_separates_coincident_points_and_leaves_others():
    pts = np.array([[100.0, 100.0], [100.2, 100.1], [300.0, 50.0]])
    out = maps._dodge(pts, min_sep=9.0)
    assert np.hypot(*(out[0] - out[1])) >= 9.0 - 1e-9
    assert np.array_equal(out[2], pts[2])
    assert np.allclose(out[:2].mean(axis=0), pts[:2].mean(axis=0))


@pytest.fixture(scope="module")
def site_map():
    fig = maps.site_map_figure(orbitcoop.list_sites())
    fig.canvas.draw()
    yield fig
    import matplotlib.pyplot as plt

    plt.close(fig)


def _by_gid(fig, prefix):
    ax = fig.axes[0]
    return {a.get_gid().split(":", 1)[1]: a for a in ax.get_children() if (a.get_gid() or "").startswith(prefix)}


def test_site_map_shows_every_active_station(site_map):
    ax = site_map.axes[0]
    markers = _by_gid(site_map, "marker:")
    stations = _stations()
    assert set(markers) == {s.id for s in stations}
    frame = ax.get_window_extent()
    legend = ax.get_legend().get_window_extent()
    centres = {}
    for sid, line in markers.items():
        x, y = ax.transData.transform(np.column_stack(line.get_data()))[0]
        assert frame.x0 < x < frame.x1 and frame.y0 < y < frame.y1, sid
        assert not (legend.x0 <= x <= legend.x1 and legend.y0 <= y <= legend.y1), sid
        centres[sid] = (x, y)
    # No marker hides another: centres at least one marker width apart (KSC sits 0.12° from the Cape).
    width = markers["kourou"].get_markersize() / 72 * site_map.dpi
    for (a, pa), (b, pb) in itertools.combinations(centres.items(), 2):
        assert np.hypot(pa[0] - pb[0], pa[1] - pb[1]) >= width, (a, b)


def test_site_map_labels_do_not_overlap(site_map):
    ax = site_map.axes[0]
    renderer = site_map.canvas.get_renderer()
    labels = _by_gid(site_map, "label:")
    assert set(labels) == {s.id for s in _stations()}
    boxes = {sid: t.get_window_extent(renderer) for sid, t in labels.items()}
    frame = ax.get_window_extent(renderer)
    for sid, b in boxes.items():
        assert frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1, sid
    for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2):
        assert not ba.overlaps(bb), (a, b)
    # Nor does a label cover a marker, or the legend.
    legend = ax.get_legend().get_window_extent(renderer)
    for sid, b in boxes.items():
        assert not b.overlaps(legend), sid
        for mid, line in _by_gid(site_map, "marker:").items():
            x, y = ax.transData.transform(np.column_stack(line.get_data()))[0]
            assert not (b.x0 <= x <= b.x1 and b.y0 <= y <= b.y1), (sid, mid)


def test_site_map_png_is_deterministic(tmp_path):
    a = plots.latitude_map(tmp_path / "a.png", orbitcoop.list_sites())
    b = plots.latitude_map(tmp_path / "b.png", orbitcoop.list_sites())
    assert a.read_bytes()[:4] == b"\x89PNG" and a.read_bytes() == b.read_bytes()


def test_geo_penalty_split_adds_up(tmp_path):
    df = plots.geo_penalty_split()
    assert list(df["site"]) == [s.id for s in sorted(_stations(), key=lambda s: abs(s.latitude_deg))]
    total = df["latitude_only_m_s"] + df["constraints_m_s"]
    assert np.allclose(total, df["dv_penalty_m_s"], atol=1e-6)
    assert (df["constraints_m_s"] >= 0).all()
    row = df.set_index("site")
    # Unknown corridor: nothing to add. Semnan's i 55-66° limit costs more than its latitude does at GEO.
    assert row.loc["vandenberg", "constraints_m_s"] == 0 and not row.loc["vandenberg", "constraints_known"]
    assert row.loc["semnan", "constraints_m_s"] > 300
    # The latitude part is the same orbit from an ideal-free site at that latitude: Kourou's is small.
    assert row.loc["kourou", "latitude_only_m_s"] < 30
    assert plots.geo_penalty_bars(tmp_path / "geo.png").read_bytes()[:4] == b"\x89PNG"
