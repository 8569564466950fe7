"""Build orbitcoop/data/naturalearth/ne_110m_admin0.npz, the basemap the site map draws.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain,
https://www.naturalearthdata.com), as bundled by geopandas 0.14.4 (``naturalearth_lowres``;
Natural Earth 5.1, Crimea assigned to Ukraine, per the geopandas 0.12 and 0.12.2 changelog).
geopandas >= 1.0 no longer ships it, so the wheel is pinned.

The shapefile is read here, at build time, with pyshp; the package reads the result with
numpy alone. Run (network to PyPI needed only to fetch the wheel)::

    pip install pyshp            # in any environment; not an orbitcoop dependency
    python tools/build_basemap.py                     # downloads geopandas==0.14.4 with pip
    python tools/build_basemap.py --wheel path/to/geopandas-0.14.4-py3-none-any.whl

The output is byte-for-byte reproducible (fixed zip timestamps, sorted, float32):

* ``land_lonlat`` (N, 2) float32 and ``land_offsets`` (R + 1,) int32: every polygon ring
  (outer rings and holes), ring k is ``land_lonlat[land_offsets[k]:land_offsets[k + 1]]``;
* ``coast_lonlat`` / ``coast_offsets``: polylines of ring edges that belong to one country
  only (coastlines), without the artificial edges along the ±180° meridian;
* ``border_lonlat`` / ``border_offsets``: polylines of edges two countries share (land borders);
* ``source``: a one-line credit.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "orbitcoop" / "data" / "naturalearth" / "ne_110m_admin0.npz"
SOURCE = (
    "Natural Earth 1:110m Admin 0 - Countries (v5.1, public domain, naturalearthdata.com), "
    "from geopandas 0.14.4 naturalearth_lowres; built by tools/build_basemap.py"
)
# Vertices closer than this [deg] are the same vertex when matching shared edges (float32 is ~1e-5°).
SNAP_DEG = 1e-6


def read_rings(wheel: Path) -> list[np.ndarray]:
    """Every ring of every country polygon in the wheel's shapefile, as (n, 2) float64 lon/lat."""
    import shapefile  # pyshp, build time only

    with zipfile.ZipFile(wheel) as zf:
        parts = {ext: io.BytesIO(zf.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"])
    if reader.shapeType != shapefile.POLYGON:
        raise SystemExit(f"expected a polygon shapefile, got shape type {reader.shapeType}")
    rings = []
    for shape in reader.shapes():
        pts = np.asarray(shape.points, dtype=float)
        bounds = [*shape.parts, len(pts)]
        for a, b in itertools.pairwise(bounds):
            ring = pts[a:b]
            if len(ring) >= 4:
                rings.append(ring)
    return rings


def _key(p) -> tuple[int, int]:
    return (round(p[0] / SNAP_DEG), round(p[1] / SNAP_DEG))


def split_edges(rings: list[np.ndarray]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Coastline and border polylines: an edge found in two rings (either direction) is a border.

    A border edge is kept once (from the first ring that has it); the edges along the ±180°
    meridian, where Natural Earth splits Russia, Fiji and Antarctica, are neither.
    """
    count: dict[tuple, int] = {}
    for ring in rings:
        for p, q in itertools.pairwise(ring):
            edge = tuple(sorted((_key(p), _key(q))))
            count[edge] = count.get(edge, 0) + 1
    seen: set[tuple] = set()
    coasts, borders = [], []
    for ring in rings:
        kinds = []
        for p, q in itertools.pairwise(ring):
            edge = tuple(sorted((_key(p), _key(q))))
            if abs(p[0]) == 180.0 and abs(q[0]) == 180.0:
                kinds.append("cut")
            elif count[edge] == 1:
                kinds.append("coast")
            elif edge in seen:
                kinds.append("done")
            else:
                seen.add(edge)
                kinds.append("border")
        # Start at a change of kind so that a run does not straddle the ring's closing vertex.
        start = next((k for k in range(len(kinds)) if kinds[k] != kinds[k - 1]), 0)
        kinds = kinds[start:] + kinds[:start]
        verts = np.concatenate([ring[start:-1], ring[: start + 1]]) if start else ring
        k = 0
        while k < len(kinds):
            j = k
            while j < len(kinds) and kinds[j] == kinds[k]:
                j += 1
            {"coast": coasts, "border": borders}.get(kinds[k], []).append(verts[k : j + 1])
            k = j
    return coasts, borders


def _pack(lines: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.zeros(len(lines) + 1, dtype=np.int32)
    offsets[1:] = np.cumsum([len(x) for x in lines])
    return np.concatenate(lines).astype(np.float32), offsets


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like numpy.savez_compressed, but with fixed timestamps so the bytes are reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asanyarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue(), compresslevel=9)


def build(wheel: Path, out: Path = OUT) -> Path:
    rings = read_rings(wheel)
    coasts, borders = split_edges(rings)
    land, land_off = _pack(rings)
    coast, coast_off = _pack(coasts)
    border, border_off = _pack(borders)
    write_npz(
        out,
        {
            "land_lonlat": land,
            "land_offsets": land_off,
            "coast_lonlat": coast,
            "coast_offsets": coast_off,
            "border_lonlat": border,
            "border_offsets": border_off,
            "source": np.array(SOURCE),
        },
    )
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    print(
        f"{out}: {out.stat().st_size} bytes, sha256 {digest}…; {len(rings)} rings ({len(land)} vertices), "
        f"{len(coasts)} coast lines, {len(borders)} border lines"
    )
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL} wheel (default: pip download it)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.wheel:
        build(args.wheel, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", WHEEL, "-d", tmp]
        subprocess.run(cmd, check=True)
        (wheel,) = Path(tmp).glob("geopandas-*.whl")
        build(wheel, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
