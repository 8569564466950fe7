"""Kernels and API against published values; each source is named beside its number.

Textbook examples assume a spherical Earth, where the latitude in cos i = cos φ sin β
is the geocentric one. orbitcoop takes geodetic latitude, so these tests pass the
geodetic latitude whose geocentric latitude is the book's (``geodetic_of``).
"""

import math

import astropy.units as u
import pytest

import orbitcoop as oc
from orbitcoop.core import vec
from orbitcoop.core.burns import tangential_burn_dv
from orbitcoop.core.constants import WGS84_E2
from orbitcoop.core.maneuvers import escape_dv, hohmann_dv

DEG = 0.01  # published azimuths are printed to 0.1°: agree within half of that
MS = 1.0 * u.m / u.s


def geodetic_of(geocentric_deg):
    return math.degrees(math.atan(math.tan(math.radians(geocentric_deg)) / (1 - WGS84_E2))) * u.deg


def test_equatorial_rotation_speed():
    # a·ω with WGS 84 (NGA.STND.0036, Table 3.1): 465.1 m/s, the figure of Wikipedia
    # "Earth's rotation" and of SMAD 3rd ed. p. 154 (465.5 m/s with older constants).
    assert oc.rotation_speed(0 * u.deg).to_value(u.m / u.s) == pytest.approx(465.10, abs=0.01)


@pytest.mark.parametrize(
    ("lat", "inc", "branch", "expected", "source"),
    [
        # OrbiterWiki "Launch Azimuth" (rev. 13 Jul 2007): Cape 28.5° to ISS 51.6° → 44.98° / 135.02°.
        (28.5, 51.6, "north", 44.98, "OrbiterWiki"),
        (28.5, 51.6, "south", 135.02, "OrbiterWiki"),
        # Textbook problem 6.10 (solution on holooly.com, "Eq. 6.24: cos i = cos φ sin A"):
        # Vandenberg 34.5°, SSO 98.43° → 190.2° (south) or 349.8° (north).
        (34.5, 98.43, "south", 190.2, "holooly 6.10"),
        (34.5, 98.43, "north", 349.8, "holooly 6.10"),
        # Wertz & Larson, SMAD 3rd ed., p. 154, Eq. 6-42c (quoted by T. Molczan, SeeSat-L,
        # 2 Apr 2012): latitude 39.66°, i = 97.42° → inertial 189.7°.
        (39.66, 97.42, "south", 189.7, "SMAD"),
    ],
)
def test_inertial_launch_azimuth(lat, inc, branch, expected, source):
    az = oc.launch_azimuth(geodetic_of(lat), inc * u.deg, branch=branch, frame="inertial")
    assert az.to_value(u.deg) == pytest.approx(expected, abs=0.05), source


def test_ground_azimuth_smad():
    # SMAD 3rd ed., p. 154 (via Molczan 2012): the rotating-Earth correction turns the
    # 189.7° inertial azimuth to 192.3° for a 500 km SSO from 39.66°; SMAD says its
    # small-angle form is good to ~0.1° in LEO.
    az = oc.launch_azimuth(geodetic_of(39.66), 97.42 * u.deg, altitude=500 * u.km, branch="south")
    assert az.to_value(u.deg) == pytest.approx(192.3, abs=0.1)


def test_inclination_from_azimuth_braeunig():
    # Braeunig, Rocket and Space Technology, Problem 4.12: azimuth 86° at 32° N → i = 32.223°.
    inc = oc.inclination_from_azimuth(geodetic_of(32.0), 86 * u.deg, frame="inertial")
    assert inc.to_value(u.deg) == pytest.approx(32.223, abs=5e-4)


def test_min_inclination_is_latitude():
    # Barker (SeeSat-L, 27 Mar 1996): a due-east launch from KSC (28.5°) gives i = 28.5°
    # (spherical Earth: geocentric latitude).
    assert oc.min_inclination(geodetic_of(28.5)).to_value(u.deg) == pytest.approx(28.5, abs=1e-9)


def test_hohmann_vallado_example_6_1():
    # Vallado, Fundamentals of Astrodynamics and Applications, Example 6-1 (as reproduced in
    # poliastro's tests, "Data from Vallado, example 6.1"): 6569.4807 km → 42 159.4852 km,
    # Δv = 2.457038 + 1.478187 = 3.935224 km/s, with μ = 398 600.4418 km³/s².
    assert hohmann_dv(398600.4418e9, 6569.4807e3, 42159.4852e3) == pytest.approx(3935.224, abs=1e-3)


def test_escape_curtis_example_8_3():
    # Curtis, Orbital Mechanics for Engineering Students, Example 8.3 (Earth to Mars, Hohmann):
    # v∞ = 2.943 km/s from a 300 km parking orbit (r = 6678 km, μ = 398 600 km³/s²):
    # Δv = 11.32 − 7.726 = 3.590 km/s.
    assert escape_dv(398600e9, 6678e3, 2943.0**2, 0.0) == pytest.approx(3590.0, abs=1.0)


def test_finite_burn_curtis_example_6_15():
    # Curtis, Orbital Mechanics for Engineering Students, Example 6.15: a 2,000 kg spacecraft at the
    # perigee of a 480 × 800 km orbit (r = 6858 km, v = 7.7102 km/s) burns along its velocity at
    # 10 kN and Isp 300 s until its apogee reaches 16,000 km altitude (r = 22,378 km): burn time
    # 261.1 s, final mass 1112.5 kg (impulsive: Δv = 1.7225 km/s, Example 6.1). The book uses
    # μ = 398,600 km³/s², orbitcoop WGS 84's 398,600.4418: a 1e-6 difference, far below the print.
    ve = 9.80665 * 300.0
    dv = tangential_burn_dv(6858e3, 7710.2, 2000.0, 10e3, 300.0, 22378e3, 1)
    m_end = 2000.0 * math.exp(-dv / ve)
    assert (2000.0 - m_end) / (10e3 / ve) == pytest.approx(261.1, abs=0.05)
    assert m_end == pytest.approx(1112.5, abs=0.05)
    assert dv > 1722.5  # a finite burn needs more than the impulse


def test_hohmann_braeunig_4_19():
    # Braeunig, Problem 4.19: 200 km (6 578 140 m) → GEO (42 164 170 m), GM = 3.986005e14:
    # ΔV_A = 2455, ΔV_B = 1478, ΔV_T = 3933 m/s. Braeunig rounds each speed to 1 m/s before
    # differencing; unrounded the total is 3931.9 m/s.
    assert hohmann_dv(3.986005e14, 6578140.0, 42164170.0) == pytest.approx(3933, abs=1.5)


def test_gto_delta_v_ariane5_convention():
    # Ariane 5 User's Manual, Issue 5 (Arianespace, 2008): standard GTO 250 × 35 943 km at 6°,
    # whose Δv to GEO is quoted as ~1500 m/s. A single apogee burn gives 1490 m/s.
    dv = oc.gto_to_geo_dv(6 * u.deg, perigee_altitude=250 * u.km, apogee_altitude=35943 * u.km)
    assert dv.to_value(u.m / u.s) == pytest.approx(1500, abs=15)


def test_gto_delta_v_falcon_gto_1800():
    # SpaceX Falcon User's Guide: "GTO-1800" is the 185 × 35 786 km GTO at 27°, 1800 m/s from GEO.
    dv = oc.gto_to_geo_dv(27 * u.deg, perigee_altitude=185 * u.km)
    assert dv.to_value(u.m / u.s) == pytest.approx(1800, abs=10)


def test_gto_delta_v_cape_mit_16_512():
    # MIT 16.512 Rocket Propulsion (Martinez-Sanchez, 2005), Lecture 34: 1.830 km/s from a
    # Cape GTO (28°) to GEO, one burn at apogee.
    dv = oc.gto_to_geo_dv(28 * u.deg, perigee_altitude=185 * u.km)
    assert dv.to_value(u.km / u.s) == pytest.approx(1.830, abs=0.01)


@pytest.mark.parametrize(
    ("altitude", "expected", "source"),
    [
        (705.0, 98.2, "Landsat 8: USGS Landsat 8 Data Users Handbook LSDS-1574, §2 (705 km, 98.2°)"),
        (693.0, 98.18, "Sentinel-1: ESA Sentinel-1 data sheet, 2013 (693 km, 98.18°)"),
        (814.5, 98.65, "Sentinel-3: ESA Sentinel-3 orbit page (814.5 km, 98.65°)"),
    ],
)
def test_sso_inclination_of_real_missions(altitude, expected, source):
    # First-order J2 theory; operators quote mean altitudes and frozen orbits, so 0.05°.
    inc = oc.sso_inclination(altitude * u.km)
    assert inc.to_value(u.deg) == pytest.approx(expected, abs=0.05), source


def test_geo_radius():
    # Braeunig Problem 4.3: r = 42 164 170 m for one sidereal day.
    from orbitcoop.constants import GEO_RADIUS

    assert GEO_RADIUS.to_value(u.m) == pytest.approx(42_164_170, abs=200)


def test_plane_change_braeunig_4_21():
    # Braeunig, "Basics of Space Flight", Example Problems, Problem 4.21
    # (http://www.braeunig.us/space/problem.htm): a 600 km circular orbit at 7,558 m/s turned from
    # 28° to 20° needs 1,054 m/s.
    assert vec.plane_change_dv(7558.0, math.radians(8.0)) == pytest.approx(1054, abs=0.5)


def test_split_plane_change_weber_leo_to_geo():
    # B. Weber, Orbital Mechanics & Astrodynamics, "Example: Plane Change Maneuver"
    # (https://orbital-mechanics.space/orbital-maneuvers/plane-change-example.html, as rendered in
    # bryanwweber/orbital-mechanics-notes with R_E = 6378 km): μ = 3.986e5 km³/s², r1 = 6678 km,
    # r2 = 42,164 km, Δi = 28.6°. Printed: no plane change 3.8926 km/s; whole turn at the GEO burn
    # 4.2583; whole turn at the LEO burn 6.4692; optimal split 2.2051° at the first burn, 4.2335 km/s.
    mu, r1, r2, di = 3.986e14, 6678e3, 42164e3, math.radians(28.6)
    assert vec.hohmann_dv(mu, r1, r2) == pytest.approx(3892.6, abs=0.05)
    assert vec.transfer_burn_dv(mu, r1, r2, r2, di, 0.0) + vec.combined_dv(
        vec.apsis_speed(mu, r2, r1), math.sqrt(mu / r2), di
    ) == pytest.approx(4258.3, abs=0.05)
    assert vec.transfer_burn_dv(mu, r1, r2, r2, di, 1.0) + abs(
        math.sqrt(mu / r2) - vec.apsis_speed(mu, r2, r1)
    ) == pytest.approx(6469.2, abs=0.05)
    assert vec.transfer_dv(mu, r1, r2, r2, di) == pytest.approx(4233.5, abs=0.05)
    assert math.degrees(vec.transfer_fraction(mu, r1, r2, r2, di) * di) == pytest.approx(2.2051, abs=5e-5)


def test_kourou_rotation_esa():
    # ESA, "About Europe's Spaceport": at Kourou (5°3' N) Earth's rotation "increases the speed of
    # the launcher by 460 m per second" (rounded to 10 m/s).
    assert oc.rotation_speed(5.05 * u.deg).to_value(u.m / u.s) == pytest.approx(460, abs=5)
