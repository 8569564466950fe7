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


def test_geodesy(grid):
    lat, h, _, _ = grid
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


def test_ascent_dv(grid):
    lat, h, inc, v = grid
    close(vec.ascent_dv(lat, h, inc, v), ref.ascent_dv(lat, h, inc, v))


def test_manoeuvres(rng):
    v1, v2 = rng.uniform(1000, 11000, N), rng.uniform(1000, 11000, N)
    di = rng.uniform(0, math.pi, N)
    close(vec.combined_dv(v1, v2, di), ref.combined_dv(v1, v2, di))
    r1, r2 = WGS84_A_M + rng.uniform(150e3, 2e6, N), WGS84_A_M + rng.uniform(150e3, 1e8, N)
    close(vec.hohmann_dv(GM_EARTH_M3_S2, r1, r2), ref.hohmann_dv(GM_EARTH_M3_S2, r1, r2))


def test_split_transfer(rng):
    n = 300
    r1 = WGS84_A_M + rng.uniform(150e3, 1000e3, n)
    rp2 = r1 + rng.uniform(0, 20000e3, n)
    ra2 = rp2 + rng.uniform(0, 20000e3, n)
    di = rng.uniform(0, math.radians(70), n)
    close(vec.transfer_dv(GM_EARTH_M3_S2, r1, rp2, ra2, di), ref.transfer_dv(GM_EARTH_M3_S2, r1, rp2, ra2, di))


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
