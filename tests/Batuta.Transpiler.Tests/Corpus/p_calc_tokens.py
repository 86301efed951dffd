def tokenize(expr: str) -> list[str]:
    tokens: list[str] = []
    num = ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(num)
            num = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if num:
        tokens.append(num)
    return tokens


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def to_rpn(tokens: list[str]) -> list[str]:
    out: list[str] = []
    ops: list[str] = []
    for t in tokens:
        if t in PREC:
            while ops and ops[-1] in PREC and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    while ops:
        out.append(ops.pop())
    return out


def evaluate(rpn: list[str]) -> float:
    stack: list[float] = []
    for t in rpn:
        if t in PREC:
            b = stack.pop()
            a = stack.pop()
            if t == "+":
                stack.append(a + b)
            elif t == "-":
                stack.append(a - b)
            elif t == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
        else:
            stack.append(float(t))
    return stack[0]


for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "2 * (3 + 4) * 5", "7"]:
    rpn = to_rpn(tokenize(e))
    print(e, "=>", " ".join(rpn), "=", evaluate(rpn))
