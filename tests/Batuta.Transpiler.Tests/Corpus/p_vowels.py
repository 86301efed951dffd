text = "Programming in Python is fun and productive"
vowels = set("aeiouAEIOU")
count = sum(1 for ch in text if ch in vowels)
print(count, len(text), text.count(" ") + 1)
by_word = {w: sum(ch in vowels for ch in w) for w in text.split()}
print(by_word)
print(max(by_word, key=by_word.get) if False else max(by_word, key=lambda w: by_word[w]))
