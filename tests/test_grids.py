"""sweep: eager against lazy, against assess, NetCDF round trip, reductions, and a dask.distributed cluster."""

import astropy.units as u
import numpy as np
import pytest
import xarray as xr

import orbitcoop
from orbitcoop.batch import STRATEGIES
from orbitcoop.errors import InputRangeError
from orbitcoop.grids import cheapest_site, max_payload

SITES = ["kourou", "baikonur", "vostochny"]
INC = np.arange(0.0, 180.0, 7.5) * u.deg
ALT = np.array([150.0, 200.0, 400.0, 1200.0, 35786.0]) * u.km


@pytest.fixture(scope="module")
def eager():
    return orbitcoop.sweep(SITES, inclination=INC, altitude=ALT, vehicles=["vega-c", "soyuz-2.1b-fregat"])


def test_sweep_labels_and_units(eager):
    assert eager.dv_m_s.dims == ("site", "inclination", "altitude")
    assert eager.payload_kg.dims == ("vehicle", "site", "inclination", "altitude")
    assert eager.dv_m_s.attrs["units"] == "m/s" and eager.inclination.attrs["units"] == "deg"
    assert eager.altitude.attrs["units"] == "km" and eager.payload_kg.attrs["units"] == "kg"
    assert eager.strategy.dtype == np.int8 and "0: direct" in eager.strategy.attrs["legend"]


def test_sweep_points_equal_assess(eager):
    for site, inc, alt in [("kourou", 0.0, 35786.0), ("baikonur", 52.5, 400.0), ("vostochny", 97.5, 150.0)]:
        a = orbitcoop.assess(site, f"leo:{alt:g}:{inc:g}")
        point = eager.sel(site=site, inclination=inc, altitude=alt)
        assert float(point.dv_m_s) == a.total_dv.to_value("m/s")
        assert float(point.penalty_m_s) == a.dv_penalty.to_value("m/s")
        assert STRATEGIES[int(point.strategy)] == a.strategy


def test_cheapest_site(eager):
    best = cheapest_site(eager)
    assert best.site_index.dtype == np.int16 and (best.dv_m_s == eager.dv_m_s.min("site")).all()
    assert eager.site.values[best.site_index.sel(inclination=0.0, altitude=400.0).item()] == "kourou"


def test_lazy_sweep_equals_eager_and_streams(eager):
    lazy = orbitcoop.sweep(
        SITES,
        inclination=INC,
        altitude=ALT,
        vehicles=["vega-c", "soyuz-2.1b-fregat"],
        chunks={"inclination": 7, "altitude": 2},
    )
    assert lazy.dv_m_s.chunks is not None
    xr.testing.assert_identical(lazy.compute(), eager)
    xr.testing.assert_identical(cheapest_site(lazy).compute(), cheapest_site(eager))
    xr.testing.assert_identical(max_payload(lazy).compute(), max_payload(eager))


def test_orbit_sweep_and_netcdf(tmp_path):
    ds = orbitcoop.sweep(["kourou", "tanegashima"], orbits=["geo", "iss", "sso:700"], chunks=2)
    path = tmp_path / "grid.nc"
    ds.to_netcdf(path, engine="scipy")
    back = xr.load_dataset(path, engine="scipy")
    xr.testing.assert_equal(back, ds.compute())
    assert back.strategy.attrs["legend"] == ds.strategy.attrs["legend"]
    assert STRATEGIES[int(back.strategy.sel(site="tanegashima", orbit="geo"))] == "gto split"


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"inclination": [10] * u.deg}, "inclination and altitude"),
        ({"inclination": [10] * u.deg, "altitude": [400] * u.km, "orbits": ["geo"]}, "not both"),
        ({"inclination": [190] * u.deg, "altitude": [400] * u.km}, "inclination = 190"),
        ({"orbits": []}, "empty"),
        ({"orbits": ["geo"], "chunks": {"nope": 2}}, "nope"),
    ],
)
def test_sweep_rejects_bad_input(kwargs, match):
    with pytest.raises(InputRangeError, match=match):
        orbitcoop.sweep(["kourou"], **kwargs)


@pytest.mark.slow
def test_sweep_on_a_local_cluster_equals_in_process(eager):
    distributed = pytest.importorskip("distributed")
    lazy = orbitcoop.sweep(
        SITES, inclination=INC, altitude=ALT, vehicles=["vega-c", "soyuz-2.1b-fregat"], chunks={"inclination": 12}
    )
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        distributed.Client(cluster, timeout="60s") as client,
    ):
        remote = client.compute(lazy).result(timeout=120)
        best = client.compute(cheapest_site(lazy)).result(timeout=120)
    xr.testing.assert_identical(remote, eager)
    xr.testing.assert_identical(best, cheapest_site(eager))
