from typing import Optional


class Node:
    def __init__(self, key: int):
        self.key = key
        self.left: Optional["Node"] = None
        self.right: Optional["Node"] = None


class BST:
    def __init__(self):
        self.root: Optional[Node] = None
        self.size = 0

    def insert(self, key: int) -> None:
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        cur = self.root
        while True:
            if key < cur.key:
                if cur.left is None:
                    cur.left = Node(key)
                    break
                cur = cur.left
            elif key > cur.key:
                if cur.right is None:
                    cur.right = Node(key)
                    break
                cur = cur.right
            else:
                return
        self.size += 1

    def inorder(self) -> list[int]:
        out: list[int] = []

        def walk(n: Optional[Node]) -> None:
            if n is None:
                return
            walk(n.left)
            out.append(n.key)
            walk(n.right)

        walk(self.root)
        return out

    def contains(self, key: int) -> bool:
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False

    def height(self) -> int:
        def h(n: Optional[Node]) -> int:
            if n is None:
                return 0
            return 1 + max(h(n.left), h(n.right))

        return h(self.root)


t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    t.insert(k)
print(t.inorder(), t.size, t.height(), t.contains(65), t.contains(66))
