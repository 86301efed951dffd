from .item import Item
