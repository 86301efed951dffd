class P:
    pass


p = P()
setattr(p, "color", "red")
p.size = 3
print(hasattr(p, "color"), getattr(p, "size"))
delattr(p, "color")
print(hasattr(p, "color"), vars(p))
try:
    delattr(p, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
for name in ["size"]:
    delattr(p, name)
print(vars(p))
