"""Parallel assignment of empty containers to parameters that default to None (cur, out = [], {})."""
def collect(s, cur=None):
    if cur is None:
        cur = []
    cur.append(s)
    return cur


def pair(s, cur=None, out=None):
    if cur is None:
        cur, out = [], {}
    cur.append(s)
    out[s] = len(cur)
    return cur, out


print(collect("a"), collect("b", ["x"]), pair("q"), pair("r", ["z"], {"z": 0}))
