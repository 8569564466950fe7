"""Launch vehicles: the catalogue (``orbitcoop/data/vehicles.toml``) and its burn phases.

A vehicle's stages become burn phases for :mod:`orbitcoop.core.payload`: boosters and
the core they are strapped to burn together for the boosters' burn time (the core's
share from its mass flow: thrust over specific impulse, else propellant over burn time),
then the core alone, then each upper stage; the fairing goes with the core (the first stage that is not a booster).
Vacuum specific impulse throughout: what the atmosphere and gravity take is in the
vehicle's calibrated loss (:mod:`orbitcoop.performance`). A stage whose only published specific
impulse is the sea-level one burns at that figure, a lower bound on its vacuum value
(:meth:`Vehicle.substitutions` says which); its calibrated loss then comes out smaller by
about the difference, so predictions near its calibration orbits are hardly affected.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from orbitcoop.core.constants import G0_M_S2

# The error classes live in orbitcoop.errors; importable from here too, as before.
from orbitcoop.errors import MissingVehicleDataError, UnknownVehicleError, VehicleDataError
from orbitcoop.loading import (
    Fields,
    did_you_mean,
    number_problem,
    only_keys,
    optional_tables,
    read_toml,
    tables,
    whole_problem,
)
from orbitcoop.outcomes import DATA_ROLES
from orbitcoop.sites import Catalogue, catalogue

__all__ = [
    "LIFTOFF_TOLERANCE_PCT",
    "ROLES",
    "MissingVehicleDataError",
    "PerformancePoint",
    "Stage",
    "UnknownVehicleError",
    "Vehicle",
    "VehicleDataError",
    "get_vehicle",
    "list_vehicles",
    "load_vehicles",
    "mass_check_rows",
    "vehicles",
]

ROLES = DATA_ROLES


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    count: int = 1
    parallel_with: str = ""
    propellant_mass_kg: float | None = None
    dry_mass_kg: float | None = None
    isp_vac_s: float | None = None
    thrust_vac_kn: float | None = None
    isp_sl_s: float | None = None
    thrust_sl_kn: float | None = None
    burn_time_s: float | None = None
    restarts: int | None = None
    fairing_mass_kg: float | None = None
    #: Perigee burns the stage's flown profile splits its departure from the parking orbit into
    #: (Briz-M: parking → intermediate → transfer orbit, two); 1 unless a source says otherwise.
    departure_burns: int = 1
    #: The stage's source texts, by field (``("isp_source", "… [B]")``, …): where its figures come
    #: from and, through their [A]/[B]/[C] grade, how far the payload Monte Carlo varies them.
    sources: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        # The same limits as the file loader, so an edited stage (dataclasses.replace) is checked
        # too: NaN, zero or absurd figures would otherwise hang or poison the payload solve.
        where = f"stage {self.id!r}"
        problems = [
            whole_problem(self.count, "count", 1),
            whole_problem(self.departure_burns, "departure_burns", 1, 10),
        ]
        if self.restarts is not None:
            problems.append(whole_problem(self.restarts, "restarts", 0))
        for key, hi, strict in _STAGE_NUMBERS:
            value = getattr(self, key)
            if value is not None:
                problems.append(number_problem(value, key, 0.0, hi, strict))
        problem = next((p for p in problems if p), None)
        if problem:
            raise VehicleDataError(f"{where}: {problem}")
        if self.restarts is not None and self.departure_burns > self.restarts + 1:
            raise VehicleDataError(
                f"{where}: departure_burns = {self.departure_burns} needs {self.departure_burns - 1} restarts, "
                f"the stage has {self.restarts}"
            )


#: Number fields of a stage: (name, upper bound, whether 0 itself is excluded). The upper bounds are
#: sanity limits far beyond any stage flown (Saturn V's S-IC: 2,300 t, 34,000 kN, 168 s; the best
#: chemical engines: Isp ~465 s), so only typos and edits that would overflow the solve are refused.
_STAGE_NUMBERS = (
    ("propellant_mass_kg", 1e7, True),
    ("dry_mass_kg", 1e7, True),
    ("isp_vac_s", 1000.0, True),
    ("thrust_vac_kn", 1e6, True),
    ("isp_sl_s", 1000.0, True),
    ("thrust_sl_kn", 1e6, True),
    ("burn_time_s", 1e5, True),
    ("fairing_mass_kg", 1e6, False),
)


@dataclass(frozen=True)
class PerformancePoint:
    payload_kg: float
    site: str
    role: str
    source: str
    orbit: str = ""
    orbit_spec: str = ""
    orbit_interpretation: str = ""
    note: str = ""


@dataclass(frozen=True)
class Vehicle:
    id: str
    name: str
    operator: str
    home_sites: tuple[str, ...]
    stages: tuple[Stage, ...]
    performance: tuple[PerformancePoint, ...]
    missing: tuple[str, ...] = ()
    notes: str = ""
    liftoff_mass_kg: float | None = None
    liftoff_source: str = ""

    def __post_init__(self):
        where = f"vehicle {self.id!r}"
        if not self.stages or not all(isinstance(s, Stage) for s in self.stages):
            raise VehicleDataError(f"{where}: stages must be one or more Stage records, got {self.stages!r}")
        if not isinstance(self.home_sites, tuple) or not all(isinstance(h, str) and h for h in self.home_sites):
            raise VehicleDataError(f"{where}: home_sites must be a tuple of launch-site ids, got {self.home_sites!r}")
        ids = {s.id for s in self.stages}
        for s in self.stages:
            if s.parallel_with and s.parallel_with not in ids:
                raise VehicleDataError(f"{where} stage {s.id!r}: parallel_with {s.parallel_with!r} names no stage")

    def __repr__(self):
        return f"Vehicle({self.id!r}, {len(self.stages)} stages, home {', '.join(self.home_sites)})"

    @property
    def home_site(self) -> str:
        """The site a payload estimate uses when none is given: the first home site."""
        if not self.home_sites:
            raise MissingVehicleDataError(f"vehicle {self.id!r} has no home_sites: give the launch site explicitly")
        return self.home_sites[0]

    @property
    def upper_stage(self) -> Stage:
        return self.stages[-1]

    def substitutions(self) -> tuple[str, ...]:
        """Published figures standing in for missing ones in :meth:`phases`, one sentence each."""
        out = []
        for s in self.stages:
            if s.isp_vac_s is None and s.isp_sl_s is not None:
                out.append(
                    f"stage {s.id!r}: no vacuum Isp published; its sea-level {s.isp_sl_s:g} s is used "
                    "(a lower bound, absorbed by the calibrated loss)"
                )
        for b in self._boosters():
            for x, how in self._flow_sources(b):
                if how == "sea level":
                    out.append(
                        f"stage {x.id!r}: mass flow from its sea-level thrust and Isp (no vacuum pair published)"
                    )
                elif how == "burn time":
                    out.append(f"stage {x.id!r}: mean mass flow from propellant / burn time (no thrust and Isp pair)")
        return tuple(out)

    def stack_mass_kg(self) -> float | None:
        """Sum of every stage's propellant and dry mass, and the fairing: the vehicle at lift-off
        without payload. None if a stage lacks either mass."""
        total = 0.0
        for s in self.stages:
            if s.propellant_mass_kg is None or s.dry_mass_kg is None:
                return None
            total += (s.propellant_mass_kg + s.dry_mass_kg) * s.count + (s.fairing_mass_kg or 0.0)
        return total

    def _boosters(self):
        return [s for s in self.stages if s.parallel_with]

    @staticmethod
    def _isp(s: Stage):
        return s.isp_vac_s if s.isp_vac_s is not None else s.isp_sl_s

    @staticmethod
    def _mass_flow(s: Stage):
        """(mass flow [kg/s] of all ``s.count`` units, how it was found) or (None, "").

        Thrust over Isp at one condition (vacuum, else sea level; the mass flow is the same
        at both), else the mean flow from propellant mass and burn time.
        """
        for thrust, isp, how in (("thrust_vac_kn", "isp_vac_s", "vacuum"), ("thrust_sl_kn", "isp_sl_s", "sea level")):
            f, i = getattr(s, thrust), getattr(s, isp)
            if f is not None and i is not None:
                return f * 1e3 / (G0_M_S2 * i) * s.count, how
        if s.burn_time_s is not None and s.propellant_mass_kg is not None:
            return s.propellant_mass_kg * s.count / s.burn_time_s, "burn time"
        return None, ""

    def _flow_sources(self, b: Stage):
        """The stages whose mass flow the parallel burn of booster set ``b`` needs, and how each is found."""
        core = self._stage(b.parallel_with)
        # The boosters' burn time is all the sharing needs from them; else their mass flow.
        need = [core] if b.burn_time_s is not None else [b, core]
        return [(x, self._mass_flow(x)[1]) for x in need]

    def phases(self):
        """(isp_s, burn_kg, drop_kg, m0_kg) of the burn phases; raises MissingVehicleDataError."""
        need = []
        for s in self.stages:
            for f in ("propellant_mass_kg", "dry_mass_kg"):
                if getattr(s, f) is None:
                    need.append(f"stage {s.id!r} {f}")
            if self._isp(s) is None:
                need.append(f"stage {s.id!r} isp_vac_s")
        boosters = self._boosters()
        for b in boosters:
            for x, how in self._flow_sources(b):
                if not how:
                    need.append(f"stage {x.id!r} thrust_vac_kn or burn_time_s (to share the parallel burn)")
        if need:
            raise MissingVehicleDataError(
                f"vehicle {self.id!r}: the payload model needs figures the catalogue lacks: {', '.join(need)}"
            )
        fairing = sum(s.fairing_mass_kg or 0.0 for s in self.stages)
        isp, burn, drop = [], [], []
        core_used = {}
        for b in boosters:
            core = self._stage(b.parallel_with)
            t_b = self._booster_burn_time(b)
            mdot_c = self._mass_flow(core)[0]
            used = min(mdot_c * t_b, core.propellant_mass_kg * core.count)
            core_used[core.id] = core_used.get(core.id, 0.0) + used
            # Mass-flow-weighted Isp of the two burning together over the boosters' burn.
            prop_b = b.propellant_mass_kg * b.count
            isp.append((prop_b * self._isp(b) + used * self._isp(core)) / (prop_b + used))
            burn.append(prop_b + used)
            drop.append(b.dry_mass_kg * b.count)
        first_core = True
        for s in self.stages:
            if s.parallel_with:
                continue
            left = s.propellant_mass_kg * s.count - core_used.get(s.id, 0.0)
            isp.append(self._isp(s))
            burn.append(left)
            drop.append(s.dry_mass_kg * s.count + (fairing if first_core else 0.0))
            first_core = False
        m0 = sum(burn) + sum(drop)
        return tuple(isp), tuple(burn), tuple(drop), m0

    def _booster_burn_time(self, b: Stage) -> float:
        """How long booster set ``b`` burns with its core [s]: its published burn time, else from its mass flow."""
        return b.burn_time_s or b.propellant_mass_kg * b.count / self._mass_flow(b)[0]

    def phase_mass_flows(self) -> tuple[float, ...]:
        """Mass flow [kg/s] of each burn phase of :meth:`phases`, in the same order (for trajectory
        integrations: a phase's thrust is its mass flow times g₀ times its Isp). A stage phase whose
        stage publishes neither a thrust and Isp pair nor a burn time gets None; the booster phases
        need what :meth:`phases` needs to share them."""
        flows = [
            b.propellant_mass_kg * b.count / self._booster_burn_time(b)
            + self._mass_flow(self._stage(b.parallel_with))[0]
            for b in self._boosters()
        ]
        return tuple(flows + [self._mass_flow(s)[0] for s in self.stages if not s.parallel_with])

    def _stage(self, sid) -> Stage:
        for s in self.stages:
            if s.id == sid:
                return s
        raise VehicleDataError(f"vehicle {self.id!r}: no stage {sid!r}")


def _parse_stage(entry, k, where) -> Stage:
    sid = entry.get("id", f"#{k}") if isinstance(entry, dict) else f"#{k}"
    f = Fields(entry, f"{where} stage {sid!r}", VehicleDataError)
    f.text("id", "")
    numbers = {key: f.number(key, None, 0.0, hi, strict) for key, hi, strict in _STAGE_NUMBERS}
    prop, dry = numbers["propellant_mass_kg"], numbers["dry_mass_kg"]
    if prop is not None and dry is not None and dry >= prop + dry:
        f.fail("dry_mass_kg ≥ total stage mass")
    restarts = f.whole("restarts", None, 0)
    burns = f.whole("departure_burns", 1, 1, 10)
    if burns != 1:
        f.source("departure_source", what=f"departure_burns = {burns} (a flown profile)")
    if restarts is not None and burns > restarts + 1:
        f.fail(f"departure_burns = {burns} needs {burns - 1} restarts, the stage has {restarts}")
    return Stage(
        id=sid,
        name=f.text("name", sid),
        count=f.whole("count", 1, 1),
        parallel_with=f.text("parallel_with", ""),
        restarts=restarts,
        departure_burns=burns,
        sources=tuple((key, text) for key, text in entry.items() if key.endswith("_source") and isinstance(text, str)),
        **numbers,
    )


def _parse_point(entry, k, where, sites: Catalogue) -> PerformancePoint:
    f = Fields(entry, f"{where} performance #{k}", VehicleDataError)
    role = f.text("role", "reference", choices=ROLES)
    spec = f.text("orbit_spec", "")
    if role != "reference" and not spec:
        f.fail(f"a {role} point needs an orbit_spec")
    return PerformancePoint(
        payload_kg=f.number("payload_kg", lo=0.0, strict_low=True),
        site=_site_id(f, "site", f.text("site"), sites),
        role=role,
        source=f.source(what="every published point"),
        orbit=f.text("orbit", ""),
        orbit_spec=spec,
        orbit_interpretation=f.text("orbit_interpretation", ""),
        note=f.text("note", ""),
    )


def _site_id(f: Fields, key: str, name: str, sites: Catalogue) -> str:
    """The catalogue id of the site ``name`` names (by id, name or alias); else an error naming the field."""
    try:
        return sites.get(name).id
    except LookupError as exc:
        f.fail(f"{key}: {exc}")


def _parse_vehicle(entry, where, sites: Catalogue) -> Vehicle:
    f = Fields(entry, where, VehicleDataError)
    vid = f.text("id", nonempty=True)
    f.where = where = f"{where} (vehicle {vid!r})"
    stage_tables = tables(entry, "stage", where, VehicleDataError, "vehicle.stage")
    stages = tuple(_parse_stage(s, k, where) for k, s in enumerate(stage_tables))
    points = optional_tables(entry, "performance", where, VehicleDataError, "vehicle.performance")
    home = f.texts("home_sites", nonempty=True)
    liftoff = f.number("liftoff_mass_kg", None, 0.0, strict_low=True)
    return Vehicle(
        id=vid,
        name=f.text("name", vid),
        operator=f.text("operator", ""),
        home_sites=tuple(_site_id(f, "home_sites", h, sites) for h in home),
        stages=stages,
        performance=tuple(_parse_point(p, k, where, sites) for k, p in enumerate(points)),
        missing=f.texts("missing", ()),
        notes=f.text("notes", ""),
        liftoff_mass_kg=liftoff,
        liftoff_source="" if liftoff is None else f.source("liftoff_source", what="a published lift-off mass"),
    )


def load_vehicles(path=None, sites: Catalogue | None = None) -> dict[str, Vehicle]:
    """Read and check a vehicle file (default: the built-in catalogue); errors name vehicle, stage and field.

    Every site a vehicle names (``home_sites``, a point's ``site``) must be in ``sites`` (default:
    the built-in site catalogue); it is stored by its catalogue id.
    """
    sites = catalogue() if sites is None else sites
    data, name = read_toml(path, "vehicles.toml", VehicleDataError, "vehicle")
    only_keys(data, ("vehicle",), name, VehicleDataError)
    out = {}
    for k, e in enumerate(tables(data, "vehicle", name, VehicleDataError)):
        v = _parse_vehicle(e, f"{name} #{k}", sites)
        if v.id in out:
            raise VehicleDataError(f"{name}: vehicle id {v.id!r} appears twice")
        out[v.id] = v
    return out


@functools.cache
def vehicles() -> dict[str, Vehicle]:
    """The built-in vehicle catalogue, by id (loaded once)."""
    return load_vehicles()


def get_vehicle(name) -> Vehicle:
    """A vehicle by id (or a :class:`Vehicle`, returned as is); unknown ids suggest the closest."""
    if isinstance(name, Vehicle):
        return name
    cat = vehicles()
    key = str(name).strip().lower().replace(" ", "-")
    if key in cat:
        return cat[key]
    hint = did_you_mean(key, list(cat))
    raise UnknownVehicleError(f"unknown vehicle {name!r}.{hint} `orbitcoop vehicles` lists all {len(cat)} ids.")


def list_vehicles() -> list[Vehicle]:
    return list(vehicles().values())


#: How far a vehicle's stage-mass sum may stray from its published lift-off mass: that mass may or
#: may not include a payload and its adapter (up to about 4 % of lift-off for the vehicles here:
#: Falcon 9's 22.8 t of 549 t), and both sides are rounded. A larger gap means a wrong stage figure.
LIFTOFF_TOLERANCE_PCT = 5.0


def mass_check_rows(vs=None) -> list[dict]:
    """Stage-mass sum against the published lift-off mass, for every vehicle that has both."""
    rows = []
    for v in vs if vs is not None else list_vehicles():
        stack = v.stack_mass_kg()
        if stack is None or v.liftoff_mass_kg is None:
            continue
        rows.append(
            {
                "vehicle": v.id,
                "stack_kg": stack,
                "liftoff_kg": v.liftoff_mass_kg,
                "difference_pct": 100 * (stack - v.liftoff_mass_kg) / v.liftoff_mass_kg,
                "source": v.liftoff_source,
            }
        )
    return rows
