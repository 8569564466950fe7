"""The one place that sets numba options for orbitcoop's kernels.

A kernel is written once, as a scalar function compiled by :data:`jit`. Its array
version (:class:`Kernel`, reached as ``orbitcoop.core.vec.<name>``) evaluates it
elementwise with numpy broadcasting and no Python loop:

* large arrays whose array arguments all have the full broadcast shape and are
  contiguous (the usual case: one array and some scalars): a ``prange`` loop
  calls the scalar kernel, which numba inlines, so loop-invariant work on the
  scalar arguments is hoisted, nothing is allocated but the output, and LLVM
  can emit SIMD code (benchmarks/bench_kernels.py measures it).
* small arrays (below :data:`PARALLEL_THRESHOLD` elements, where threads cost
  more than they save) and general broadcasting (shapes that differ): a numpy
  ufunc derived from the same scalar kernel.

With ``NUMBA_DISABLE_JIT=1`` everything runs as plain Python (``np.vectorize``).
"""

import math

import numba
import numpy as np
from numba import njit, prange, types, vectorize
from numba.extending import overload

#: False when NUMBA_DISABLE_JIT=1: the same kernels then run as plain Python.
JIT_ENABLED = not numba.config.DISABLE_JIT

#: Arrays with at least this many elements are split over threads.
PARALLEL_THRESHOLD = 20_000

#: Scalar kernels: nopython, no GIL, cached on disk so the JIT cost is paid once per machine.
jit = njit(cache=True, nogil=True)

#: Array version of every kernel, by name (filled by :func:`kernel`).
KERNELS = {}


def _pick(a, k):  # pragma: no cover - replaced by the overload below inside numba
    return a[k] if isinstance(a, np.ndarray) else a


@overload(_pick, inline="always")
def _pick_overload(a, k):
    if isinstance(a, types.Array):
        return lambda a, k: a[k]
    return lambda a, k: a


# One loop per arity; `fn` is the scalar kernel (a first-class dispatcher, inlined).
@njit(cache=True, parallel=True)
def _loop2(fn, a, b, out):
    for k in prange(out.shape[0]):
        out[k] = fn(_pick(a, k), _pick(b, k))


@njit(cache=True, parallel=True)
def _loop3(fn, a, b, c, out):
    for k in prange(out.shape[0]):
        out[k] = fn(_pick(a, k), _pick(b, k), _pick(c, k))


@njit(cache=True, parallel=True)
def _loop4(fn, a, b, c, d, out):
    for k in prange(out.shape[0]):
        out[k] = fn(_pick(a, k), _pick(b, k), _pick(c, k), _pick(d, k))


@njit(cache=True, parallel=True)
def _loop5(fn, a, b, c, d, e, out):
    for k in prange(out.shape[0]):
        out[k] = fn(_pick(a, k), _pick(b, k), _pick(c, k), _pick(d, k), _pick(e, k))


@njit(cache=True, parallel=True)
def _loop6(fn, a, b, c, d, e, f, out):
    for k in prange(out.shape[0]):
        out[k] = fn(_pick(a, k), _pick(b, k), _pick(c, k), _pick(d, k), _pick(e, k), _pick(f, k))


_LOOPS = {2: _loop2, 3: _loop3, 4: _loop4, 5: _loop5, 6: _loop6}


class Kernel:
    """The array version of a scalar ``@jit`` kernel (see the module docstring).

    ``scalar`` is the compiled scalar function; ``py_func`` the plain-Python original.
    """

    def __init__(self, scalar, nin):
        if nin not in _LOOPS:
            raise ValueError(f"kernels take 2 to 6 arguments, not {nin}")
        self.scalar = scalar
        self.nin = nin
        self.py_func = getattr(scalar, "py_func", scalar)
        self.__doc__ = scalar.__doc__
        self.__name__ = self.py_func.__name__
        self._ufunc = None

    @property
    def ufunc(self):
        """The numpy ufunc derived from the scalar kernel (general broadcasting)."""
        if self._ufunc is None:
            if JIT_ENABLED:
                sig = numba.float64(*([numba.float64] * self.nin))
                self._ufunc = vectorize([sig], cache=True)(self.py_func)
            else:
                self._ufunc = np.vectorize(self.py_func, otypes=[np.float64])
        return self._ufunc

    def __call__(self, *args, out=None):
        """Evaluate elementwise; ``out`` (float64, C-contiguous, broadcast shape) is filled and returned."""
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__} takes {self.nin} arguments, got {len(args)}")
        arrays = [np.asarray(a, dtype=np.float64) for a in args]
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
        if out is not None and (out.shape != shape or out.dtype != np.float64 or not out.flags.c_contiguous):
            raise ValueError(f"out must be a C-contiguous float64 array of shape {shape}")
        if not shape:
            return np.float64(self.scalar(*(float(a) for a in arrays)))
        size = math.prod(shape)
        if (
            not JIT_ENABLED
            or size < PARALLEL_THRESHOLD
            or any(a.ndim and (a.shape != shape or not a.flags.c_contiguous) for a in arrays)
        ):
            if out is None:
                return np.asarray(self.ufunc(*arrays), dtype=np.float64)
            out[...] = self.ufunc(*arrays)
            return out
        result = np.empty(shape) if out is None else out
        _LOOPS[self.nin](self.scalar, *(a.reshape(-1) if a.ndim else float(a) for a in arrays), result.reshape(-1))
        return result

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
