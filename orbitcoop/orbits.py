"""Target orbits: what a launch has to reach.

A :class:`TargetOrbit` is an ellipse (perigee and apogee altitude above the WGS 84
equatorial radius) with an inclination, or with a *free* inclination (``None``:
GTO, TLI) meaning "whatever plane the site reaches most cheaply". An escape
(:func:`Escape`, ``c3:ENERGY``) is the hyperbola of characteristic energy C3 left in one
burn from the parking orbit; its apogee is infinite.

>>> from orbitcoop.orbits import LEO, SSO, GEO, ISS
>>> LEO(400, 51.6)
TargetOrbit('LEO 400 km 51.6°', 400 × 400 km, i=51.6°)
>>> round(SSO(705).inclination_deg, 2)
98.21
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

import astropy.units as u

from orbitcoop._inputs import (
    MAX_ALTITUDE_KM,
    c3_km2_s2,
    local_time_hours,
    orbit_altitude_km,
    orbit_inclination_deg,
    scalar_number,
)
from orbitcoop.core import constants as _si
from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError, OrbitDataError, UnknownOrbitError
from orbitcoop.loading import Fields, did_you_mean, only_keys, read_toml, tables


@dataclass(frozen=True)
class Node:
    """Where an orbit's plane is: its ascending node, at an epoch, and how the node drifts.

    Either ``raan_deg`` at ``epoch`` (ISO UTC) drifting at ``raan_rate_deg_day`` (J2 regression),
    or ``ltan_hours``: the local mean solar time of the ascending node, which a sun-synchronous
    plane keeps (RAAN = mean sun's right ascension + (LTAN − 12 h) × 15°). Right ascensions are
    from the equinox of date (SGP4's TEME convention). ``tle`` keeps the two lines it came from.
    """

    raan_deg: float | None = None
    epoch: str | None = None
    raan_rate_deg_day: float = 0.0
    ltan_hours: float | None = None
    tle: tuple[str, str] | None = None

    def __repr__(self):
        if self.ltan_hours is not None:
            h = self.ltan_hours
            return f"Node(LTAN {int(h):02d}:{round((h % 1) * 60):02d})"
        return f"Node(RAAN {self.raan_deg:g}° at {self.epoch}, {self.raan_rate_deg_day:+.4f}°/day)"


@dataclass(frozen=True)
class TargetOrbit:
    """An Earth orbit to reach: perigee/apogee altitude [km] and inclination [deg] (None = free)."""

    name: str
    perigee_altitude_km: float
    apogee_altitude_km: float
    inclination_deg: float | None = None
    source: str = ""
    id: str = ""
    #: Characteristic energy [km²/s²] of an escape hyperbola (None: a bound orbit).
    c3_km2_s2: float | None = None
    #: Where the plane is at a given time (None: any node; launch windows need one).
    node: Node | None = None

    def __post_init__(self):
        # Range checks on construction, so a TargetOrbit built directly (not by LEO/SSO/...) cannot
        # carry an inclination of 2e9° or a NaN altitude into the kernels and out as NaN or JSON NaN.
        orbit_altitude_km(self.perigee_altitude_km, "perigee_altitude_km")
        if self.c3_km2_s2 is None:
            orbit_altitude_km(self.apogee_altitude_km, "apogee_altitude_km")
        else:  # an escape: the apogee is infinite
            c3_km2_s2(self.c3_km2_s2)
        if self.inclination_deg is not None:
            orbit_inclination_deg(self.inclination_deg, "inclination_deg")
        if self.apogee_altitude_km < self.perigee_altitude_km:
            raise InputRangeError(
                f"apogee altitude {self.apogee_altitude_km:g} km is below perigee altitude "
                f"{self.perigee_altitude_km:g} km"
            )

    @property
    def perigee_altitude(self) -> u.Quantity:
        return self.perigee_altitude_km << u.km

    @property
    def apogee_altitude(self) -> u.Quantity:
        return self.apogee_altitude_km << u.km

    @property
    def inclination(self) -> u.Quantity | None:
        return None if self.inclination_deg is None else self.inclination_deg << u.deg

    @property
    def circular(self) -> bool:
        return self.perigee_altitude_km == self.apogee_altitude_km

    @property
    def escape(self) -> bool:
        """An escape hyperbola (``c3_km2_s2`` set), left in one burn from the parking orbit."""
        return self.c3_km2_s2 is not None

    @property
    def geostationary(self) -> bool:
        """Circular, equatorial, at GEO altitude (within 1 km): eligible for GEO strategies."""
        return (
            self.circular
            and self.inclination_deg == 0.0
            and abs(self.perigee_altitude_km * 1e3 - _si.GEO_ALTITUDE_M) < 1e3
        )

    def with_node(self, raan, epoch, raan_rate=None) -> TargetOrbit:
        """This orbit with its ascending node at right ascension ``raan`` (deg or Quantity) at ``epoch``.

        ``epoch``: an astropy Time or an ISO UTC string. ``raan_rate`` (deg/day or Quantity): the
        node's drift, by default the J2 regression of this orbit (Vallado 4th ed. ch. 9).

        >>> from orbitcoop.orbits import ISS
        >>> ISS.with_node(raan=120, epoch="2026-12-07").node
        Node(RAAN 120° at 2026-12-07T00:00:00.000, -4.9748°/day)
        """
        from astropy.time import Time

        if self.inclination_deg is None:
            raise InputRangeError(f"{self.name} has a free inclination: a node needs a plane, give an inclination")
        omega = scalar_number(raan, u.deg, "raan", "an angle")
        if not math.isfinite(omega):
            raise InputRangeError(f"raan = {omega} is not a finite angle")
        try:
            t = epoch if isinstance(epoch, Time) else Time(epoch, scale="utc")
        except ValueError:
            raise InputRangeError(
                f"epoch = {epoch!r} is not a time: give an ISO date such as 2026-12-07T00:00"
            ) from None
        if raan_rate is None:
            from orbitcoop.core.windows import nodal_regression_rate

            rp, ra = _si.WGS84_A_M + self.perigee_altitude_km * 1e3, _si.WGS84_A_M + self.apogee_altitude_km * 1e3
            rate = math.degrees(
                nodal_regression_rate(0.5 * (rp + ra), (ra - rp) / (ra + rp), math.radians(self.inclination_deg))
            )
            rate *= 86400.0
        else:
            rate = scalar_number(raan_rate, u.deg / u.day, "raan_rate", "an angular rate")
        node = Node(omega % 360.0, t.utc.isot, rate)
        return replace(self, node=node)

    def with_local_time(self, ltan=None, ltdn=None) -> TargetOrbit:
        """This orbit with a sun-synchronous node at local mean time ``ltan`` (or ``ltdn``), e.g. ``"10:30"``.

        LTDN = LTAN ± 12 h. The node follows the mean sun (it is meant for sun-synchronous orbits).
        """
        if (ltan is None) == (ltdn is None):
            raise InputRangeError("give exactly one of ltan (local time of the ascending node) or ltdn (descending)")
        if self.inclination_deg is None:
            raise InputRangeError(f"{self.name} has a free inclination: a node needs a plane, give an inclination")
        if ltan is not None:
            hours = local_time_hours(ltan, "ltan")
        else:
            hours = (local_time_hours(ltdn, "ltdn") + 12.0) % 24.0
        return replace(self, node=Node(ltan_hours=hours))

    def __repr__(self):
        inc = "free" if self.inclination_deg is None else f"{self.inclination_deg:g}°"
        if self.escape:
            return f"TargetOrbit({self.name!r}, C3 = {self.c3_km2_s2:g} km²/s², i={inc})"
        return f"TargetOrbit({self.name!r}, {self.perigee_altitude_km:g} × {self.apogee_altitude_km:g} km, i={inc})"


def LEO(altitude, inclination) -> TargetOrbit:
    """Circular orbit at ``altitude`` (km or Quantity) and ``inclination`` (deg or Quantity)."""
    h = orbit_altitude_km(altitude, "altitude")
    i = orbit_inclination_deg(inclination, "inclination")
    return TargetOrbit(f"LEO {h:g} km {i:g}°", h, h, i)


def MEO(altitude, inclination) -> TargetOrbit:
    """Circular medium Earth orbit; same as :func:`LEO`, named for readability."""
    h = orbit_altitude_km(altitude, "altitude")
    i = orbit_inclination_deg(inclination, "inclination")
    return TargetOrbit(f"MEO {h:g} km {i:g}°", h, h, i)


def SSO(altitude, eccentricity=0.0, ltan=None, ltdn=None) -> TargetOrbit:
    """Sun-synchronous circular orbit at ``altitude``; the inclination comes from J2.

    ``ltan``/``ltdn`` (``"10:30"``, hours or a Quantity) place its plane by the local mean time of
    the ascending/descending node (:meth:`TargetOrbit.with_local_time`), for launch windows.
    Raises :class:`InputRangeError` above the highest sun-synchronous altitude.
    """
    # Imported here: the kernels (numba) load only when an SSO is built, not with the presets.
    from orbitcoop.maneuvers import sso_inclination

    h = orbit_altitude_km(altitude, "altitude")
    i = float(sso_inclination(h * u.km, eccentricity).to_value(u.deg))
    orbit = TargetOrbit(f"SSO {h:g} km", h, h, i)
    return orbit if ltan is None and ltdn is None else orbit.with_local_time(ltan, ltdn)


def GTO(perigee=250.0, apogee=_si.GEO_ALTITUDE_M / 1e3, inclination=None) -> TargetOrbit:
    """Geostationary transfer orbit (perigee, apogee altitude); inclination free unless given."""
    hp = orbit_altitude_km(perigee, "perigee")
    ha = orbit_altitude_km(apogee, "apogee")
    i = None if inclination is None else orbit_inclination_deg(inclination, "inclination")
    name = f"GTO {hp:g} × {ha:g} km" + ("" if i is None else f" {i:g}°")
    return TargetOrbit(name, hp, ha, i)


def GTO_DV(dv_to_geo, perigee=250.0, apogee=_si.GEO_ALTITUDE_M / 1e3) -> TargetOrbit:
    """The GTO from which a single apogee burn of ``dv_to_geo`` (m/s) reaches GEO ("GTO-1500").

    Its inclination solves gto_to_geo_dv(i) = dv_to_geo, so payloads of different sites
    compare at equal work left to the satellite (the convention of Proton's and Falcon's
    "GTO-1500"/"GTO-1800").
    """
    from orbitcoop.core.geo import gto_geo_apogee_dv

    hp = orbit_altitude_km(perigee, "perigee")
    ha = orbit_altitude_km(apogee, "apogee")
    dv = scalar_number(dv_to_geo, u.m / u.s, "dv_to_geo", "a speed")
    rp, ra = _si.WGS84_A_M + hp * 1e3, _si.WGS84_A_M + ha * 1e3
    lo_dv = gto_geo_apogee_dv(_si.GM_EARTH_M3_S2, 0.0, rp, ra)
    hi_dv = gto_geo_apogee_dv(_si.GM_EARTH_M3_S2, math.pi, rp, ra)
    if not lo_dv <= dv <= hi_dv:
        raise InputRangeError(
            f"dv_to_geo = {dv:g} m/s is outside the valid range {lo_dv:.0f}–{hi_dv:.0f} m/s "
            f"for a {hp:g} × {ha:g} km GTO"
        )
    a, b = 0.0, math.pi
    for _ in range(100):  # bisection: the apogee burn grows with the inclination it removes
        mid = 0.5 * (a + b)
        a, b = (mid, b) if gto_geo_apogee_dv(_si.GM_EARTH_M3_S2, mid, rp, ra) < dv else (a, mid)
    i = math.degrees(0.5 * (a + b))
    return TargetOrbit(f"GTO-{dv:g} ({hp:g} × {ha:g} km, {i:.2f}°)", hp, ha, i)


def Elliptical(perigee, apogee, inclination=None, name=None) -> TargetOrbit:
    """Any elliptical orbit by perigee and apogee altitude."""
    hp = orbit_altitude_km(perigee, "perigee")
    ha = orbit_altitude_km(apogee, "apogee")
    i = None if inclination is None else orbit_inclination_deg(inclination, "inclination")
    return TargetOrbit(name or f"{hp:g} × {ha:g} km", hp, ha, i)


def Escape(c3, inclination=None) -> TargetOrbit:
    """Escape with characteristic energy ``c3`` (km²/s², or a Quantity), C3 = v∞².

    One burn from the parking orbit onto the departure hyperbola; the inclination of its
    plane is free unless given (the declination of the departure asymptote limits it from
    below). C3 = 0 is a parabola: escape with nothing to spare. Its perigee is reported at the
    default parking altitude, where the departure burn is made (:func:`orbitcoop.assess` uses
    its own ``parking_altitude``).
    """
    c3 = c3_km2_s2(c3)
    i = None if inclination is None else orbit_inclination_deg(inclination, "inclination")
    name = f"escape C3 = {c3:g} km²/s²" + ("" if i is None else f" {i:g}°")
    return TargetOrbit(name, float(DEFAULT_PARKING_ALTITUDE.to_value(u.km)), math.inf, i, c3_km2_s2=c3)


def from_tle(line1, line2, name=None) -> TargetOrbit:
    """An Earth orbit with its node from a two-line element set, read by the ``sgp4`` package.

    Altitudes from SGP4's mean perigee and apogee; the node is the TLE's RAAN at its epoch (TEME,
    equinox of date) drifting at SGP4's secular J2 rate. Raises :class:`InputRangeError` naming
    sgp4's complaint for lines it cannot read.
    """
    from astropy.time import Time
    from sgp4.api import SGP4_ERRORS, WGS72, Satrec
    from sgp4.earth_gravity import wgs72
    from sgp4.io import twoline2rv

    lines = (str(line1).rstrip(), str(line2).rstrip())
    try:
        twoline2rv(*lines, wgs72)  # sgp4's strict reader: names the column that is wrong
        sat = Satrec.twoline2rv(*lines, WGS72)
    except (ValueError, IndexError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputRangeError(f"unreadable TLE (sgp4: {first}): give the two 69-column lines of the set") from None
    if sat.error:
        raise InputRangeError(f"unreadable TLE (sgp4 error {sat.error}: {SGP4_ERRORS[sat.error]})")
    if not 0.0 <= sat.ecco < 1.0:
        raise InputRangeError(f"TLE eccentricity {sat.ecco:g} is outside the valid range 0–1")
    r_earth_km = sat.radiusearthkm
    a_km = _si.WGS84_A_M / 1e3
    hp = orbit_altitude_km((1.0 + sat.altp) * r_earth_km - a_km, "TLE perigee altitude")
    ha = orbit_altitude_km((1.0 + sat.alta) * r_earth_km - a_km, "TLE apogee altitude")
    epoch = Time(sat.jdsatepoch, sat.jdsatepochF, format="jd", scale="utc")
    node = Node(
        math.degrees(sat.nodeo) % 360.0,
        epoch.isot,
        math.degrees(sat.nodedot) * 1440.0,  # rad/min → deg/day
        tle=lines,
    )
    label = name or f"TLE {sat.satnum_str.strip()} epoch {epoch.isot[:16]}"
    return TargetOrbit(label, hp, ha, math.degrees(sat.inclo), "two-line elements (sgp4)", node=node)


def load_presets(path=None) -> tuple[dict[str, TargetOrbit], dict[str, str]]:
    """(presets by id, {lower-case name or alias: id}) of an orbit file (default: ``data/orbits.toml``).

    An ``[[orbit]]`` has ``id``, ``name``, perigee and apogee altitudes [km], an inclination [deg]
    (absent: free) and its ``source``; :class:`OrbitDataError` names file, preset and field.
    """
    data, name = read_toml(path, "orbits.toml", OrbitDataError, "orbit")
    only_keys(data, ("orbit",), name, OrbitDataError)
    out, names = {}, {}
    for k, entry in enumerate(tables(data, "orbit", name, OrbitDataError)):
        f = Fields(entry, f"{name} orbit #{k}", OrbitDataError)
        oid = f.text("id", nonempty=True)
        f.where = f"{f.where} (id {oid!r})"
        try:
            orbit = TargetOrbit(
                f.text("name", nonempty=True),
                f.number("perigee_altitude_km", lo=0.0, hi=MAX_ALTITUDE_KM),
                f.number("apogee_altitude_km", lo=0.0, hi=MAX_ALTITUDE_KM),
                f.number("inclination_deg", None, 0.0, 180.0),
                f.source(),
                oid,
            )
        except InputRangeError as exc:  # e.g. apogee below perigee
            f.fail(str(exc))
        for alias in (oid, *f.texts("aliases", ())):
            key = alias.strip().lower()
            if key in names and names[key] != oid:
                f.fail(f"name {alias!r} is already preset {names[key]!r}")
            names[key] = oid
        out[oid] = orbit
    return out, names


_builtin = functools.cache(load_presets)  # the built-in file, read and checked once


def presets() -> dict[str, TargetOrbit]:
    """The sourced presets of ``orbitcoop/data/orbits.toml``, by id."""
    return _builtin()[0]


def _aliases() -> dict[str, str]:
    return _builtin()[1]


def parse_orbit(text: str) -> TargetOrbit:
    """An orbit from a preset name (``iss``, ``geo``…) or a parametric form.

    Forms: ``leo:ALT:INC``, ``meo:ALT:INC``, ``sso:ALT``, ``gto:PERIGEE:APOGEE[:INC]``,
    ``ell:PERIGEE:APOGEE[:INC]``, ``gtodv:DV[:PERIGEE[:APOGEE]]`` (the GTO with DV m/s left to
    GEO), ``c3:ENERGY[:INC]`` (escape, C3 in km²/s²) (altitudes in km, inclinations in degrees).

    >>> parse_orbit("leo:400:51.6").inclination_deg
    51.6
    """
    key = str(text).strip().lower()
    if key in _aliases():
        return presets()[_aliases()[key]]
    kind, _, rest = key.partition(":")
    args = [a for a in rest.split(":") if a] if rest else []
    forms = {
        "leo": (LEO, 2, 2),
        "meo": (MEO, 2, 2),
        "sso": (SSO, 1, 2),
        "gto": (GTO, 2, 3),
        "ell": (Elliptical, 2, 3),
        "gtodv": (GTO_DV, 1, 3),
        "c3": (Escape, 1, 2),
    }
    if kind in forms:
        fn, lo, hi = forms[kind]
        if not lo <= len(args) <= hi:
            raise UnknownOrbitError(f"orbit {text!r}: {kind} takes {lo}–{hi} numbers, e.g. {_EXAMPLES[kind]}")
        try:
            nums = [float(a) for a in args]
        except ValueError:
            raise UnknownOrbitError(f"orbit {text!r}: {args} are not all numbers") from None
        return fn(*nums)
    names = ", ".join(sorted(presets()))
    hint = did_you_mean(key, _aliases())
    raise UnknownOrbitError(
        f"unknown orbit {text!r}.{hint} Use a preset ({names}) or a form like " + ", ".join(_EXAMPLES.values())
    )


_EXAMPLES = {
    "leo": "leo:400:51.6",
    "meo": "meo:20200:55",
    "sso": "sso:700",
    "gto": "gto:250:35786",
    "ell": "ell:500:40000:63.4",
    "gtodv": "gtodv:1500",
    "c3": "c3:10",
}


def as_target(orbit) -> TargetOrbit:
    """Accept a :class:`TargetOrbit`, a preset/parametric string, or a boinor ``Orbit`` around Earth."""
    if isinstance(orbit, TargetOrbit):
        return orbit
    if isinstance(orbit, str):
        return parse_orbit(orbit)
    if hasattr(orbit, "r_p") and hasattr(orbit, "inc") and hasattr(orbit, "attractor"):
        if getattr(orbit.attractor, "name", "Earth") != "Earth":
            raise InputRangeError(f"orbit is around {orbit.attractor.name}, not Earth")
        if orbit.ecc.to_value(u.one) >= 1.0:
            # A departure hyperbola (or parabola): its energy is what the launch must give.
            c3 = (orbit.v**2).sum() - 2 * orbit.attractor.k / ((orbit.r**2).sum()) ** 0.5
            return Escape(max(0.0, float(c3.to_value(u.km**2 / u.s**2))), float(orbit.inc.to_value(u.deg)))
        r_eq = _si.WGS84_A_M * u.m
        hp = (orbit.r_p - r_eq).to_value(u.km)
        ha = (orbit.r_a - r_eq).to_value(u.km)
        i = float(orbit.inc.to_value(u.deg))
        return TargetOrbit(
            f"boinor orbit {hp:.0f} × {ha:.0f} km {i:.2f}°",
            orbit_altitude_km(hp, "perigee altitude"),
            orbit_altitude_km(ha, "apogee altitude"),
            orbit_inclination_deg(i, "inclination"),
        )
    raise TypeError(f"cannot read {orbit!r} as a target orbit")


def __getattr__(name):
    # ISS, TIANGONG, GPS, ... are read from the data file on first use.
    key = {"BEIDOU_MEO": "beidou-meo", "BEIDOU": "beidou-meo"}.get(name, name.lower())
    if name.isupper() and key in presets():
        return presets()[key]
    raise AttributeError(f"module 'orbitcoop.orbits' has no attribute {name!r}")
