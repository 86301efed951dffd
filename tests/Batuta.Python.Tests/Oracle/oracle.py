"""CPython oracle for Batuta.Python's tests: one process answers every query.

stdin: JSON lines {"id": ..., "path": "..."} or {"id": ..., "src": "..."}
argv[1]: dump | dump-attrs | symtable | compile
stdout: JSON lines {"id", "ok", ...}: the ast.dump text, the symbol table listing, or the SyntaxError line and message.
"""
import ast
import json
import symtable
import sys
import warnings

warnings.simplefilter("ignore")
MODE = sys.argv[1]


def symtable_listing(t, out, depth=0):
    tt = t._table
    kind = {symtable._symtable.TYPE_MODULE: "module", symtable._symtable.TYPE_FUNCTION: "function",
            symtable._symtable.TYPE_CLASS: "class"}.get(tt.type, "annotation")
    out.append(f"{'  ' * depth}T {kind} {tt.name} {tt.lineno} {int(bool(tt.nested))}")
    # Free names propagated from children land in hash order: compare names sorted.
    for name, v in sorted(tt.symbols.items()):
        out.append(f"{'  ' * depth} S {name} {v}")
    for c in tt.children:
        symtable_listing(symtable._newSymbolTable(c, t._filename), out, depth + 1)


def dump(tree, attrs):
    # ast.dump recurses in Python: a tree CPython parsed can be too deep for the default limit (parsing itself
    # does not depend on it), so dump with a raised limit.
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 100000))
    try:
        return ast.dump(tree, include_attributes=attrs)
    finally:
        sys.setrecursionlimit(old)


def answer(q):
    data = open(q["path"], "rb").read() if "path" in q else q["src"]
    try:
        if MODE in ("dump", "dump-attrs"):
            text = dump(ast.parse(data), MODE == "dump-attrs")
            return {"ok": True, "dump": text}
        if MODE == "symtable":
            out = []
            symtable_listing(symtable.symtable(data, "<unknown>", "exec"), out)
            return {"ok": True, "dump": "\n".join(out)}
        if MODE == "compile":
            compile(data, "<unknown>", "exec", dont_inherit=True)
            return {"ok": True}
        raise SystemExit("unknown mode " + MODE)
    except SyntaxError as e:
        # Encoding problems are reported at line 0 by CPython: there is no line to point at.
        return {"ok": False, "line": e.lineno or 0, "offset": e.offset or 0, "msg": e.msg, "type": type(e).__name__}
    except (ValueError, MemoryError, RecursionError) as e:
        return {"ok": False, "line": 0, "offset": 0, "msg": str(e), "type": type(e).__name__}


for line in sys.stdin:
    if not line.strip():
        continue
    q = json.loads(line)
    r = answer(q)
    r["id"] = q["id"]
    sys.stdout.write(json.dumps(r, ensure_ascii=True) + "\n")
sys.stdout.flush()
