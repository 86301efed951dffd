"""Legacy class hierarchies that call a grandparent's __init__ directly, skipping the parent's."""


class Base:
    def __init__(self, tag="base"):
        self.log = ["Base:" + tag]
        self.size = 0


class Middle(Base):
    def __init__(self):
        Base.__init__(self, "from Middle")
        self.log.append("Middle")
        self.size = 10


class Leaf(Middle):
    def __init__(self, n):
        print("Leaf before", n)
        Base.__init__(self, "from Leaf")
        self.log.append("Leaf%d" % n)
        self.size += n


class SubLeaf(Leaf):
    pass


class A:
    def __init__(self):
        self.log = ["A"]


class B(A):
    def __init__(self):
        A.__init__(self)
        self.log.append("B")


class C(B):
    def __init__(self):
        A.__init__(self)
        self.log.append("C")

    def describe(self):
        return "/".join(self.log)


class Widget:
    count = 0

    def __init__(self, name, width=1):
        Widget.count += 1
        self.name = name
        self.width = width


class Panel(Widget):
    def __init__(self, name):
        Widget.__init__(self, name, width=100)
        self.children = []


class Toolbar(Panel):
    def __init__(self, name, *buttons):
        Widget.__init__(self, name.upper(), 20)
        self.buttons = list(buttons)


leaf = Leaf(1)
print(leaf.log, leaf.size, Middle().log, SubLeaf(2).log, SubLeaf(3).size)
print(isinstance(leaf, Middle), type(SubLeaf(4)).__name__)
print(C().log, B().log, C().describe())
bar = Toolbar("main", "open", "save")
panel = Panel("side")
print(bar.name, bar.width, bar.buttons, panel.width, panel.children, Widget.count)
