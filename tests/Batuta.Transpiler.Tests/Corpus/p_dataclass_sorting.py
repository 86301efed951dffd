from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    dept: str
    salary: int


staff = [
    Employee("Ann", "eng", 120),
    Employee("Bob", "ops", 90),
    Employee("Cid", "eng", 110),
    Employee("Dee", "ops", 95),
    Employee("Eve", "hr", 70),
]
by_dept: dict[str, list[Employee]] = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for dept in sorted(by_dept):
    members = by_dept[dept]
    total = sum(m.salary for m in members)
    print(dept, len(members), total, max(members, key=lambda m: m.salary).name)
print(sorted(staff, key=lambda e: (e.dept, -e.salary))[0])
raise_pct = 10
for e in staff:
    e.salary += e.salary * raise_pct // 100
print([e.salary for e in staff])
