"""numox.random: NumPy's random API, with the same streams as NumPy for the same seed.

``default_rng(seed)`` gives a :class:`Generator` (PCG64); the legacy functions (``seed``,
``rand``, ``randn``, ``randint``, ...) draw from a global :class:`RandomState` (MT19937), as
``numpy.random`` does.
"""

from ._numox import _random as _r

Generator = _r.Generator
RandomState = _r.RandomState
default_rng = _r.default_rng

_rand = RandomState()

seed = _rand.seed
rand = _rand.rand
randn = _rand.randn
randint = _rand.randint
random = _rand.random
random_sample = _rand.random_sample
sample = _rand.random_sample
ranf = _rand.random_sample
normal = _rand.normal
uniform = _rand.uniform
exponential = _rand.exponential
binomial = _rand.binomial
poisson = _rand.poisson
choice = _rand.choice
shuffle = _rand.shuffle
permutation = _rand.permutation
standard_normal = _rand.standard_normal

__all__ = [
    "Generator", "RandomState", "default_rng", "seed", "rand", "randn", "randint", "random",
    "random_sample", "sample", "ranf", "normal", "uniform", "exponential", "binomial", "poisson",
    "choice", "shuffle", "permutation", "standard_normal",
]
