#!/usr/bin/env python3
"""Writes Errors/invalid_snippets.jsonl: code CPython 3.11 rejects, taken from the string literals and
doctests of CPython's own syntax-error tests, with the line, column and message CPython reports.
Run with /usr/bin/python3; the error parity test re-checks every entry against live CPython."""
import ast
import json
import os
import warnings

warnings.simplefilter("ignore")
TEST = "/usr/lib/python3.11/test"
FILES = ["test_syntax.py", "test_exceptions.py", "test_fstring.py", "test_grammar.py", "test_patma.py",
         "test_named_expressions.py", "test_positional_only_arg.py", "test_keywordonlyarg.py",
         "test_string_literals.py", "test_eof.py", "test_unpack_ex.py", "test_genexps.py", "test_global.py",
         "test_flufl.py", "test_syntax.py", "test_utf8source.py", "test_unicode_identifiers.py",
         "test_exception_group.py", "test_except_star.py", "test_compile.py", "test_pep646_syntax.py"]


def candidates(path):
    tree = ast.parse(open(path, "rb").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            s = node.value
            yield s
            if ">>> " in s:
                cur = []
                for line in s.split("\n"):
                    st = line.strip()
                    if st.startswith(">>> "):
                        if cur:
                            yield "\n".join(cur) + "\n"
                        cur = [st[4:]]
                    elif st.startswith("...") and cur:
                        cur.append(st[4:] if st.startswith("... ") else st[3:])
                    else:
                        if cur:
                            yield "\n".join(cur) + "\n"
                        cur = []
                if cur:
                    yield "\n".join(cur) + "\n"


def main():
    seen = set()
    out = []
    for name in FILES:
        path = os.path.join(TEST, name)
        if not os.path.exists(path):
            continue
        for s in candidates(path):
            if s in seen or len(s) > 2000 or not any(c in s for c in "=():[]{}\n"):
                continue
            seen.add(s)
            try:
                s.encode("utf-8")
            except UnicodeEncodeError:
                continue
            try:
                ast.parse(s)
            except SyntaxError as e:
                out.append({"src": s, "line": e.lineno or 0, "col": e.offset or 0, "msg": e.msg, "from": name})
            except (ValueError, MemoryError, RecursionError):
                pass
    dest = os.path.join(os.path.dirname(__file__), "..", "Errors", "invalid_snippets.jsonl")
    with open(dest, "w", encoding="utf-8", newline="\n") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=True) + "\n")
    print(len(out), "snippets ->", dest)


if __name__ == "__main__":
    main()
