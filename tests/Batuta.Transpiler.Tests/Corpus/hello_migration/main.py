"""Hello migration: a small legacy program that Batuta migrates end to end."""

from textutil import word_lengths


def greet(name: str) -> str:
    return f"Hello, {name}!"


def fibonacci(n: int) -> list[int]:
    seq = [0, 1]
    while len(seq) < n:
        seq.append(seq[-1] + seq[-2])
    return seq[:n]


def classify(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)


def main() -> None:
    print(greet("Batuta"))
    fib = fibonacci(12)
    print("fib:", fib)
    print("sum:", sum(fib), "max:", max(fib), "evens:", [x for x in fib if x % 2 == 0])
    print(" ".join(classify(i) for i in range(1, 16)))
    lengths = word_lengths(["legacy", "python", "to", "dotnet", "migration"])
    for word, n in sorted(lengths.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{word:>10} {n:2d}")
    print("average length: %.2f" % (sum(lengths.values()) / len(lengths)))
    print(2 ** 70, -7 // 2, -7 % 3, 7 / 2, round(2.675, 2))


if __name__ == "__main__":
    main()
