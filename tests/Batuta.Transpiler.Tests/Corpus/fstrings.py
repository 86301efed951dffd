name = "Ada"
age = 36
pi = 3.14159265
items = ["x", "y"]
print(f"{name} is {age}")
print(f"{name!r:>10}|{age:<5}|{pi:.4f}|{age:#x}|{age:b}|{age:o}")
print(f"{items} {items[0]} {len(items)} {age * 2} {'nested'} {name.upper()}")
width = 8
print(f"{pi:{width}.2f}|{name:*^{width}}|")
print(f"{{literal}} {age}%")
print(f"{1000000:,} {1000000:_} {-42:5d} {42:+d} {0.5:%}")
print("{:>8}|{:<8}|{:^8}".format("a", "b", "c"), "{0}{1}{0}".format("x", "y"), "{name}={val}".format(name="k", val=3))
