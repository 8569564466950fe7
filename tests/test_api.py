"""The units API: Quantity in and out, broadcasting, clear errors, assess and compare."""

import math
from dataclasses import replace

import astropy.units as u
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import orbitcoop as oc
from orbitcoop import orbits
from orbitcoop.core.constants import GEO_RADIUS_M, GM_EARTH_M3_S2, WGS84_A_M


def test_quantity_in_quantity_out_and_broadcasting():
    lat = np.array([0.0, 30.0, 60.0]) * u.deg
    inc = np.array([[60.0], [80.0]]) * u.deg
    az = oc.launch_azimuth(lat, inc)
    assert az.unit == u.deg and az.shape == (2, 3)
    assert oc.rotation_speed(lat).shape == (3,)
    assert oc.sso_inclination([500, 700] * u.km).shape == (2,)
    assert oc.gto_to_geo_dv(np.linspace(0, 30, 5) * u.deg).unit == u.m / u.s
    assert oc.plane_change_dv(7.7 * u.km / u.s, 10 * u.deg).unit == u.km / u.s


def test_other_length_units_are_converted():
    a = oc.sso_inclination(705 * u.km)
    b = oc.sso_inclination(705_000 * u.m)
    assert a == b


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: oc.min_inclination(91 * u.deg), ["latitude = 91 deg", "−90° to +90°"]),
        (lambda: oc.min_inclination(float("nan") * u.deg), ["latitude = nan"]),
        (lambda: oc.launch_azimuth(0 * u.deg, 200 * u.deg), ["inclination = 200 deg", "0–180°"]),
        (lambda: oc.launch_azimuth(0 * u.deg, -1 * u.deg), ["inclination = -1 deg"]),
        (lambda: oc.sso_inclination(-100 * u.km), ["altitude = -100000 m", "surface"]),
        (lambda: oc.sso_inclination(7000 * u.km), ["7000 km", "no sun-synchronous", "valid range"]),
        (lambda: oc.gto_to_geo_dv(np.inf * u.deg), ["inclination = inf"]),
        (lambda: orbits.LEO(-5, 51.6), ["-5 km", "below the surface"]),
        (lambda: orbits.LEO(400, 181), ["181", "0–180°"]),
        (lambda: orbits.Escape(-2.0), ["c3 = -2 km²/s²", "0–400", "bound orbit"]),
        (lambda: orbits.parse_orbit("c3:10:200"), ["inclination = 200", "0–180°"]),
    ],
)
def test_bad_input_is_a_clear_error(call, words):
    with pytest.raises(oc.InputRangeError) as err:
        call()
    for w in words:
        assert w in str(err.value)


def test_wrong_units_are_rejected():
    with pytest.raises(u.UnitsError, match="latitude"):
        oc.min_inclination(30 * u.km)
    with pytest.raises(u.UnitsError, match="Quantity"):
        oc.min_inclination(30.0)


def test_unknown_site_suggests_ids():
    with pytest.raises(oc.UnknownSiteError) as err:
        oc.get_site("tanegashma")
    assert isinstance(err.value, LookupError)
    assert "tanegashima" in str(err.value)
    with pytest.raises(LookupError, match="vostochny"):
        oc.get_site("vostochniy cosmodrom")


def test_site_lookup_by_alias_and_case():
    assert oc.get_site("Tanegashima").id == "tanegashima"
    assert oc.get_site("CSG").id.startswith("kourou")
    assert oc.get_site("KSC").id.startswith("ksc")


def test_unreachable_inclination_names_minimum_and_alternative():
    with pytest.raises(oc.UnreachableOrbitError) as err:
        oc.launch_azimuth("tanegashima", 28.5 * u.deg)
    msg = str(err.value)
    assert "28.50°" in msg and "30.2" in msg and "due east" in msg and "m/s" in msg
    assert err.value.minimum.to_value(u.deg) == pytest.approx(oc.min_inclination("tanegashima").to_value(u.deg))
    assert "change plane" in err.value.alternative


def test_geo_penalty_grows_with_latitude():
    pen = {s: oc.assess(s, "geo").dv_penalty.to_value(u.m / u.s) for s in ("kourou", "wenchang", "tanegashima")}
    assert pen["kourou"] < pen["wenchang"] < pen["tanegashima"]
    assert pen["tanegashima"] - pen["kourou"] > 300  # ~420 m/s: the claim's physics


def test_inclination_above_latitude_costs_nothing_extra():
    # ISS 51.64° from the Cape or Kourou: Earth's rotation gives ~ω r cos i either way.
    # (Not Tanegashima: its ISS launches fly a dog-leg, a route in the catalogue.)
    a, b = oc.assess("cape-canaveral", orbits.ISS), oc.assess("kourou", orbits.ISS)
    assert a.direct and b.direct
    assert abs(a.total_dv - b.total_dv).to_value(u.m / u.s) < 10
    assert abs(a.dv_penalty.to_value(u.m / u.s)) < 10


def test_assess_below_minimum_is_a_plane_change_not_an_error():
    a = oc.assess("plesetsk", "iss")
    assert not a.direct and a.strategy.startswith("plane change")
    assert a.dv.plane_change.to_value(u.m / u.s) > 1000
    assert any("out of direct reach" in n for n in a.notes)


def test_corridor_outside_gives_dogleg():
    # Jiuquan's published (historical) 57–70° limit alone excludes the station at 41.5°: a dogleg.
    # The real site also carries its flown envelope, which holds the Tiangong plane (issue 14;
    # tests/test_flight_record.py); strip it to see the published limit at work.
    published_only = replace(oc.get_site("jiuquan"), envelope=())
    a = oc.assess(published_only, "tiangong")
    assert a.direct and a.in_corridor is False and a.strategy.startswith("dogleg")
    assert a.dv.dogleg.to_value(u.m / u.s) > 0


def test_corridor_outside_names_a_pad_of_the_same_range_that_reaches_it():
    # SLC-41's published limit (28–57°) stops short of a sun-synchronous plane; its sibling SLC-40
    # has the southward polar corridor (66–145°): the way that does reach it from this range. (The
    # Cape station itself is the union of its pads and now reaches it directly: test_flight_record.)
    a = oc.assess("cape-canaveral-slc41", "sso:700")
    assert a.in_corridor is False
    assert any(n.startswith("cape-canaveral-slc40 (same range") and "directly" in n for n in a.notes)
    assert not any("same range" in n for n in oc.assess("cape-canaveral-slc40", "sso:700").notes)
    # SLC-37 and LC-36 (published 28–57°, no polar flights in the record) are not named.
    assert not any(n.startswith(("cape-canaveral-slc37", "cape-canaveral-lc36")) for n in a.notes)
    # Jiuquan's published limit alone excludes the Tiangong plane; its pads fly under the range's
    # rules and share its flown envelope (the CZ-2F pad SLS-1 flies Shenzhou there): they are named.
    published_only = replace(oc.get_site("jiuquan"), envelope=())
    notes = oc.assess(published_only, "tiangong").notes
    assert any(n.startswith("jiuquan-sls1 (same range") and "41.50° directly" in n for n in notes)


def test_corridor_unknown_is_reported():
    # No published corridor or limit at Tanegashima: the verdict stays unknown and geometry decides;
    # the note quotes what the flight record shows instead (issue 14). A site with no record either
    # (SaxaVord, planned) still says "corridor unknown".
    a = oc.assess("tanegashima", "iss")
    assert a.in_corridor is None
    assert a.to_dict()["in_corridor"] == "unknown"
    assert any(n.startswith("flown envelope: ") and "51.64–51.68°" in n for n in a.notes)
    b = oc.assess("saxavord", "sso:600")
    assert b.in_corridor is None
    assert any("corridor unknown" in n for n in b.notes)


def test_dv_parts_add_up():
    for site, orbit in [("kourou", "geo"), ("jiuquan", "tiangong"), ("vostochny", "geo"), ("baikonur", "iss")]:
        d = oc.assess(site, orbit).dv
        parts = d.orbital_speed - d.rotation_gain + d.transfer + d.plane_change + d.dogleg
        assert parts.to_value(u.m / u.s) == pytest.approx(d.total.to_value(u.m / u.s), abs=1e-6)


def test_geo_transfer_strategies():
    apo = oc.geo_transfer("tanegashima", strategy="apogee")
    split = oc.geo_transfer("tanegashima", strategy="optimal-split")
    sup = oc.geo_transfer("baikonur", strategy="supersynchronous")
    assert apo.perigee_inclination_change.to_value(u.deg) == 0
    assert 0 < split.perigee_inclination_change.to_value(u.deg) < 5
    assert split.total_dv < apo.total_dv
    assert (split.perigee_dv + split.apogee_dv - split.total_dv).to_value(u.m / u.s) == pytest.approx(0, abs=1e-6)
    assert sup.apogee_altitude > 35786 * u.km
    assert sup.total_dv < oc.geo_transfer("baikonur").total_dv
    assert set(split.to_dict()) >= {"perigee_dv_m_s", "apogee_dv_m_s", "total_dv_m_s"}


def test_compare_dataframe():
    df = oc.compare(["tanegashima", "vostochny", "kourou", "wenchang"], ["iss", "geo", "sso:700", "gto"])
    assert len(df) == 16
    assert {"site", "orbit", "direct", "in_corridor", "strategy", "dv_penalty_m_s", "total_dv_m_s"} <= set(df.columns)
    one = oc.assess("vostochny", "geo")
    row = df[(df.site == "vostochny") & (df.orbit == "geo")].iloc[0]
    assert row.total_dv_m_s == pytest.approx(one.total_dv.to_value(u.m / u.s))


def test_presets_and_parsing():
    assert orbits.ISS.inclination_deg == pytest.approx(51.64)
    assert orbits.BEIDOU_MEO.id == "beidou-meo"
    assert orbits.parse_orbit("gto:250:35786").apogee_altitude_km == 35786
    assert orbits.parse_orbit("sso:700").inclination_deg == pytest.approx(98.19, abs=0.02)
    with pytest.raises(oc.UnknownOrbitError, match=r"leo:400:51\.6"):
        orbits.parse_orbit("leo:400")
    with pytest.raises(oc.UnknownOrbitError, match="unknown orbit"):
        orbits.parse_orbit("lunar-gateway")
    esc = orbits.parse_orbit("c3:12.5")
    assert esc.escape and esc.c3_km2_s2 == 12.5 and esc.inclination_deg is None and not esc.circular
    assert orbits.Escape(12.5 * u.km**2 / u.s**2) == esc


def test_escape_costs_the_hyperbola_from_the_parking_orbit():
    # One burn from the 200 km parking orbit: √(2μ/r + C3) − √(μ/r), plus the same ascent as any orbit.
    from orbitcoop.core.constants import GM_EARTH_M3_S2, WGS84_A_M

    r = WGS84_A_M + 200e3
    for c3 in (0.0, 10.0, 30.0):
        a = oc.assess("kourou", f"c3:{c3}")
        burn = math.sqrt(2 * GM_EARTH_M3_S2 / r + c3 * 1e6) - math.sqrt(GM_EARTH_M3_S2 / r)
        assert a.dv.transfer.to_value(u.m / u.s) == pytest.approx(burn, rel=1e-12)
        assert a.direct and a.dv.plane_change.to_value(u.m / u.s) == 0.0
    tilted = oc.assess("kourou", "c3:10:28.5")
    assert tilted.direct and tilted.total_dv > oc.assess("kourou", "c3:10").total_dv


def test_import_is_light():
    import subprocess
    import sys

    heavy = "('numba', 'astropy', 'pandas', 'boinor', 'matplotlib')"
    code = f"import sys, orbitcoop; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_result_reprs_and_dicts_are_plain():
    import json

    a = oc.assess("kourou", "geo")
    json.dumps(a.to_dict())
    assert "kourou" in repr(a) and "m/s" in repr(a)
    assert math.isfinite(a.to_dict()["total_dv_m_s"])


def test_rotation_gain_first_order_is_omega_r_cos_i():
    # (core/azimuth.py, eq. 3): gain ≈ ω r cos i whatever the latitude, for reachable i;
    # polar costs the whole site speed's square, retrograde pays.
    for site in ("kourou", "tanegashima", "vostochny"):
        g = oc.rotation_gain(site, 60 * u.deg).to_value(u.m / u.s)
        assert g == pytest.approx(465.1 * math.cos(math.radians(60)), abs=12)
    assert oc.rotation_gain("vostochny", 90 * u.deg).to_value(u.m / u.s) < 0
    assert oc.rotation_gain("palmachim", 142 * u.deg).to_value(u.m / u.s) < -300
    with pytest.raises(oc.UnreachableOrbitError):
        oc.rotation_gain("vostochny", 40 * u.deg)


def test_insertion_grid_api():
    g = oc.insertion_dv_grid(["kourou", "vostochny"], [0, 51.6, 97.6] * u.deg, [200, 700] * u.km)
    assert g.shape == (2, 3, 2) and g.unit == u.m / u.s
    assert np.all(np.isfinite(g))
    direct = oc.rotation_gain("vostochny", 97.6 * u.deg, altitude=700 * u.km)
    v = math.sqrt(3.986004418e14 / (6378137 + 700e3))
    assert g[1, 2, 1].to_value(u.m / u.s) == pytest.approx(v - direct.to_value(u.m / u.s), rel=1e-12)
    assert g[1, 0, 0] > g[0, 0, 0] + 1000 * u.m / u.s  # equatorial plane from 51.9°: a big plane change


def test_compare_default_is_every_active_site_once():
    df = oc.compare(orbits="geo")
    ids = set(df["site"])
    assert "tanegashima" in ids and "kourou" in ids
    assert not any(oc.get_site(i).parent for i in ids)
    assert all(oc.get_site(i).status == "active" for i in ids)


def test_flown_evidence_is_quoted():
    a = oc.assess("baikonur", "iss")
    assert any(n.startswith("flown from here:") and "51.6" in n for n in a.notes)


def test_geo_transfer_from_the_equator_is_a_plain_hohmann():
    t = oc.geo_transfer(0 * u.deg, perigee_altitude=200 * u.km)
    assert t.perigee_inclination_change.to_value(u.deg) == 0.0
    hohmann = oc.hohmann_dv(200 * u.km, (42_164_169.9 - 6_378_137) * u.m)
    assert t.total_dv.to_value(u.m / u.s) == pytest.approx(hohmann.to_value(u.m / u.s), abs=0.5)


@given(
    lat=st.lists(st.floats(-89.0, 89.0), min_size=1, max_size=6),
    inc=st.lists(st.floats(0.0, 180.0), min_size=1, max_size=6),
)
def test_api_broadcasting_equals_elementwise(lat, inc):
    lat_q = np.array(lat)[:, None] * u.deg
    inc_q = np.array(inc)[None, :] * u.deg
    grid = oc.inclination_from_azimuth(lat_q, inc_q, frame="inertial")  # any azimuth is valid
    assert grid.shape == (len(lat), len(inc))
    for i, la in enumerate(lat):
        for j, az in enumerate(inc):
            one = oc.inclination_from_azimuth(la * u.deg, az * u.deg, frame="inertial")
            assert grid[i, j].to_value(u.deg) == pytest.approx(one.to_value(u.deg), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("orbit", ["gto", "geo", "c3:12", "leo:800:98.6", "ell:23222:23222:54.7", "leo:200:51.6"])
def test_plan_splits_the_transfer_into_departure_and_later_burns(orbit):
    # The departure (first burn out of the parking orbit), the later burns and the ascent's
    # dog-leg add up to the transfer part of the budget.
    from orbitcoop.assessment import plan_pairs
    from orbitcoop.core.maneuvers import escape_dv
    from orbitcoop.orbits import as_target
    from orbitcoop.sites import get_site

    site, target = get_site("tanegashima"), as_target(orbit)
    p = plan_pairs([site], [target], 200.0, 1e5)
    transfer = p.total[0] - (p.v1[0] - p.gain[0])
    assert p.depart[0] + p.after[0] + p.route_dv[0] == pytest.approx(transfer, rel=1e-12, abs=1e-9)
    r1, v1 = p.r1[0], p.v1[0]
    if target.escape:
        assert p.depart[0] == pytest.approx(escape_dv(GM_EARTH_M3_S2, r1, target.c3_km2_s2 * 1e6, 0.0))
    elif p.use_ss[0]:
        assert p.depart[0] > math.sqrt(GM_EARTH_M3_S2 * (2 / r1 - 2 / (r1 + GEO_RADIUS_M))) - v1
    elif target.apogee_altitude_km > 200.0 + 1e-3:
        ra = WGS84_A_M + target.apogee_altitude_km * 1e3
        assert p.depart[0] == pytest.approx(math.sqrt(GM_EARTH_M3_S2 * (2 / r1 - 2 / (r1 + ra))) - v1)
    else:
        assert p.depart[0] == 0.0
