class A:
    def __init__(self, name, legs=4, fly=True):
        self.name = name
        self.legs = legs
        self.fly = fly


class B(A):
    def __init__(self, name, fly=True):
        A.__init__(self, name, legs=2, fly=fly)


class C(B):
    def __init__(self, name):
        B.__init__(self, name, fly=False)


class D(B):
    def __init__(self, name):
        B.__init__(self, name, False)


for o in [B("b"), C("c"), D("d")]:
    print(o.name, o.legs, o.fly)

class AppError(Exception):
    def __init__(self, msg, code=1):
        Exception.__init__(self, msg)
        self.code = code


class DbError(AppError):
    def __init__(self, msg):
        AppError.__init__(self, "db: " + msg, code=7)


class Plain(object):
    def __init__(self, v):
        object.__init__(self)
        self.v = v


class Shape(object):
    def __init__(self, name):
        self.name = name
        self.log = ["Shape"]


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        self.w = w
        self.h = h
        Shape.__init__(self, name)
        self.log.append("Rect")

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s, name="square")
        self.log.append("Square")

    def area(self):
        return Rect.area(self) + 0


try:
    raise DbError("locked")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args)
print(Plain(3).v)
sq = Square(3)
print(sq.name, sq.w, sq.area(), sq.log)
r = Rect(2, 5)
print(r.name, r.area(), r.log)
