"""numox.linalg: the Array API standard's ``linalg`` extension and NumPy's ``numpy.linalg``
names (``norm``, ``lstsq``, ``eig``, ``eigvals``, ``cond``).

Results with several parts are named tuples: ``EighResult(eigenvalues, eigenvectors)``,
``EigResult``, ``QRResult(Q, R)``, ``SlogdetResult(sign, logabsdet)``, ``SVDResult(U, S, Vh)``.
Singular matrices raise :class:`LinAlgError`.
"""

from ._numox import _linalg as _ext
from .exceptions import LinAlgError  # noqa: F401

__all__ = [n for n in dir(_ext) if not n.startswith("_")] + ["LinAlgError"]
globals().update({n: getattr(_ext, n) for n in dir(_ext) if not n.startswith("_")})
del _ext
