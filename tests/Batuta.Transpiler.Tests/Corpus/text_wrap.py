def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


TEXT = "The quick brown fox jumps over the lazy dog and keeps running far into the distant hills"
for w in (10, 20, 40):
    print(f"width {w}:")
    for line in wrap(TEXT, w):
        print("|" + line.ljust(w) + "|")
