print("main start")
import registry
import registry
from registry import register, ITEMS

register("a")
register("b")
print(ITEMS, registry.count())
