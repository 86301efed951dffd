def classify(n: int) -> str:
    kind = "even" if n % 2 == 0 else "odd"
    size = "big" if abs(n) > 100 else "small" if abs(n) > 10 else "tiny"
    sign = "-" if n < 0 else "+" if n > 0 else "0"
    return f"{kind}/{size}/{sign}"


print([classify(n) for n in [0, 7, -12, 250, -1001]])
