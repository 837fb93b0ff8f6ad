"""numox's exceptions, as NumPy's: ``LinAlgError`` and ``AxisError``."""


class LinAlgError(ValueError):
    """Raised by linalg functions for singular or non-converging input (NumPy's LinAlgError)."""


class AxisError(ValueError, IndexError):
    """An axis argument is out of bounds for the array's dimension (NumPy's AxisError)."""
