"""numox: NumPy for Rust, in Python.

The namespace implements the Python Array API standard (version 2024.12) and NumPy's names
where the standard stops. Arrays share memory with NumPy both ways (``numpy.asarray(x)``,
``numox.asarray(numpy_array)``), through the buffer protocol and DLPack.
"""

from ._numox import *  # noqa: F401,F403
from ._numox import ndarray, dtype  # noqa: F401
from .exceptions import AxisError, LinAlgError  # noqa: F401
from . import linalg, random  # noqa: F401

__array_api_version__ = "2024.12"

import math as _math

e = _math.e
pi = _math.pi
inf = _math.inf
nan = _math.nan
newaxis = None
