"""Hypothesis properties of the kernels: symmetry, non-negativity, zero cost, monotonicity."""

import math

import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from orbitcoop.core import azimuth, burns, geo, geodesy, maneuvers, sso
from orbitcoop.core.constants import GEO_RADIUS_M, GM_EARTH_M3_S2, WGS84_A_M

MU = GM_EARTH_M3_S2
lats = st.floats(-math.pi / 2 + 1e-6, math.pi / 2 - 1e-6)
elev = st.floats(-400.0, 8000.0)
incs = st.floats(0.0, math.pi)
speeds = st.floats(6500.0, 11500.0)
small_angles = st.floats(0.0, math.radians(90))
radii = st.floats(WGS84_A_M + 150e3, WGS84_A_M + 60000e3)


@given(lats, elev)
def test_rotation_speed_symmetric_in_latitude(lat, h):
    assert geodesy.rotation_speed(lat, h) == geodesy.rotation_speed(-lat, h)
    assert geodesy.rotation_speed(lat, h) >= 0.0


@given(lats, elev, incs, speeds)
def test_ascent_dv_symmetric_and_non_negative(lat, h, inc, v):
    a = azimuth.ascent_dv(lat, h, inc, v)
    b = azimuth.ascent_dv(-lat, h, inc, v)
    assert (math.isnan(a) and math.isnan(b)) or a == b
    assert math.isnan(a) or a >= 0.0


@given(lats, elev, speeds)
@example(0.0, 0.0, 7784.0)
def test_due_east_takes_the_full_rotation(lat, h, v):
    # Launching due east into i = φ', the site's whole speed counts: Δv = v − v_rot.
    i_min = azimuth.min_inclination(lat, h)
    expected = v - geodesy.rotation_speed(lat, h)
    assert math.isclose(azimuth.ascent_dv(lat, h, i_min, v), expected, rel_tol=1e-9, abs_tol=1e-6)


@given(lats, elev, incs)
def test_azimuth_roundtrip(lat, h, inc):
    for south in (0.0, 1.0):
        beta = azimuth.launch_azimuth_inertial(lat, h, inc, south)
        reachable = azimuth.min_inclination(lat, h) <= min(inc, math.pi - inc) + 1e-12
        if math.isnan(beta):
            assert not reachable
            continue
        back = azimuth.inclination_from_azimuth_inertial(lat, h, beta)
        assert math.isclose(back, inc, abs_tol=2e-7)


@given(lats, elev, st.floats(0.0, 2 * math.pi), speeds)
def test_ground_azimuth_roundtrip(lat, h, az, v):
    inc = azimuth.inclination_from_azimuth_ground(lat, h, az, v)
    south = 1.0 if math.cos(az) < 0 else 0.0
    back = azimuth.launch_azimuth_ground(lat, h, inc, v, south)
    if not math.isnan(back):
        d = abs((back - az + math.pi) % (2 * math.pi) - math.pi)
        assert d < 1e-5 or abs(math.cos(az)) < 1e-3  # due east/west: branches meet


@given(speeds, st.floats(0.0, math.pi))
def test_plane_change_non_negative_zero_and_monotone(v, di):
    assert maneuvers.plane_change_dv(v, 0.0) == 0.0
    assert maneuvers.plane_change_dv(v, di) >= 0.0
    assert maneuvers.plane_change_dv(v, di) <= maneuvers.plane_change_dv(v, min(math.pi, di + 0.01)) + 1e-9


@given(radii, radii)
@example(66378137.0, 6528137.0)  # vis-viva form once left 9e-13 m/s for r1 = r2
def test_hohmann_zero_when_nothing_changes_and_symmetric(r1, r2):
    assert maneuvers.hohmann_dv(MU, r1, r1) == 0.0
    assert math.isclose(maneuvers.hohmann_dv(MU, r1, r2), maneuvers.hohmann_dv(MU, r2, r1), rel_tol=1e-12)


@given(radii, radii, small_angles)
@example(6528137.0, 6528137.0, 1.2725951235987854e-156)  # once raised ZeroDivisionError
def test_split_is_no_worse_than_either_extreme(r1, r2, di):
    lo, hi = min(r1, r2), max(r1, r2)
    v1, vt1, vt2, v2 = maneuvers._transfer_speeds(MU, lo, hi, hi)
    best = maneuvers.transfer_dv(MU, lo, hi, hi, di)
    all_first = maneuvers.combined_dv(v1, vt1, di) + abs(v2 - vt2)
    all_second = abs(vt1 - v1) + maneuvers.combined_dv(vt2, v2, di)
    assert best <= min(all_first, all_second) + 1e-9
    assert best >= maneuvers.hohmann_dv(MU, lo, hi) - 1e-9


@given(radii, st.floats(0.0, 150e6), st.floats(0.0, 150e6), small_angles)
def test_escape_cost_positive_monotone_and_bounded(r1, c3a, c3b, di):
    lo, hi = sorted((c3a, c3b))
    f = maneuvers.escape_dv
    assert 0.0 < f(MU, r1, lo, 0.0) <= f(MU, r1, hi, 0.0) + 1e-9
    assert f(MU, r1, lo, 0.0) <= f(MU, r1, lo, di) + 1e-9
    # C3 = 0 is the parabola: (√2 − 1) times the circular speed.
    assert math.isclose(f(MU, r1, 0.0, 0.0), math.sqrt(MU / r1) * (math.sqrt(2.0) - 1.0), rel_tol=1e-12)


@given(st.floats(WGS84_A_M + 150e3, WGS84_A_M + 1000e3), small_angles, small_angles)
def test_geo_cost_monotone_in_inclination(rp, i1, i2):
    lo, hi = sorted((i1, i2))
    f = geo.gto_geo_apogee_dv
    assert f(MU, lo, rp, GEO_RADIUS_M) <= f(MU, hi, rp, GEO_RADIUS_M) + 1e-9
    s = maneuvers.transfer_dv
    assert s(MU, rp, GEO_RADIUS_M, GEO_RADIUS_M, lo) <= s(MU, rp, GEO_RADIUS_M, GEO_RADIUS_M, hi) + 1e-9


@given(st.floats(0.0, math.radians(65)), st.floats(WGS84_A_M + 150e3, WGS84_A_M + 800e3))
def test_supersync_never_worse_than_two_burn(inc, r1):
    rs = geo.supersync_apogee(MU, inc, r1, GEO_RADIUS_M, WGS84_A_M + 1e8)
    assert (
        geo.supersync_dv(MU, inc, r1, GEO_RADIUS_M, rs)
        <= maneuvers.transfer_dv(MU, r1, GEO_RADIUS_M, GEO_RADIUS_M, inc) + 1e-6
    )


@given(st.floats(WGS84_A_M + 100e3, WGS84_A_M + 5000e3), st.floats(WGS84_A_M + 100e3, WGS84_A_M + 5000e3))
def test_sso_inclination_grows_with_altitude(a1, a2):
    lo, hi = sorted((a1, a2))
    assert sso.sso_inclination(lo, 0.0) <= sso.sso_inclination(hi, 0.0) + 1e-12
    assert math.pi / 2 < sso.sso_inclination(lo, 0.0) < math.pi


@given(lats, elev)
def test_latitude_never_helps_reach_low_inclinations(lat, h):
    # The further from the equator, the higher the lowest reachable inclination.
    assert (
        azimuth.min_inclination(lat, h)
        <= azimuth.min_inclination(math.copysign(min(abs(lat) + 0.01, math.pi / 2 - 1e-6), lat), h) + 1e-12
    )


def test_array_and_scalar_paths_agree():
    lat = np.linspace(-1.4, 1.4, 7)
    out = geodesy.rotation_speed  # scalar dispatcher
    from orbitcoop.core import vec

    assert np.array_equal(vec.rotation_speed(lat, 10.0), np.array([out(x, 10.0) for x in lat]))


@pytest.mark.slow  # a full assessment per example
@given(st.floats(31.0, 149.0), st.floats(200.0, 2000.0))
@example(98.6, 800.0)
@example(51.6, 415.0)
def test_a_flown_route_never_makes_an_orbit_cheaper(inc_deg, alt_km):
    # Tanegashima with and without its flown routes: the dog-leg only ever adds, and only in a band.
    from dataclasses import replace

    import orbitcoop as oc

    site = oc.get_site("tanegashima")
    bare = replace(site, routes=())
    orbit = f"leo:{alt_km}:{inc_deg}"
    with_route, without = oc.assess(site, orbit), oc.assess(bare, orbit)
    extra = (with_route.total_dv - without.total_dv).value
    assert extra >= -1e-6
    assert (extra > 0) == (site.route_offset_deg(inc_deg) > 0)


parking = st.floats(WGS84_A_M + 150e3, WGS84_A_M + 1000e3)
departures = st.floats(10.0, 4200.0)
end_masses = st.floats(300.0, 30e3)
accelerations = st.floats(0.5, 30.0)  # thrust over end mass [m/s²]
isps = st.floats(280.0, 465.0)


@given(parking, departures, end_masses, accelerations, isps)
def test_departure_loss_is_positive_and_falls_with_thrust(r0, dv, m_end, acc, isp):
    low = burns.departure_loss(r0, dv, m_end, acc * m_end, isp, 1.0)
    high = burns.departure_loss(r0, dv, m_end, 2 * acc * m_end, isp, 1.0)
    assert low >= 0.0 and high >= 0.0
    assert high <= low + 1e-6


@given(parking, departures, end_masses, st.floats(2.0, 30.0), isps)
def test_departure_loss_falls_when_the_burn_is_split(r0, dv, m_end, acc, isp):
    # Each later burn restarts from the impulse's orbit at perigee: right while a burn spans well
    # under a revolution (2 m/s² at the end mass is Briz-M's GEO departure; Fregat's escape is 8).
    one = burns.departure_loss(r0, dv, m_end, acc * m_end, isp, 1.0)
    two = burns.departure_loss(r0, dv, m_end, acc * m_end, isp, 2.0)
    assert two <= one + 1e-6


@given(parking, end_masses, accelerations, isps)
def test_no_burn_costs_nothing_and_an_impulse_loses_nothing(r0, m_end, acc, isp):
    assert burns.departure_loss(r0, 0.0, m_end, acc * m_end, isp, 1.0) == 0.0
    assert burns.departure_loss(r0, 3000.0, m_end, math.inf, isp, 1.0) == 0.0
    # 1000 g: the burn takes a fraction of a second and the loss vanishes with it.
    assert burns.departure_loss(r0, 3000.0, m_end, 1e4 * m_end, isp, 1.0) < 1e-3


@given(parking, departures, end_masses, accelerations, isps)
def test_heavier_stack_loses_more(r0, dv, m_end, acc, isp):
    thrust = acc * m_end
    assert (
        burns.departure_loss(r0, dv, 1.5 * m_end, thrust, isp, 1.0)
        >= burns.departure_loss(r0, dv, m_end, thrust, isp, 1.0) - 1e-6
    )


def test_departure_loss_rejects_non_physical_input():
    r0 = WGS84_A_M + 200e3
    for args in [
        (-1.0, 100.0, 1e3, 1e4, 300.0, 1.0),
        (r0, -1.0, 1e3, 1e4, 300.0, 1.0),
        (r0, 100.0, 0.0, 1e4, 300.0, 1.0),
        (r0, 100.0, 1e3, 0.0, 300.0, 1.0),
        (r0, 100.0, 1e3, 1e4, 0.0, 1.0),
        (r0, 100.0, 1e3, 1e4, 300.0, 0.0),
        (r0, 100.0, 1e3, math.nan, 300.0, 1.0),
    ]:
        assert math.isnan(burns.departure_loss(*args))
    # A burn that would need more than the whole mass is impossible, not a number.
    assert math.isnan(burns.tangential_burn_dv(r0, 7700.0, 1000.0, 10.0, 300.0, 1e9, 0))


@given(lats, elev, incs, speeds)
def test_rotation_gain_symmetric_and_bounded_by_the_site_speed(lat, h, inc, v):
    g = azimuth.rotation_gain(lat, h, inc, v)
    if math.isnan(g):  # out of direct reach: the same on both sides of the equator
        assert math.isnan(azimuth.rotation_gain(-lat, h, inc, v))
        return
    assert g == azimuth.rotation_gain(-lat, h, inc, v)
    assert g <= geodesy.rotation_speed(lat, h) + 1e-9


azimuths = st.floats(0.0, 2 * math.pi - 1e-9)


@given(lats, elev, azimuths, azimuths, speeds)
def test_corridor_bounds_are_ordered_reachable_and_mirror_across_the_equator(lat, h, a0, a1, v):
    from orbitcoop.core import dogleg

    span = (a1 - a0) % (2 * math.pi)
    assume(1e-6 < span < 2 * math.pi - 1e-6)  # an arc of (almost) nothing and a full turn round alike
    lo = dogleg.corridor_inclination_bound(lat, h, a0, a1, v, 0.0)
    hi = dogleg.corridor_inclination_bound(lat, h, a0, a1, v, 1.0)
    i_min = azimuth.min_inclination(lat, h)
    assert i_min - 1e-12 <= lo <= hi <= math.pi - i_min + 1e-12
    # South of the equator the same corridor mirrored north-south (β → π − β, clockwise order kept).
    m0, m1 = (math.pi - a1) % (2 * math.pi), (math.pi - a0) % (2 * math.pi)
    assert dogleg.corridor_inclination_bound(-lat, h, m0, m1, v, 0.0) == pytest.approx(lo, abs=1e-9)
    assert dogleg.corridor_inclination_bound(-lat, h, m0, m1, v, 1.0) == pytest.approx(hi, abs=1e-9)


@given(lats, elev, speeds)
def test_a_full_circle_corridor_reaches_every_reachable_plane(lat, h, v):
    from orbitcoop.core import dogleg

    i_min = azimuth.min_inclination(lat, h)
    assert dogleg.corridor_inclination_bound(lat, h, 0.0, 2 * math.pi - 1e-12, v, 0.0) == pytest.approx(
        i_min, abs=1e-12
    )
    assert dogleg.corridor_inclination_bound(lat, h, 0.0, 2 * math.pi - 1e-12, v, 1.0) == pytest.approx(
        math.pi - i_min, abs=1e-12
    )


stage_isp = st.floats(250.0, 460.0)


@given(stage_isp, stage_isp, st.floats(0.02, 0.2), st.floats(4000.0, 12000.0), st.floats(4000.0, 12000.0))
def test_payload_falls_as_the_requirement_rises_and_meets_it(isp1, isp2, dry, dv_a, dv_b):
    from orbitcoop.core.payload import ideal_dv, payload_for_dv

    isp = np.array([isp1, isp2])
    burn = np.array([3e5, 6e4])
    drop = burn * dry
    m0 = burn.sum() + drop.sum()
    lo, hi = sorted((dv_a, dv_b))
    m_lo, m_hi = payload_for_dv(isp, burn, drop, m0, lo), payload_for_dv(isp, burn, drop, m0, hi)
    assert 0.0 <= m_hi <= m_lo
    for m, req in ((m_lo, lo), (m_hi, hi)):
        if m > 0:  # reachable: the payload's ideal Δv is the requirement
            assert ideal_dv(isp, burn, drop, m0, m) == pytest.approx(req, rel=1e-9)
        else:  # out of reach even empty
            assert ideal_dv(isp, burn, drop, m0, 0.0) <= req + 1e-6
