from collections import Counter

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sum(c.values()))
print(sorted(c.elements())[:6])
words = Counter()
for w in "one two two three three three".split():
    words[w] += 1
print(words.most_common(), list(words.keys()))
