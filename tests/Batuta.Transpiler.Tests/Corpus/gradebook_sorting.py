"""A grade book: __lt__ over (average or 0, name) calling a method with a default through an untyped other, sorting, defaultdicts."""
"""Grade book / student records."""
import sys
from dataclasses import dataclass, field
from collections import defaultdict, namedtuple
from typing import List, Dict, Optional
import functools


class ValidationError(ValueError):
    pass


def validate(min_score=0, max_score=100):
    def decorator(fn):
        @functools.wraps(fn)
        def inner(self, name, score):
            if not (min_score <= score <= max_score):
                raise ValidationError(f"score {score} out of range [{min_score}, {max_score}]")
            return fn(self, name, score)
        return inner
    return decorator


class Student:
    count = 0

    def __init__(self, name: str, year: int = 1):
        self.name = name
        self._year = year
        self.scores: Dict[str, List[int]] = defaultdict(list)
        Student.count += 1

    @property
    def year(self):
        return self._year

    @year.setter
    def year(self, value):
        if value < 1 or value > 4:
            raise ValueError(f"bad year {value}")
        self._year = value

    def add(self, course, score):
        self.scores[course].append(score)

    def average(self, course=None) -> Optional[float]:
        vals = self.scores[course] if course else [s for v in self.scores.values() for s in v]
        return sum(vals) / len(vals) if vals else None

    def __eq__(self, other):
        return isinstance(other, Student) and self.name == other.name

    def __hash__(self):
        return hash(self.name)

    def __lt__(self, other):
        return (self.average() or 0, self.name) < (other.average() or 0, other.name)

    def __repr__(self):
        return f"Student({self.name!r}, year={self.year})"


Grade = namedtuple("Grade", ["letter", "low"])
GRADES = [Grade("A", 90), Grade("B", 80), Grade("C", 70), Grade("D", 60), Grade("F", 0)]


def letter(avg: Optional[float]) -> str:
    if avg is None:
        return "-"
    return next(g.letter for g in GRADES if avg >= g.low)


def parse_records(text: str):
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line[0] == "#":
            continue
        name, course, *scores = [p.strip() for p in line.split(",")]
        yield n, name, course, [int(s) for s in scores if s]


RECORDS = """
# name, course, scores...
Ana, math, 95, 88, 92
Ben, math, 72, 65
Ana, physics, 78
Cy, math, 55, 61, 70, 58
Ben, physics, 88, 91
Dee, art,
Cy, art, 99
Ben, math, 101
"""


def main():
    roster: Dict[str, Student] = {}
    problems = []
    for n, name, course, scores in parse_records(RECORDS):
        st = roster.setdefault(name, Student(name))
        for s in scores:
            if not 0 <= s <= 100:
                problems.append(f"line {n}: {name} {course} score {s} invalid")
                continue
            st.add(course, s)
        if not scores:
            st.scores[course]
    print(f"{Student.count} Student objects created, {len(roster)} unique")
    print(problems)

    print([st.name for st in sorted(roster.values(), reverse=True)])
    return len(problems)


if __name__ == "__main__":
    sys.exit(main())
