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

import os
import tempfile
import threading
import types as pytypes

import numba
import numpy as np
from numba import njit, prange, types
from numba.extending import overload

#: False when NUMBA_DISABLE_JIT=1: the same kernels then run as plain Python.
JIT_ENABLED = not numba.config.DISABLE_JIT

# Threading policy. numba's default layer on Linux is GNU OpenMP, which is not fork-safe: a
# process that forks after a parallel region (multiprocessing's "fork" start method, a forked
# Dask or gunicorn worker) gets children that die ("fork() called from a process already using
# GNU OpenMP"). The workqueue layer is fork-safe but not thread-safe (two threads entering a
# parallel region at once abort the process), so parallel regions are serialised with a lock,
# and small calls never enter one (PARALLEL_MIN_SIZE). A layer the user chose with
# NUMBA_THREADING_LAYER is respected. tests/test_robustness.py forks and threads to check it.
if "NUMBA_THREADING_LAYER" not in os.environ:
    numba.config.THREADING_LAYER = "workqueue"
_PARALLEL_LOCK = threading.Lock()
#: Below this many elements an array call runs its serial loop: launching the parallel region
#: costs ~10-20 µs on an idle machine and tens of ms when the cores are busy (a loaded machine, a
#: Dask worker), far more than the work (~2-100 ns per element). benchmarks/bench_kernels.py
#: bench_crossover, 2 cores shared with two other busy processes (2026-12-06): serial/parallel
#: time 0.64 at 2·10⁴, 0.87 at 10⁵, 0.99 at 10⁶ (parallel never ahead); at load ~1, 0.36, 0.97
#: and 1.05 (the parallel launch alone ~80 µs). So the threshold sits
#: above a sweep block (grids.BLOCK_POINTS = 10⁵): dask parallelises over blocks, and a worker's
#: kernels must not also spread over the cores the other workers use.
PARALLEL_MIN_SIZE = 200_000

#: Where compiled kernels are cached, once decided: numba's own choice (beside the sources,
#: NUMBA_CACHE_DIR or the user cache), a private temporary folder when none of those is
#: writable (a read-only install with a read-only home), or None: compiled in memory only.
CACHE_FALLBACK = {"dir": "", "cache": True}


def _fallback_cache():
    """No cache folder numba would use is writable: use a private temporary one, or none."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    try:
        path = os.path.join(tempfile.gettempdir(), f"orbitcoop-numba-cache-{uid}")
        os.makedirs(path, mode=0o700, exist_ok=True)
        tempfile.TemporaryFile(dir=path).close()
    except OSError:
        CACHE_FALLBACK.update(dir="", cache=False)
        return
    numba.config.CACHE_DIR = path
    CACHE_FALLBACK.update(dir=path, cache=True)


def _compile(fn, **options):
    """``njit(cache=True, **options)(fn)``, falling back when numba finds no writable cache folder.

    numba raises "cannot cache function ...: no locator available" at decoration time when the
    package folder, NUMBA_CACHE_DIR and the user cache are all read-only; orbitcoop must still
    answer there (issue 17), so it caches in a temporary folder, or compiles without caching.
    """
    try:
        return njit(cache=CACHE_FALLBACK["cache"], **options)(fn)
    except RuntimeError as exc:
        if "no locator available" not in str(exc):
            raise
        _fallback_cache()
        return njit(cache=CACHE_FALLBACK["cache"], **options)(fn)


def jit(fn):
    """Scalar kernels: nopython, no GIL, cached on disk so the JIT cost is paid once per machine.

    error_model="numpy": a division by zero gives inf/NaN like numpy instead of raising, so
    kernels never raise (tests/test_properties.py pins a case that once raised).
    """
    return _compile(fn, nogil=True, error_model="numpy")


def _serial(fn):
    # The same code compiled without parallel=True (prange runs as range), under another
    # qualified name: numba's on-disk cache is keyed by name and line, not by options, so the
    # two builds of one function would otherwise read each other's cache entries.
    copy = pytypes.FunctionType(fn.__code__, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__)
    copy.__qualname__ = f"{fn.__qualname__}__serial"
    copy.__module__ = fn.__module__
    return jit(copy)


def _parallel(fn):
    return _compile(fn, parallel=True, error_model="numpy")


class ParallelFunction:
    """A ``prange`` function compiled twice: serial for small inputs, parallel for large ones.

    The size is that of the largest array argument; parallel calls hold :data:`_PARALLEL_LOCK`
    (see the threading policy above). Both versions are compiled lazily, on first use.
    """

    def __init__(self, fn):
        self.py_func = fn
        self.__name__ = fn.__name__
        self.__doc__ = fn.__doc__
        self.__module__ = fn.__module__
        self._serial = None
        self._parallel = None

    def serial(self, *args):
        if self._serial is None:
            self._serial = _serial(self.py_func)
        return self._serial(*args)

    def parallel(self, *args):
        if self._parallel is None:
            self._parallel = _parallel(self.py_func)
        with _PARALLEL_LOCK:
            return self._parallel(*args)

    def __call__(self, *args):
        size = max((a.size for a in args if isinstance(a, np.ndarray)), default=0)
        return self.parallel(*args) if size >= PARALLEL_MIN_SIZE else self.serial(*args)

    def __repr__(self):
        return f"<orbitcoop parallel function {self.__name__}>"


#: Array loops: the same, spread over the cores with ``prange`` (serial below PARALLEL_MIN_SIZE).
jit_parallel = ParallelFunction

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
    """A cached ``prange`` loop calling ``scalar`` elementwise: ``loop(a0, ..., out)`` (a :class:`ParallelFunction`).

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
    return ParallelFunction(namespace[name])


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
        """The cached loop over the scalar kernel (built on first use; serial below PARALLEL_MIN_SIZE)."""
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
        result = np.empty(shape) if out is None else out
        size = result.size
        if size < PARALLEL_MIN_SIZE:
            # Small calls (the API's own, one pair at a time): every argument as a full-length
            # float64 array, so the serial loop compiles one signature per kernel instead of one per
            # scalar/array mix (a fuzz run once compiled 17 variants of one kernel; issue 17.11).
            buf = np.empty((self.nin, size))  # writable, C-contiguous rows: one array type
            for row, a in zip(buf, arrays, strict=True):
                row.reshape(shape)[...] = a
            self.loop.serial(*buf, result.reshape(-1))
            return result
        # Large calls: scalars stay scalars, so the parallel loop hoists their work and vectorises.
        # One flat index for every array: ravel is a view for a full-shape contiguous array and a
        # copy for one that varies along only some axes (or is strided).
        flat = [float(a) if not a.ndim else np.ravel(np.broadcast_to(a, shape)) for a in arrays]
        self.loop.parallel(*flat, result.reshape(-1))
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
