"""The one place that sets numba options for orbitcoop's kernels.

A kernel is written once, as a scalar function compiled by :data:`jit`. Its array
version (:class:`Kernel`, reached as ``orbitcoop.core.vec.<name>``) evaluates it
elementwise with numpy broadcasting and no Python loop: a ``prange`` loop calls
the scalar kernel, which numba inlines, so loop-invariant work on scalar
arguments is hoisted, nothing is allocated but the output, and LLVM can emit
SIMD code (benchmarks/bench_kernels.py measures it). The loops are cached on
disk like the kernels; numba ufuncs are not used because their wrappers are
rebuilt in every process (~50 ms each) and they recompute invariants per element.

With ``NUMBA_DISABLE_JIT=1`` everything runs as plain Python (``np.vectorize``).
"""

import numba
import numpy as np
from numba import njit, prange, types
from numba.extending import overload

#: False when NUMBA_DISABLE_JIT=1: the same kernels then run as plain Python.
JIT_ENABLED = not numba.config.DISABLE_JIT

#: Scalar kernels: nopython, no GIL, cached on disk so the JIT cost is paid once per machine.
#: error_model="numpy": a division by zero gives inf/NaN like numpy instead of raising, so
#: kernels never raise (tests/test_properties.py pins a case that once raised).
jit = njit(cache=True, nogil=True, error_model="numpy")
#: Array loops: the same, spread over the cores with ``prange``.
jit_parallel = njit(cache=True, parallel=True, error_model="numpy")

#: Array version of every kernel, by name (filled by :func:`kernel`).
KERNELS = {}


def _pick(a, k):  # pragma: no cover - replaced by the overload below inside numba
    return a[k] if isinstance(a, np.ndarray) else a


@overload(_pick, inline="always")
def _pick_overload(a, k):
    if isinstance(a, types.Array):
        return lambda a, k: a[k]
    return lambda a, k: a


def _array_loop(scalar, nin):
    """A cached ``prange`` loop calling ``scalar`` elementwise: ``loop(a0, ..., out)``.

    Written out per kernel (numba cannot cache a loop that takes the kernel as an
    argument: a dispatcher's type differs in every process). The source is
    compiled with the kernel's own file name, so numba's on-disk cache finds it
    beside the kernel and invalidates it when that file changes.
    """
    py = scalar.py_func
    name = f"{py.__name__}_array_loop"
    names = [f"a{k}" for k in range(nin)]
    src = (
        f"def {name}({', '.join(names)}, out):\n"
        f"    for k in prange(out.shape[0]):\n"
        f"        out[k] = scalar({', '.join(f'_pick({n}, k)' for n in names)})\n"
    )
    namespace = {"prange": prange, "scalar": scalar, "_pick": _pick, "__name__": py.__module__}
    exec(compile(src, py.__code__.co_filename, "exec"), namespace)
    return jit_parallel(namespace[name])


class Kernel:
    """The array version of a scalar ``@jit`` kernel (see the module docstring).

    ``scalar`` is the compiled scalar function; ``py_func`` the plain-Python original.
    """

    def __init__(self, scalar, nin):
        self.scalar = scalar
        self.nin = nin
        self.py_func = getattr(scalar, "py_func", scalar)
        self.__doc__ = scalar.__doc__
        self.__name__ = self.py_func.__name__
        self._loop = None

    @property
    def loop(self):
        """The cached parallel loop over the scalar kernel (built on first use)."""
        if self._loop is None:
            self._loop = _array_loop(self.scalar, self.nin)
        return self._loop

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
        if not JIT_ENABLED:
            result = np.vectorize(self.py_func, otypes=[np.float64])(*arrays)
            if out is None:
                return result
            out[...] = result
            return out
        # One flat index for every argument: ravel is a view for a full-shape contiguous
        # array and a copy for one that varies along only some axes (or is strided).
        flat = [float(a) if not a.ndim else np.ravel(np.broadcast_to(a, shape)) for a in arrays]
        result = np.empty(shape) if out is None else out
        self.loop(*flat, result.reshape(-1))
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
