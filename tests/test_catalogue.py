"""Schema of the built-in launch-site catalogue: unique ids, values in range, every figure sourced."""

import math
import re

import numpy as np
import pytest

import orbitcoop as oc
from orbitcoop.errors import CatalogueError
from orbitcoop.sites import Catalogue, catalogue

GRADE = re.compile(r"\[[ABC]")


def test_catalogue_size_and_first_sites():
    sites = oc.list_sites()
    assert len([s for s in sites if not s.parent]) >= 30
    ids = [s.id for s in sites if not s.parent]
    assert ids[:4] == ["tanegashima", "vostochny", "kourou", "wenchang"]
    for sid in (
        "baikonur",
        "plesetsk",
        "jiuquan",
        "taiyuan",
        "xichang",
        "uchinoura",
        "cape-canaveral",
        "vandenberg",
        "wallops",
        "kodiak",
        "satish-dhawan",
        "alcantara",
        "naro",
        "mahia",
        "andoya",
        "saxavord",
        "esrange",
        "sohae",
        "semnan",
        "palmachim",
        "kapustin-yar",
        "starbase",
        "omelek",
    ):
        assert oc.get_site(sid).id == sid


@pytest.mark.parametrize("site", catalogue(), ids=lambda s: s.id)
def test_every_site_is_well_formed_and_sourced(site):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", site.id)
    assert -90 <= site.latitude_deg <= 90 and -180 <= site.longitude_deg <= 180
    assert site.status in ("active", "planned", "retired")
    assert GRADE.search(site.position_source), site.position_source
    if site.elevation_known:
        assert GRADE.search(site.elevation_source)
    for c in site.corridors:
        assert 0 <= c.azimuth_min_deg <= 360 and 0 <= c.azimuth_max_deg <= 360
        assert c.azimuth_min_deg != c.azimuth_max_deg
        assert GRADE.search(c.source)
    for lim in site.inclination_limits:
        assert lim.min_deg is not None or lim.max_deg is not None
        assert GRADE.search(lim.source)
    for f in site.flown:
        assert GRADE.search(f.source)
    if site.parent:
        assert oc.get_site(site.parent).id == site.parent


def test_ids_unique():
    ids = [s.id for s in catalogue()]
    assert len(ids) == len(set(ids))


def test_gcat_codes_tie_each_record_code_to_one_site():
    # The flight record's one link to the catalogue (orbitcoop.record): a GCAT site code names one
    # station, a 'SITE:PAD' code one pad, and a pad's codes sit under its station's site codes.
    sites, pads = {}, {}
    by_id = {s.id: s for s in catalogue()}
    for s in catalogue():
        for code in s.gcat_sites:
            assert code not in sites, (code, sites.get(code), s.id)
            sites[code] = s.id
        for code in s.gcat_pads:
            assert code not in pads, (code, pads.get(code), s.id)
            pads[code] = s.id
            if s.parent:
                assert code.split(":")[0] in by_id[s.parent].gcat_sites, (s.id, code)


def test_malformed_gcat_pad_code_is_rejected(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text(
        '[[site]]\nid = "x"\nname = "X"\ncountry = "C"\noperator = "O"\nstatus = "active"\n'
        'latitude_deg = 5.0\nlongitude_deg = 0.0\nposition_source = "s [A]"\ngcat_pads = ["LC1"]\n'
    )
    with pytest.raises(CatalogueError, match="'SITE:PAD' GCAT codes"):
        Catalogue.from_toml(p)


def test_malformed_catalogue_names_entry_and_field(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text(
        '[[site]]\nid = "x"\nname = "X"\ncountry = "C"\noperator = "O"\nstatus = "active"\n'
        'latitude_deg = 95.0\nlongitude_deg = 0.0\nposition_source = "s [A]"\n'
    )
    with pytest.raises(CatalogueError, match=r"bad.toml site #0 \(id 'x'\): latitude_deg = 95.0"):
        Catalogue.from_toml(p)
    p.write_text(
        '[[site]]\nid = "x"\nname = "X"\ncountry = "C"\noperator = "O"\nstatus = "active"\n'
        'latitude_deg = 5.0\nlongitude_deg = 0.0\nposition_source = ""\n'
    )
    with pytest.raises(CatalogueError, match="position_source is empty"):
        Catalogue.from_toml(p)


def test_changing_a_corridor_changes_the_answer(tmp_path):
    # Data, not code, decides: the same site with a corridor that excludes the ISS plane.
    base = oc.get_site("kourou")
    from dataclasses import replace

    from orbitcoop.sites import Corridor

    # No flown envelope either: the record holds ISS-bound flights from Kourou (ATV on Ariane 5).
    narrow = replace(
        base, id="kourou-test", corridors=(Corridor(349.5, 10.0, "test [C]"),), inclination_limits=(), envelope=()
    )
    assert oc.assess(base, "iss").in_corridor is True
    assert oc.assess(narrow, "iss").in_corridor is False


def test_every_id_finds_its_own_site():
    for s in catalogue():
        assert oc.get_site(s.id) is s


def _pad_at_liftoff(pad, launch_utc):
    """(unit vector of the pad in the lift-off inertial frame, Greenwich mean sidereal angle [rad]).

    Geocentric latitude from the project's kernel; Earth orientation from astropy's GMST.
    """
    from astropy.time import Time

    from orbitcoop.core.geodesy import geocentric_latitude

    gmst = Time(launch_utc, scale="utc").sidereal_time("mean", longitude=0).rad
    lat_c = geocentric_latitude(math.radians(pad.latitude_deg), 0.0)
    return _unit(lat_c, gmst + math.radians(pad.longitude_deg)), gmst


def _unit(lat, alpha):
    return np.array([math.cos(lat) * math.cos(alpha), math.cos(lat) * math.sin(alpha), math.sin(lat)])


def _plane_offset_deg(pad, launch_utc, epoch_utc, inc_deg, raan_deg, mean_motion_rev_day):
    """The pad's angular distance from a flown orbit's plane at lift-off.

    The RAAN of the elements is carried back to the launch time at the J2 nodal rate
    (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., eq. 9-41, near-circular).
    """
    import astropy.units as u
    from astropy.time import Time

    from orbitcoop.core.constants import GM_EARTH_M3_S2, J2_EARTH, WGS84_A_M

    n = mean_motion_rev_day * 2 * math.pi / 86400.0
    a = (GM_EARTH_M3_S2 / n**2) ** (1 / 3)
    i = math.radians(inc_deg)
    raan_rate = -1.5 * n * J2_EARTH * (WGS84_A_M / a) ** 2 * math.cos(i)
    elapsed = (Time(epoch_utc, scale="utc") - Time(launch_utc, scale="utc")).to_value(u.s)
    raan0 = math.radians(raan_deg) - raan_rate * elapsed
    site, _ = _pad_at_liftoff(pad, launch_utc)
    h = np.array([math.sin(i) * math.sin(raan0), -math.sin(i) * math.cos(raan0), math.cos(i)])
    return abs(math.degrees(math.asin(site @ h)))


def _offset_from_insertion_deg(pad, launch_utc, after_s, lat_deg, lon_deg, inc_deg):
    """The pad's angular distance at lift-off from the plane through a southbound insertion point.

    The insertion point is put in the lift-off inertial frame (Earth turned by ω·t since), the
    plane's normal is r × v with v heading south-east at the orbit's inclination.
    """
    from orbitcoop.core.constants import OMEGA_EARTH_RAD_S

    site, gmst = _pad_at_liftoff(pad, launch_utc)
    lat, lon = math.radians(lat_deg), gmst + OMEGA_EARTH_RAD_S * after_s + math.radians(lon_deg)
    az = math.pi - math.asin(math.cos(math.radians(inc_deg)) / math.cos(lat))  # southbound
    east = np.array([-math.sin(lon), math.cos(lon), 0.0])
    north = np.array([-math.sin(lat) * math.cos(lon), -math.sin(lat) * math.sin(lon), math.cos(lat)])
    h = np.cross(_unit(lat, lon), math.sin(az) * east + math.cos(az) * north)
    return abs(math.degrees(math.asin(site @ h / np.linalg.norm(h))))


@pytest.mark.parametrize("site", [s for s in catalogue() if s.routes and not s.parent], ids=lambda s: s.id)
def test_flown_route_offsets_follow_from_their_evidence(site):
    for r in site.routes:
        ev = dict(r.evidence)
        pad = oc.get_site(ev["launch_pad"])
        if "orbit_raan_deg" in ev:  # orbital elements of the flown object
            got = _plane_offset_deg(
                pad,
                ev["launch_utc"],
                ev["orbit_epoch_utc"],
                ev["orbit_inclination_deg"],
                ev["orbit_raan_deg"],
                ev["orbit_mean_motion_rev_per_day"],
            )
        else:  # a published insertion point
            got = _offset_from_insertion_deg(
                pad,
                ev["launch_utc"],
                ev["insertion_after_s"],
                ev["insertion_latitude_deg"],
                ev["insertion_longitude_deg"],
                ev["orbit_inclination_deg"],
            )
        assert got == pytest.approx(r.plane_offset_deg, abs=0.05)
        # The evidence lies inside the band it is applied to, and was flown from this site.
        assert r.applies_to(ev["orbit_inclination_deg"])
        assert pad.id == site.id or pad.parent == site.id


def test_a_flown_route_charges_its_dogleg_and_pads_inherit_it():
    sso = oc.assess("tanegashima", "sso:800")
    assert sso.strategy.startswith("dogleg") and sso.dv.dogleg.value > 0
    assert any("flown route" in n for n in sso.notes)
    # The turn is flown in the ascent: a plane change at the parking orbit's speed, 2 v sin(6.4°/2),
    # whatever the target altitude (it cannot be deferred to a transfer's apogee).
    turn = 2 * sso.dv.orbital_speed.value * math.sin(math.radians(6.4 / 2))
    for orbit in ("sso:800", "sso:500", "leo:200:97.4", "polar"):
        assert oc.assess("tanegashima", orbit).dv.dogleg.value == pytest.approx(turn, rel=1e-12), orbit
    assert oc.assess("tanegashima-lp1", "sso:800").dv.dogleg == sso.dv.dogleg
    # Outside the routes' bands nothing changes: GTO and a 40° LEO fly as before.
    assert oc.assess("tanegashima", "gto").dv.dogleg.value == 0.0
    assert oc.assess("tanegashima", "leo:400:40").dv.dogleg.value == 0.0


def test_builtin_orbit_presets_are_sourced_and_named_once():
    # data/orbits.toml is read and checked like the other catalogues (orbitcoop.orbits.load_presets).
    from orbitcoop.orbits import load_presets

    presets, names = load_presets()
    assert len(presets) >= 10 and set(names.values()) == set(presets)
    for oid, orbit in presets.items():
        # Graded like the site sources, or a definition ('polar' is 90° by definition).
        assert orbit.id == oid and (GRADE.search(orbit.source) or orbit.source.startswith("Definition")), oid


def test_every_vehicle_names_catalogue_sites_by_id():
    # Checked when the vehicle file loads; stored by id, so payloads' home-site test compares ids.
    ids = set(catalogue().ids())
    for v in oc.list_vehicles():
        assert v.home_sites and set(v.home_sites) <= ids, v.id
        assert {p.site for p in v.performance} <= ids, v.id
