# Nested functions whose defaults are not constants (fuzz reproducers): hashlib.pbkdf2_hmac's
# `def prf(msg, inner=inner, outer=outer)`, quopri.encode's `def write(s, output=output, lineEnd=b'\n')`,
# test_print's `def x(expected, args, sep=NotDefined, end=NotDefined)`. Python evaluates the defaults once,
# where the def runs, in the enclosing function's scope.


class NotDefined:
    pass


def check(expected, args, sep=NotDefined, end=NotDefined, file=None):
    shown = " ".join(str(a) for a in args)
    print(repr(expected), repr(shown), sep is NotDefined, end is NotDefined, file)


def test_print():
    def x(expected, args, sep=NotDefined, end=NotDefined):
        check(expected, args, sep=sep, end=end)
        check("", args, sep=sep, end=end, file="o")

    x("\n", ())
    x("a\n", ("a",))
    x("1 2\n", (1, 2))
    x("1 2 3\n", (1, 2, 3), sep=" ")


def encode(lines, output):
    def write(s, output=output, lineEnd="\n"):
        output.append(s + lineEnd)

    prevline = None
    for line in lines:
        if prevline is not None:
            write(prevline)
        prevline = line
    if prevline is not None:
        write(prevline, lineEnd="!")


def pbkdf(salt, rounds):
    inner = [3]
    outer = [5]

    def prf(msg, inner=inner, outer=outer):
        return sum(msg) * inner[0] + outer[0]

    inner = [100]  # rebinding after the def: prf keeps the list it was defined with
    dkey = []
    loop = 1
    while len(dkey) < rounds:
        prev = prf(salt + list(loop.to_bytes(4)))
        dkey.append(prev)
        loop += 1
    return dkey


def counters():
    made = []

    def make(start, seen=[]):
        seen.append(start)
        return len(seen)

    for i in range(3):
        made.append(make(i))
    return made


out = []
encode(["a", "b", "c"], out)
print(out)
test_print()
print(pbkdf([1, 2], 3))
print(counters())
print((258).to_bytes(2), (1).to_bytes(4), int.from_bytes(b"\x01\x02"))
