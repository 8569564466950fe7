"""Where users run orbitcoop: read-only installs, forked workers, threads, edited vehicles, odd terminals.

Each test reproduces a failure reported in issue 17 and passes only with its fix. The process
tests run a fresh interpreter (``python -c``) so that first-call behaviour is what is tested.
"""

import dataclasses
import json
import math
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import astropy.units as u
import pytest

import orbitcoop
from orbitcoop.cli import main
from orbitcoop.errors import InputRangeError
from orbitcoop.orbits import LEO, TargetOrbit
from orbitcoop.vehicles import VehicleDataError, get_vehicle, load_vehicles

ROOT = Path(__file__).resolve().parents[1]


def _run(code, env=None, timeout=240, cmd_prefix=()):
    """Run ``code`` in a fresh interpreter with orbitcoop importable; (returncode, stdout, stderr)."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run(
        [*cmd_prefix, sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return out.returncode, out.stdout, out.stderr


def _can_make_read_only_mounts():
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


read_only_mounts = pytest.mark.skipif(
    not _can_make_read_only_mounts(), reason="needs unshare(1) with user and mount namespaces (Linux)"
)


def _read_only_run(code, read_only, env):
    """Run ``code`` with every folder in ``read_only`` remounted read-only in a private namespace."""
    script = "set -e\n" + "".join(
        f'mount --bind "{d}" "{d}"; mount -o remount,bind,ro "{d}" "{d}"\n' for d in read_only
    )
    script += f'exec "{sys.executable}" -c "$ORBITCOOP_CODE"\n'
    env = dict(env, ORBITCOOP_CODE=textwrap.dedent(code))
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(["unshare", "-rm", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=600)
    return out.returncode, out.stdout, out.stderr


ASSESS = """
import orbitcoop
from orbitcoop.core.jit import CACHE_FALLBACK
a = orbitcoop.assess("kourou", "geo")
print(round(a.total_dv.value), CACHE_FALLBACK["cache"], CACHE_FALLBACK["dir"])
"""


@pytest.mark.slow
@read_only_mounts
def test_read_only_install_and_home_fall_back_to_a_temporary_cache(tmp_path):
    # Issue 17.1: package folder and HOME read-only, no NUMBA_CACHE_DIR: numba found no cache
    # locator and the first call died ("cannot cache function 'axis_distance'").
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env.update(HOME=str(home), TMPDIR=str(tmp_path))
    code, out, err = _read_only_run(ASSESS, [ROOT / "orbitcoop", home], env)
    assert code == 0, err[-2000:]
    dv, cached, where = out.split()
    assert int(dv) == round(orbitcoop.assess("kourou", "geo").total_dv.value)
    assert cached == "True" and where.startswith(str(tmp_path))


@pytest.mark.slow
@read_only_mounts
def test_no_writable_folder_at_all_still_answers(tmp_path):
    # Package, HOME, a pre-warmed NUMBA_CACHE_DIR and every temporary folder read-only: compile in memory.
    home, cache, tmp = tmp_path / "home", tmp_path / "cache", tmp_path / "tmp"
    for d in (home, cache, tmp):
        d.mkdir()
    env = dict(os.environ, HOME=str(home), NUMBA_CACHE_DIR=str(cache), TMPDIR=str(tmp))
    code, out, err = _read_only_run(
        f"import os; os.chdir({str(tmp)!r})\n" + ASSESS, [ROOT / "orbitcoop", home, cache, tmp, "/tmp", "/var/tmp"], env
    )
    assert code == 0, err[-2000:]
    dv, cached = out.split()[:2]
    assert int(dv) == round(orbitcoop.assess("kourou", "geo").total_dv.value)
    assert cached == "False"


@pytest.mark.slow
def test_fork_after_a_parallel_call_keeps_the_workers_alive():
    from orbitcoop.core.jit import PARALLEL_MIN_SIZE

    assert PARALLEL_MIN_SIZE <= 400_000  # the large calls below must enter a parallel region
    # Issue 17.2: with GNU OpenMP a fork after a parallel region killed the children and map hung.
    code, out, err = _run(
        """
        import multiprocessing as mp
        import numpy as np, astropy.units as u, orbitcoop
        orbitcoop.assess("kourou", "geo")
        orbitcoop.gto_to_geo_dv(np.linspace(0, 50, 400_000) * u.deg)   # large: runs in parallel
        def f(site):
            return round(orbitcoop.assess(site, "iss").total_dv.value)
        with mp.get_context("fork").Pool(2) as pool:
            print(pool.map_async(f, ["kourou", "baikonur", "tanegashima"]).get(timeout=120))
        """
    )
    assert code == 0, err[-2000:]
    expected = [round(orbitcoop.assess(s, "iss").total_dv.value) for s in ("kourou", "baikonur", "tanegashima")]
    assert json.loads(out) == expected


@pytest.mark.slow
def test_threads_in_parallel_regions_and_first_calls():
    # Issue 17.2/17.3: 8 threads making their first calls together (lazy imports raced into
    # _DeadlockError), then large parallel calls from 4 threads at once (workqueue aborts on
    # concurrent entry unless serialised). Three fresh processes: the race was intermittent.
    script = """
        import threading
        import numpy as np, astropy.units as u, orbitcoop
        calls = [
            lambda: orbitcoop.assess("kourou", "geo"),
            lambda: orbitcoop.payload("falcon-9", "cape-canaveral", "iss"),
            lambda: orbitcoop.compare(["kourou"], ["iss"]),
            lambda: orbitcoop.geo_transfer("kourou"),
            lambda: orbitcoop.payload("h-iia-202", "tanegashima", "gto"),
            lambda: orbitcoop.sso_inclination(700 * u.km),
            lambda: orbitcoop.can_launch(1000 * u.kg, "iss"),
            lambda: orbitcoop.launch_azimuth("kourou", 10 * u.deg),
            lambda: orbitcoop.gto_to_geo_dv(np.linspace(0, 50, 400_000) * u.deg).sum(),
        ]
        errors = []
        def run(k, barrier):
            barrier.wait()
            try:
                calls[k % len(calls)]()
            except Exception as exc:
                errors.append(repr(exc))
        for n in (8, 4):
            barrier = threading.Barrier(n)
            ks = range(n) if n == 8 else [8] * n
            threads = [threading.Thread(target=run, args=(k, barrier)) for k in ks]
            [t.start() for t in threads]
            [t.join() for t in threads]
        print(errors)
    """
    for _ in range(3):
        code, out, err = _run(script)
        assert code == 0, err[-2000:]
        assert out.strip() == "[]"


def test_edited_vehicles_are_checked_when_made():
    # Issue 17.4: NaN or zero Isp, absurd burn counts hung payload() or divided by zero.
    f9 = get_vehicle("falcon-9")
    core = f9.stages[0]
    for change, field in (
        (dict(isp_vac_s=math.nan), "isp_vac_s"),
        (dict(isp_vac_s=0.0), "isp_vac_s"),
        (dict(departure_burns=10**9), "departure_burns"),
        (dict(departure_burns=None), "departure_burns"),
        (dict(propellant_mass_kg=-5.0), "propellant_mass_kg"),
    ):
        with pytest.raises(VehicleDataError, match=field):
            dataclasses.replace(core, **change)
    with pytest.raises(VehicleDataError, match="stages"):
        dataclasses.replace(f9, stages=())
    no_home = dataclasses.replace(f9, home_sites=())
    with pytest.raises(orbitcoop.MissingVehicleDataError, match="home_sites"):
        orbitcoop.payload(no_home, orbit="iss")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('[vehicle]\nid = "x"\n', "[[vehicle]] tables"),
        ("", "[[vehicle]] tables"),
        (
            '[[vehicle]]\nid = "x"\nhome_sites = ["kourou"]\n[[vehicle.stage]]\nid = "s"\nisp_vac_s = 300\n'
            '[[vehicle.performance]]\nsource = "s"\n',
            "payload_kg",
        ),
        (
            '[[vehicle]]\nid = "x"\nhome_sites = ["kourou"]\n[[vehicle.stage]]\nid = "s"\n'
            "[[vehicle.performance]]\npayload_kg = 1.0\n"
            'role = "calibration"\norbit_spec = ["sso:500"]\nsource = "s"\n',
            "orbit_spec",
        ),
        ('[[vehicle]]\nid = "x"\nhome_sites = "kourou"\n[[vehicle.stage]]\nid = "s"\n', "home_sites"),
        ("a = " + "[" * 50_000 + "]" * 50_000, "not valid TOML"),
    ],
)
def test_malformed_vehicle_files_name_the_problem(tmp_path, text, needle):
    p = tmp_path / "v.toml"
    p.write_text(text)
    with pytest.raises(VehicleDataError, match=r".*" + needle.replace("[", r"\[").replace("]", r"\]")):
        load_vehicles(p)


def test_unreadable_vehicle_files_name_the_file(tmp_path):
    with pytest.raises(VehicleDataError, match=r"missing\.toml.*cannot read"):
        load_vehicles(tmp_path / "missing.toml")
    p = tmp_path / "latin1.toml"
    p.write_bytes('[[vehicle]]\nid = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(VehicleDataError, match=r"latin1\.toml.*UTF-8"):
        load_vehicles(p)


def test_target_orbits_are_range_checked_when_made():
    # Issue 17.6/17.7: 2e9° gave Δv 2.8e124 m/s; NaN altitudes gave NaN and invalid JSON;
    # arrays gave numpy's "only 0-dimensional arrays can be converted".
    with pytest.raises(InputRangeError, match="inclination_deg = 2e\\+09"):
        TargetOrbit("x", 400.0, 400.0, 2e9)
    with pytest.raises(InputRangeError, match="perigee_altitude_km = nan"):
        TargetOrbit("x", math.nan, 400.0, 51.6)
    with pytest.raises(InputRangeError, match="altitude must be a single number"):
        LEO([400, 500] * u.km, 51.6)
    with pytest.raises(InputRangeError, match="inclination must be a number"):
        LEO(400, "junk")


def test_cli_on_an_ascii_terminal():
    # Issue 17.8: PYTHONIOENCODING=ascii made the CLI exit 2 on '→'; --json too.
    env = dict(os.environ, PYTHONIOENCODING="ascii", PYTHONPATH=str(ROOT))
    for args in (["assess", "kourou", "geo"], ["assess", "kourou", "geo", "--json"], ["sites"]):
        out = subprocess.run([sys.executable, "-m", "orbitcoop", *args], env=env, capture_output=True, timeout=120)
        assert out.returncode == 0, out.stderr.decode("ascii", "replace")
        text = out.stdout.decode("ascii")  # raises if anything but ASCII was written
        if "--json" in args:
            assert json.loads(text)["orbit"] == "Geostationary orbit"
        else:
            assert "->" in text or "deg" in text


def test_cli_never_prints_a_traceback(tmp_path, capsys):
    # Issue 17.5/17.10: deep nesting, wrong types and empty options end in one line, exit 2 or 70.
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 50_000 + "]" * 50_000)
    bad_vehicles = tmp_path / "v.toml"
    bad_vehicles.write_text('[vehicle]\nid = "x"\n')
    for argv in (
        ["compare", "geo", "--sites", ""],
        ["compare", "geo", "--sites", " , "],
        ["report", "--out", ""],
        ["claims", "--file", str(deep)],
    ):
        code = main(argv)
        err = capsys.readouterr().err
        assert code in (2, 70), argv
        assert err.startswith("orbitcoop: ") and "Traceback" not in err and err.count("\n") == 1, (argv, err)
    assert main(["compare", "geo", "--sites", "kourou,"]) == 0
    assert "kourou" in capsys.readouterr().out


def test_caches_stay_bounded():
    # Issue 17.9: 40,000 assess calls with distinct parking altitudes left 40,001 cache entries.
    from orbitcoop.reach import reachable_intervals

    for k in range(6000):
        orbitcoop.assess("kourou", "iss", parking_altitude=(180.0 + k * 1e-3) * u.km)
    assert reachable_intervals.cache_info().currsize <= reachable_intervals.cache_info().maxsize == 4096


def test_small_calls_compile_one_signature_per_kernel():
    # Issue 17.11: scalar/array mixes compiled a variant each (17 for one kernel in a fuzz run).
    # Below PARALLEL_MIN_SIZE every argument reaches the serial loop as a float64 array.
    from orbitcoop.core.jit import KERNELS

    for inc, alt in ((30 * u.deg, 200 * u.km), ([30, 40] * u.deg, 200 * u.km), (30 * u.deg, [200, 300] * u.km)):
        orbitcoop.launch_azimuth("kourou", inc, altitude=alt)
        orbitcoop.rotation_gain(10 * u.deg, inc, altitude=alt)
    for name in ("launch_azimuth_ground", "rotation_gain"):
        serial = KERNELS[name].loop._serial
        assert serial is None or len(serial.signatures) <= 1, (name, serial.signatures)
