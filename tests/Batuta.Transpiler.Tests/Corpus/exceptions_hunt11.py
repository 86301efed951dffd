#!/usr/bin/env python3
"""Batch importer in the 3.11 style: traceback reports, sys.exc_info, notes, except* and ExceptionGroup."""
import sys
import traceback


class ImportFailure(Exception):
    def __init__(self, row, reason):
        super().__init__("row %d: %s" % (row, reason))
        self.row = row


def parse_amount(text):
    if not text:
        raise ValueError("empty amount")
    return int(text)


def parse_rows(rows):
    failures = []
    totals = []
    for i, row in enumerate(rows):
        try:
            totals.append(parse_amount(row))
        except ValueError as e:
            failure = ImportFailure(i, str(e))
            failure.add_note("input was %r" % row)
            failures.append(failure)
    if failures:
        raise ExceptionGroup("%d bad rows" % len(failures), failures)
    return totals


def describe_current():
    kind, value, tb = sys.exc_info()
    if kind is None:
        return "nothing is being handled"
    return "handling %s (%s), traceback present: %s" % (kind.__name__, value, tb is not None)


print(describe_current())
for n in range(4):
    try:
        if n % 2:
            raise KeyError("slot%d" % n)
        print("ok", 100 // (n - 2) if n != 2 else "skip")
    except KeyError:
        report = traceback.format_exc()
        print("last line:", report.splitlines()[-1])
        print("starts with:", report.splitlines()[0])
        print(describe_current())
print(describe_current())
print(repr(traceback.format_exc()))

try:
    {}["missing"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(e)[-1], end="")
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)).splitlines()[-1])

try:
    raise RuntimeError()
except RuntimeError as e:
    print(traceback.format_exception_only(type(e), e))

err = ValueError("base message")
err.add_note("first note")
err.add_note("second note")
print(err.__notes__, str(err))
print(traceback.format_exception_only(err))
print(hasattr(KeyError("k"), "__notes__"))
try:
    err.add_note(42)
except TypeError as e:
    print("TypeError:", e)

for batch in (["1", "2", "3"], ["4", "", "x", "5"]):
    try:
        print("totals", parse_rows(batch))
    except* ImportFailure as group:
        print("group:", group.message, "|", group)
        for failure in group.exceptions:
            print("  row", failure.row, "->", failure, failure.__notes__)

mixed = ExceptionGroup("mixed", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])
print(repr(mixed))
values, others = mixed.split(ValueError)
print("values:", repr(values))
print("others:", repr(others))
print("subgroup:", repr(mixed.subgroup(lambda e: isinstance(e, KeyError))))
print("none:", mixed.subgroup(OSError))
print("derive:", repr(mixed.derive([IndexError(0)])))
print(isinstance(mixed, Exception), len(mixed.exceptions))

try:
    try:
        raise ExceptionGroup("work", [ValueError("v"), TypeError("t"), OSError("o")])
    except* ValueError as eg:
        print("values handled:", [str(x) for x in eg.exceptions])
    except* TypeError:
        print("types handled")
except ExceptionGroup as rest:
    print("left over:", repr(rest))

try:
    try:
        raise ExceptionGroup("work", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise
except ExceptionGroup as again:
    print("re-raised:", repr(again))

try:
    try:
        raise ExceptionGroup("work", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise RuntimeError("replaced")
except ExceptionGroup as combined:
    print("combined:", repr(combined))

try:
    try:
        raise ExceptionGroup("work", [ValueError("v")])
    except* ValueError:
        raise RuntimeError("only one")
except ExceptionGroup as lone:
    print("lone, grouped:", repr(lone), repr(lone.exceptions[0].__context__))
except RuntimeError as lone:
    print("lone:", repr(lone))

try:
    raise ValueError("naked")
except* ValueError as wrapped:
    print("wrapped:", repr(wrapped))

try:
    try:
        raise TypeError("not matched")
    except* ValueError:
        print("never")
except TypeError as plain:
    print("passes through:", repr(plain))

try:
    pass
except* ValueError:
    print("never")
else:
    print("else runs")
finally:
    print("finally runs")

for bad in ([], [1], 5):
    try:
        ExceptionGroup("bad", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

final = ExceptionGroup("unhandled failures", [ImportFailure(7, "broken"), KeyError("id")])
final.add_note("while importing batch 3")
raise final
