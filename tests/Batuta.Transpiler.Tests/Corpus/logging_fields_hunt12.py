#!/usr/bin/env python3
"""Inventory sync job: every log line names where it was logged (module, file, function, line)."""
import logging
import sys

LOG_FORMAT = "%(levelname)-8s %(levelno)2d %(name)-14s %(module)s:%(filename)s %(funcName)s:%(lineno)d | %(message)s"

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format=LOG_FORMAT)
log = logging.getLogger("inventory")
db_log = logging.getLogger("inventory.db")

# an audit trail with its own handler and formatter, not propagated to the root
audit = logging.getLogger("audit")
audit.propagate = False
_handler = logging.StreamHandler(sys.stdout)
_handler.setFormatter(logging.Formatter("AUDIT [%(funcName)s@%(lineno)d] %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)


class Store:
    def __init__(self, name):
        self.name = name
        self.items = {}
        self.log = logging.getLogger("inventory.store")
        self.log.debug("store %s created", name)

    def add(self, sku, qty):
        if qty <= 0:
            self.log.warning("ignoring %s: bad quantity %d", sku, qty)
            return False
        self.items[sku] = self.items.get(sku, 0) + qty
        self.log.info("added %d x %s (now %d)", qty, sku,
                      self.items[sku])
        return True

    def remove(self, sku, qty):
        have = self.items.get(sku, 0)
        if have < qty:
            self.log.error("cannot remove %d x %s: only %d", qty, sku, have)
            audit.warning("short stock for %s", sku)
            return False
        self.items[sku] = have - qty
        db_log.debug("row %s updated to %d", sku, self.items[sku])
        return True


def load_rows(lines):
    rows = []

    def parse(line, number):
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 3:
            db_log.warning("line %d malformed: %r", number, line)
            return None
        return parts[0], parts[1], int(parts[2])

    for number, line in enumerate(lines, 1):
        row = parse(line, number)
        if row is not None:
            rows.append(row)
    logging.info("loaded %d of %d rows", len(rows), len(lines))
    return rows


def apply(store, rows):
    done = 0
    for action, sku, qty in rows:
        if action == "add":
            ok = store.add(sku, qty)
        elif action == "remove":
            ok = store.remove(sku, qty)
        else:
            log.log(logging.WARNING, "unknown action %s", action)
            ok = False
        if ok:
            done += 1
            audit.info("%s %s %d", action, sku, qty)
    logging.warning("applied %d actions", done, extra={"job": "sync"})
    return done


def report(store):
    for sku in sorted(store.items):
        print("  %-8s %4d" % (sku, store.items[sku]))
    log.critical("report finished for %s", store.name)
    logging.log(25, "custom level %d", 25)
    logging.debug("levels: %s %s", logging.getLevelName(25), logging.getLevelName(logging.INFO))


DATA = [
    "add, apple, 10",
    "add, pear, 4",
    "remove, apple, 3",
    "remove, pear, 9",
    "add, plum, 0",
    "broken line",
    "sell, apple, 1",
    "add, fig, 2",
]

store = Store("main")
rows = load_rows(DATA)
print("rows:", len(rows))
print("applied:", apply(store, rows))
report(store)
log.info("top level: %d skus", len(store.items))
logging.getLogger("inventory.db").info("child logger name %s", db_log.name)

# records made inside a lambda and comprehensions name those code objects
notify = lambda sku: log.info("restock %s", sku)
notify("pear")
low = [sku for sku in sorted(store.items) if store.items[sku] < 5 and log.debug("low stock: %s", sku) is None]
print("low:", low)
counts = {sku: len(sku) for sku in store.items if not db_log.info("sizing %s", sku)}
print("counts:", counts)

# errors go to stderr with their traceback
errors = logging.getLogger("errors")
errors.propagate = False
errors.addHandler(logging.StreamHandler())
try:
    ratio = store.items["apple"] / store.items.get("kiwi", 0)
except ZeroDivisionError:
    errors.exception("ratio failed in %s", store.name)
print("end")
