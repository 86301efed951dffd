def grade(score: int) -> str:
    if 90 <= score <= 100:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 0 <= score < 80:
        return "C"
    return "?"


print([grade(s) for s in [95, 85, 50, 101, -1]])
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6, 1 <= 1 <= 1 < 2)
a, b, c = 3, 3, 4
print(a == b == c, a < b <= c, a is not None)
