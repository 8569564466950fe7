"""orbitcoop against plain numpy and boinor's object API, side by side in one run.

Prints the machine, versions, N, the time per element of each implementation and
the ratios. Not a test: nothing here asserts a time. Run: python benchmarks/bench_kernels.py
"""

import math
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

import orbitcoop
from orbitcoop.core import vec
from orbitcoop.core.azimuth import insertion_dv_grid
from orbitcoop.core.constants import GEO_RADIUS_M, GM_EARTH_M3_S2, OMEGA_EARTH_RAD_S, WGS84_A_M, WGS84_E2

MU = GM_EARTH_M3_S2
RP = WGS84_A_M + 250e3
RG = GEO_RADIUS_M


def best_of(fn, repeat=5):
    fn()  # warm: JIT, caches, page tables
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def row(name, seconds, n, ref=None):
    per = seconds / n * 1e9
    ratio = f"{ref / seconds:10.1f}×" if ref else ""
    print(f"  {name:<58s} {per:12.3f} ns/elem {ratio}")
    return seconds


def header():
    import boinor
    import numba

    print(
        f"machine: {platform.machine()} {platform.processor() or ''} cores={os.cpu_count()} "
        f"python={platform.python_version()}"
    )
    print(
        f"numpy {np.__version__}  numba {numba.__version__} (threads {numba.get_num_threads()})  "
        f"boinor {boinor.__version__}  orbitcoop {orbitcoop.__version__}"
    )


# ------------------------------------------------------------------ GTO -> GEO


def numpy_gto_geo(inc):
    va = math.sqrt(MU / RG) * math.sqrt(2 * RP / (RP + RG))
    vc = math.sqrt(MU / RG)
    return np.sqrt(va * va + vc * vc - 2 * va * vc * np.cos(inc))


def boinor_gto_geo(inc_deg):
    import astropy.units as u
    from boinor.bodies import Earth
    from boinor.twobody import Orbit

    a = (RP + RG) / 2 * u.m
    ecc = (RG - RP) / (RG + RP) * u.one
    gto = Orbit.from_classical(Earth, a, ecc, inc_deg * u.deg, 0 * u.deg, 0 * u.deg, -180 * u.deg)
    geo = Orbit.circular(Earth, alt=RG * u.m - Earth.R)
    va = np.linalg.norm(gto.v.to_value(u.m / u.s))
    vc = np.linalg.norm(geo.v.to_value(u.m / u.s))
    return math.sqrt(va * va + vc * vc - 2 * va * vc * math.cos(math.radians(inc_deg)))


def bench_gto(n):
    import astropy.units as u

    print(f"\nGTO→GEO apogee burn (law of cosines), N = {n:,} inclinations")
    inc = np.random.default_rng(1).uniform(0, math.pi, n)
    out = np.empty(n)
    t_np = row("numpy (same formula)", best_of(lambda: numpy_gto_geo(inc)), n)
    t_k = row(
        "orbitcoop kernel vec.gto_geo_apogee_dv, fresh output",
        best_of(lambda: vec.gto_geo_apogee_dv(MU, inc, RP, RG)),
        n,
        t_np,
    )
    t_o = row(
        "orbitcoop kernel, out= reused", best_of(lambda: vec.gto_geo_apogee_dv(MU, inc, RP, RG, out=out)), n, t_np
    )
    q = np.degrees(inc) * u.deg
    row(
        "orbitcoop API gto_to_geo_dv (Quantity in/out)",
        best_of(
            lambda: orbitcoop.gto_to_geo_dv(q, perigee_altitude=250 * u.km, apogee_altitude=(RG - WGS84_A_M) * u.m)
        ),
        n,
        t_np,
    )
    m = 200
    t_b = best_of(lambda: [boinor_gto_geo(x) for x in np.linspace(0, 60, m)], repeat=3) / m
    print(f"  {'boinor objects (Orbit.from_classical + Orbit.circular) per eval':<58s} {t_b * 1e9:12.0f} ns/eval")
    check = abs(boinor_gto_geo(28.5) - vec.gto_geo_apogee_dv(MU, math.radians(28.5), RP, RG))
    print(
        f"  ratios: numpy/orbitcoop = {t_np / t_k:.1f}× (fresh), {t_np / t_o:.1f}× (reused);"
        f" boinor/orbitcoop per eval = {t_b / (t_k / n):,.0f}×;  |boinor − orbitcoop| at 28.5° = {check:.2e} m/s"
    )


# ------------------------------------------------------------------ site × inclination × altitude


def numpy_insertion_grid(lat, alt, inc, v):
    """The same model as the kernel, in numpy broadcasting over (site, inclination, speed)."""
    n = WGS84_A_M / np.sqrt(1 - WGS84_E2 * np.sin(lat) ** 2)
    latc = np.arctan2((n * (1 - WGS84_E2) + alt) * np.sin(lat), (n + alt) * np.cos(lat))
    vr = (OMEGA_EARTH_RAD_S * (n + alt) * np.cos(lat))[:, None, None]
    c = np.cos(latc)[:, None]
    ratio = np.cos(inc)[None, :] / c
    reach = np.abs(ratio) <= 1
    i_min = np.abs(latc)[:, None]
    edge = np.where(inc[None, :] < i_min, i_min, np.pi - i_min)
    s = np.where(reach, ratio, np.sign(ratio))[:, :, None]
    turn = np.where(reach, 0.0, np.sin(np.abs(inc[None, :] - edge) / 2))[:, :, None]
    v = v[None, None, :]
    return np.sqrt((v - vr) ** 2 + 2 * v * vr * (1 - s)) + 2 * v * turn


def boinor_point(h_km, i_deg):
    import astropy.units as u
    from boinor.bodies import Earth
    from boinor.twobody import Orbit

    return np.linalg.norm(Orbit.circular(Earth, alt=h_km * u.km, inc=i_deg * u.deg).v.to_value(u.m / u.s))


def bench_grid():
    sites = [s for s in orbitcoop.list_sites() if s.status == "active"]
    lat = np.radians([s.latitude_deg for s in sites])
    alt = np.array([s.elevation_m or 0.0 for s in sites])
    n_inc, n_alt = 1800, max(1, -(-10_000_000 // (len(sites) * 1800)))
    inc = np.linspace(0, math.pi, n_inc)
    v = np.sqrt(MU / (WGS84_A_M + np.linspace(150e3, 2000e3, n_alt)))
    n = lat.size * n_inc * n_alt
    print(f"\nInsertion Δv grid: {lat.size} sites × {n_inc} inclinations × {n_alt} altitudes = {n:,} points")
    out = np.empty((lat.size, n_inc, n_alt))
    t_np = row("numpy broadcasting (same model)", best_of(lambda: numpy_insertion_grid(lat, alt, inc, v), 3), n)
    t_k = row(
        "orbitcoop fused grid kernel, fresh output",
        best_of(lambda: insertion_dv_grid(lat, alt, inc, v, np.empty((lat.size, n_inc, n_alt))), 3),
        n,
        t_np,
    )
    row(
        "orbitcoop fused grid kernel, out= reused",
        best_of(lambda: insertion_dv_grid(lat, alt, inc, v, out), 3),
        n,
        t_np,
    )
    err = np.max(np.abs(out - numpy_insertion_grid(lat, alt, inc, v)) / out)
    m = 200
    t_b = best_of(lambda: [boinor_point(300.0, x) for x in np.linspace(0, 180, m)], repeat=3) / m
    print(f"  {'boinor Orbit.circular per point (construction only)':<58s} {t_b * 1e9:12.0f} ns/eval")
    print(
        f"  ratios: numpy/orbitcoop = {t_np / t_k:.1f}×; boinor/orbitcoop per eval = {t_b / (t_k / n):,.0f}×;"
        f"  max rel. difference orbitcoop vs numpy = {err:.1e}"
    )


# ------------------------------------------------------------------ optimal split


def numpy_split(v1, vt1, vt2, v2, di):
    """The kernel's algorithm in numpy over the batch: Newton from the small-angle optimum."""

    def parts(va, vb, x):
        h = np.sin(x / 2)
        g = np.sqrt((vb - va) ** 2 + 4 * va * vb * h * h)
        sx, cx = 2 * h * np.sqrt(1 - h * h), 1 - 2 * h * h
        return g, va * vb * sx / g, va * vb * (cx * g * g - va * vb * sx * sx) / g**3

    k1, k2 = v1 * vt1 / abs(vt1 - v1), vt2 * v2 / abs(v2 - vt2)
    s = np.full_like(di, k2 / (k1 + k2))
    for _ in range(12):
        _, d1, c1 = parts(v1, vt1, s * di)
        _, d2, c2 = parts(vt2, v2, (1 - s) * di)
        step = (d1 - d2) / ((c1 + c2) * di)
        s = np.clip(s - step, 0, 1)
        if np.max(np.abs(step)) < 1e-9:  # as the kernel: quadratic convergence, no confirming step
            break
    return parts(v1, vt1, s * di)[0] + parts(vt2, v2, (1 - s) * di)[0]


def boinor_split_eval(inc_deg):
    import astropy.units as u
    from boinor.bodies import Earth
    from boinor.maneuver import Maneuver
    from boinor.twobody import Orbit
    from scipy.optimize import minimize_scalar

    man = Maneuver.hohmann(Orbit.circular(Earth, alt=250 * u.km), RG * u.m)
    dv1, dv2 = (np.linalg.norm(d.to_value(u.m / u.s)) for _, d in man.impulses)
    v1 = math.sqrt(MU / RP)
    vt1, v2 = v1 + dv1, math.sqrt(MU / RG)
    vt2 = v2 - dv2
    di = math.radians(inc_deg)

    def f(s):
        return math.sqrt(v1**2 + vt1**2 - 2 * v1 * vt1 * math.cos(s * di)) + math.sqrt(
            vt2**2 + v2**2 - 2 * vt2 * v2 * math.cos((1 - s) * di)
        )

    return minimize_scalar(f, bounds=(0, 1), method="bounded").fun


def bench_split(n):
    print(f"\nOptimal plane-change split, parking 250 km → GEO, N = {n:,} inclinations")
    di = np.random.default_rng(2).uniform(0, math.radians(60), n)
    v1 = math.sqrt(MU / RP)
    vt1 = v1 * math.sqrt(2 * RG / (RP + RG))
    v2 = math.sqrt(MU / RG)
    vt2 = v2 * math.sqrt(2 * RP / (RP + RG))
    t_np = row("numpy, same Newton iteration (batch)", best_of(lambda: numpy_split(v1, vt1, vt2, v2, di), 2), n)
    t_k = row("orbitcoop vec.transfer_dv", best_of(lambda: vec.transfer_dv(MU, RP, RG, RG, di), 3), n, t_np)
    m = 50
    t_b = best_of(lambda: [boinor_split_eval(x) for x in np.linspace(0, 60, m)], repeat=3) / m
    print(f"  {'boinor Maneuver.hohmann + scipy minimize_scalar per eval':<58s} {t_b * 1e9:12.0f} ns/eval")
    err = np.max(np.abs(vec.transfer_dv(MU, RP, RG, RG, di[:1000]) - numpy_split(v1, vt1, vt2, v2, di[:1000])))
    print(
        f"  ratios: numpy/orbitcoop = {t_np / t_k:.1f}×; boinor/orbitcoop per eval = {t_b / (t_k / n):,.0f}×;"
        f"  max |orbitcoop − numpy| = {err:.1e} m/s"
    )


# ------------------------------------------------------------------ escape


def numpy_escape(c3):
    v1 = math.sqrt(MU / RP)
    return np.sqrt(2 * MU / RP + c3) - v1


def boinor_escape(c3_km2_s2):
    import astropy.units as u
    from boinor.bodies import Earth
    from boinor.twobody import Orbit

    rp = RP * u.m
    a = -Earth.k / (c3_km2_s2 * u.km**2 / u.s**2)
    hyp = Orbit.from_classical(Earth, a.to(u.km), (1 - rp / a).to(u.one), 0 * u.deg, 0 * u.deg, 0 * u.deg, 0 * u.deg)
    park = Orbit.circular(Earth, alt=rp - Earth.R)
    return np.linalg.norm(hyp.v.to_value(u.m / u.s)) - np.linalg.norm(park.v.to_value(u.m / u.s))


def bench_escape(n):
    print(f"\nEscape burn from a 250 km parking orbit, N = {n:,} values of C3")
    c3 = np.random.default_rng(2).uniform(0.1e6, 100e6, n)
    out = np.empty(n)
    t_np = row("numpy (same formula)", best_of(lambda: numpy_escape(c3)), n)
    t_k = row(
        "orbitcoop kernel vec.escape_dv, out= reused", best_of(lambda: vec.escape_dv(MU, RP, c3, 0.0, out=out)), n, t_np
    )
    m = 200
    t_b = best_of(lambda: [boinor_escape(x) for x in np.linspace(1, 100, m)], repeat=3) / m
    print(f"  {'boinor objects (hyperbolic Orbit.from_classical + Orbit.circular)':<58s} {t_b * 1e9:12.0f} ns/eval")
    check = abs(boinor_escape(10.0) - vec.escape_dv(MU, RP, 10e6, 0.0))
    print(
        f"  ratios: numpy/orbitcoop = {t_np / t_k:.1f}×; boinor/orbitcoop per eval = {t_b / (t_k / n):,.0f}×;"
        f"  |boinor − orbitcoop| at C3 = 10 = {check:.2e} m/s"
    )


# ------------------------------------------------------------------ finite burn


def numpy_burns(r0, v0, m0, thrust, isp, energy):
    """All burns at once: RK4 in lockstep (each with the kernel's step: 1° of arc, at most a tenth of
    the impulsive burn time), thrust along the velocity; the step that crosses each burn's target
    energy is cut to length by regula falsi on the step length, as the kernel does."""
    ve = 9.80665 * isp
    mdot = thrust / ve
    t_imp = m0 * -np.expm1(-(np.sqrt(2 * (energy + MU / r0)) - v0) / ve) / mdot
    h = np.minimum(t_imp / 10, np.pi / 180 * r0 / v0)

    def deriv(s, m):
        r3 = np.hypot(s[0], s[1]) ** 3
        a = thrust / (m * np.hypot(s[2], s[3]))
        return np.stack([s[2], s[3], -MU * s[0] / r3 + a * s[2], -MU * s[1] / r3 + a * s[3]])

    def step(s, m, dt):
        k1 = deriv(s, m)
        k2 = deriv(s + 0.5 * dt * k1, m - 0.5 * mdot * dt)
        k3 = deriv(s + 0.5 * dt * k2, m - 0.5 * mdot * dt)
        k4 = deriv(s + dt * k3, m - mdot * dt)
        return s + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)

    def miss(s):
        return 0.5 * (s[2] ** 2 + s[3] ** 2) - MU / np.hypot(s[0], s[1]) - energy

    s = np.stack([r0, np.zeros_like(r0), np.zeros_like(r0), v0])
    t = np.zeros_like(r0)
    start, t_start, f_lo, f_hi = s.copy(), np.zeros_like(r0), np.zeros_like(r0), np.zeros_like(r0)
    crossed = np.zeros(r0.shape, bool)
    while not crossed.all():
        nxt = step(s, m0 - mdot * t, h)
        f = miss(nxt)
        new = ~crossed & (f >= 0)
        start[:, new], t_start[new], f_lo[new], f_hi[new] = s[:, new], t[new], miss(s)[new], f[new]
        crossed |= new
        s, t = np.where(crossed, s, nxt), np.where(crossed, t, t + h)
    lo, hi = np.zeros_like(r0), h.copy()
    for _ in range(40):
        mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        f = miss(step(start, m0 - mdot * t_start, mid))
        up = f >= 0
        hi, f_hi = np.where(up, mid, hi), np.where(up, f, f_hi)
        lo, f_lo = np.where(up, lo, mid), np.where(up, f_lo, f)
        f_lo, f_hi = np.where(up, f_lo * 0.5, f_lo), np.where(up, f_hi, f_hi * 0.5)
    return ve * np.log(m0 / (m0 - mdot * (t_start + mid)))


def boinor_burn(r0, m0, thrust, isp, t_burn):
    import astropy.units as u
    from boinor.bodies import Earth
    from boinor.core.propagation import func_twobody
    from boinor.twobody import Orbit
    from boinor.twobody.propagation import CowellPropagator

    mdot = thrust / (9.80665 * isp)

    def f(t0, u_, k):
        du = func_twobody(t0, u_, k)
        du[3:] += thrust / (m0 - mdot * t0) / 1e3 * u_[3:] / np.linalg.norm(u_[3:])
        return du

    park = Orbit.circular(Earth, alt=(r0 - Earth.R.to_value(u.m)) * u.m)
    return park.propagate(t_burn * u.s, method=CowellPropagator(rtol=1e-11, f=f))


def bench_finite_burn(n):
    print(f"\nFinite burn out of a 200 km orbit along the velocity (Fregat-like, 1.5-4 km/s), N = {n:,} burns")
    rng = np.random.default_rng(3)
    r0 = np.full(n, WGS84_A_M + 200e3)
    v0 = np.sqrt(MU / r0)
    m0 = rng.uniform(6e3, 10e3, n)
    thrust, isp = np.full(n, 19850.0), np.full(n, 333.2)
    energy = 0.5 * (v0 + rng.uniform(1500.0, 4000.0, n)) ** 2 - MU / r0
    out = np.empty(n)
    t_np = row(
        "numpy (same equations, all burns in lockstep)",
        best_of(lambda: numpy_burns(r0, v0, m0, thrust, isp, energy), 3),
        n,
    )
    t_k = row(
        "orbitcoop kernel vec.tangential_burn_dv, out= reused",
        best_of(lambda: vec.tangential_burn_dv(r0, v0, m0, thrust, isp, energy, 0.0, out=out)),
        n,
        t_np,
    )
    dv = vec.tangential_burn_dv(r0[0], v0[0], m0[0], 19850.0, 333.2, energy[0], 0.0)
    t_burn = m0[0] * -math.expm1(-dv / (9.80665 * 333.2)) / (19850.0 / (9.80665 * 333.2))
    t_b = best_of(lambda: boinor_burn(r0[0], m0[0], 19850.0, 333.2, t_burn), repeat=3)
    print(f"  {'boinor Orbit.propagate, CowellPropagator + thrust (per burn)':<58s} {t_b * 1e9:12.0f} ns/eval")
    got = boinor_burn(r0[0], m0[0], 19850.0, 333.2, t_burn)
    check = abs(got.energy.to_value("m2/s2") - energy[0]) / abs(energy[0])
    diff = np.nanmax(np.abs(numpy_burns(r0, v0, m0, thrust, isp, energy) - out))
    print(
        f"  ratios: numpy/orbitcoop = {t_np / t_k:.1f}×; boinor/orbitcoop per burn = {t_b / (t_k / n):,.0f}×;"
        f"  |numpy − orbitcoop| ≤ {diff:.1e} m/s; boinor's energy at orbitcoop's burn time off by {check:.1e}"
    )


# ------------------------------------------------------------------ API-level


def bench_api():
    from orbitcoop.orbits import presets

    sites = orbitcoop.list_sites()
    orbits = list(presets().values())
    times = [best_of(lambda: orbitcoop.compare(sites, orbits), repeat=1) for _ in range(5)]
    print(
        f"\ncompare(all {len(sites)} sites × all {len(orbits)} presets = {len(sites) * len(orbits)} rows), warm: "
        f"{statistics.median(times) * 1e3:.1f} ms (median of 5)"
    )
    from orbitcoop.performance import payload_table

    orbit_list = ["leo:400:51.6", "sso:700", "gto", "gtodv:1500", "geo", "iss", "tli", "gps", "c3:10"]
    times = [best_of(lambda: payload_table(sites="all", orbits=orbit_list), repeat=1) for _ in range(5)]
    n = len(payload_table(sites="all", orbits=orbit_list))
    print(
        f"payload matrix (every usable vehicle × every active site × {len(orbit_list)} orbits = {n} rows), "
        f"warm: {statistics.median(times) * 1e3:.1f} ms (median of 5)"
    )
    code = "import time; t=time.perf_counter(); import orbitcoop; print(time.perf_counter()-t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    print(f"import orbitcoop: {statistics.median(runs) * 1e3:.1f} ms (median of 5, fresh interpreters)")
    code = (
        "import time; t=time.perf_counter(); import orbitcoop; orbitcoop.assess('tanegashima','geo');"
        " print(time.perf_counter()-t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    print(f"import + first assess (JIT cache warm on disk): {statistics.median(runs) * 1e3:.0f} ms (median of 3)")


def bench_crossover():
    """Serial against parallel loop by size: where PARALLEL_MIN_SIZE (core/jit.py) should sit."""
    from orbitcoop.core.jit import PARALLEL_MIN_SIZE

    k = vec.gto_geo_apogee_dv
    k.loop.serial(np.zeros(1), 0.0, 1.0, 1.0, np.empty(1))  # compile both versions before timing
    k.loop.parallel(np.zeros(1), 0.0, 1.0, 1.0, np.empty(1))
    print(f"\nSerial vs parallel loop (GTO→GEO kernel), PARALLEL_MIN_SIZE = {PARALLEL_MIN_SIZE:,}")
    for n in (1, 100, 1_000, 10_000, 20_000, 100_000, 1_000_000):
        inc = np.linspace(0.0, 0.9, n)
        out = np.empty(n)
        reps = max(3, min(2000, 200_000 // n))
        ts, tp = (
            best_of(lambda f=f, inc=inc, out=out, reps=reps: [f(inc, MU, RP, RG, out) for _ in range(reps)], 3) / reps
            for f in (k.loop.serial, k.loop.parallel)
        )
        print(
            f"  N = {n:>9,}: serial {ts * 1e6:10.2f} µs   parallel {tp * 1e6:10.2f} µs   serial/parallel {ts / tp:6.2f}"
        )


def bench_scalar_under_load():
    """Warm scalar assess/payload, idle and with both cores busy (2 spinning processes)."""
    import multiprocessing as mp

    def timings():
        calls = (
            ("assess('vostochny', 'sso:700')", lambda: orbitcoop.assess("vostochny", "sso:700")),
            (
                "payload('falcon-9', 'cape-canaveral', 'iss')",
                lambda: orbitcoop.payload("falcon-9", "cape-canaveral", "iss"),
            ),
        )
        out = []
        for name, fn in calls:
            fn()
            ts = []
            for _ in range(101):
                t = time.perf_counter()
                fn()
                ts.append(time.perf_counter() - t)
            out.append((name, statistics.median(ts)))
        return out

    print("\nWarm scalar calls (median of 101), idle and with both cores busy")
    idle = timings()
    spinners = [mp.get_context("spawn").Process(target=_spin, args=(4.0,)) for _ in range(os.cpu_count() or 2)]
    for p in spinners:
        p.start()
    time.sleep(0.5)
    busy = timings()
    for p in spinners:
        p.join()
    for (name, t_idle), (_, t_busy) in zip(idle, busy, strict=True):
        print(f"  {name:<48s} idle {t_idle * 1e3:7.3f} ms   busy {t_busy * 1e3:7.3f} ms")


def _spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


if __name__ == "__main__":
    header()
    bench_crossover()
    bench_scalar_under_load()
    bench_gto(10_000_000)
    bench_grid()
    bench_split(10_000_000)
    bench_escape(10_000_000)
    bench_finite_burn(20_000)
    bench_api()
