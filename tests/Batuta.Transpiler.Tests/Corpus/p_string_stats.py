s = "The rain in Spain stays mainly in the plain"
print(s.lower().count("ain"), s.find("Spain"), s.rfind("in"), s.index("stays"))
letters = {}
for ch in s.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
print(s.upper().split(), s.title(), s.swapcase()[:10])
print(len(s.split()), [w for w in s.split() if len(w) > 4], s.replace("ain", "AIN", 2))
