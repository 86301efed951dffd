def outer(x: int) -> int:
    def helper(y: int) -> int:
        return y * 2 + x

    def twice(f, v: int) -> int:
        return f(f(v))

    return twice(helper, 3)


def memo_fib(n: int) -> int:
    cache: dict[int, int] = {}

    def fib(k: int) -> int:
        if k < 2:
            return k
        if k in cache:
            return cache[k]
        r = fib(k - 1) + fib(k - 2)
        cache[k] = r
        return r

    return fib(n)


print(outer(1), outer(10))
print(memo_fib(80), memo_fib(150))
