people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
nums = [5, -3, 2, -8, 7]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
words.sort()
print(words)
words.sort(key=lambda w: (len(w), w.lower()))
print(words)
print(sorted("hello"), sorted({3: "a", 1: "b"}), min("hello"), max([[1, 2], [1, 3], [0, 9]]))
