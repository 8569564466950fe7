import os
import sys

import numpy as np
import pytest
from hypothesis import settings

sys.path.insert(0, os.path.dirname(__file__))

# JIT compilation happens on first call: no per-example deadline around kernels.
settings.register_profile("orbitcoop", deadline=None, max_examples=60)
settings.load_profile("orbitcoop")


@pytest.fixture
def rng():
    return np.random.default_rng(20261121)
