class A:
    def who(self) -> str:
        return "A"

    def chain(self) -> str:
        return self.who()


class B(A):
    def who(self) -> str:
        return "B>" + super().who()


class C(B):
    def who(self) -> str:
        return "C>" + super().who()


for obj in [A(), B(), C()]:
    print(obj.chain(), isinstance(obj, A), isinstance(obj, B), isinstance(obj, C))
