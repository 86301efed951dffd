class Stack:
    def __init__(self):
        self.items: list[int] = []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return len(self.items) > 0


def balanced(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


st = Stack()
for i in range(5):
    st.push(i * i)
print(len(st), st.pop(), st.pop(), bool(st))
while st:
    st.pop()
print(len(st), bool(st))
try:
    st.pop()
except IndexError as e:
    print("error:", e)
print([balanced(s) for s in ["()[]{}", "([)]", "((()))", "(", ""]])
