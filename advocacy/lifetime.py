"""Child processes that end with their parent, even when the parent is killed with ``kill -9``.

Batch workers and LibreOffice converters both ask the kernel for this: on
Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` makes the kernel kill the child
when the thread that started it ends. Other systems have no such call; there
the callers fall back to watching for the parent themselves.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


@functools.cache
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
        return None
    return prctl


def prepare() -> None:
    """Load what :func:`kill_with_parent` needs, so that a forked child only makes the call.

    A child forked from a process with threads must not import modules or
    load libraries before it execs (another thread may hold their locks).
    """
    _prctl()


def kill_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent ends; ``False`` if it cannot."""
    prctl = _prctl()
    return prctl is not None and prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
