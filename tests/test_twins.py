"""Each numba kernel against its pure-numpy twin (tests/reference.py): 1e-12 relative."""

import math

import numpy as np
import pytest
import reference as ref

from orbitcoop.core import vec
from orbitcoop.core.constants import GEO_RADIUS_M, GM_EARTH_M3_S2, WGS84_A_M

RTOL = 1e-12
N = 2000


def close(a, b, rtol=RTOL, atol=0.0):
    np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, equal_nan=True)


@pytest.fixture
def grid(rng):
    lat = rng.uniform(-math.pi / 2 * 0.999, math.pi / 2 * 0.999, N)
    h = rng.uniform(-100.0, 4000.0, N)
    inc = rng.uniform(0.0, math.pi, N)
    v = rng.uniform(7000.0, 11000.0, N)
    return lat, h, inc, v


def test_every_kernel_has_a_twin_test():
    """Each registered kernel is called (``vec.<name>(``) by some test in this file."""
    from pathlib import Path

    from orbitcoop.core.jit import KERNELS

    text = Path(__file__).read_text()
    assert not [name for name in KERNELS if f"vec.{name}(" not in text]


def test_geodesy(grid):
    lat, h, _, _ = grid
    close(vec.axis_distance(lat, h), ref.axis_distance(lat, h))
    close(vec.rotation_speed(lat, h), ref.rotation_speed(lat, h))
    close(vec.geocentric_latitude(lat, h), ref.geocentric_latitude(lat, h))
    close(vec.min_inclination(lat, h), ref.min_inclination(lat, h))


def test_azimuths(grid):
    lat, h, inc, v = grid
    for south in (0.0, 1.0):
        a = vec.launch_azimuth_inertial(lat, h, inc, south)
        b = ref.launch_azimuth_inertial(lat, h, inc, south)
        assert np.array_equal(np.isnan(a), np.isnan(b))
        close(a, b)
        close(vec.launch_azimuth_ground(lat, h, inc, v, south), ref.launch_azimuth_ground(lat, h, inc, v, south))


def test_inclination_from_azimuth(grid, rng):
    lat, h, _, v = grid
    az = rng.uniform(0, 2 * math.pi, N)
    close(vec.inclination_from_azimuth_ground(lat, h, az, v), ref.inclination_from_azimuth_ground(lat, h, az, v))
    close(vec.inclination_from_azimuth_inertial(lat, h, az), ref.inclination_from_azimuth_inertial(lat, h, az))


def test_ascent_dv(grid):
    lat, h, inc, v = grid
    close(vec.ascent_dv(lat, h, inc, v), ref.ascent_dv(lat, h, inc, v))
    # The gain is v minus the ascent Δv: its absolute error is the ascent's (v ~ 8 km/s), not its own size.
    close(vec.rotation_gain(lat, h, inc, v), ref.rotation_gain(lat, h, inc, v), atol=1e-12 * 11000.0)


def test_corridor_inclination_bound(rng):
    n = 400
    lat = rng.uniform(-1.4, 1.4, n)
    h = rng.uniform(0.0, 500.0, n)
    a0 = rng.uniform(0.0, 2 * math.pi, n)
    a1 = np.mod(a0 + rng.uniform(0.0, 2 * math.pi, n), 2 * math.pi)
    v = rng.uniform(7000.0, 8000.0, n)
    for upper in (0.0, 1.0):
        close(
            vec.corridor_inclination_bound(lat, h, a0, a1, v, upper),
            ref.corridor_inclination_bound(lat, h, a0, a1, v, upper),
        )
    # The rule (edges, plus due east/west when inside) against a brute-force sweep of the corridor.
    for k in range(20):
        lo, hi = ref.corridor_inclinations_sampled(lat[k], h[k], a0[k], a1[k], v[k])
        assert vec.corridor_inclination_bound(lat[k], h[k], a0[k], a1[k], v[k], 0.0) == pytest.approx(lo, abs=1e-6)
        assert vec.corridor_inclination_bound(lat[k], h[k], a0[k], a1[k], v[k], 1.0) == pytest.approx(hi, abs=1e-6)


def test_manoeuvres(rng):
    v1, v2 = rng.uniform(1000, 11000, N), rng.uniform(1000, 11000, N)
    di = rng.uniform(0, math.pi, N)
    close(vec.combined_dv(v1, v2, di), ref.combined_dv(v1, v2, di))
    close(vec.plane_change_dv(v1, di), ref.plane_change_dv(v1, di))
    r, other = WGS84_A_M + rng.uniform(150e3, 1e8, N), WGS84_A_M + rng.uniform(150e3, 1e8, N)
    close(vec.apsis_speed(GM_EARTH_M3_S2, r, other), ref.apsis_speed(GM_EARTH_M3_S2, r, other))
    r1, r2 = WGS84_A_M + rng.uniform(150e3, 2e6, N), WGS84_A_M + rng.uniform(150e3, 1e8, N)
    close(vec.hohmann_dv(GM_EARTH_M3_S2, r1, r2), ref.hohmann_dv(GM_EARTH_M3_S2, r1, r2))


def test_split_transfer(rng):
    n = 300
    r1 = WGS84_A_M + rng.uniform(150e3, 1000e3, n)
    rp2 = r1 + rng.uniform(0, 20000e3, n)
    ra2 = rp2 + rng.uniform(0, 20000e3, n)
    di = rng.uniform(0, math.radians(70), n)
    close(vec.transfer_dv(GM_EARTH_M3_S2, r1, rp2, ra2, di), ref.transfer_dv(GM_EARTH_M3_S2, r1, rp2, ra2, di))


def test_split(rng):
    """Least Δv against scipy's bounded search; the share through the cost it gives (the cost is
    stationary at the optimum, so the share itself is only determined to ~sqrt(eps) by any search)."""
    n = 300
    r1 = WGS84_A_M + rng.uniform(150e3, 1000e3, n)
    ra = r1 + rng.uniform(0, 40000e3, n)
    v1, vt1, vt2, v2 = ref.transfer_speeds(GM_EARTH_M3_S2, r1, ra, ra)
    di = rng.uniform(0, math.radians(90), n)
    least = ref.split_dv(v1, vt1, vt2, v2, di)
    close(vec.split_dv(v1, vt1, vt2, v2, di), least)
    share = vec.split_fraction(v1, vt1, vt2, v2, di)
    assert ((share >= 0) & (share <= 1)).all()
    close(ref.split_total(v1, vt1, vt2, v2, di, share), least)
    np.testing.assert_allclose(share, ref.split_fraction(v1, vt1, vt2, v2, di), atol=1e-5)
    # The transfer forms: the share of transfer_dv, and its first burn at a given share.
    mu = GM_EARTH_M3_S2
    t_share = vec.transfer_fraction(mu, r1, ra, ra, di)
    close(t_share, share, rtol=0)
    first = vec.transfer_burn_dv(mu, r1, ra, ra, di, t_share)
    close(first, ref.transfer_burn_dv(mu, r1, ra, ra, di, t_share))
    close(first + ref.combined_dv(vt2, v2, (1 - t_share) * di), least)


def test_supersync_search(rng):
    """The optimised apogee r_s: its total against scipy's search over [GEO, rmax]; the burns split it."""
    n = 40
    mu = GM_EARTH_M3_S2
    inc = rng.uniform(0, math.radians(65), n)
    r1 = WGS84_A_M + rng.uniform(150e3, 600e3, n)
    rmax = GEO_RADIUS_M * rng.uniform(1.0, 4.0, n)
    rs = vec.supersync_apogee(mu, inc, r1, GEO_RADIUS_M, rmax)
    assert ((rs >= GEO_RADIUS_M) & (rs <= rmax)).all()
    total = vec.supersync_dv(mu, inc, r1, GEO_RADIUS_M, rs)
    close(total, ref.supersync_least_dv(mu, inc, r1, GEO_RADIUS_M, rmax))
    share = vec.supersync_fraction(mu, inc, r1, GEO_RADIUS_M, rs)
    burns = [vec.supersync_burn_dv(mu, inc, r1, GEO_RADIUS_M, rs, float(k)) for k in range(3)]
    for mine, theirs in zip(burns, ref.supersync_burns(mu, inc, r1, GEO_RADIUS_M, rs, share), strict=True):
        close(mine, theirs)
    close(sum(burns), total)


def test_escape(rng):
    r1 = WGS84_A_M + rng.uniform(150e3, 2000e3, N)
    c3 = rng.uniform(0.0, 100e6, N)
    di = rng.uniform(0, math.pi, N)
    close(vec.escape_dv(GM_EARTH_M3_S2, r1, c3, di), ref.escape_dv(GM_EARTH_M3_S2, r1, c3, di))


def test_gto_geo(rng):
    inc = rng.uniform(0, math.pi, N)
    rp = WGS84_A_M + rng.uniform(150e3, 1000e3, N)
    close(
        vec.gto_geo_apogee_dv(GM_EARTH_M3_S2, inc, rp, GEO_RADIUS_M),
        ref.gto_geo_apogee_dv(GM_EARTH_M3_S2, inc, rp, GEO_RADIUS_M),
    )


def test_supersync(rng):
    n = 100
    inc = rng.uniform(0, math.radians(65), n)
    r1 = WGS84_A_M + rng.uniform(150e3, 600e3, n)
    rs = GEO_RADIUS_M * rng.uniform(1.0, 3.0, n)
    close(
        vec.supersync_dv(GM_EARTH_M3_S2, inc, r1, GEO_RADIUS_M, rs),
        ref.supersync_dv(GM_EARTH_M3_S2, inc, r1, GEO_RADIUS_M, rs),
    )


def test_sso(rng):
    a = WGS84_A_M + rng.uniform(100e3, 8000e3, N)
    e = rng.uniform(0, 0.2, N)
    close(vec.sso_inclination(a, e), ref.sso_inclination(a, e))


def test_array_loop_matches_scalar_kernel(rng):
    """The parallel loop, with scalars, full arrays or mixed shapes, gives the scalar kernel's numbers."""
    inc = rng.uniform(0, math.pi, 100_000)
    k = vec.gto_geo_apogee_dv
    loop = k(GM_EARTH_M3_S2, inc, 6.6e6, GEO_RADIUS_M)
    for j in (0, 7, 99_999):
        assert loop[j] == k.scalar(GM_EARTH_M3_S2, inc[j], 6.6e6, GEO_RADIUS_M)
    out = np.empty_like(inc)
    assert k(GM_EARTH_M3_S2, inc, 6.6e6, GEO_RADIUS_M, out=out) is out
    close(out, loop, rtol=0)
    rp = np.linspace(6.5e6, 7e6, 100)
    grid = k(GM_EARTH_M3_S2, inc[:300, None], rp[None, :], GEO_RADIUS_M)
    assert grid.shape == (300, 100)
    assert grid[17, 42] == k.scalar(GM_EARTH_M3_S2, inc[17], rp[42], GEO_RADIUS_M)
    assert k(GM_EARTH_M3_S2, inc[::2][:10], 6.6e6, GEO_RADIUS_M)[3] == loop[6]  # non-contiguous input
    with pytest.raises(ValueError, match="out must be"):
        k(GM_EARTH_M3_S2, inc, 6.6e6, GEO_RADIUS_M, out=np.empty(3))


def test_insertion_grid_matches_elementwise(rng):
    from orbitcoop.core.azimuth import insertion_dv_grid

    lat = rng.uniform(-1.4, 1.4, 7)
    alt = rng.uniform(0, 500, 7)
    inc = np.linspace(0, math.pi, 50)
    v = np.sqrt(GM_EARTH_M3_S2 / (WGS84_A_M + np.linspace(150e3, 2e6, 9)))
    out = np.empty((7, 50, 9))
    insertion_dv_grid(lat, alt, inc, v, out)
    L, H, INC, V = lat[:, None, None], alt[:, None, None], inc[None, :, None], v[None, None, :]
    direct = ref.ascent_dv(L, H, INC, V)
    i_min = ref.min_inclination(L, H)
    edge = np.where(INC < i_min, i_min, np.pi - i_min)
    detour = ref.ascent_dv(L, H, edge, V) + 2 * V * np.abs(np.sin((INC - edge) / 2))
    close(out, np.where(np.isnan(direct), detour, direct))


def test_finite_burns(rng):
    n = 60
    r0 = rng.uniform(WGS84_A_M + 150e3, WGS84_A_M + 2000e3, n)
    vc = np.sqrt(GM_EARTH_M3_S2 / r0)
    v0 = vc * rng.uniform(1.0, 1.2, n)
    m0 = rng.uniform(500.0, 50e3, n)
    thrust = m0 * rng.uniform(0.5, 20.0, n)
    isp = rng.uniform(280.0, 460.0, n)
    energy = 0.5 * (v0 + rng.uniform(10.0, 3000.0, n)) ** 2 - GM_EARTH_M3_S2 / r0
    a = vec.tangential_burn_dv(r0, v0, m0, thrust, isp, energy, 0.0)
    close(a, ref.tangential_burn_dv(r0, v0, m0, thrust, isp, energy, 0))
    apo = r0 * rng.uniform(1.3, 6.0, n)
    close(
        vec.tangential_burn_dv(r0, vc, m0, thrust, isp, apo, 1.0),
        ref.tangential_burn_dv(r0, vc, m0, thrust, isp, apo, 1),
    )
    dv = rng.uniform(0.0, 4000.0, n)
    burns = rng.integers(1, 4, n).astype(float)
    close(
        vec.departure_loss(r0, dv, m0, thrust, isp, burns),
        ref.departure_loss(r0, dv, m0, thrust, isp, burns),
        atol=1e-9,
    )


def test_staged_rocket_equation(rng):
    """Ideal Δv and the payload solve against numpy and scipy's brentq on random three-phase vehicles."""
    from orbitcoop.core.payload import ideal_dv, payload_for_dv, payload_matrix

    for _ in range(40):
        burn = rng.uniform(5e3, 2e5, 3)
        drop = burn * rng.uniform(0.05, 0.15, 3)
        isp = rng.uniform(280.0, 460.0, 3)
        m0 = burn.sum() + drop.sum() + rng.uniform(0.0, 5e3)
        m = rng.uniform(0.0, 0.05 * m0)
        assert ideal_dv(isp, burn, drop, m0, m) == pytest.approx(ref.ideal_dv(isp, burn, drop, m0, m), rel=RTOL)
        req = rng.uniform(6000.0, 12000.0)
        assert payload_for_dv(isp, burn, drop, m0, req) == pytest.approx(
            ref.payload_for_dv(isp, burn, drop, m0, req), rel=RTOL, abs=1e-9
        )
    # The matrix with departure burns at finite thrust: each payload solves the twin's equation
    # ideal Δv(m) = requirement + departure loss(m); the kernel's secant stops within 1e-9 m/s.
    isp = np.array([[300.0, 340.0, 450.0, np.nan], [290.0, 440.0, 320.0, 320.0]])
    burn = np.array([[2e5, 8e4, 2e4, np.nan], [1.2e5, 6e4, 5e3, 3e3]])
    drop = np.array([[2e4, 8e3, 3e3, np.nan], [1.4e4, 6e3, 1e3, 900.0]])
    m0 = np.array([3.4e5, 2.2e5])
    thrust = np.array([1.2e5, 2e4])
    n_burns = np.array([1, 2], dtype=np.int64)
    j = 12
    vehicle = np.arange(j, dtype=np.int64) % 2
    req = rng.uniform(7000.0, 8000.0, j)
    r0 = WGS84_A_M + rng.uniform(180e3, 300e3, j)
    dv1 = rng.uniform(0.0, 3200.0, j)
    after = rng.uniform(0.0, 1800.0, j)
    out, loss = np.empty(j), np.empty(j)
    payload_matrix(isp, burn, drop, m0, thrust, n_burns, vehicle, req, r0, dv1, after, out, loss)
    for k in range(j):
        v = vehicle[k]
        assert out[k] > 0
        residual = ref.payload_residual(
            isp[v], burn[v], drop[v], m0[v], req[k], r0[k], dv1[k], after[k], thrust[v], n_burns[v], out[k]
        )
        assert abs(residual) < 1e-6, (k, residual)


def test_windows(rng):
    """Launch-window kernels (orbitcoop.core.windows) against their twins."""
    n = 400
    latc = rng.uniform(-1.4, 1.4, n)
    inc = rng.uniform(0.05, math.pi - 0.05, n)
    south = rng.integers(0, 2, n).astype(float)
    close(vec.crossing_offset(latc, inc, south), ref.crossing_offset(latc, inc, south))
    theta0, lon, raan0 = (rng.uniform(0, 2 * math.pi, n) for _ in range(3))
    rate, drift = rng.uniform(7.29e-5, 7.293e-5, n), rng.uniform(-1.2e-6, 1.2e-6, n)
    t_from = rng.uniform(0, 3e7, n)
    args = (theta0, rate, lon, latc, inc, raan0, drift, t_from, south)
    close(vec.crossing_time(*args), ref.crossing_time(*args))
    i_launch = np.clip(inc + rng.uniform(-0.1, 0.1, n), 0.01, math.pi - 0.01)
    dnode = rng.uniform(-math.pi, math.pi, n)
    close(vec.node_offset_angle(i_launch, inc, dnode), ref.node_offset_angle(i_launch, inc, dnode))
    rel, limit = rate - drift, rng.uniform(0.0, 0.3, n)
    close(
        vec.window_half_width(i_launch, inc, rel, limit), ref.window_half_width(i_launch, inc, rel, limit), rtol=1e-11
    )
    reach = np.abs(latc) <= np.minimum(inc, math.pi - inc)
    close(
        vec.pad_argument_of_latitude(latc[reach], inc[reach], south[reach]),
        ref.pad_argument_of_latitude(latc[reach], inc[reach], south[reach]),
        atol=1e-12,
    )
    assert np.isnan(vec.pad_argument_of_latitude(latc[~reach], inc[~reach], south[~reach])).all()
    a, e = WGS84_A_M + rng.uniform(150e3, 40000e3, n), rng.uniform(0, 0.7, n)
    close(vec.nodal_regression_rate(a, e, inc), ref.nodal_regression_rate(a, e, inc), atol=1e-25)
    close(vec.argument_of_latitude_rate(a, e, inc), ref.argument_of_latitude_rate(a, e, inc))
    phase, a2 = rng.uniform(0, 2 * math.pi, n), WGS84_A_M + rng.uniform(150e3, 1000e3, n)
    close(vec.phasing_time(phase, a2, a, inc), ref.phasing_time(phase, a2, a, inc))
