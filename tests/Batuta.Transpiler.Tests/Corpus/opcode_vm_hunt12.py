"""A tiny stack VM with opcode dispatch through getattr, the way old interpreters were written."""
import operator


class VMError(Exception):
    def __init__(self, msg, pc):
        super(VMError, self).__init__("%s at pc=%d" % (msg, pc))
        self.pc = pc


class VM(object):
    BINOPS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.floordiv, "mod": operator.mod}

    def __init__(self, program, trace=False):
        self.program = program
        self.stack = []
        self.vars = {}
        self.pc = 0
        self.trace = trace
        self.output = []

    def op_push(self, arg):
        self.stack.append(arg)

    def op_pop(self, arg):
        self.stack.pop()

    def op_load(self, name):
        if name not in self.vars:
            raise VMError("undefined %s" % name, self.pc)
        self.stack.append(self.vars[name])

    def op_store(self, name):
        self.vars[name] = self.stack.pop()

    def op_print(self, arg):
        self.output.append(str(self.stack.pop()))

    def op_jz(self, target):
        if self.stack.pop() == 0:
            self.pc = target - 1

    def op_jmp(self, target):
        self.pc = target - 1

    def op_dup(self, arg):
        self.stack.append(self.stack[-1])

    def run(self, limit=10000):
        steps = 0
        while self.pc < len(self.program):
            op, arg = self.program[self.pc]
            if op in self.BINOPS:
                b, a = self.stack.pop(), self.stack.pop()
                try:
                    self.stack.append(self.BINOPS[op](a, b))
                except ZeroDivisionError:
                    raise VMError("division by zero", self.pc)
            else:
                handler = getattr(self, "op_" + op, None)
                if handler is None:
                    raise VMError("bad opcode %r" % op, self.pc)
                handler(arg)
            if self.trace:
                print("%3d %-6s %-8r %s" % (self.pc, op, arg, self.stack))
            self.pc += 1
            steps += 1
            if steps > limit:
                raise VMError("step limit", self.pc)
        return self.output


countdown = [("push", 5), ("store", "n"), ("load", "n"), ("jz", 11), ("load", "n"), ("print", None),
             ("load", "n"), ("push", 1), ("sub", None), ("store", "n"), ("jmp", 2), ("push", "done"), ("print", None)]
print(VM(countdown).run())
VM([("push", 7), ("push", 3), ("mod", None), ("dup", None), ("mul", None), ("print", None)], trace=True).run()
for prog in ([("load", "x")], [("push", 1), ("push", 0), ("div", None)], [("frob", 1)], [("jmp", 0)]):
    try:
        VM(prog).run(limit=50)
    except VMError as e:
        print("error:", e, e.pc, type(e).__name__, isinstance(e, Exception))
