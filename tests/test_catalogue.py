"""Schema of the built-in launch-site catalogue: unique ids, values in range, every figure sourced."""

import re

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

    narrow = replace(base, id="kourou-test", corridors=(Corridor(349.5, 10.0, "test [C]"),), inclination_limits=())
    assert oc.assess(base, "iss").in_corridor is True
    assert oc.assess(narrow, "iss").in_corridor is False


def test_every_id_finds_its_own_site():
    for s in catalogue():
        assert oc.get_site(s.id) is s
