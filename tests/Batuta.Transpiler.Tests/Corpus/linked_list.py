class ListNode:
    def __init__(self, value: int, next_node=None):
        self.value = value
        self.next = next_node


class LinkedList:
    def __init__(self):
        self.head = None
        self.length = 0

    def push(self, value: int) -> None:
        self.head = ListNode(value, self.head)
        self.length += 1

    def reverse(self) -> None:
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self) -> list[int]:
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def __len__(self) -> int:
        return self.length

    def __iter__(self):
        cur = self.head
        while cur is not None:
            yield cur.value
            cur = cur.next


ll = LinkedList()
for v in range(1, 6):
    ll.push(v * 10)
print(ll.to_list(), len(ll))
ll.reverse()
print(ll.to_list(), sum(ll), [v // 10 for v in ll])
