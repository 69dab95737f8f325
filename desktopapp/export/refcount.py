"""Work around PySide6 6.12 dropping a reference to ``None`` on every call that returns nothing.

Measured here: with PySide6-Essentials 6.12.0 on CPython 3.11, each call of a Qt method
returning ``void`` (``QFont.setBold``, ``QTextCursor.insertText``…) lowers ``None``'s
reference count by one; 6.11.2 does not. From Python 3.12 ``None`` is immortal and nothing
happens, but on 3.11 a few thousand calls bring the count to zero and the interpreter aborts
with "Fatal Python error: none_dealloc" (a 10,000-event PDF makes millions of such calls).

Until the dependency is pinned away from the broken release (or Python 3.11 is dropped),
:func:`protect_none` gives ``None`` the same practical immortality that 3.12 gives it.
"""

from __future__ import annotations

import ctypes
import sys

# Far more than any process makes calls, far below any overflow of a signed 64-bit count.
HEADROOM = 1 << 40


def protect_none() -> None:
    """Make ``None``'s reference count unreachable by the leak (no-op where not needed)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every object in CPython's (non-debug) object layout.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < HEADROOM:
        refcount.value += HEADROOM
