"""Subclass methods that take more parameters than the method they override (with defaults)."""

SCALE = 3


class Base:
    def area(self, scale):
        return 1.5 * scale

    def label(self):
        return "base"


class Right(Base):
    def area(self, scale, extra=0):
        return super().area(scale) * 2 + extra

    def label(self, upper=False, suffix="!"):
        text = "right" + suffix
        return text.upper() if upper else text


class Wide(Right):
    def area(self, scale, extra=0):
        return super().area(scale, extra) + 100


class Square(Base):
    def area(self, scale, *, rounded=False):
        v = scale * scale * 1.1
        return round(v) if rounded else v


class Tagged(Base):
    def label(self, tags=None, factor=SCALE):
        tags = tags or []
        return "tagged[" + ",".join(tags) + "]x" + str(factor)


shapes = [Base(), Right(), Wide(), Square(), Tagged()]
for s in shapes:
    print(type(s).__name__, s.area(3), s.label())
print(Right().area(3, 1), Wide().area(2, 5), Square().area(2.5, rounded=True))
print(Right().label(True), Right().label(suffix="?"), Tagged().label(["a", "b"], 2))
total = 0
for s in shapes:
    total += s.area(2)
print("total", round(total, 3))
