"""Docstrings as values: f.__doc__, Class.__doc__ and a help listing built from them."""


def add(a, b):
    """Add two numbers."""
    return a + b


def scale(x, k=2):
    """Scale x by k.

    Returns the product.
    """
    return x * k


def bare():
    return None


class Shape:
    """A shape with an area."""

    def area(self):
        return 0


commands = {"add": add, "scale": scale}
for name in sorted(commands):
    print(f"{name:8}{add.__doc__ if name == 'add' else scale.__doc__.splitlines()[0]}")
print(repr(scale.__doc__))
print(bare.__doc__, Shape.__doc__, add.__name__)
