"""Child processes that end with their parent, even when the parent is killed with ``kill -9``.

Batch workers and LibreOffice converters both ask the kernel for this: on
Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` makes the kernel kill the child
when the thread that started it ends. Other systems have no such call; there
the callers fall back to watching for the parent themselves.
"""

from __future__ import annotations

import signal
import sys

_PR_SET_PDEATHSIG = 1


def kill_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent ends; ``False`` if it cannot.

    Safe to call between fork and exec (it only calls into libc).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
        return False
