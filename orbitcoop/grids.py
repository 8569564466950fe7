"""Sweeps: Δv, penalty, strategy and payload over site × inclination × altitude (or × orbit), as xarray.

:func:`sweep` lays the grid out as an :class:`xarray.Dataset` with named dimensions, coordinates
and units in attributes. Each block of the grid is one :func:`orbitcoop.assessment.plan_columns`
call (and one :func:`orbitcoop.payload_table` call when vehicles are given); blocks hold at most
:data:`BLOCK_POINTS` points, so memory stays bounded however large the grid. With ``chunks=`` the
dataset is dask-backed and lazy (:func:`xarray.map_blocks`): nothing runs until ``.compute()``,
``.to_netcdf()`` or a reduction, and the same call runs on a ``dask.distributed`` cluster once a
``Client`` is made (no special code). :func:`cheapest_site` and :func:`max_payload` reduce a
sweep with dask reductions, one block at a time.

>>> import astropy.units as u
>>> ds = sweep(["kourou", "baikonur"], inclination=[5, 51.6] * u.deg, altitude=[400] * u.km)
>>> ds.dv_m_s.dims, ds.sizes["site"]
(('site', 'inclination', 'altitude'), 2)
>>> best = cheapest_site(ds)
>>> str(best.site.values[best.site_index.sel(inclination=5, altitude=400).item()])
'kourou'
"""

from __future__ import annotations

import math

import numpy as np

from orbitcoop.assessment import plan_columns, plan_pairs
from orbitcoop.batch import STRATEGIES, STRATEGY_LEGEND, strategy_codes
from orbitcoop.core.constants import GEO_ALTITUDE_M
from orbitcoop.defaults import DEFAULT_MAX_APOGEE_ALTITUDE, DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError

#: Most grid points one block evaluates at once (one plan_columns call, ~0.5 kB of temporaries each).
BLOCK_POINTS = 100_000

_ATTRS = {
    "dv_m_s": {"units": "m/s", "long_name": "total kinematic delta-v from the site"},
    "penalty_m_s": {"units": "m/s", "long_name": "delta-v above an ideal site on the equator"},
    "strategy": {
        "long_name": "how the orbit is reached (orbitcoop.outcomes.Strategy)",
        "legend": STRATEGY_LEGEND,
        "flag_values": np.arange(len(STRATEGIES), dtype=np.int8),
        "flag_meanings": " ".join(s.value.replace(" ", "_").replace("(", "").replace(")", "") for s in STRATEGIES),
    },
    "payload_kg": {"units": "kg", "long_name": "payload estimate (0: out of reach; NaN: no estimate)"},
}


def _targets(points):
    """TargetOrbits of a block: circular (inclination°, altitude km) pairs, or orbits as given."""
    from orbitcoop.orbits import TargetOrbit, as_target

    if points[0] == "grid":
        inc, alt = np.meshgrid(points[1], points[2], indexing="ij")
        return [TargetOrbit(f"circ:{a:g}:{i:g}", a, a, i) for i, a in zip(inc.ravel(), alt.ravel(), strict=True)]
    return [as_target(o) for o in points[1]]


def _plan(sites, points, parking_km, max_apogee_km):
    """The plan of a block (site-major), with the targets' apogee [km] and GEO flag per pair."""
    n_sites = len(sites)
    if points[0] == "grid":
        # Circular orbits as columns: no TargetOrbit per point (the sweep checked the ranges).
        inc, alt = (np.ravel(a) for a in np.meshgrid(points[1], points[2], indexing="ij"))
        # TargetOrbit.geostationary: circular, equatorial, within 1 km of GEO altitude.
        geo = (inc == 0.0) & (np.abs(alt * 1e3 - GEO_ALTITUDE_M) < 1e3)
        inc, alt, geo = np.tile(inc, n_sites), np.tile(alt, n_sites), np.tile(geo, n_sites)
        index = np.repeat(np.arange(n_sites), len(points[1]) * len(points[2]))
        plan = plan_columns(sites, index, alt, alt, inc, geo, np.full(alt.size, np.nan), parking_km, max_apogee_km)
        return plan, alt, geo
    targets = _targets(points)
    plan = plan_pairs([s for s in sites for _ in targets], targets * n_sites, parking_km, max_apogee_km)
    return (
        plan,
        np.tile([t.apogee_altitude_km for t in targets], n_sites),
        np.tile([t.geostationary for t in targets], n_sites),
    )


def evaluate_block(site_ids, points, parking_km, max_apogee_km, vehicle_ids=()):
    """One block: ``{name: array}`` of shape (site, *points) (payload: (vehicle, site, *points)).

    ``points``: ``("grid", inclinations_deg, altitudes_km)`` or ``("orbits", orbits)``. Plain
    floats and ids in, so a block pickles to a dask worker as a few numbers.
    """
    from orbitcoop.sites import get_site

    sites = [get_site(s) for s in site_ids]
    shape = (len(sites), *((len(points[1]), len(points[2])) if points[0] == "grid" else (len(points[1]),)))
    plan, apogee, geo = _plan(sites, points, parking_km, max_apogee_km)
    out = {
        "dv_m_s": plan.total.reshape(shape),
        "penalty_m_s": plan.penalty.reshape(shape),
        "strategy": strategy_codes(plan, apogee, geo).reshape(shape),
    }
    if vehicle_ids:
        from orbitcoop.payloads import payload_table

        mass = np.full((len(vehicle_ids), int(np.prod(shape))), np.nan)
        table = payload_table(list(vehicle_ids), list(site_ids), _targets(points))
        # payload_table's rows: vehicle-major, then site, then orbit, in the order given; unusable vehicles skipped.
        for k, v in enumerate(vehicle_ids):
            rows = table["payload_kg"].to_numpy()[table["vehicle"].to_numpy() == v]
            if rows.size:
                mass[k] = rows
        out["payload_kg"] = mass.reshape((len(vehicle_ids), *shape))
    return out


def _axes(sites, inclination, altitude, orbits):
    """Coordinates of the sweep and the ``points`` description of the whole grid."""
    from orbitcoop._inputs import altitude_m, as_sites, values
    from orbitcoop.orbits import as_target

    site_ids = [s.id for s in as_sites(sites)]
    if len(set(site_ids)) != len(site_ids) or not site_ids:
        raise InputRangeError(f"sites must be distinct and at least one, got {site_ids}")
    if orbits is not None:
        if inclination is not None or altitude is not None:
            raise InputRangeError("give either orbits, or inclination and altitude (circular orbits), not both")
        targets = [as_target(o) for o in ([orbits] if isinstance(orbits, str) else orbits)]
        if not targets:
            raise InputRangeError("orbits is empty: give at least one orbit")
        names = [t.id or t.name for t in targets]
        return site_ids, {"orbit": (names, {})}, ("orbits", targets)
    if inclination is None or altitude is None:
        raise InputRangeError("give inclination and altitude (Quantity arrays), or orbits")
    # Degrees as given (not through radians and back), so coordinates select by the values the user wrote.
    inc = np.atleast_1d(values(inclination, "deg", "inclination", 0.0, 180.0, "0–180°"))
    alt = np.atleast_1d(altitude_m(altitude)) / 1e3
    if inc.ndim != 1 or alt.ndim != 1 or not inc.size or not alt.size:
        raise InputRangeError("inclination and altitude must be non-empty 1-d arrays")
    coords = {"inclination": (inc, {"units": "deg"}), "altitude": (alt, {"units": "km"})}
    return site_ids, coords, ("grid", inc, alt)


def _block(ds, parking_km, max_apogee_km, vehicle_ids, orbit_objects):
    """xarray.map_blocks body: evaluate the block whose coordinates ``ds`` carries."""
    sites = [str(s) for s in ds["site"].values]
    if "orbit" in ds.dims:
        points = ("orbits", [orbit_objects[str(o)] for o in ds["orbit"].values])
    else:
        points = ("grid", ds["inclination"].values, ds["altitude"].values)
    return _dataset(
        sites, ds.coords, evaluate_block(sites, points, parking_km, max_apogee_km, vehicle_ids), vehicle_ids
    )


def _dataset(site_ids, coords, arrays, vehicle_ids):
    import xarray as xr

    dims = ("site", *(d for d in ("inclination", "altitude", "orbit") if d in coords))
    data = {
        name: ((("vehicle", *dims) if name == "payload_kg" else dims), a, _ATTRS[name]) for name, a in arrays.items()
    }
    ds = xr.Dataset(data, coords={d: coords[d] for d in dims})
    if vehicle_ids:
        ds = ds.assign_coords(vehicle=list(vehicle_ids))
    return ds


def sweep(
    sites=None,
    inclination=None,
    altitude=None,
    orbits=None,
    vehicles=None,
    parking_altitude=DEFAULT_PARKING_ALTITUDE,
    max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE,
    chunks=None,
):
    """Δv, penalty, strategy (and payload) over every site × inclination × altitude, or site × orbit.

    ``sites``: names or sites (default: every active site, pads excluded). Either
    ``inclination`` and ``altitude`` (1-d Quantity arrays: circular orbits on their product grid),
    or ``orbits`` (a list of anything :func:`orbitcoop.assess` takes). ``vehicles``: ids; adds
    ``payload_kg`` with a ``vehicle`` dimension (priced from the payload model's 200 km parking
    orbit whatever ``parking_altitude`` is).

    ``chunks``: None computes now, in blocks of at most :data:`BLOCK_POINTS` points. A dict
    (``{"inclination": 30, "altitude": 10, "site": 5}``, or ``{"orbit": 10}``) or an int (points
    along each of inclination/altitude/orbit) returns a lazy dask-backed dataset instead.

    Variables: ``dv_m_s``, ``penalty_m_s`` (float64, m/s), ``strategy`` (int8, codes into
    :class:`orbitcoop.outcomes.Strategy`; the ``legend`` attribute names them), ``payload_kg``.
    Write it with ``ds.to_netcdf(path)`` (NetCDF4 with netCDF4 or h5netcdf installed; else pass
    ``engine="scipy"`` for NetCDF3).
    """
    import xarray as xr

    from orbitcoop._inputs import altitude_km
    from orbitcoop.vehicles import get_vehicle

    site_ids, axes, points = _axes(sites, inclination, altitude, orbits)
    parking_km = altitude_km(parking_altitude, "parking_altitude")
    max_apo = altitude_km(max_apogee_altitude, "max_apogee_altitude")
    vehicle_ids = tuple(get_vehicle(v).id for v in ([vehicles] if isinstance(vehicles, str) else vehicles or ()))
    coords = {"site": (site_ids, {}), **axes}
    coords = {d: xr.Variable(d, np.asarray(v), attrs) for d, (v, attrs) in coords.items()}
    if chunks is None:
        return _eager(site_ids, coords, points, parking_km, max_apo, vehicle_ids)
    orbit_objects = dict(zip(axes["orbit"][0], points[1], strict=True)) if points[0] == "orbits" else {}
    sizes = {d: len(c) for d, c in coords.items()}
    per_dim = chunks if isinstance(chunks, dict) else {d: int(chunks) for d in sizes if d != "site"}
    unknown = set(per_dim) - set(sizes)
    if unknown:
        raise InputRangeError(f"chunks names {sorted(unknown)}: the dimensions are {sorted(sizes)}")
    # The template: the result's shape, dtypes and chunks, with no data computed.
    import dask.array as da

    chunk = {d: per_dim.get(d, n if d == "site" else min(n, 64)) for d, n in sizes.items()}
    dims = tuple(coords)
    shape = tuple(sizes[d] for d in dims)
    dchunks = tuple(chunk[d] for d in dims)
    empty = {
        "dv_m_s": da.empty(shape, chunks=dchunks),
        "penalty_m_s": da.empty(shape, chunks=dchunks),
        "strategy": da.empty(shape, chunks=dchunks, dtype=np.int8),
    }
    if vehicle_ids:
        empty["payload_kg"] = da.empty((len(vehicle_ids), *shape), chunks=(len(vehicle_ids), *dchunks))
    template = _dataset(site_ids, coords, empty, vehicle_ids)
    grid = xr.Dataset(coords=coords).chunk({d: chunk[d] for d in dims})
    # map_blocks needs a chunked variable to split on: a zero-size-per-point placeholder.
    grid["_grid"] = xr.DataArray(da.zeros(shape, chunks=dchunks, dtype=np.int8), dims=dims)
    return xr.map_blocks(
        _block, grid, args=(parking_km, max_apo, vehicle_ids, orbit_objects), template=template
    ).assign_attrs(_dataset_attrs(parking_km, max_apo))


def _dataset_attrs(parking_km, max_apo):
    return {
        "title": "orbitcoop sweep",
        "parking_altitude_km": parking_km,
        "max_apogee_altitude_km": max_apo,
        "payload_parking_altitude_km": float(DEFAULT_PARKING_ALTITUDE.to_value("km")),
    }


def _eager(site_ids, coords, points, parking_km, max_apo, vehicle_ids):
    """The sweep computed now, block by block along the first non-site axis."""
    dims = tuple(coords)
    shape = tuple(len(coords[d]) for d in dims)
    per_row = max(1, int(np.prod(shape[2:], dtype=np.int64)) * len(site_ids))
    step = max(1, BLOCK_POINTS // per_row)
    out = {
        "dv_m_s": np.empty(shape),
        "penalty_m_s": np.empty(shape),
        "strategy": np.empty(shape, dtype=np.int8),
    }
    if vehicle_ids:
        out["payload_kg"] = np.empty((len(vehicle_ids), *shape))
    for start in range(0, shape[1], step):
        sl = slice(start, start + step)
        part = (points[0], points[1][sl], *points[2:])
        for name, a in evaluate_block(site_ids, part, parking_km, max_apo, vehicle_ids).items():
            out[name][(slice(None),) * (name == "payload_kg") + (slice(None), sl)] = a
    return _dataset(site_ids, coords, out, vehicle_ids).assign_attrs(_dataset_attrs(parking_km, max_apo))


def parse_range(text: str, name: str = "range") -> np.ndarray:
    """``"START:STOP:STEP"`` (STOP included when it falls on the grid) or one number, as a float array.

    >>> parse_range("0:180:45")
    array([  0.,  45.,  90., 135., 180.])
    """
    try:
        parts = [float(x) for x in text.split(":")]
    except ValueError:
        raise InputRangeError(f"{name} {text!r}: give START:STOP:STEP or one number") from None
    if len(parts) == 1:
        return np.array(parts)
    if len(parts) != 3 or not parts[2] > 0 or not parts[1] >= parts[0]:
        raise InputRangeError(f"{name} {text!r}: give START:STOP:STEP with STOP >= START and STEP > 0")
    start, stop, step = parts
    if (stop - start) / step > 1e7:
        raise InputRangeError(f"{name} {text!r} has more than 10^7 points")
    return start + step * np.arange(math.floor((stop - start) / step + 1e-9) + 1)


def cheapest_site(ds):
    """The cheapest site at each grid point: ``site_index`` (int16, into the ``site`` coordinate) and its ``dv_m_s``.

    Lazy and streaming on a dask-backed sweep: blockwise over the ``site`` dimension (a tree
    reduction if sites are chunked), two small numbers per point kept, no string per point.
    ``best.site.values[best.site_index]`` gives the labels.
    """
    import xarray as xr

    index = ds.dv_m_s.argmin("site").astype(np.int16)
    index.attrs = {"long_name": "position of the cheapest site in the site coordinate"}
    best = xr.Dataset({"site_index": index, "dv_m_s": ds.dv_m_s.min("site", keep_attrs=True)})
    return best.assign_coords(site=ds.site)


def max_payload(ds):
    """The largest payload of each vehicle over the whole sweep [kg], and where (a streaming dask reduction)."""
    other = [d for d in ds.payload_kg.dims if d != "vehicle"]
    return ds.payload_kg.max(other)
