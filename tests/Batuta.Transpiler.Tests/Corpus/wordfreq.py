TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""


def tokenize(text: str) -> list[str]:
    words = []
    for raw in text.lower().split():
        w = raw.strip(".,;:!?")
        if w:
            words.append(w)
    return words


def frequencies(words: list[str]) -> dict[str, int]:
    freq: dict[str, int] = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


words = tokenize(TEXT)
freq = frequencies(words)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, count in top:
    print(f"{word:<8}{count:>3} {'#' * count}")
print(len(words), len(freq))
