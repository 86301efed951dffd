"""Recursive methods: a binary search tree, a visitor, and the recursion limit reached through self calls."""
import sys


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.visits = 0

    def insert(self, key):
        self.root = self._insert(self.root, key)

    def _insert(self, node, key):
        if node is None:
            return Node(key)
        if key < node.key:
            node.left = self._insert(node.left, key)
        elif key > node.key:
            node.right = self._insert(node.right, key)
        return node

    def height(self, node):
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def inorder(self, node, out):
        if node is not None:
            self.inorder(node.left, out)
            self.visits += 1
            out.append(node.key)
            self.inorder(node.right, out)
        return out

    def depth_probe(self, n):
        return n if n == 0 else self.depth_probe(n - 1)

    def count(self, node):
        return 0 if node is None else 1 + sum(self.count(c) for c in (node.left, node.right))


t = Tree()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(t.root, []), t.height(t.root), t.visits, t.count(t.root))
chain = Tree()
for k in range(900):
    chain.insert(k)
print(chain.height(chain.root))
try:
    chain.depth_probe(5000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(6000)
print(chain.depth_probe(5000))
sys.setrecursionlimit(1000)
try:
    for k in range(900, 1100):
        chain.insert(k)
except RecursionError:
    print("too deep at", chain.height.__name__)
