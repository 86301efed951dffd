s = "a\U0001F600b"
print(len("\U0001F600"), len(s), list(s), s[1], s[-1], s[1:], s[::-1])
print(s.find("b"), s.index("b"), s.rfind("a"), "x😀y😀z".find("z"), "x😀y😀z".find("😀", 2))
for i, ch in enumerate("héllo 🌍!"):
    print(i, ch, end=" ")
print()
word = "naïve café ☕"
print(len(word), word[::-1], word.upper(), sorted(set("🍎🍐🍎")))
print(f"[{'😀':>4}] [{'ab':<4}]")
