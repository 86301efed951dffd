"""A recursive-descent calculator, a JSON-ish printer and a directory tree walk."""


class ParseError(Exception):
    pass


def tokenize(text):
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            tokens.append(("num", float(text[i:j])))
            i = j
        elif ch in "+-*/()^":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ParseError("bad char %r at %d" % (ch, i))
    return tokens


def parse_expr(tokens, pos):
    left, pos = parse_term(tokens, pos)
    while pos < len(tokens) and tokens[pos][1] in ("+", "-"):
        op = tokens[pos][1]
        right, pos = parse_term(tokens, pos + 1)
        left = left + right if op == "+" else left - right
    return left, pos


def parse_term(tokens, pos):
    left, pos = parse_factor(tokens, pos)
    while pos < len(tokens) and tokens[pos][1] in ("*", "/"):
        op = tokens[pos][1]
        right, pos = parse_factor(tokens, pos + 1)
        left = left * right if op == "*" else left / right
    return left, pos


def parse_factor(tokens, pos):
    if pos >= len(tokens):
        raise ParseError("unexpected end")
    kind, val = tokens[pos]
    if kind == "num":
        base, pos = val, pos + 1
    elif val == "(":
        base, pos = parse_expr(tokens, pos + 1)
        if pos >= len(tokens) or tokens[pos][1] != ")":
            raise ParseError("missing )")
        pos += 1
    elif val == "-":
        inner, pos = parse_factor(tokens, pos + 1)
        return -inner, pos
    else:
        raise ParseError("unexpected %s" % val)
    if pos < len(tokens) and tokens[pos][1] == "^":
        exp, pos = parse_factor(tokens, pos + 1)
        return base ** exp, pos
    return base, pos


def evaluate(text):
    try:
        value, pos = parse_expr(tokenize(text), 0)
        if pos != len(tokenize(text)):
            raise ParseError("trailing input")
        return value
    except ParseError as e:
        return "error: " + str(e)
    except ZeroDivisionError:
        return "error: division by zero"


def render(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        lines = [pad + "{"]
        for k in sorted(value):
            lines.append(pad + "  " + repr(k) + ":")
            lines.extend(render(value[k], indent + 2))
        lines.append(pad + "}")
        return lines
    if isinstance(value, (list, tuple)):
        out = [pad + "["]
        for v in value:
            out += render(v, indent + 1)
        return out + [pad + "]"]
    return [pad + repr(value)]


def tree_size(tree):
    total = tree.get("size", 0)
    for child in tree.get("children", []):
        total += tree_size(child)
    return total


def walk(tree, prefix=""):
    print(prefix + tree["name"], tree_size(tree))
    for child in tree.get("children", []):
        walk(child, prefix + "  ")


for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-(4 - 6) * 2.5", "1 / 0", "2 * (3 + ", "7 $ 2", "((((((1))))))"]:
    print(e, "=>", evaluate(e))
print("\n".join(render({"b": [1, (2, 3)], "a": {"x": None, "y": [True, "s"]}})))
fs = {"name": "/", "children": [{"name": "usr", "size": 10, "children": [{"name": "bin", "size": 300}]}, {"name": "tmp", "size": 5}]}
walk(fs)
print(evaluate("(" * 300 + "1" + ")" * 300))
