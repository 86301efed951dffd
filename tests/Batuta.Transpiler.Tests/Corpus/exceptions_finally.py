def risky(n: int) -> int:
    try:
        if n == 0:
            raise ValueError("zero")
        return 100 // n
    except ValueError:
        print("handling", n)
        return -1
    finally:
        print("cleanup", n)


print(risky(5), risky(0))


def nested() -> str:
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            print("inner caught", e)
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        return f"outer caught {e}"


print(nested())
try:
    raise NotImplementedError("todo")
except (TypeError, NotImplementedError) as e:
    print(type(e).__name__, e)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
