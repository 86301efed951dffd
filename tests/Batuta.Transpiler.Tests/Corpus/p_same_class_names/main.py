import shapes
import inventory
from inventory import Item, Record
from store import stock
from store.stock import Item as StockItem


def label(x: shapes.Item | Item) -> str:
    if isinstance(x, shapes.Item):
        return "shape:" + x.describe()
    return "item:" + x.describe()


def classify(obj: object) -> str:
    match obj:
        case shapes.Item(size=s) if s > 2:
            return "big shape"
        case shapes.Item():
            return "shape"
        case StockItem():
            return "stocked"
        case Item():
            return "item"
    return "other"


a = shapes.make(2.5)
b = Item("bolt", 3)
c = shapes.Item(1.0, shapes.Kind.SQUARE)
d = StockItem("drill", 1, c)
print(a.describe())
print(b.describe())
print(c.describe(), c.kind, shapes.Item.kind)
print(d.describe())
print([b, d])
print(isinstance(a, shapes.Item), isinstance(b, shapes.Item), isinstance(b, inventory.Item), isinstance(d, Item))
print(type(a).__name__, type(b).__name__, type(d).__name__)
print(label(a), "|", label(b))
print([classify(x) for x in (a, b, c, d, 3)])
print(stock.biggest([a, c, shapes.Item(0.5)]).size)
print(stock.total([b, d, Item("nut", 10)]))
print(sorted([b, Item("anchor", 2), d]))
print(shapes.Kind.ROUND.value, inventory.Kind.TOOL.value, d.kind.name)

r1 = shapes.record(a)
r2 = Record("bolt", 3, ["m4"])
print(r1)
print(r2)
print(r1.area + 1, r2.tags)

try:
    inventory.find([b, d], "saw")
except inventory.Error as e:
    print("inventory error:", e, e.name)

try:
    shapes.Item(-1.0)
except inventory.Error:
    print("wrong handler")
except shapes.Error as e:
    print("shapes error:", e)

try:
    shapes.Item(-2.0)
except (inventory.Error, shapes.Error) as e:
    print("either:", type(e).__name__, e)
