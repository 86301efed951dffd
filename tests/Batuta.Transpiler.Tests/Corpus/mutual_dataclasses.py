# Dataclasses whose fields name each other (test/test_pprint.py's dataclass5/dataclass6): the transpiler's
# "may run user code" check followed the fields back and forth until the stack overflowed.
from dataclasses import dataclass


@dataclass
class Node:
    peer: "Other"
    n: int = 1


@dataclass
class Other:
    back: "Node"
    m: int = 2


def build():
    items = [Node(Other(None)), Node(None, 5)]
    items.append(Node(Other(Node(None, 7)), 3))
    return items


def main():
    items = build()
    print(items)
    print(sum(x.n for x in items), [x.peer.m for x in items if x.peer is not None])
    print(Other(Node(None)) == Other(Node(None)))


main()
