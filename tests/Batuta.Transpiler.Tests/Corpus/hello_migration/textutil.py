"""Small text helpers used by main.py."""


def word_lengths(words: list[str]) -> dict[str, int]:
    # A dict comprehension keeps insertion order, as Python guarantees.
    return {w: len(w) for w in words}
