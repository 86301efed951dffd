def compress(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    return "".join(out)


def decompress(s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        ch = s[i]
        i += 1
        num = ""
        while i < len(s) and s[i].isdigit():
            num += s[i]
            i += 1
        out += ch * (int(num) if num else 1)
    return out


for s in ["aaabbbcccd", "abc", "zzzzzzzzzzzz", ""]:
    c = compress(s)
    print(repr(s), repr(c), decompress(c) == s)
