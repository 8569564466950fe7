"""Scale: assess_many / payload_many rows, sweep throughput on 1 and 2 dask workers, a streaming
reduction with its peak memory, and plain numpy on the same grid, in one run.

Prints the machine, versions, N and ratios; asserts nothing. Run:
``python benchmarks/bench_scale.py [--reduce-points 10000000]`` (docs/scale.md quotes a run).
"""

import argparse
import os
import platform
import subprocess
import sys
import threading
import time

import astropy.units as u
import numpy as np

import orbitcoop
from orbitcoop.core.constants import GM_EARTH_M3_S2, WGS84_A_M

sys.path.insert(0, os.path.dirname(__file__))
from bench_kernels import numpy_insertion_grid

MU = GM_EARTH_M3_S2
ORBITS = ["iss", "geo", "gto", "sso:700", "polar", "leo:500:45", "tli", "gps", "molniya"]


def header():
    import dask
    import numba
    import xarray

    print(f"machine: {platform.machine()} cores={os.cpu_count()} python={platform.python_version()}")
    print(
        f"numpy {np.__version__}  numba {numba.__version__}  xarray {xarray.__version__}  dask {dask.__version__}  "
        f"orbitcoop {orbitcoop.__version__}  load average {os.getloadavg()[0]:.1f}"
    )


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def bench_rows(n=100_000):
    rng = np.random.default_rng(0)
    sites = [s.id for s in orbitcoop.list_sites(status="active")]
    rows = {
        "site": rng.choice(sites, n),
        "orbit": rng.choice(ORBITS, n),
        "parking_altitude_km": rng.choice([180.0, 200.0, 250.0], n),
    }
    orbitcoop.assess_many({k: v[:10] for k, v in rows.items()})  # warm: JIT caches, catalogues
    t_many, _ = timed(lambda: orbitcoop.assess_many(rows))
    m = 300
    t_loop, _ = timed(
        lambda: [
            orbitcoop.assess(rows["site"][k], rows["orbit"][k], rows["parking_altitude_km"][k] * u.km) for k in range(m)
        ]
    )
    per = t_loop / m
    print(f"\nassess_many: {n:,} mixed rows ({len(sites)} sites × {len(ORBITS)} orbits × 3 parking altitudes)")
    print(f"  assess_many                         {t_many:8.3f} s   ({t_many / n * 1e6:6.2f} µs/row)   target ≤ 1 s")
    print(f"  assess() per row, loop of {m}       {per * 1e6:8.1f} µs/row → {per * n:6.1f} s for {n:,}")
    print(f"  ratio loop / assess_many = {per * n / t_many:,.0f}×")
    vehicles = [v.id for v in orbitcoop.list_vehicles()]
    prow = {"vehicle": rng.choice(vehicles, n), "site": rng.choice(sites[:12], n), "orbit": rng.choice(ORBITS[:5], n)}
    t_pay, df = timed(lambda: orbitcoop.payload_many(prow))
    print(
        f"  payload_many {n:,} rows ({len(vehicles)} vehicles × 12 sites × 5 orbits): {t_pay:6.3f} s "
        f"({df['payload_kg'].isna().mean():.0%} rows without an estimate)"
    )


def numpy_direct(lat, alt, inc, h_m):
    """A plain-numpy sweep of a simpler model: the insertion Δv of a direct ascent to each altitude
    (no parking orbit, corridors, routes or split plane changes), computed at every grid point."""
    return numpy_insertion_grid(lat, alt, inc, np.sqrt(MU / (WGS84_A_M + h_m)))


def bench_sweep():
    from distributed import Client, LocalCluster

    sites = ["kourou", "baikonur", "vostochny", "tanegashima", "wenchang", "vandenberg", "cape-canaveral", "plesetsk"]
    inc = np.arange(0.0, 180.01, 0.5) * u.deg
    alt = np.arange(200.0, 2000.1, 25.0) * u.km
    n = len(sites) * inc.size * alt.size
    print(f"\nsweep: {len(sites)} sites × {inc.size} inclinations × {alt.size} altitudes = {n:,} points")
    orbitcoop.sweep(sites[:1], inclination=inc[:3], altitude=alt[:3])  # warm
    t_eager, ds = timed(lambda: orbitcoop.sweep(sites, inclination=inc, altitude=alt))
    print(f"  in process, eager                   {t_eager:8.2f} s   {n / t_eager:12,.0f} points/s")
    chunks = {"inclination": 46}  # 8 blocks of ~27k points: work for 2 workers, a few for each
    import dask

    lazy = orbitcoop.sweep(sites, inclination=inc, altitude=alt, chunks=chunks)
    with dask.config.set(scheduler="threads", num_workers=2):
        lazy.compute()
        t, _ = timed(lazy.compute)
    print(f"  in process, lazy, same 8 blocks on 2 threads {t:8.2f} s   {n / t:12,.0f} points/s")
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
            ) as cluster,
            Client(cluster) as client,
        ):
            lazy = orbitcoop.sweep(sites, inclination=inc, altitude=alt, chunks=chunks)
            # Warm every worker (imports, numba cache, site caches) with the same run, then time it.
            t_cold, _ = timed(lambda lazy=lazy, client=client: client.compute(lazy).result())
            t, remote = timed(lambda lazy=lazy, client=client: client.compute(lazy).result())
        same = bool((remote.dv_m_s == ds.dv_m_s).all())
        print(
            f"  LocalCluster {workers} worker(s), warm          {t:8.2f} s   {n / t:12,.0f} points/s   equal: {same}   "
            f"(first run {t_cold:.2f} s)"
        )
    lat = np.radians([orbitcoop.get_site(s).latitude_deg for s in sites])
    el = np.array([orbitcoop.get_site(s).elevation_m or 0.0 for s in sites])
    numpy_direct(lat, el, np.radians(inc.value), alt.to_value(u.m))
    t_np, _ = timed(lambda: numpy_direct(lat, el, np.radians(inc.value), alt.to_value(u.m)))
    print(f"  plain numpy, direct-ascent insertion only (simpler model) {t_np:8.3f} s   {n / t_np:12,.0f} points/s")
    print(
        f"  ratio orbitcoop/numpy time = {t_eager / t_np:,.1f}× for the full plan (parking orbit, transfer, "
        "corridors, routes, strategy) against one formula"
    )


class PeakRSS:
    """Peak resident memory of this process while the block runs (sampled from /proc every 20 ms)."""

    def __enter__(self):
        self.peak = self.base = self._rss()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._watch, daemon=True)
        self._t.start()
        return self

    @staticmethod
    def _rss():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _watch(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._rss())

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._rss())


def bench_reduction(points):
    import dask

    from orbitcoop._inputs import as_sites
    from orbitcoop.grids import cheapest_site

    sites = [s.id for s in as_sites(None)]
    n_alt = 500
    n_inc = max(1, points // (len(sites) * n_alt))
    inc = np.linspace(0.0, 180.0, n_inc) * u.deg
    alt = np.linspace(200.0, 2000.0, n_alt) * u.km
    n = len(sites) * n_inc * n_alt
    # Blocks of ~4·10⁵ points: the task graph costs ~8 kB per block (92k blocks of 10⁵ points would
    # hold 0.8 GiB of graph at 10⁹ points), the temporaries ~300 B per point of a block in flight.
    per_block = max(1, 400_000 // (len(sites) * n_alt))
    lazy = orbitcoop.sweep(sites, inclination=inc, altitude=alt, chunks={"inclination": per_block})
    best = cheapest_site(lazy)
    full_gib = n * (8 + 8 + 1) / 2**30
    out_mib = n_inc * n_alt * (8 + 2) / 2**20
    print(
        f"\nStreaming reduction: cheapest of {len(sites)} sites per inclination × altitude, {n:,} points, dask threads"
    )
    blocks = lazy.dv_m_s.data.npartitions
    print(
        f"  {blocks:,} blocks of {len(sites) * per_block * n_alt:,} points; the grid would be {full_gib:.2f} GiB, "
        f"the result is {out_mib:.0f} MiB"
    )
    with dask.config.set(scheduler="threads", num_workers=2), PeakRSS() as mem:
        t, _ = timed(best.compute)
    print(
        f"  {t:8.1f} s   {n / t:12,.0f} points/s   peak RSS {mem.peak / 2**30:.2f} GiB "
        f"(+{(mem.peak - mem.base) / 2**20:.0f} MiB over the {mem.base / 2**20:.0f} MiB before)"
    )
    print(
        f"  extrapolated to 10⁹ points at this rate: {1e9 / (n / t) / 60:.0f} min; memory is the result "
        f"(≈{1e9 / n * out_mib:.0f} MiB at 10⁹) plus the blocks in flight"
    )


def bench_cli():
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    cmd = [sys.executable, "-m", "orbitcoop", "assess", "vostochny", "sso:700"]
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    ts = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        ts.append(time.perf_counter() - t)
    imp = {}
    for mod in ("numpy", "numba", "astropy.units", "scipy.linalg"):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {mod}"], env=env, check=True)
        imp[mod] = time.perf_counter() - t
    base = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    base = time.perf_counter() - base
    print(f"\nCLI one-shot `orbitcoop assess vostochny sso:700`: best {min(ts):.2f} s wall of 3 (target 0.6 s)")
    print(
        "  a bare interpreter " + f"{base:.2f} s; import alone: " + ", ".join(f"{k} {v:.2f} s" for k, v in imp.items())
    )


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--reduce-points", type=float, default=1e7)
    args = p.parse_args()
    header()
    bench_rows()
    bench_sweep()
    bench_reduction(int(args.reduce_points))
    bench_cli()
