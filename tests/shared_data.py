"""Where the project's shared folder is: beside the checkout (as CI lays it), or /work/shared.

``ORBITCOOP_SHARED`` overrides both. Tests that need it skip, saying why, where it is absent.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The first of $ORBITCOOP_SHARED, <checkout>/../shared and /work/shared that exists (else the last)."""
    candidates = [Path(p) for p in (os.environ.get("ORBITCOOP_SHARED"),) if p]
    candidates += [ROOT.parent / "shared", Path("/work/shared")]
    return next((p for p in candidates if p.is_dir()), candidates[-1])
