"""Inventory CLI reading commands from stdin, old-style classes and dict-of-dicts."""
import sys
import json


class Item(object):
    __slots__ = ("sku", "name", "qty", "price")

    def __init__(self, sku, name, qty=0, price=0.0):
        self.sku = sku
        self.name = name
        self.qty = qty
        self.price = price

    def value(self):
        return self.qty * self.price

    def to_dict(self):
        return dict((k, getattr(self, k)) for k in self.__slots__)


class Inventory(object):
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, sku, name, qty, price):
        if sku in self.items:
            self.items[sku].qty += int(qty)
        else:
            self.items[sku] = Item(sku, name, int(qty), float(price))
        self.log.append(("add", sku, int(qty)))

    def remove(self, sku, qty):
        item = self.items.get(sku)
        if item is None:
            raise KeyError(sku)
        if item.qty < int(qty):
            raise ValueError("only %d of %s left" % (item.qty, sku))
        item.qty -= int(qty)
        if not item.qty:
            del self.items[sku]
        self.log.append(("remove", sku, int(qty)))

    def report(self):
        total = 0.0
        for sku in sorted(self.items, key=lambda s: (-self.items[s].value(), s)):
            it = self.items[sku]
            print("  %-6s %-12s %4d @ %7.2f = %9.2f" % (it.sku, it.name[:12], it.qty, it.price, it.value()))
            total += it.value()
        print("  %s\n  %-38s %9.2f" % ("-" * 48, "TOTAL", total))


inv = Inventory()
for lineno, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    cmd, *args = line.split()
    try:
        if cmd == "add":
            inv.add(*args)
        elif cmd == "rm":
            inv.remove(*args)
        elif cmd == "report":
            inv.report()
        elif cmd == "dump":
            print(json.dumps({k: v.to_dict() for k, v in sorted(inv.items.items())}, indent=2, sort_keys=True))
        else:
            print("line %d: unknown command %r" % (lineno, cmd), file=sys.stderr)
    except (KeyError, ValueError, TypeError) as e:
        print("line %d: %s: %s" % (lineno, e.__class__.__name__, e))
print(len(inv.log), inv.log[-2:])
try:
    Item("x", "y").color = "red"
except AttributeError as e:
    print("AttributeError:", e)
