import sys
from collections import namedtuple

Employee = namedtuple("Employee", ["name", "dept", "salary", "start"])
staff = [
    Employee("Alice Smith", "Engineering", 125000.0, 2015),
    Employee("Bob Jones", "Marketing", 72000.5, 2019),
    Employee("Carol White", "Engineering", 98000.0, 2021),
    Employee("Dan Brown", "Sales", 65000.0, 2012),
    Employee("Eve Black", "Sales", 71000.25, 2018),
    Employee("Frank Green", "Marketing", 88000.0, 2010),
]

header = "%-15s %-12s %12s %6s" % ("Name", "Department", "Salary", "Since")
print(header)
print("=" * len(header))
for e in sorted(staff, key=lambda e: (e.dept, -e.salary)):
    print("%-15s %-12s %12.2f %6d" % e)
print("-" * len(header))
depts = {}
for e in staff:
    depts.setdefault(e.dept, []).append(e)
for d in sorted(depts):
    people = depts[d]
    total = sum(p.salary for p in people)
    avg = total / len(people)
    print("{:<12} n={:<2d} total={:>12,.2f} avg={:>10,.1f} max={}".format(d, len(people), total, avg, max(people, key=lambda p: p.salary).name))
print("{:*^40}".format(" SUMMARY "))
print("{0:>10}|{0:<10}|{0:^10}|".format("mid"))
print("{:+d} {: d} {:x} {:X} {:#o} {:08.3f} {:.3e} {:g} {:%}".format(5, 5, 255, 255, 8, -3.14159, 12345.678, 0.0000123, 0.256))
print("%(name)s earns %(salary).0f" % staff[0]._asdict())
print("%5.1f%%" % 45.678, "%-6s|" % "ab", "%06.2f" % -1.5, "%+d" % 0, "%e" % 0.0, "%.0e" % 15000, "%g" % 1e-10, "%10.4s|" % "abcdefg")
print("|".join(f"{x:^7}" for x in ["a", "bb", "ccc"]), f"{'left':<8}|{'right':>8}|", f"{3.5:=+8.2f}", f"{-42:=8d}")
print(f"{1234567.891:,.2f} {1234567:_d} {0.5:.0%} {1/3:.4} {1e20:.3g} {123.456:.2g} {float('inf'):f} {-0.0:.1f}")
width = max(len(e.name) for e in staff)
for e in staff[:3]:
    print(f"{e.name:{width}} | {e.salary:>{10}.{1}f} | {e.start % 100:02d}")
table = [[1, 22, 333], [4444, 5, 66], [7, 888, 9]]
widths = [max(len(str(r[i])) for r in table) for i in range(3)]
for r in table:
    print("  ".join(str(v).rjust(w) for v, w in zip(r, widths)))
print(str(3.0), str(1e100), repr(1.1), str(0.1 + 0.2), 1e22, 1e21, 123456789012345678.0, 5e-324, 2.5e-5)
print(round(3.14159, 3), round(2.5), round(3.5), round(-0.5), round(1.005, 2), round(12345, -2), format(0.125, ".2f"), format(0.375, ".2f"))
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
print("a", "b", sep="", end="!\n")
print(*[1, 2, 3], sep=", ")
print()
print("tab\tsep", "nl\\n literal", 'quote " in', "quote ' in")
print(repr("tab\t"), repr('it\'s'), repr("both ' and \""), repr("\x00\x1f\x7f\u00e9\u200b"), ascii("é€"))
