"""Command line: ``orbitcoop sites | assess | compare | claims | windows | sweep | report``.

All but report and sweep take ``--json``; sweep writes a NetCDF file.

Human output is an aligned table; errors go to stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys

from orbitcoop.terminal import emit, pairs, prepare_streams, table, to_json


def _site_row(s) -> dict:
    return {
        "id": s.id,
        "name": s.name,
        "country": s.country,
        "status": s.status,
        "latitude_deg": s.latitude_deg,
        "longitude_deg": s.longitude_deg,
        "elevation_m": s.elevation_m,
        "parent": s.parent or None,
        "constraints": s.constraints_label,
        "routes": [r.label for r in s.routes],
        "position_source": s.position_source,
    }


def cmd_sites(args) -> int:
    from orbitcoop.sites import list_sites

    rows = [_site_row(s) for s in list_sites(status=args.status)]
    return emit(
        args,
        rows,
        [
            ("id", "id", ""),
            ("country", "country", ""),
            ("status", "status", ""),
            ("latitude_deg", "lat °", ".4f"),
            ("longitude_deg", "lon °", ".4f"),
            ("constraints", "corridor / inclination limits", ""),
        ],
    )


def cmd_assess(args) -> int:
    from orbitcoop.assessment import assess

    result = assess(args.site, args.orbit).to_dict()
    if args.json:
        print(to_json(result))
        return 0
    corridor = {True: "yes", False: "no", "unknown": "unknown"}[result["in_corridor"]]
    print(f"{result['site']} → {result['orbit']}")
    print(
        pairs(
            [
                {"what": "directly reachable", "value": "yes" if result["direct"] else "no"},
                {"what": "inside published corridor", "value": corridor},
                {"what": "strategy", "value": result["strategy"]},
                {
                    "what": "launch azimuth (ground, north/south)",
                    "value": f"{result['azimuth_deg']:.2f}° / {result['azimuth_south_deg']:.2f}°",
                },
                {
                    "what": "launch inclination",
                    "value": f"{result['launch_inclination_deg']:.2f}°"
                    f" (site minimum {result['min_inclination_deg']:.2f}°)",
                },
                *({"what": f"Δv {k.replace('_', ' ')}", "value": f"{v:,.0f} m/s"} for k, v in result["dv_m_s"].items()),
                {"what": "penalty vs an equatorial site", "value": f"{result['dv_penalty_m_s']:+,.0f} m/s"},
            ]
        )
    )
    for note in result["notes"]:
        print(f"  • {note}")
    return 0


def cmd_compare(args) -> int:
    from orbitcoop.assessment import compare

    sites = _ids(args.sites, "--sites")
    df = compare(sites, args.orbit)
    df = df.sort_values("total_dv_m_s", kind="stable")
    rows = df.to_dict(orient="records")
    return emit(
        args,
        rows,
        [
            ("site", "site", ""),
            ("orbit", "orbit", ""),
            ("latitude_deg", "lat °", ".2f"),
            ("direct", "direct", ""),
            ("in_corridor", "corridor", ""),
            ("strategy", "strategy", ""),
            ("launch_inclination_deg", "launch i °", ".2f"),
            ("rotation_gain_m_s", "rotation gain m/s", ".0f"),
            ("plane_change_m_s", "plane change m/s", ".0f"),
            ("dogleg_m_s", "dogleg m/s", ".0f"),
            ("total_dv_m_s", "Δv m/s", ".0f"),
            ("dv_penalty_m_s", "penalty m/s", "+.0f"),
        ],
    )


def cmd_claims(args) -> int:
    from orbitcoop.claims import evaluate_claims

    results = evaluate_claims(args.file)
    if args.json:
        print(to_json([r.to_dict() for r in results]))
        return 0
    rows = [{"id": r.id, "verdict": r.verdict, "numbers": r.key_numbers} for r in results]
    print(table(rows, [("id", "claim", ""), ("verdict", "verdict", ""), ("numbers", "key numbers", "")]))
    return 0


def cmd_report(args) -> int:
    from orbitcoop.report import write_report

    if not args.out.strip():
        raise ValueError("--out is empty: give the folder to write the report into (default: report)")
    paths = write_report(args.out, args.file)
    print(f"wrote {paths['report.md']} and {paths['report.html']} ({len(paths) - 2} figures)")
    return 0


def cmd_vehicles(args) -> int:
    from orbitcoop.losses import calibration
    from orbitcoop.vehicles import MissingVehicleDataError, list_vehicles

    rows = []
    for v in list_vehicles():
        try:
            cal = calibration(v)
            model = f"loss {cal.loss_m_s:.0f} ± {cal.sigma_m_s:.0f} m/s"
        except MissingVehicleDataError as exc:
            model = "unavailable: " + str(exc).split(": ", 1)[-1]
        rows.append(
            {
                "id": v.id,
                "name": v.name,
                "operator": v.operator,
                "home_sites": ", ".join(v.home_sites),
                "stages": len(v.stages),
                "points": len(v.performance),
                "model": model,
            }
        )
    return emit(
        args,
        rows,
        [
            ("id", "id", ""),
            ("operator", "operator", ""),
            ("home_sites", "home sites", ""),
            ("stages", "stages", "d"),
            ("points", "published points", "d"),
            ("model", "payload model", ""),
        ],
    )


def _ids(text, what):
    """Comma-separated ids from an option; None when the option was not given; an error when it names none."""
    if text is None:
        return None
    ids = [t.strip() for t in text.split(",") if t.strip()]
    if not ids:
        raise ValueError(f"{what} {text!r} names no id: give comma-separated ids")
    return ids


def cmd_payload(args) -> int:
    from orbitcoop.payloads import payload, payload_distribution

    if args.mass is not None and args.samples is None:
        raise ValueError("--mass needs --samples: the probability comes from the payload distribution")
    e = payload(args.vehicle, args.site, args.orbit).to_dict()
    d = None
    if args.samples is not None:
        dist = payload_distribution(args.vehicle, args.site, args.orbit, samples=args.samples, seed=args.seed)
        d = dist.to_dict()
        if args.mass is not None:
            d["mass_kg"], d["probability"] = args.mass, float(dist.probability(args.mass))
    if args.json:
        print(to_json(e if d is None else {**e, "distribution": d}))
        return 0
    print(
        f"{e['vehicle']} from {e['site']} to {e['orbit']}: {e['mass_kg']:,.0f} kg "
        f"(band {e['mass_low_kg']:,.0f}–{e['mass_high_kg']:,.0f} kg){'; ' + e['reason'] if e['reason'] else ''}"
    )
    print(pairs([{"what": k.replace("_", " "), "value": f"{v:,.0f} m/s"} for k, v in e["budget_m_s"].items()]))
    for note in e["notes"]:
        print(f"  • {note}")
    if d is not None:
        print(
            f"distribution ({d['samples']} draws, seed {d['seed']}): median {d['p50_kg']:,.0f} kg, "
            f"80 % between {d['p10_kg']:,.0f} and {d['p90_kg']:,.0f} kg"
            + (f"; P(payload ≥ {d['mass_kg']:,.0f} kg) = {d['probability']:.2f}" if "probability" in d else "")
        )
    return 0


def cmd_can_launch(args) -> int:
    from orbitcoop.payloads import can_launch

    df = can_launch(
        args.mass, args.orbit, vehicles=_ids(args.vehicles, "--vehicles"), sites=_ids(args.sites, "--sites")
    )
    return emit(
        args,
        df.to_dict(orient="records"),
        [
            ("vehicle", "vehicle", ""),
            ("site", "site", ""),
            ("payload_kg", "payload kg", ",.0f"),
            ("margin_kg", "margin kg", "+,.0f"),
            ("margin_pct", "margin %", "+.0f"),
            ("probability", "P(lifts it)", ".2f"),
        ],
    )


def _windows_orbit(args):
    """The target of ``orbitcoop windows``: ORBIT with its node from --ltan/--ltdn/--tle (or one it has)."""
    from orbitcoop.orbits import from_tle, parse_orbit

    if args.tle:
        with open(args.tle, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
        # A 3-line set starts with the object's name; the elements are the lines starting 1 and 2.
        elements = [line for line in lines if line[:2] in ("1 ", "2 ")]
        if len(elements) != 2:
            raise ValueError(
                f"{args.tle}: expected the two lines of a TLE (starting '1 ' and '2 '), found {len(elements)}"
            )
        return from_tle(*elements, name=args.orbit)
    orbit = parse_orbit(args.orbit)
    if args.ltan or args.ltdn:
        orbit = orbit.with_local_time(ltan=args.ltan, ltdn=args.ltdn)
    return orbit


def cmd_windows(args) -> int:
    import astropy.units as u

    from orbitcoop.windows import launch_windows

    sites = _ids(args.site, "SITE")
    budget = None if args.budget is None else args.budget * u.m / u.s
    df = launch_windows(sites, _windows_orbit(args), args.start, days=args.days, dv_budget=budget)
    rows = df.to_dict(orient="records")
    for row in rows:
        for key in ("time", "plane_crossing", "window_open", "window_close"):
            if key in row:
                v = row[key]
                row[key] = None if v is None or v != v else v.strftime("%Y-%m-%d %H:%M:%S")
    columns = [
        ("site", "site", ""),
        ("time", "lift-off UTC", ""),
        ("direction", "pass", ""),
        ("plane_crossing", "plane crossing UTC", ""),
        ("lead_min", "lead min", ".1f"),
        ("azimuth_deg", "azimuth °", ".1f"),
        ("in_corridor", "corridor", ""),
        ("dv_m_s", "Δv m/s", ".0f"),
    ]
    if budget is not None:
        columns += [("window_open", "opens", ""), ("window_close", "closes", "")]
    if "phase_deg" in df:
        columns += [("phase_deg", "phase °", ".0f"), ("phasing_days", "phasing d", ".2f")]
    return emit(args, rows, columns)


def cmd_sweep(args) -> int:
    import time

    import astropy.units as u

    from orbitcoop.grids import BLOCK_POINTS, parse_range, sweep

    sites = _ids(args.sites, "--sites")
    inc = parse_range(args.inclination, "--inclination") * u.deg
    alt = parse_range(args.altitude, "--altitude") * u.km
    vehicles = _ids(args.vehicle, "--vehicle")
    # Chunks along inclination of about one engine block each: the progress bar moves per block.
    n_sites = len(sites) if sites else 40
    per_inc = max(1, BLOCK_POINTS // max(1, n_sites * alt.size))
    start = time.perf_counter()
    ds = sweep(sites, inc, alt, vehicles=vehicles, chunks={"inclination": per_inc})
    if args.scheduler:
        from distributed import Client

        with Client(args.scheduler, timeout="30s"):
            print(f"orbitcoop: computing {ds.dv_m_s.size:,} points on {args.scheduler}", file=sys.stderr)
            ds = ds.compute()
    else:
        from dask.diagnostics import ProgressBar

        with ProgressBar(minimum=1.0, out=sys.stderr):
            ds = ds.compute()
    ds.to_netcdf(args.out)
    dims = " × ".join(f"{n} {d}" for d, n in ds.sizes.items())
    print(f"wrote {args.out}: {dims} ({ds.dv_m_s.size:,} points) in {time.perf_counter() - start:.1f} s")
    return 0


def _skip_blas_check() -> None:
    """Let numba's BLAS probe fail fast in this process: it imports scipy.linalg (~0.2 s of a one-shot
    command, ``python -X importtime``) to support ``np.dot`` in jitted code, which no orbitcoop kernel
    uses. Only numba's own flag is affected; scipy.linalg stays importable (the entry is removed)."""
    if "numba.np.arraymath" in sys.modules or "scipy.linalg" in sys.modules:
        return
    sys.modules["scipy.linalg.cython_blas"] = None
    try:
        import numba.np.arraymath  # noqa: F401
    finally:
        del sys.modules["scipy.linalg.cython_blas"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="orbitcoop", description="Launch-site feasibility and Δv from physics.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sites", help="list the launch-site catalogue")
    s.add_argument("--status", choices=["active", "planned", "retired"])
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sites)
    a = sub.add_parser("assess", help="assess one site and one orbit")
    a.add_argument("site")
    a.add_argument(
        "orbit",
        help="preset (iss, tiangong, geo, gto, gps, glonass, galileo, beidou, molniya, tli, polar) "
        "or leo:ALT:INC, sso:ALT, gto:PERIGEE:APOGEE[:INC], ell:PERIGEE:APOGEE[:INC], gtodv:DV, c3:C3[:INC]",
    )
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_assess)
    c = sub.add_parser("compare", help="compare sites for one orbit")
    c.add_argument("orbit")
    c.add_argument("--sites", help="comma-separated site ids (default: all active sites)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_compare)
    k = sub.add_parser("claims", help="evaluate the claims (built-in or --file) and print verdicts")
    k.add_argument("--file", help="a claims TOML file (schema: docs/claims.md)")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_claims)
    v = sub.add_parser("vehicles", help="list the launch-vehicle catalogue and its payload model")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_vehicles)
    pl = sub.add_parser("payload", help="payload of a vehicle to an orbit, from a site")
    pl.add_argument("vehicle")
    pl.add_argument("orbit")
    pl.add_argument("--site", help="launch site (default: the vehicle's first home site)")
    pl.add_argument(
        "--samples", type=int, help="also give the payload as a distribution of this many Monte Carlo draws"
    )
    pl.add_argument("--seed", type=int, default=0, help="random seed of the draws (default 0)")
    pl.add_argument("--mass", type=float, help="with --samples: the probability that the payload reaches MASS kg")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_payload)
    cl = sub.add_parser("can-launch", help="which vehicles and sites can put MASS kg into ORBIT, and how likely")
    cl.add_argument("mass", type=float, help="payload mass [kg]")
    cl.add_argument("orbit")
    cl.add_argument("--vehicles", help="comma-separated vehicle ids (default: every vehicle the model covers)")
    cl.add_argument("--sites", help="comma-separated site ids (default: each vehicle's home sites)")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(func=cmd_can_launch)
    w = sub.add_parser("windows", help="launch windows: when a site passes under an orbit plane")
    w.add_argument("site", help="site id, or several separated by commas")
    w.add_argument("orbit", help="as for assess (e.g. sso:600, iss); its plane from --ltan/--ltdn/--tle")
    w.add_argument("--start", required=True, help="first day, UTC (e.g. 2026-12-07)")
    w.add_argument("--days", type=float, default=1.0, help="days to list (default 1)")
    node = w.add_mutually_exclusive_group()
    node.add_argument("--ltan", help="local mean time of the ascending node, HH:MM")
    node.add_argument("--ltdn", help="local mean time of the descending node, HH:MM")
    node.add_argument("--tle", help="file with a two-line element set of the target (names it ORBIT)")
    w.add_argument("--budget", type=float, help="Δv budget [m/s] for the window width (opens/closes)")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=cmd_windows)
    g = sub.add_parser(
        "sweep", help="Δv, penalty, strategy (and payload) over sites × inclination × altitude, to NetCDF"
    )
    g.add_argument("--sites", help="comma-separated site ids (default: all active sites)")
    g.add_argument("--inclination", required=True, help="START:STOP:STEP in degrees (e.g. 0:180:1), or one value")
    g.add_argument("--altitude", required=True, help="START:STOP:STEP in km (e.g. 200:2000:50), or one value")
    g.add_argument("--vehicle", help="comma-separated vehicle ids: adds payload_kg")
    g.add_argument("--out", required=True, help="NetCDF file to write (e.g. grid.nc)")
    g.add_argument("--scheduler", help="address of a dask.distributed scheduler (default: this machine)")
    g.set_defaults(func=cmd_sweep)
    r = sub.add_parser("report", help="write the Markdown + HTML report with figures")
    r.add_argument("--out", default="report", help="output folder (default: report)")
    r.add_argument("--file", help="a claims TOML file (default: the built-in claims)")
    r.set_defaults(func=cmd_report)
    return p


#: One-shot commands that evaluate a handful of points: in a fresh process they run the kernels as
#: plain Python. Loading numba's compiled code costs ~0.2 s of start-up, more than the work; the
#: results are the same (tests/test_cli.py compares them; 400 random assessments agree exactly).
#: ORBITCOOP_JIT=1 (or an explicit NUMBA_DISABLE_JIT) keeps the user's choice.
PLAIN_PYTHON_COMMANDS = ("assess", "compare", "sites")


def _plain_python_kernels(command) -> None:
    if (
        command in PLAIN_PYTHON_COMMANDS
        and "numba" not in sys.modules  # only a fresh process: numba reads the flag when imported
        and "NUMBA_DISABLE_JIT" not in os.environ
        and os.environ.get("ORBITCOOP_JIT", "") in ("", "0")
    ):
        os.environ["NUMBA_DISABLE_JIT"] = "1"


def main(argv=None) -> int:
    prepare_streams()
    args = build_parser().parse_args(argv)
    _plain_python_kernels(args.command)
    from astropy.units import UnitsError

    from orbitcoop.errors import OrbitcoopError

    try:
        if args.command not in ("sites", "vehicles") and os.environ.get("NUMBA_DISABLE_JIT", "0") in ("", "0"):
            _skip_blas_check()
        return args.func(args)
    except (OrbitcoopError, UnitsError, ValueError, LookupError) as exc:
        print(f"orbitcoop: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `orbitcoop compare geo | head`: the reader left, not an error
        sys.stderr.close()
        return 0
    except OSError as exc:  # a path the user gave that cannot be read or written (report --out)
        print(f"orbitcoop: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("orbitcoop: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug or an input no check foresaw: one line, never a traceback
        print(f"orbitcoop: internal error ({type(exc).__name__}): {exc}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
