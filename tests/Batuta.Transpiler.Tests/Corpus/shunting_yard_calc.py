"""A shunting-yard calculator: Enum tokens, precedence climbing to RPN, a dict of lambdas, SyntaxError/ZeroDivisionError/IndexError handling."""
import string
from enum import Enum, auto

class Tok(Enum):
    NUM = auto()
    OP = auto()
    LP = auto()
    RP = auto()

def tokenize(s):
    i = 0
    out = []
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            text = s[i:j]
            out.append((Tok.NUM, float(text) if "." in text else int(text)))
            i = j
        elif ch in "+-*/%^":
            out.append((Tok.OP, ch)); i += 1
        elif ch == "(":
            out.append((Tok.LP, ch)); i += 1
        elif ch == ")":
            out.append((Tok.RP, ch)); i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
    return out

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}

def to_rpn(tokens):
    out, stack = [], []
    for kind, val in tokens:
        if kind is Tok.NUM:
            out.append(val)
        elif kind is Tok.OP:
            while stack and stack[-1] != "(" and (PREC[stack[-1]] > PREC[val] or (PREC[stack[-1]] == PREC[val] and val != "^")):
                out.append(stack.pop())
            stack.append(val)
        elif kind is Tok.LP:
            stack.append("(")
        else:
            while stack and stack[-1] != "(":
                out.append(stack.pop())
            if not stack:
                raise SyntaxError("unbalanced )")
            stack.pop()
    while stack:
        op = stack.pop()
        if op == "(":
            raise SyntaxError("unbalanced (")
        out.append(op)
    return out

def evaluate(rpn):
    st = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b}
    for t in rpn:
        if isinstance(t, str):
            b, a = st.pop(), st.pop()
            st.append(ops[t](a, b))
        else:
            st.append(t)
    return st[0]

for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "7 % 3 - 10 / 4", "1.5 * (2 + 2)", "-1", "(1 + 2", "2 $ 3", "8 / 0"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:<16} -> {' '.join(map(str, rpn)):<20} = {evaluate(rpn)}")
    except SyntaxError as e:
        print(f"{expr:<16} !! syntax: {e}")
    except ZeroDivisionError as e:
        print(f"{expr:<16} !! {type(e).__name__}: {e}")
    except IndexError:
        print(f"{expr:<16} !! stack underflow")
print(string.ascii_lowercase[:5], string.punctuation[:4], Tok.NUM, Tok.OP.value, [t.name for t in Tok])
