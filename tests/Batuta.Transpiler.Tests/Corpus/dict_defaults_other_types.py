"""dict.get and dict.pop with a default of another type than the values return either, as CPython does."""
prices = {"tea": 2, "cake": 3}
print(prices.get("tea", "unknown"), prices.get("pie", "unknown"), prices.get("pie", 0), prices.get("pie"), prices.get("tea", 0.5))
print(prices.pop("tea", "none"), prices.pop("pie", "none"), prices.pop("cake", 0), prices)
