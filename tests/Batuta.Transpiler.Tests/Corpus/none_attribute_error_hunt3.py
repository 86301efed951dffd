"""An attribute of None: the uncaught AttributeError names the attribute, as CPython's does."""
import re

m = re.search(r"(\d+)", "order 66")
print(m.group(1))
miss = re.search(r"\d", "abc")
try:
    miss.group()
except AttributeError as e:
    print("caught:", e)
print(miss.start())
