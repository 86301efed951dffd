def plain(n):
    for i in range(n):
        yield i


gens = [plain(3), plain(2)]
print(next(gens[0]))
print(list(gens[0]), list(gens[0]))
table = {"a": plain(4)}
next(table["a"])
print(sum(table["a"]))
pair = (plain(2), 5)
print(next(pair[0]), list(pair[0]))


class Holder:
    def __init__(self):
        self.it = plain(3)


h = Holder()
print(next(h.it), list(h.it))
sq = (x * x for x in range(4))
lst = [sq]
print(next(lst[0]), list(sq))
