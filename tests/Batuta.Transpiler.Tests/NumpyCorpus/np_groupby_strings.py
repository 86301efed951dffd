# Group-by over a text column without pandas: unique with inverse and counts, bincount sums, lexsort,
# np.char helpers, f-string labels, mixed tables.
import numpy as np

regions = np.array(["north", "south", "east", "north", "west", "east", "south", "north", "east", "west"])
units = np.array([12, 7, 3, 9, 14, 6, 2, 11, 8, 5])
price = np.array([2.5, 3.0, 4.25, 2.5, 1.75, 4.0, 3.25, 2.75, 4.5, 1.5])
revenue = units * price
names, inv, cnt = np.unique(regions, return_inverse=True, return_counts=True)
print(names, inv, cnt)
first = np.unique(regions, return_index=True)[1]
print(first)
totals = np.bincount(inv, weights=revenue)
order = np.argsort(-totals)
for i in order:
    print(f"{names[i]:<6} {cnt[i]:>2} {totals[i]:8.2f}")
mask = np.isin(regions, ["north", "south"])
print(revenue[mask].sum(), revenue[~mask].mean())
best = {r: float(revenue[regions == r].max()) for r in names}
print(best)
print(np.char.upper(names), np.char.capitalize(names[:2]))
print(np.char.add(names, "_x"))
print(np.char.startswith(regions, "n"))
print(np.char.str_len(names))
print(np.char.replace(names, "th", "TH"), np.char.strip(np.array([" a ", "b  "])))
lexo = np.lexsort((-units, regions))
print(regions[lexo])
print(units[lexo])
label = np.array([f"{r}-{u}" for r, u in zip(regions, units)])
print(label[:3], label.dtype)
print(sorted(set(regions.tolist())))
print(np.where(regions == "east")[0])
print(np.array(["3", "1", "2"]).astype(int).sum())
print(np.full(3, "n/a"), repr(np.full((2, 2), "", dtype="<U4")))
top = names[np.argmax(totals)]
print(top.upper(), len(top), top in names, "x" + top)
print(np.count_nonzero(regions == "north"), (regions == "east").mean())
print(np.unique(regions[units > 6]))
print(np.where(units > 100, "big", "small").dtype, np.unique(regions[units < 4]).dtype, np.sort(regions)[:2].dtype)
print(np.concatenate([names, np.array(["x"])]).dtype, regions[:1].dtype, np.full(2, "ab", dtype="U6").dtype)
