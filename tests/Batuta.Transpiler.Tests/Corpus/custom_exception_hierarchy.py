class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, what: str):
        super().__init__(f"{what} not found")
        self.what = what


class Forbidden(AppError):
    pass


def lookup(key: str) -> str:
    db = {"a": "alpha", "b": "beta"}
    if key == "x":
        raise Forbidden("no access to x")
    if key not in db:
        raise NotFound(key)
    return db[key]


for k in ["a", "z", "x", "b"]:
    try:
        print(lookup(k))
    except NotFound as e:
        print("404:", e, e.what)
    except AppError as e:
        print("app error:", e)
lookup("q")
