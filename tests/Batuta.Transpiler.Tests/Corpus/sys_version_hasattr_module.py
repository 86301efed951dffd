"""sys.version_info comparisons and hasattr() on a standard-library module."""
import sys, math
print(sys.version_info >= (3, 8), sys.version_info[0], sys.version_info[:2] >= (3, 6))
print(hasattr(math, "cbrt"), hasattr(math, "sqrt"), hasattr(math, "nope"), math.cbrt(27.0), math.exp2(3))
