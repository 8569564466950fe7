"""Heat maps of sweeps: each writes a PNG; the payload map switches to probabilities when can_launch has them."""

import astropy.units as u
import numpy as np
import pandas as pd

from orbitcoop import heatmaps, payloads

PNG = b"\x89PNG"


def test_cheapest_site_map(tmp_path, monkeypatch):
    monkeypatch.setattr(heatmaps, "INCLINATIONS", np.arange(0.0, 181.0, 30.0) * u.deg)
    monkeypatch.setattr(heatmaps, "ALTITUDES", np.array([300.0, 900.0]) * u.km)
    path = heatmaps.cheapest_site_map(tmp_path / "cheapest.png", sites=("kourou", "baikonur"))
    assert path.read_bytes()[:4] == PNG


def test_payload_map_in_tonnes(tmp_path):
    path = heatmaps.payload_map(tmp_path / "payload.png", vehicles=("vega-c",), sites=("kourou", "baikonur"))
    assert path.read_bytes()[:4] == PNG


def test_payload_map_uses_a_probability_column_when_there_is_one(tmp_path, monkeypatch):
    seen = {}

    def fake_can_launch(mass, orbit, vehicles=None, sites=None):
        seen["called"] = True
        rows = [(v, s, 0.5) for v in vehicles for s in sites]
        return pd.DataFrame(rows, columns=["vehicle", "site", "probability"])

    monkeypatch.setattr(payloads, "can_launch", fake_can_launch)
    path = heatmaps.payload_map(tmp_path / "p.png", vehicles=("vega-c",), sites=("kourou",), mass=1000 * u.kg)
    assert seen["called"] and path.read_bytes()[:4] == PNG
