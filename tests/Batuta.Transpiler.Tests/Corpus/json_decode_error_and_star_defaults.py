"""json.JSONDecodeError with msg/pos/lineno/colno; f(*args) where a parameter past the items has a default of another type."""
# json.JSONDecodeError lacks .msg/.pos (caught exception is a plain ValueError)
import json
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
# f(*args) where args holds only ints: every parameter of f (even unit="m") gets typed long
# -> TypeError: expected Int64, got 'str'  (CPython prints 2m)
def tag(w, unit="m"):
    return str(w) + unit
def forward(*args):
    return tag(*args)
print(forward(2))
try:
    json.loads("{\"a\": [1, 2}")
except ValueError as e:
    print(type(e).__name__, e.msg, e.lineno, e.colno, e)
