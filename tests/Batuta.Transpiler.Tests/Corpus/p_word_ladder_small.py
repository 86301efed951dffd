from collections import deque

WORDS = {"hot", "dot", "dog", "lot", "log", "cog", "hit"}


def ladder(start: str, end: str) -> int:
    q = deque([(start, 1)])
    seen = {start}
    while q:
        word, depth = q.popleft()
        if word == end:
            return depth
        for i in range(len(word)):
            for ch in "abcdefghijklmnopqrstuvwxyz":
                cand = word[:i] + ch + word[i + 1:]
                if cand in WORDS and cand not in seen:
                    seen.add(cand)
                    q.append((cand, depth + 1))
    return 0


print(ladder("hit", "cog"), ladder("hit", "xyz"))
