#!/usr/bin/env python
"""Inventory tool in the old style: a class made by a factory function, ChainMap writes, OrderedDict."""
from collections import ChainMap, OrderedDict


def make_item_class(prefix):
    class Item(object):
        count = 0

        def __init__(self, name, qty, price):
            self.name = prefix + name
            self.qty = qty
            self.price = price
            Item.count += 1

        def total(self):
            return self.qty * self.price

        def __repr__(self):
            return "Item(%r, %d, %.2f)" % (self.name, self.qty, self.price)

    return Item


Item = make_item_class("sku-")
items = [Item("apple", 3, 0.5), Item("apricot", 10, 0.25), Item("banana", 7, 0.3), Item("blueberry", 1, 4.0)]
print(Item.count)

defaults = {"color": "red", "size": "M", "qty": 1}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["size"], cm["color"], len(cm))
print(sorted(cm.keys()))
cm2 = cm.new_child({"color": "blue"})
print(cm2["color"], cm2.parents["color"])
cm["qty"] = 5
print(user, defaults)


def risky(n):
    if n > 2:
        raise ValueError("too big: %d" % n)
    return n * 2


for n in range(5):
    try:
        print(risky(n))
    except ValueError as e:
        print("error line:", e)

try:
    {}["missing"]
except KeyError as e:
    print(repr(e))

od = OrderedDict()
for it in items:
    od[it.name] = it.total()
od.move_to_end("sku-apple")
print(list(od.items()))
print(od.popitem(last=False))
total = sum(od.values())
print("total %.3f" % total)
print("%-12s|%8s" % ("name", "value"))
for k, v in od.items():
    print("%-12s|%8.2f" % (k, v))
