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

__version__ = "0.5.0"

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
    "ClaimsFileError": "orbitcoop.errors",
    "OrbitDataError": "orbitcoop.errors",
    "OrbitcoopError": "orbitcoop.errors",
    "InvalidOptionError": "orbitcoop.errors",
    "rotation_speed": "orbitcoop.geometry",
    "geocentric_latitude": "orbitcoop.geometry",
    "min_inclination": "orbitcoop.geometry",
    "launch_azimuth": "orbitcoop.geometry",
    "inclination_from_azimuth": "orbitcoop.geometry",
    "rotation_gain": "orbitcoop.geometry",
    "insertion_dv_grid": "orbitcoop.geometry",
    "plane_change_dv": "orbitcoop.maneuvers",
    "hohmann_dv": "orbitcoop.maneuvers",
    "sso_inclination": "orbitcoop.maneuvers",
    "gto_to_geo_dv": "orbitcoop.maneuvers",
    "geo_transfer": "orbitcoop.maneuvers",
    "GeoTransfer": "orbitcoop.maneuvers",
    "assess": "orbitcoop.assessment",
    "Assessment": "orbitcoop.assessment",
    "DeltaV": "orbitcoop.assessment",
    "compare": "orbitcoop.assessment",
    "TargetOrbit": "orbitcoop.orbits",
    "evaluate_claims": "orbitcoop.claims",
    "load_claims": "orbitcoop.claims",
    "ClaimResult": "orbitcoop.claims",
    "write_report": "orbitcoop.report",
    "payload": "orbitcoop.payloads",
    "can_launch": "orbitcoop.payloads",
    "payload_table": "orbitcoop.payloads",
    "calibration": "orbitcoop.losses",
    "validation_rows": "orbitcoop.validation",
    "validation_summary": "orbitcoop.validation",
    "PayloadEstimate": "orbitcoop.payloads",
    "payload_distribution": "orbitcoop.payloads",
    "PayloadDistribution": "orbitcoop.uncertainty",
    "get_vehicle": "orbitcoop.vehicles",
    "list_vehicles": "orbitcoop.vehicles",
    "load_vehicles": "orbitcoop.vehicles",
    "Vehicle": "orbitcoop.vehicles",
    "Stage": "orbitcoop.vehicles",
    "UnknownVehicleError": "orbitcoop.errors",
    "VehicleDataError": "orbitcoop.errors",
    "MissingVehicleDataError": "orbitcoop.errors",
    "orbits": "orbitcoop.orbits",
    "launch_windows": "orbitcoop.windows",
    "dv_vs_time": "orbitcoop.windows",
    "mean_sun_right_ascension": "orbitcoop.windows",
    "from_tle": "orbitcoop.orbits",
    "Node": "orbitcoop.orbits",
    "UndefinedNodeError": "orbitcoop.errors",
    "StaleElementsWarning": "orbitcoop.errors",
    "flight_record": "orbitcoop.flights",
    "flown_envelope": "orbitcoop.flights",
    "assess_many": "orbitcoop.batch",
    "payload_many": "orbitcoop.batch",
    "sweep": "orbitcoop.grids",
    "cheapest_site": "orbitcoop.grids",
    "max_payload": "orbitcoop.grids",
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
