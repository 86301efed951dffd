"""A package that re-exports its submodules' names, as many libraries do."""
from .pricing import total, Discount
from .models import Item
from . import pricing

__all__ = ["total", "Discount", "Item", "pricing"]
