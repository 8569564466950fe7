"""The closed sets of answers (orbitcoop/outcomes.py) and the errors for options outside them."""

import json

import astropy.units as u
import pytest

import orbitcoop as oc
from orbitcoop.outcomes import CorridorStatus, GeoStrategy, PayloadRole, Strategy


def test_enums_read_as_the_strings_they_replaced():
    # JSON, repr, format and equality: outputs that held the plain strings are unchanged.
    assert json.dumps({"s": Strategy.GTO_SPLIT}) == '{"s": "gto split"}'
    assert repr(Strategy.DOGLEG_SPLIT) == "'dogleg (split)'"
    assert f"{GeoStrategy.OPTIMAL_SPLIT}" == "optimal-split" == GeoStrategy.OPTIMAL_SPLIT
    assert Strategy.PLANE_CHANGE.split() is Strategy.PLANE_CHANGE_SPLIT
    assert Strategy.DOGLEG.split() is Strategy.DOGLEG_SPLIT


@pytest.mark.parametrize(
    ("flag", "status", "json_value", "label"),
    [
        (True, CorridorStatus.IN, True, "in corridor"),
        (False, CorridorStatus.OUTSIDE, False, "outside corridor"),
        (None, CorridorStatus.UNKNOWN, "unknown", "corridor unknown"),
    ],
)
def test_corridor_status_keeps_the_json_of_in_corridor(flag, status, json_value, label):
    s = CorridorStatus.of(flag)
    assert (s is status and s.json is json_value) or s.json == json_value
    assert s.label == label


def test_assessments_answer_with_the_enums():
    df = oc.compare(["tanegashima", "kourou", "vostochny", "cape-canaveral"], ["iss", "polar", "gto", "geo", "c3:10"])
    assert set(df["strategy"]) <= set(Strategy)
    a = oc.assess("tanegashima", "geo")
    assert a.strategy is Strategy.GTO_SPLIT
    assert a.corridor is CorridorStatus.of(a.in_corridor)
    assert a.to_dict()["in_corridor"] == a.corridor.json


def test_validation_rows_roles_are_payload_roles():
    assert {r["role"] for r in oc.validation_rows()} <= set(PayloadRole)


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda: oc.launch_azimuth(28.5 * u.deg, 51.6 * u.deg, branch="up"), ["'north'", "'south'"]),
        (lambda: oc.launch_azimuth(28.5 * u.deg, 51.6 * u.deg, frame="body"), ["'ground'", "'inertial'"]),
        (lambda: oc.inclination_from_azimuth(28.5 * u.deg, 90 * u.deg, frame="body"), ["'ground'", "'inertial'"]),
        (
            lambda: oc.geo_transfer("kourou", strategy="bielliptic"),
            ["'apogee'", "'optimal-split'", "'supersynchronous'"],
        ),
    ],
)
def test_an_option_outside_its_set_names_the_valid_ones(call, names):
    with pytest.raises(oc.InvalidOptionError) as err:
        call()
    assert isinstance(err.value, ValueError) and isinstance(err.value, oc.OrbitcoopError)
    assert all(n in str(err.value) for n in names)
