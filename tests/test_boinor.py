"""Cross-checks against boinor (poliastro's maintained continuation) where it computes the same thing."""

import math

import astropy.units as u
import numpy as np
import pytest

import orbitcoop as oc
from orbitcoop.core import vec
from orbitcoop.core.constants import GM_EARTH_M3_S2

boinor = pytest.importorskip("boinor")
from boinor.bodies import Earth  # noqa: E402
from boinor.maneuver import Maneuver  # noqa: E402
from boinor.spheroid_location import SpheroidLocation  # noqa: E402
from boinor.twobody import Orbit  # noqa: E402

MU_BOINOR = Earth.k.to_value(u.m**3 / u.s**2)


@pytest.mark.slow  # the first call compiles boinor's kernels (~5 s)
@pytest.mark.parametrize(("h1", "h2"), [(200.0, 35786.0), (300.0, 800.0), (20000.0, 500.0)])
def test_hohmann_matches_boinor(h1, h2):
    orbit = Orbit.circular(Earth, alt=h1 * u.km)
    man = Maneuver.hohmann(orbit, Earth.R + h2 * u.km)
    boinor_dv = man.get_total_cost().to_value(u.m / u.s)
    r1 = (Earth.R + h1 * u.km).to_value(u.m)
    r2 = (Earth.R + h2 * u.km).to_value(u.m)
    assert vec.hohmann_dv(MU_BOINOR, r1, r2) == pytest.approx(boinor_dv, rel=1e-9)


@pytest.mark.parametrize("alt", [400.0, 705.0, 1000.0, 3000.0])
def test_sso_matches_boinor_heliosynchronous(alt):
    # boinor uses its own Earth radius, J2 and the Earth's mean motion about the Sun: agree to 0.01°.
    orbit = Orbit.heliosynchronous(Earth, a=Earth.R + alt * u.km, ecc=0 * u.one)
    ours = oc.sso_inclination(alt * u.km + (Earth.R - 6378137 * u.m))
    assert ours.to_value(u.deg) == pytest.approx(orbit.inc.to_value(u.deg), abs=0.01)


@pytest.mark.parametrize("lat", [-60.0, 0.0, 5.24, 30.4, 51.88, 89.0])
def test_site_radius_matches_spheroid_location(lat):
    # boinor's SpheroidLocation on the WGS 84 ellipsoid: same Cartesian distance from the axis.
    a, c = 6378137.0 * u.m, 6378137.0 * (1 - 1 / 298.257223563) * u.m
    loc = SpheroidLocation(0 * u.deg, lat * u.deg, 250 * u.m, _Body(a, c))
    x, y, z = loc.cartesian_cords
    rho = math.hypot(x.to_value(u.m), y.to_value(u.m))
    ours = oc.rotation_speed(lat * u.deg, 250 * u.m).to_value(u.m / u.s) / 7.292115e-5
    assert ours == pytest.approx(rho, rel=1e-12, abs=1e-6)
    geocentric = math.degrees(math.atan2(z.to_value(u.m), rho))
    assert oc.geocentric_latitude(lat * u.deg, 250 * u.m).to_value(u.deg) == pytest.approx(geocentric, abs=1e-10)


class _Body:
    """The two radii SpheroidLocation reads from a body."""

    def __init__(self, a, c):
        self.R, self.R_polar = a, c
        self.R_mean = a


def test_gto_apogee_burn_matches_boinor_orbits():
    # The apogee speed of a boinor GTO and the circular GEO speed, combined by the law of cosines.
    gto = Orbit.from_classical(
        Earth,
        a=(2 * Earth.R + 250 * u.km + 35786 * u.km) / 2,
        ecc=((35786 - 250) * u.km / (2 * Earth.R + 250 * u.km + 35786 * u.km)).to(u.one),
        inc=20 * u.deg,
        raan=0 * u.deg,
        argp=0 * u.deg,
        nu=-180 * u.deg,
    )
    va = np.linalg.norm(gto.v.to_value(u.m / u.s))
    geo = Orbit.circular(Earth, alt=35786 * u.km)
    vc = np.linalg.norm(geo.v.to_value(u.m / u.s))
    expected = math.sqrt(va**2 + vc**2 - 2 * va * vc * math.cos(math.radians(20)))
    ra = gto.r_a.to_value(u.m)
    rp = gto.r_p.to_value(u.m)
    assert vec.gto_geo_apogee_dv(MU_BOINOR, math.radians(20), rp, ra) == pytest.approx(expected, rel=1e-9)


def _split_transfer_from_boinor(h1_km, h2_km, i0_deg, di_deg, share):
    """Both burns of a Hohmann transfer that turns ``share`` of the plane change at perigee, as the
    differences of boinor's velocity vectors where the orbits meet (burns on the line of nodes)."""
    r1, r2 = Earth.R + h1_km * u.km, Earth.R + h2_km * u.km
    i_t = (i0_deg - share * di_deg) * u.deg
    park = Orbit.circular(Earth, alt=h1_km * u.km, inc=i0_deg * u.deg, arglat=0 * u.deg)
    ecc = ((r2 - r1) / (r1 + r2)).to(u.one)

    def transfer(nu):
        return Orbit.from_classical(Earth, a=(r1 + r2) / 2, ecc=ecc, inc=i_t, raan=0 * u.deg, argp=0 * u.deg, nu=nu)

    final = Orbit.circular(Earth, alt=h2_km * u.km, inc=(i0_deg - di_deg) * u.deg, arglat=-180 * u.deg)
    at_perigee, at_apogee = transfer(0 * u.deg), transfer(-180 * u.deg)
    np.testing.assert_allclose(at_perigee.r.to_value(u.m), park.r.to_value(u.m), atol=1e-3)
    np.testing.assert_allclose(at_apogee.r.to_value(u.m), final.r.to_value(u.m), atol=1e-3)
    burn1 = np.linalg.norm((at_perigee.v - park.v).to_value(u.m / u.s))
    burn2 = np.linalg.norm((final.v - at_apogee.v).to_value(u.m / u.s))
    return burn1, burn2


@pytest.mark.parametrize(
    ("h1", "h2", "i0", "di"), [(200.0, 35786.0, 28.5, 28.5), (250.0, 35786.0, 51.6, 51.6), (300.0, 1500.0, 60.0, 15.0)]
)
def test_split_plane_change_matches_boinor_orbits(h1, h2, i0, di):
    # The optimal split of the plane change between the two burns, searched over boinor's orbits:
    # the least total, its share and each burn agree with the split kernels.
    from scipy.optimize import minimize_scalar

    def total(share):
        return sum(_split_transfer_from_boinor(h1, h2, i0, di, share))

    best = minimize_scalar(total, bounds=(0.0, 1.0), method="bounded", options={"xatol": 1e-10})
    r1, r2 = ((Earth.R + h * u.km).to_value(u.m) for h in (h1, h2))
    dirad = math.radians(di)
    assert vec.transfer_dv(MU_BOINOR, r1, r2, r2, dirad) == pytest.approx(
        min(best.fun, total(0.0), total(1.0)), rel=1e-9
    )
    share = vec.transfer_fraction(MU_BOINOR, r1, r2, r2, dirad)
    assert share == pytest.approx(best.x, abs=1e-5)
    burn1, _ = _split_transfer_from_boinor(h1, h2, i0, di, share)
    assert vec.transfer_burn_dv(MU_BOINOR, r1, r2, r2, dirad, share) == pytest.approx(burn1, rel=1e-9)


@pytest.mark.parametrize(("alt", "c3_km2_s2", "di_deg"), [(200.0, 0.0, 0.0), (300.0, 8.66, 0.0), (185.0, 25.0, 10.0)])
def test_escape_burn_matches_boinor_hyperbola(alt, c3_km2_s2, di_deg):
    # The perigee speed of boinor's departure hyperbola (a = −μ/C3; a parabola for C3 = 0), combined
    # with the parking orbit's circular speed by the law of cosines.
    park = Orbit.circular(Earth, alt=alt * u.km)
    rp = park.a
    if c3_km2_s2 == 0.0:
        out = Orbit.parabolic(Earth, p=2 * rp, inc=0 * u.deg, raan=0 * u.deg, argp=0 * u.deg, nu=0 * u.deg)
    else:
        a = -Earth.k / (c3_km2_s2 * u.km**2 / u.s**2)
        out = Orbit.from_classical(
            Earth, a=a.to(u.km), ecc=(1 - rp / a).to(u.one), inc=0 * u.deg, raan=0 * u.deg, argp=0 * u.deg, nu=0 * u.deg
        )
    vp = np.linalg.norm(out.v.to_value(u.m / u.s))
    vc = np.linalg.norm(park.v.to_value(u.m / u.s))
    expected = math.sqrt(vp**2 + vc**2 - 2 * vp * vc * math.cos(math.radians(di_deg)))
    got = vec.escape_dv(MU_BOINOR, rp.to_value(u.m), c3_km2_s2 * 1e6, math.radians(di_deg))
    assert got == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(("thrust", "m0", "apo_km"), [(19850.0, 8000.0, 42164.0), (137e3, 12000.0, 42164.0)])
def test_finite_burn_matches_boinor_cowell(thrust, m0, apo_km):
    # Propagate a 200 km circular orbit with boinor's Cowell integrator and a tangential thrust
    # T/(m0 − ṁt) for the burn time orbitcoop finds: the apogee lands on the target. A GTO's apogee
    # moves ~90 km per m/s of perigee speed, so 1e-5 of it (420 m) is 5 mm/s of Δv.
    from boinor.core.propagation import func_twobody
    from boinor.twobody.propagation import CowellPropagator

    from orbitcoop.core.burns import tangential_burn_dv

    isp = 330.0
    mdot = thrust / (9.80665 * isp)
    park = Orbit.circular(Earth, alt=200 * u.km)
    r0 = park.a.to_value(u.m)
    v0 = math.sqrt(Earth.k.to_value(u.m**3 / u.s**2) / r0)
    dv = tangential_burn_dv(r0, v0, m0, thrust, isp, apo_km * 1e3, 1)
    t_burn = m0 * -math.expm1(-dv / (9.80665 * isp)) / mdot

    def f(t0, u_, k):
        du = func_twobody(t0, u_, k)
        v = u_[3:]
        du[3:] += thrust / (m0 - mdot * t0) / 1e3 * v / np.linalg.norm(v)
        return du

    out = park.propagate(t_burn * u.s, method=CowellPropagator(rtol=1e-11, f=f))
    assert out.r_a.to_value(u.km) == pytest.approx(apo_km, rel=1e-5)


def test_boinor_orbit_as_target():
    orbit = Orbit.circular(Earth, alt=420 * u.km, inc=51.6 * u.deg)
    a = oc.assess("baikonur", orbit)
    assert a.direct
    assert a.target_inclination.to_value(u.deg) == pytest.approx(51.6)


def test_boinor_hyperbola_as_escape_target():
    park = Orbit.circular(Earth, alt=200 * u.km, inc=30 * u.deg)
    a = -Earth.k / (9.0 * u.km**2 / u.s**2)
    hyp = Orbit.from_classical(
        Earth,
        a=a.to(u.km),
        ecc=(1 - park.a / a).to(u.one),
        inc=30 * u.deg,
        raan=0 * u.deg,
        argp=0 * u.deg,
        nu=0 * u.deg,
    )
    t = oc.orbits.as_target(hyp)
    assert t.escape and t.c3_km2_s2 == pytest.approx(9.0, rel=1e-9) and t.inclination_deg == pytest.approx(30.0)


def test_mu_is_wgs84():
    assert GM_EARTH_M3_S2 == 3.986004418e14


def test_api_hohmann_matches_boinor_within_constants():
    # orbitcoop uses WGS 84 (a, GM); boinor its own Earth R and k: agree to 0.5 m/s.
    orbit = Orbit.circular(Earth, alt=300 * u.km)
    r2 = (6378137 + 35786e3) * u.m
    boinor_dv = Maneuver.hohmann(orbit, r2).get_total_cost().to_value(u.m / u.s)
    ours = oc.hohmann_dv(300 * u.km + (Earth.R - 6378137 * u.m), 35786 * u.km)
    assert ours.to_value(u.m / u.s) == pytest.approx(boinor_dv, abs=0.5)
