class Task:
    def __init__(self, id: int, title: str, prio: int) -> None:
        self.id = id
        self.title = title
        self.prio = prio


tasks = [Task(3, "write", 2), Task(1, "read", 5), Task(2, "test", 2)]
keys = {"id": lambda t: (t.id,), "title": lambda t: t.title, "prio": lambda t: (-t.prio, t.id)}
for name in ["id", "title", "prio"]:
    ordered = sorted(tasks, key=keys[name])
    print(name, [t.title for t in ordered])
fmt = {"upper": lambda s: s.upper(), "len": lambda s: len(s)}
for k, f in fmt.items():
    print(k, f("abc"))
