"""The payload distribution's cost against the point estimate, in one run.

Prints the machine, versions, the sample counts and the time of: the point estimate
(``payload``), one distribution (``payload_distribution``) with a vehicle's sampled figures
already drawn and not, ``can_launch`` over every vehicle's home sites (one kernel call for all
rows) and the coverage of docs/validation.md. JIT and catalogue caches are warmed first, so the
times are steady-state. Not a test: nothing here asserts a time.
Run: python benchmarks/bench_payload_distribution.py
"""

import os
import platform
import sys
import time

import astropy.units as u
import numba
import numpy as np

from orbitcoop import uncertainty
from orbitcoop.payloads import can_launch, payload, payload_distribution
from orbitcoop.validation import coverage_rows

CASE = ("ariane-62", "kourou", "gto")


def best_of(fn, repeat=3, clear=None):
    fn()  # warm: JIT, catalogue caches, validation gaps
    times = []
    for _ in range(repeat):
        if clear:
            clear()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"numpy {np.__version__}, numba {numba.__version__}")
    point = best_of(lambda: payload(*CASE))
    print(f"  payload {CASE}: {1e3 * point:8.1f} ms")
    for n in (500, 2000, 10000):
        warm = best_of(lambda n=n: payload_distribution(*CASE, samples=n))
        cold = best_of(
            lambda n=n: payload_distribution(*CASE, samples=n), clear=uncertainty.vehicle_samples.cache_clear
        )
        print(
            f"  payload_distribution, {n:6d} samples: {1e3 * cold:8.1f} ms drawing the vehicle's figures, "
            f"{1e3 * warm:8.1f} ms with them drawn ({cold / point:.0f}× / {warm / point:.0f}× the point estimate)"
        )
    t = best_of(lambda: can_launch(2000 * u.kg, "sso:700"), clear=uncertainty.vehicle_samples.cache_clear)
    rows = len(can_launch(2000 * u.kg, "sso:700"))
    print(f"  can_launch(2000 kg, sso:700), {rows} rows, every vehicle's figures drawn: {t:6.2f} s")
    t = best_of(coverage_rows, repeat=1, clear=uncertainty.vehicle_samples.cache_clear)
    print(f"  coverage of 13 validation points, 2000 samples each: {t:6.2f} s")


if __name__ == "__main__":
    main()
