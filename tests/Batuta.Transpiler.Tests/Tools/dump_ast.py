"""Dumps CPython's ast of each file named on stdin (one path a line) as one JSON document a line.

Test support only: until Batuta.Python's parser lands, the transpiler tests build their trees from
CPython's own ast, through Support/CPythonFrontEnd.cs.
"""
import ast
import json
import sys


def enc(node):
    if isinstance(node, ast.AST):
        out = {"_t": type(node).__name__}
        for f in node._fields:
            out[f] = enc(getattr(node, f, None))
        if hasattr(node, "lineno"):
            out["_pos"] = [node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or 0]
        if isinstance(node, ast.Constant):
            out["value"] = const(node.value)
        if isinstance(node, ast.MatchSingleton):
            out["value"] = const(node.value)
        return out
    if isinstance(node, list):
        return [enc(x) for x in node]
    return node


def const(v):
    if v is None:
        return {"_c": "None"}
    if isinstance(v, bool):
        return {"_c": "bool", "v": v}
    if isinstance(v, int):
        return {"_c": "int", "v": str(v)}
    if isinstance(v, float):
        return {"_c": "float", "v": repr(v)}
    if isinstance(v, complex):
        return {"_c": "complex", "v": [v.real, v.imag]}
    if isinstance(v, str):
        return {"_c": "str", "v": v.encode("utf-16", "surrogatepass").hex()}
    if isinstance(v, bytes):
        return {"_c": "bytes", "v": v.hex()}
    if v is Ellipsis:
        return {"_c": "Ellipsis"}
    raise TypeError(type(v))


for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
        print(json.dumps({"path": path, "ast": enc(tree)}))
    except SyntaxError as e:
        print(json.dumps({"path": path, "error": {"msg": e.msg, "line": e.lineno or 1, "col": (e.offset or 1) - 1}}))
    sys.stdout.flush()
