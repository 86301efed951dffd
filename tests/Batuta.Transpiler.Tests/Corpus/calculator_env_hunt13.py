import operator
import re
import sys

TOKEN_SPEC = [
    ('NUMBER', r'\d+(?:\.\d*)?'),
    ('NAME', r'[A-Za-z_]\w*'),
    ('OP', r'\*\*|[-+*/%^(),=]'),
    ('SKIP', r'[ \t]+'),
    ('MISMATCH', r'.'),
]
MASTER = re.compile('|'.join('(?P<%s>%s)' % pair for pair in TOKEN_SPEC))

class CalcError(Exception):
    pass

def tokenize(text):
    for m in MASTER.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            raise CalcError(f'unexpected {value!r} at {m.start()}')
        yield kind, value
    yield 'EOF', None

BINOPS = {'+': operator.add, '-': operator.sub, '*': operator.mul, '/': operator.truediv, '%': operator.mod}
FUNCS = {'max': max, 'min': min, 'abs': abs, 'round': round}

class Parser:
    def __init__(self, text, env):
        self.tokens = list(tokenize(text))
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, value):
        kind, v = self.next()
        if v != value:
            raise CalcError(f'expected {value!r}, got {v!r}')

    def statement(self):
        if self.peek()[0] == 'NAME' and self.tokens[self.pos + 1][1] == '=':
            name = self.next()[1]
            self.next()
            val = self.expr()
            self.env[name] = val
            return val
        return self.expr()

    def expr(self):
        left = self.term()
        while self.peek()[1] in ('+', '-'):
            op = self.next()[1]
            left = BINOPS[op](left, self.term())
        return left

    def term(self):
        left = self.factor()
        while self.peek()[1] in ('*', '/', '%'):
            op = self.next()[1]
            right = self.factor()
            try:
                left = BINOPS[op](left, right)
            except ZeroDivisionError as e:
                raise CalcError('division by zero') from e
        return left

    def factor(self):
        if self.peek()[1] == '-':
            self.next()
            return -self.factor()
        base = self.atom()
        if self.peek()[1] in ('**', '^'):
            self.next()
            return base ** self.factor()
        return base

    def atom(self):
        kind, value = self.next()
        if kind == 'NUMBER':
            return value
        if kind == 'NAME':
            if self.peek()[1] == '(':
                self.next()
                args = [self.expr()]
                while self.peek()[1] == ',':
                    self.next()
                    args.append(self.expr())
                self.expect(')')
                if value not in FUNCS:
                    raise CalcError('unknown function %s' % value)
                return FUNCS[value](*args)
            try:
                return self.env[value]
            except KeyError:
                raise CalcError(f'undefined: {value}') from None
        if value == '(':
            v = self.expr()
            self.expect(')')
            return v
        raise CalcError(f'unexpected token {kind} {value!r}')

def evaluate(line, env):
    p = Parser(line, env)
    result = p.statement()
    if p.peek()[0] != 'EOF':
        raise CalcError('trailing input: %r' % (p.peek()[1],))
    return result

def main():
    env = {'pi': 3.14159}
    errors = 0
    for lineno, line in enumerate(sys.stdin, 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        try:
            result = evaluate(line, env)
        except CalcError as e:
            errors += 1
            cause = e.__cause__
            print(f"{lineno}: error: {e}" + (f" (caused by {type(cause).__name__})" if cause else ""))
        except (TypeError, OverflowError) as e:
            errors += 1
            print(f"{lineno}: {type(e).__name__}: {e}")
        else:
            print(f"{lineno}: {line} => {result!r}")
    print("vars:", {k: v for k, v in sorted(env.items()) if k != 'pi'})
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
