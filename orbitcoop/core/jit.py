"""The one place that sets numba options for orbitcoop's kernels.

A kernel is written once, as a scalar function compiled by :data:`jit`. Its array
version is a numpy ufunc derived from that scalar (:class:`Kernel`), so numpy
broadcasting comes for free and there is no Python loop over elements. Each
array version exists twice, a serial ufunc (cheap on a few values) and a
``parallel`` one (spreads a large array over the cores); :meth:`Kernel.__call__`
picks by size. Both are built on first use, not at import, so that importing the
kernels stays cheap (benchmarks/bench_import.py).
"""

import math

import numba
import numpy as np
from numba import njit, vectorize

#: False when NUMBA_DISABLE_JIT=1: the same kernels then run as plain Python.
JIT_ENABLED = not numba.config.DISABLE_JIT

#: Arrays with at least this many elements go to the parallel ufunc; below it
#: thread start-up costs more than it saves (benchmarks/bench_kernels.py).
PARALLEL_THRESHOLD = 50_000

#: Scalar kernels: nopython, cached on disk so the JIT cost is paid once per machine.
jit = njit(cache=True, nogil=True)


#: Array version of every kernel, by name (filled by :func:`kernel`).
KERNELS = {}


class Kernel:
    """The array version of a scalar ``@jit`` kernel: a ufunc derived from it.

    Calling it evaluates the scalar kernel elementwise over broadcast float64
    arrays (a numpy scalar for scalar input). ``scalar`` is the compiled scalar
    function; ``py_func`` the plain-Python original.
    """

    def __init__(self, scalar, nin):
        self.scalar = scalar
        self.nin = nin
        self.py_func = getattr(scalar, "py_func", scalar)
        self.__doc__ = scalar.__doc__
        self.__name__ = self.py_func.__name__
        self._serial = None
        self._parallel = None

    def _build(self, target):
        if not JIT_ENABLED:
            return np.vectorize(self.py_func, otypes=[np.float64])
        sig = numba.float64(*([numba.float64] * self.nin))
        return vectorize([sig], target=target, cache=True)(self.py_func)

    @property
    def serial(self):
        if self._serial is None:
            self._serial = self._build("cpu")
        return self._serial

    @property
    def parallel(self):
        if self._parallel is None:
            self._parallel = self._build("parallel")
        return self._parallel

    def __call__(self, *args):
        arrays = [np.asarray(a, dtype=np.float64) for a in args]
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
        size = math.prod(shape)
        fn = self.parallel if size >= PARALLEL_THRESHOLD else self.serial
        out = fn(*arrays)
        return np.asarray(out, dtype=np.float64) if shape else np.float64(out)

    def __repr__(self):
        return f"<orbitcoop kernel {self.__name__}({self.nin} args)>"


def kernel(nin):
    """Decorator: compile a scalar kernel with :data:`jit` and register its array version.

    The decorated name stays the scalar dispatcher, so kernels call each other
    directly; the array version is ``orbitcoop.core.vec.<name>``.
    """

    def wrap(fn):
        scalar = jit(fn)
        if fn.__name__ in KERNELS:
            raise RuntimeError(f"two kernels are named {fn.__name__!r}")
        KERNELS[fn.__name__] = Kernel(scalar, nin)
        return scalar

    return wrap
