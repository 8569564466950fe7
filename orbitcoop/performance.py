"""Backwards-compatible home of the payload model (orbitcoop ≤ 0.4): it re-exports the public names.

The code lives in :mod:`orbitcoop.payloads` (estimates, tables, ``can_launch``),
:mod:`orbitcoop.losses` (the calibrated loss constant of a vehicle) and
:mod:`orbitcoop.validation` (published points against estimates).
"""

from orbitcoop.losses import LOSS_SIGMA_M_S, MPS, Calibration, calibration
from orbitcoop.payloads import DEFAULT_PARKING_KM, PayloadEstimate, can_launch, payload, payload_table
from orbitcoop.validation import (
    DOCUMENTED_MEDIAN_ERROR_PCT,
    DOCUMENTED_WORST_ERROR_PCT,
    validation_rows,
    validation_summary,
)

__all__ = [
    "DEFAULT_PARKING_KM",
    "DOCUMENTED_MEDIAN_ERROR_PCT",
    "DOCUMENTED_WORST_ERROR_PCT",
    "LOSS_SIGMA_M_S",
    "MPS",
    "Calibration",
    "PayloadEstimate",
    "calibration",
    "can_launch",
    "payload",
    "payload_table",
    "validation_rows",
    "validation_summary",
]
