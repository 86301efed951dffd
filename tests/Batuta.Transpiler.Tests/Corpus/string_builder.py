def caesar(text: str, shift: int) -> str:
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def rle(s: str) -> str:
    if not s:
        return ""
    result = ""
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            result += f"{count}{prev}"
            prev = ch
            count = 1
    return result + f"{count}{prev}"


def is_palindrome(s: str) -> bool:
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


msg = "Hello, World!"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3))
print(rle("aaabccddddde"), rle(""), rle("x"))
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
print(" ".join(w[::-1] for w in "reverse each word".split()))
