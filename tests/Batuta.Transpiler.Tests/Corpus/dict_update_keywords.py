# dict.update with keyword arguments (multiprocessing/spawn.py: d.update(name=..., sys_path=..., ...)).


def preparation_data(name):
    d = dict(log_to_stderr=False, authkey="k")
    sys_path = ["", "/usr/lib"]
    i = sys_path.index("")
    sys_path[i] = "/orig"
    d.update(
        name=name,
        sys_path=sys_path,
        dir="/tmp",
    )
    return d


d = preparation_data("main")
for k in sorted(d):
    print(k, d[k])

scores = {"a": 1}
scores.update({"b": 2}, c=3)
scores.update(d=4)
scores.update()
print(scores)

totals: dict[str, int] = {}
totals.update(x=1, y=2)
totals.update([("z", 3)])
print(sum(totals.values()), list(totals))
