import json


class JsonMixin:
    def to_json(self):
        return json.dumps(self.as_dict(), sort_keys=True)

    def describe(self):
        return "json:" + self.name


class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class Entity:
    kind = "entity"

    def __init__(self, name):
        self.name = name

    def describe(self):
        return "entity:" + self.name

    def as_dict(self):
        return {"name": self.name, "kind": self.kind}


class User(JsonMixin, ReprMixin, Entity):
    kind = "user"

    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def as_dict(self):
        d = super().as_dict()
        d["age"] = self.age
        return d


class Tag(ReprMixin, Entity):
    pass


u = User("ann", 31)
t = Tag("red")
print(u.to_json())
print(u.describe(), t.describe())
print(repr(u), repr(t), [t])
print(isinstance(u, Entity), isinstance(u, JsonMixin), isinstance(t, ReprMixin), isinstance(t, JsonMixin))
print(u.kind, t.kind)
