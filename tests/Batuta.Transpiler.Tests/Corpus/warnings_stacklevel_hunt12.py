#!/usr/bin/env python3
"""Deprecation shims of a legacy billing library: warnings and audit records name the caller's line."""
import logging
import os
import sys
import warnings

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(module)s.%(funcName)s:%(lineno)d %(message)s")
audit_log = logging.getLogger("billing.audit")


def audit(event, *details):
    # the record names whoever called audit()
    audit_log.info("AUDIT " + event + " %s", details, stacklevel=2)


def compute_total(items):
    warnings.warn("compute_total() is deprecated; use Invoice.total", DeprecationWarning, stacklevel=2)
    audit("total", len(items))
    return sum(price * qty for price, qty in items)


def legacy_round(value, digits=2):
    warnings.warn("legacy_round() will be removed", FutureWarning, 2)
    return round(value, digits)


class Invoice:
    def __init__(self, number, items):
        self.number = number
        self.items = items
        audit("created", number)

    def total(self):
        return legacy_round(sum(p * q for p, q in self.items))

    def old_total(self):
        warnings.warn("Invoice.old_total() is deprecated", DeprecationWarning, stacklevel=2)
        return self.total()


class Money:
    @staticmethod
    def parse(text):
        warnings.warn("Money.parse() is deprecated", DeprecationWarning, stacklevel=2)
        return float(text.strip("$"))

    @classmethod
    def zero(cls):
        audit("zero money")
        return cls()


def describe(w):
    return "%s:%d %s: %s" % (os.path.basename(w.filename), w.lineno, w.category.__name__, w.message)


def run():
    items = [(9.99, 3), (0.5, 10), (120.0, 1)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print("total", compute_total(items))
        inv = Invoice("A-1", items)
        print("invoice total", inv.total())
        print("old total", inv.old_total())
        print("rounded", legacy_round(2.71828, 3))
        warnings.warn("direct warning")
        print("parsed", Money.parse("$12.50"))
        print("zero", type(Money.zero()).__name__)
        for n in range(2):
            print("loop", n, compute_total(items[n:]))
    print(len(caught), "warnings")
    for w in caught:
        print(" ", describe(w))
    audit("run finished")


run()
audit("at top level")
logging.info("plain record at %d", 65)
