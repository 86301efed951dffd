# implicit exception chaining: raising inside an except block sets __context__
class AppError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise AppError(f"bad number: {text!r}")


try:
    parse("x1")
except AppError as e:
    print(e, type(e.__context__).__name__, e.__cause__ is None, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("k") from z
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__context__ is None)

try:
    try:
        [][1]
    except IndexError as inner:
        raise inner
except IndexError as e:
    print(e, e.__context__ is None)
