"""orbitcoop: launch-site feasibility and Δv costs from physics, not opinion.

From this launch site, to that orbit: is it reachable directly, is it inside the
site's published corridor, by what strategy, and at what Δv compared with an
ideal site on the equator?

>>> import orbitcoop
>>> orbitcoop.assess("tanegashima", "geo").strategy
'gto split'
>>> orbitcoop.payload("h-iia-202", "tanegashima", "ell:250:36226:28.5").mass.round()
<Quantity 4000. kg>

Public names are loaded on first use, so ``import orbitcoop`` stays light
(no numba, astropy, pandas or boinor until a function needs them).
"""

import importlib

__version__ = "0.4.1"

_PUBLIC = {
    "get_site": "orbitcoop.sites",
    "list_sites": "orbitcoop.sites",
    "LaunchSite": "orbitcoop.sites",
    "Catalogue": "orbitcoop.sites",
    "UnknownSiteError": "orbitcoop.errors",
    "UnknownOrbitError": "orbitcoop.errors",
    "InputRangeError": "orbitcoop.errors",
    "UnreachableOrbitError": "orbitcoop.errors",
    "CatalogueError": "orbitcoop.errors",
    "OrbitcoopError": "orbitcoop.errors",
    "rotation_speed": "orbitcoop.feasibility",
    "geocentric_latitude": "orbitcoop.feasibility",
    "min_inclination": "orbitcoop.feasibility",
    "launch_azimuth": "orbitcoop.feasibility",
    "inclination_from_azimuth": "orbitcoop.feasibility",
    "rotation_gain": "orbitcoop.feasibility",
    "insertion_dv_grid": "orbitcoop.feasibility",
    "plane_change_dv": "orbitcoop.feasibility",
    "hohmann_dv": "orbitcoop.feasibility",
    "sso_inclination": "orbitcoop.feasibility",
    "gto_to_geo_dv": "orbitcoop.feasibility",
    "geo_transfer": "orbitcoop.feasibility",
    "GeoTransfer": "orbitcoop.feasibility",
    "assess": "orbitcoop.feasibility",
    "Assessment": "orbitcoop.feasibility",
    "DeltaV": "orbitcoop.feasibility",
    "compare": "orbitcoop.feasibility",
    "TargetOrbit": "orbitcoop.orbits",
    "evaluate_claims": "orbitcoop.claims",
    "load_claims": "orbitcoop.claims",
    "ClaimResult": "orbitcoop.claims",
    "write_report": "orbitcoop.report",
    "payload": "orbitcoop.performance",
    "can_launch": "orbitcoop.performance",
    "payload_table": "orbitcoop.performance",
    "calibration": "orbitcoop.performance",
    "validation_rows": "orbitcoop.performance",
    "validation_summary": "orbitcoop.performance",
    "PayloadEstimate": "orbitcoop.performance",
    "get_vehicle": "orbitcoop.vehicles",
    "list_vehicles": "orbitcoop.vehicles",
    "load_vehicles": "orbitcoop.vehicles",
    "Vehicle": "orbitcoop.vehicles",
    "Stage": "orbitcoop.vehicles",
    "UnknownVehicleError": "orbitcoop.vehicles",
    "VehicleDataError": "orbitcoop.vehicles",
    "MissingVehicleDataError": "orbitcoop.vehicles",
    "orbits": "orbitcoop.orbits",
    "flight_record": "orbitcoop.record",
    "flown_envelope": "orbitcoop.record",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name):
    if name in _PUBLIC:
        module = importlib.import_module(_PUBLIC[name])
        value = module if name == "orbits" else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'orbitcoop' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
