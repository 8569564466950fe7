"""Fuzzing the public API and the CLI: the only outcomes are a finite result or a clear error.

Every public function gets values a careless user might pass (NaN, infinities, negatives,
huge numbers, wrong units, strings, arrays of the wrong shape, None). Each call must either
return a finite, JSON-serialisable result or raise one of orbitcoop's documented error types
with a message; never another exception, a NaN from finite input, or a hang. The default run
takes a fast sample; ``pytest -m slow`` runs the long one.
"""

import json
import math
import signal
from contextlib import contextmanager

import astropy.units as u
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orbitcoop
from orbitcoop.cli import main
from orbitcoop.errors import OrbitcoopError

ALLOWED = (OrbitcoopError, ValueError, LookupError, TypeError, u.UnitsError)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.floats(-1e4, 1e4),
    st.integers(-(10**12), 10**12),
    st.sampled_from([0.0, -0.0, 1e-300, 1e300, 90.0, 180.0, 180.0000001, -90.0]),
)
units = st.sampled_from([u.deg, u.rad, u.km, u.m, u.m / u.s, u.km / u.s, u.kg, u.s, u.one, u.km**2 / u.s**2])
quantities = st.builds(lambda v, unit: v * unit, numbers, units)
arrays = st.builds(lambda vs, unit: np.array(vs) * unit, st.lists(st.floats(-1e3, 1e5), min_size=0, max_size=4), units)
junk = st.one_of(st.none(), st.text(max_size=12), st.booleans(), st.lists(st.integers(), max_size=3))
values = st.one_of(quantities, arrays, numbers, junk)
sites = st.one_of(
    st.sampled_from(["kourou", "tanegashima", "vostochny", "jiuquan", "xichang", "cape-canaveral", "mahia"]),
    st.text(max_size=10),
    quantities,
)
orbit_texts = st.one_of(
    st.sampled_from(["iss", "geo", "gto", "tli", "polar", "gps", "beidou", "molniya", "tiangong"]),
    st.builds(lambda a, b: f"leo:{a}:{b}", numbers, numbers),
    st.builds(lambda a: f"sso:{a}", numbers),
    st.builds(lambda a, b, c: f"ell:{a}:{b}:{c}", numbers, numbers, numbers),
    st.builds(lambda a: f"c3:{a}", numbers),
    st.builds(lambda a: f"gtodv:{a}", numbers),
    st.text(max_size=15),
)


@contextmanager
def time_limit(seconds=60):
    """Fail a call that does not return (a hang) instead of blocking the suite (Unix main thread)."""

    def handler(signum, frame):
        raise TimeoutError(f"call did not return within {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _finite(result):
    """Every number in ``result`` is finite (inf is allowed only where it means 'never': none here)."""
    if isinstance(result, u.Quantity):
        assert np.all(np.isfinite(result.value)), result
    elif isinstance(result, pd.DataFrame):
        num = result.select_dtypes("number")
        assert np.isfinite(num.to_numpy(dtype=float)).all(), num
    elif hasattr(result, "to_dict"):
        json.dumps(result.to_dict(), allow_nan=False, default=str)
    elif isinstance(result, float):
        assert math.isfinite(result)


def outcome(fn, *args, **kwargs):
    """Call ``fn``: a finite result, or an allowed error with a message. Returns 'ok' or the error type."""
    try:
        with time_limit():
            result = fn(*args, **kwargs)
    except ALLOWED as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message from {fn.__name__}{args}"
        # orbitcoop's own errors (every check raises one, naming the parameter) or astropy's unit
        # errors: never a ValueError/TypeError from numpy, numba, pandas or a builtin, whose
        # message cannot name the user's parameter.
        assert isinstance(exc, OrbitcoopError | u.UnitsError), (
            f"{type(exc).__name__}: {exc} (calling {fn.__name__}{args} {kwargs})"
        )
        return type(exc).__name__
    _finite(result)
    return "ok"


def _api_calls():
    return st.one_of(
        st.builds(lambda s, e: (orbitcoop.rotation_speed, (s,), {"elevation": e}), sites, values),
        st.builds(lambda s: (orbitcoop.min_inclination, (s,), {}), sites),
        st.builds(lambda s: (orbitcoop.geocentric_latitude, (s,), {}), sites),
        st.builds(
            lambda s, i, a, b, f: (orbitcoop.launch_azimuth, (s, i), {"altitude": a, "branch": b, "frame": f}),
            sites,
            values,
            values,
            st.sampled_from(["north", "south", "up"]),
            st.sampled_from(["ground", "inertial", "sky"]),
        ),
        st.builds(lambda s, a: (orbitcoop.inclination_from_azimuth, (s, a), {}), sites, values),
        st.builds(lambda s, i, a: (orbitcoop.rotation_gain, (s, i), {"altitude": a}), sites, values, values),
        st.builds(lambda v, a: (orbitcoop.plane_change_dv, (v, a), {}), values, values),
        st.builds(lambda a, b: (orbitcoop.hohmann_dv, (a, b), {}), values, values),
        st.builds(lambda a, e: (orbitcoop.sso_inclination, (a,), {"eccentricity": e}), values, numbers),
        st.builds(
            lambda i, p, a: (orbitcoop.gto_to_geo_dv, (i,), {"perigee_altitude": p, "apogee_altitude": a}),
            values,
            values,
            values,
        ),
        st.builds(
            lambda s, p, k: (orbitcoop.geo_transfer, (s,), {"perigee_altitude": p, "strategy": k}),
            sites,
            values,
            st.sampled_from(["apogee", "optimal-split", "supersynchronous", "teleport"]),
        ),
        st.builds(lambda s, o, p: (orbitcoop.assess, (s, o), {"parking_altitude": p}), sites, orbit_texts, values),
        st.builds(lambda s, o: (orbitcoop.compare, (s, o), {}), st.lists(sites, max_size=2), orbit_texts),
        st.builds(
            lambda v, s, o: (orbitcoop.payload, (v, s, o), {}),
            st.sampled_from(["falcon-9", "h-iia-202", "vega-c", "soyuz-2-1b", "nope"]),
            sites,
            orbit_texts,
        ),
        st.builds(lambda m, o: (orbitcoop.can_launch, (m, o), {}), values, orbit_texts),
    )


def _q(unit, lo, hi):
    """Quantities in the right unit, in and around the valid range (and NaN/inf), scalar or arrays."""
    v = st.one_of(st.floats(lo, hi), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([lo, hi]))
    return st.one_of(
        st.builds(lambda x: x * unit, v),
        st.builds(lambda xs: np.array(xs) * unit, st.lists(st.floats(lo, hi), min_size=1, max_size=5)),
    )


good_sites = st.sampled_from(["kourou", "tanegashima", "vostochny", "jiuquan", "xichang", "cape-canaveral", "mahia"])
incs, alts = _q(u.deg, -5.0, 185.0), _q(u.km, -50.0, 60_000.0)


def _typed_calls():
    """Well-typed calls: the right units, values in and just outside their ranges; the numerics get exercised."""
    return st.one_of(
        st.builds(lambda s, i, a: (orbitcoop.launch_azimuth, (s, i), {"altitude": a}), good_sites, incs, alts),
        st.builds(lambda s, i, a: (orbitcoop.rotation_gain, (s, i), {"altitude": a}), good_sites, incs, alts),
        st.builds(lambda s, z: (orbitcoop.inclination_from_azimuth, (s, z), {}), good_sites, _q(u.deg, -400, 400)),
        st.builds(lambda v, a: (orbitcoop.plane_change_dv, (v, a), {}), _q(u.m / u.s, -10, 12_000), incs),
        st.builds(lambda a, b: (orbitcoop.hohmann_dv, (a, b), {}), alts, alts),
        st.builds(lambda a: (orbitcoop.sso_inclination, (a,), {}), _q(u.km, -10, 7000)),
        st.builds(lambda i, p: (orbitcoop.gto_to_geo_dv, (i,), {"perigee_altitude": p}), incs, alts),
        st.builds(
            lambda s, i, k: (orbitcoop.geo_transfer, (s,), {"inclination": i, "strategy": k}),
            good_sites,
            incs,
            st.sampled_from(["apogee", "optimal-split", "supersynchronous"]),
        ),
        st.builds(
            lambda s, h, i, p: (orbitcoop.assess, (s, f"leo:{h}:{i}"), {"parking_altitude": p * u.km}),
            good_sites,
            st.floats(-10, 50_000),
            st.floats(-5, 185),
            st.floats(-10, 2000),
        ),
        st.builds(
            lambda v, o: (orbitcoop.payload, (v, None, o), {}),
            st.sampled_from(["falcon-9", "h-iia-202", "vega-c", "soyuz-2.1b-fregat", "long-march-5", "h3-24"]),
            st.one_of(
                st.builds(lambda h: f"sso:{h}", st.floats(100, 6000)),
                st.builds(lambda c: f"c3:{c}", st.floats(-5, 150)),
                st.builds(lambda d: f"gtodv:{d}", st.floats(0, 4000)),
            ),
        ),
    )


@FAST
@given(_typed_calls())
def test_well_typed_calls_give_a_finite_result_or_a_clear_error(call):
    _check(call)


@pytest.mark.slow
@LONG
@given(_typed_calls())
def test_well_typed_long_fuzz(call):
    _check(call)


def _check(call):
    fn, args, kwargs = call
    outcome(fn, *args, **kwargs)


@FAST
@given(_api_calls())
def test_public_api_gives_a_finite_result_or_a_clear_error(call):
    _check(call)


@pytest.mark.slow
@LONG
@given(_api_calls())
def test_public_api_long_fuzz(call):
    _check(call)


cli_args = st.one_of(
    st.builds(lambda s, o: ["assess", s, o], st.text(max_size=10), orbit_texts),
    st.builds(lambda o, s: ["compare", o, "--sites", s], orbit_texts, st.text(max_size=12)),
    st.builds(lambda v, o: ["payload", v, o], st.text(max_size=10), orbit_texts),
    st.lists(st.text(max_size=8), max_size=4),
)


@FAST
@given(cli_args, st.booleans())
def test_cli_exits_with_a_code_and_never_a_traceback(argv, as_json):
    import contextlib
    import io

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out), time_limit():
        try:
            code = main([*argv, "--json"] if as_json and argv else argv)
        except SystemExit as exc:  # argparse: usage errors exit 2 with a usage line
            code = exc.code
    assert code in (0, 2), (argv, err.getvalue()[-500:])
    assert "Traceback" not in err.getvalue()


PINNED = [
    # Issue 17.6: calls that once raised errors naming no parameter (numpy's broadcast and
    # conversion messages, max() of an empty sequence).
    (orbitcoop.launch_azimuth, ("mahia", 27.5 * u.deg), {"altitude": [300] * u.km}),
    (orbitcoop.rotation_gain, ("mahia", 27.5 * u.deg), {"altitude": [300, 400] * u.km}),
    (orbitcoop.assess, ("kourou", "iss"), {"parking_altitude": [200, 300] * u.km}),
    (orbitcoop.can_launch, ([1000, 2000] * u.kg, "iss"), {}),
    (orbitcoop.compare, (["kourou"], []), {}),
    (orbitcoop.sso_inclination, (0 * u.km,), {}),
    (orbitcoop.rotation_speed, ("kourou",), {"elevation": "junk"}),
    (orbitcoop.launch_azimuth, ("kourou", [10, 20] * u.deg), {"altitude": [200, 300, 400] * u.km}),
]


@pytest.mark.parametrize(("fn", "args", "kwargs"), PINNED, ids=[f"{p[0].__name__}-{k}" for k, p in enumerate(PINNED)])
def test_pinned_reproducers(fn, args, kwargs):
    outcome(fn, *args, **kwargs)


STAGE_FIELDS = ["propellant_mass_kg", "dry_mass_kg", "isp_vac_s", "thrust_vac_kn", "burn_time_s", "isp_sl_s"]


@FAST
@given(
    st.integers(0, 1),
    st.sampled_from(STAGE_FIELDS),
    st.one_of(numbers, st.none()),
    st.sampled_from(["iss", "gto", "sso:600", "c3:10"]),
)
def test_edited_vehicles_give_a_payload_in_its_band_or_a_clear_error(stage, field, value, orbit):
    # Issue 17.4: edited vehicles hung, divided by zero, or gave -602,284 kg with the band reversed.
    import dataclasses

    f9 = orbitcoop.get_vehicle("falcon-9")
    try:
        stages = list(f9.stages)
        stages[stage] = dataclasses.replace(stages[stage], **{field: value})
        edited = dataclasses.replace(f9, stages=tuple(stages))
        with time_limit():
            d = orbitcoop.payload(edited, "cape-canaveral", orbit).to_dict()
    except OrbitcoopError as exc:
        assert str(exc)
        return
    assert math.isfinite(d["mass_kg"]) and d["mass_kg"] >= 0
    assert d["mass_low_kg"] <= d["mass_kg"] <= d["mass_high_kg"]


@pytest.mark.slow
@LONG
@given(
    st.integers(0, 1),
    st.sampled_from(STAGE_FIELDS),
    st.one_of(numbers, st.none()),
    st.sampled_from(["iss", "gto", "sso:600", "c3:10"]),
)
def test_edited_vehicles_long_fuzz(stage, field, value, orbit):
    test_edited_vehicles_give_a_payload_in_its_band_or_a_clear_error.hypothesis.inner_test(stage, field, value, orbit)
