"""Text details from the third bug hunt: format_map, %c with width, isalnum of numeric characters, '#g', range slices."""
row = {"name": "Ada", "score": 97.5}
print("{name:>6}: {score:.1f}".format_map(row))
print("[%3c|%-3c]" % ("x", 65))
print([c.isalnum() for c in "a1½²Ⅻ-"])
for v in [100.0, 123.0, 5.0, 0.0001234, 2.5]:
    print("{:#.3g}|{:#g}|{:g}".format(v, v, v))
r = range(0, 50, 5)
print(r[2], r[-1], r[2:5], r[::-2], r.index(30), list(r[1:3]))
