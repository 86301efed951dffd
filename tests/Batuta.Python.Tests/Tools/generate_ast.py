#!/usr/bin/env python3
"""Generates src/Batuta.Python/Ast/*.g.cs from CPython 3.11's ASDL (Parser/Python.asdl).

Run with /usr/bin/python3 (3.11): the script checks every class and field list against the
interpreter's own `ast` module, so the generated tree cannot drift from the oracle.
    /usr/bin/python3 tests/Batuta.Python.Tests/Tools/generate_ast.py
"""
import ast
import os
import re
import sys

ASDL = r"""
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
    | Return(expr? value)
    | Delete(expr* targets)
    | Assign(expr* targets, expr value, string? type_comment)
    | AugAssign(expr target, operator op, expr value)
    | AnnAssign(expr target, expr annotation, expr? value, bool simple)
    | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | While(expr test, stmt* body, stmt* orelse)
    | If(expr test, stmt* body, stmt* orelse)
    | With(withitem* items, stmt* body, string? type_comment)
    | AsyncWith(withitem* items, stmt* body, string? type_comment)
    | Match(expr subject, match_case* cases)
    | Raise(expr? exc, expr? cause)
    | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | Assert(expr test, expr? msg)
    | Import(alias* names)
    | ImportFrom(identifier? module, alias* names, int? level)
    | Global(identifier* names)
    | Nonlocal(identifier* names)
    | Expr(expr value)
    | Pass
    | Break
    | Continue

expr = BoolOp(boolop op, expr* values)
    | NamedExpr(expr target, expr value)
    | BinOp(expr left, operator op, expr right)
    | UnaryOp(unaryop op, expr operand)
    | Lambda(arguments args, expr body)
    | IfExp(expr test, expr body, expr orelse)
    | Dict(expr?* keys, expr* values)
    | Set(expr* elts)
    | ListComp(expr elt, comprehension* generators)
    | SetComp(expr elt, comprehension* generators)
    | DictComp(expr key, expr value, comprehension* generators)
    | GeneratorExp(expr elt, comprehension* generators)
    | Await(expr value)
    | Yield(expr? value)
    | YieldFrom(expr value)
    | Compare(expr left, cmpop* ops, expr* comparators)
    | Call(expr func, expr* args, keyword* keywords)
    | FormattedValue(expr value, int conversion, expr? format_spec)
    | JoinedStr(expr* values)
    | Constant(constant value, string? kind)
    | Attribute(expr value, identifier attr, expr_context ctx)
    | Subscript(expr value, expr slice, expr_context ctx)
    | Starred(expr value, expr_context ctx)
    | Name(identifier id, expr_context ctx)
    | List(expr* elts, expr_context ctx)
    | Tuple(expr* elts, expr_context ctx)
    | Slice(expr? lower, expr? upper, expr? step)

comprehension = (expr target, expr iter, expr* ifs, bool is_async)
excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr?* kw_defaults, arg? kwarg, expr* defaults)
arg = (identifier arg, expr? annotation, string? type_comment)
keyword = (identifier? arg, expr value)
alias = (identifier name, identifier? asname)
withitem = (expr context_expr, expr? optional_vars)
match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
    | MatchSingleton(constant value)
    | MatchSequence(pattern* patterns)
    | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
    | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
    | MatchStar(identifier? name)
    | MatchAs(pattern? pattern, identifier? name)
    | MatchOr(pattern* patterns)

type_ignore = TypeIgnore(int lineno, string tag)
"""

# Abstract ASDL sums and the C# base class that stands for each.
SUM_BASE = {
    "mod": "ModNode", "stmt": "StatementNode", "expr": "ExpressionNode",
    "pattern": "PatternNode", "excepthandler": "ExceptHandlerNode", "type_ignore": "TypeIgnoreNode",
}
# ASDL product types and their C# class names.
PRODUCT_CLASS = {
    "comprehension": "Comprehension", "arguments": "Arguments", "arg": "Arg", "keyword": "Keyword",
    "alias": "Alias", "withitem": "WithItem", "match_case": "MatchCase",
}
ENUMS = {
    "expr_context": "ExprContext", "boolop": "BoolOperator", "operator": "Operator",
    "unaryop": "UnaryOperator", "cmpop": "CompareOperator",
}
# C# forbids a member named like its type: these fields get another property name.
RENAMES = {("arg", "arg"): "Name"}


def pascal(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))


def camel(name):
    p = pascal(name)
    r = p[:1].lower() + p[1:]
    return "@" + r if r in ("operator", "params", "base", "string", "object", "class", "event", "is") else r


class Field:
    def __init__(self, typ, name, owner):
        self.optional_items = typ.endswith("?*")
        self.seq = typ.endswith("*")
        self.opt = typ.endswith("?") and not self.seq
        self.base = typ.rstrip("?*")
        self.name = name
        self.prop = RENAMES.get((owner, name), pascal(name))

    def cs_type(self):
        b = self.base
        if b in SUM_BASE:
            t = SUM_BASE[b]
        elif b in PRODUCT_CLASS:
            t = PRODUCT_CLASS[b]
        elif b in ENUMS:
            t = ENUMS[b]
        elif b in ("identifier", "string"):
            t = "string"
        elif b == "int":
            t = "int"
        elif b == "bool":
            t = "bool"
        elif b == "constant":
            t = "object"
        else:
            raise SystemExit("unknown type " + b)
        if self.seq:
            return "NodeList<" + t + ("?" if self.optional_items else "") + ">"
        if self.opt or b == "constant":
            return t + "?"
        return t

    def is_node(self):
        return self.base in SUM_BASE or self.base in PRODUCT_CLASS


def parse_asdl():
    text = re.sub(r"\s+", " ", ASDL)
    defs = re.findall(r"(\w+) = (.*?)(?= \w+ = |$)", text)
    classes = []  # (python_name, cs_name, base, fields, sum)
    for name, body in defs:
        body = body.strip()
        if body.startswith("("):
            fields = [Field(t, n, name) for t, n in re.findall(r"([\w?*]+) (\w+)", body)]
            classes.append((name, PRODUCT_CLASS[name], "Node", fields, None))
            continue
        for alt in body.split("|"):
            alt = alt.strip()
            m = re.match(r"(\w+)(?:\((.*)\))?$", alt)
            cname, fl = m.group(1), m.group(2) or ""
            fields = [Field(t, n, cname) for t, n in re.findall(r"([\w?*]+) (\w+)", fl)]
            classes.append((cname, cname, SUM_BASE[name], fields, name))
    return classes


def check_against_cpython(classes):
    for py, cs, base, fields, _ in classes:
        real = getattr(ast, py)._fields
        mine = tuple(f.name for f in fields)
        if real != mine:
            raise SystemExit(f"{py}: ASDL fields {mine} differ from CPython {real}")
        for f in fields:
            omitted = getattr(getattr(ast, py), f.name, ...) is None
            if omitted != (f.opt or (f.base == "int" and f.opt)):
                raise SystemExit(f"{py}.{f.name}: optional flag disagrees with CPython")


HEADER = """// <auto-generated>
// Generated by tests/Batuta.Python.Tests/Tools/generate_ast.py from CPython 3.11's ASDL. Do not edit.
// </auto-generated>
#nullable enable
"""


def writer_method(f):
    b = f.base
    if f.seq:
        if f.is_node():
            return "OptionalNodeList" if f.optional_items else "NodeList"
        if b in ("identifier", "string"):
            return "StringList"
        if b in ENUMS:
            return "EnumList"
        raise SystemExit("no writer for list of " + b)
    if f.is_node():
        return "OptionalNode" if f.opt else "Node"
    if b in ("identifier", "string"):
        return "OptionalString" if f.opt else "String"
    if b == "int":
        return "OptionalInt" if f.opt else "Int"
    if b == "bool":
        return "Bool"
    if b in ENUMS:
        return "Enum"
    if b == "constant":
        return "ConstantValue"
    raise SystemExit("no writer for " + b)


def gen_nodes(classes):
    out = [HEADER, "namespace Batuta.Python.Ast\n{"]
    for py, cs, base, fields, _ in classes:
        out.append(f"    /// <summary>CPython <c>ast.{py}</c>.</summary>")
        out.append(f"    public sealed partial class {cs} : {base}\n    {{")
        params = ", ".join(f"{f.cs_type()} {camel(f.name)}" for f in fields)
        sep = ", " if params else ""
        out.append(f"        public {cs}({params}{sep}SourceSpan span) : base(span)\n        {{")
        for f in fields:
            out.append(f"            {f.prop} = {camel(f.name)};")
        out.append("        }\n")
        for f in fields:
            out.append(f"        /// <summary><c>{f.name}</c></summary>")
            out.append(f"        public {f.cs_type()} {f.prop} {{ get; }}\n")
        out.append(f"        public override NodeKind NodeKind => NodeKind.{cs};\n")
        out.append(f"        /// <summary>The class name in CPython's <c>ast</c> module.</summary>")
        out.append(f"        public override string PythonName => \"{py}\";\n")
        out.append(f"        public override void Accept(AstVisitor visitor) => visitor.Visit{cs}(this);\n")
        out.append(f"        public override TResult Accept<TResult>(AstVisitor<TResult> visitor) => visitor.Visit{cs}(this);\n")
        out.append("        internal override void WriteFields(AstDumpWriter writer)\n        {")
        for f in fields:
            extra = ", CodePoints" if (py, f.name) == ("Constant", "value") else ""
            out.append(f"            writer.{writer_method(f)}(\"{f.name}\", {f.prop}{extra});")
        out.append("        }\n")
        out.append("        internal override void WalkChildren(AstWalker walker)\n        {")
        for f in fields:
            if not f.is_node():
                continue
            v = f.prop
            if f.seq:
                q = "?" if f.optional_items else ""
                out.append(f"            foreach (var item in {v}) {{ if (item is not null) walker.Visit(item); }}" if q else f"            foreach (var item in {v}) walker.Visit(item);")
            elif f.opt:
                out.append(f"            if ({v} is not null) walker.Visit({v});")
            else:
                out.append(f"            walker.Visit({v});")
        out.append("        }")
        out.append("    }\n")
    out.append("}")
    return "\n".join(out) + "\n"


def gen_kinds(classes):
    out = [HEADER, "namespace Batuta.Python.Ast\n{",
           "    /// <summary>The concrete node classes, one value each (cheap switch without type tests).</summary>",
           "    public enum NodeKind\n    {"]
    for py, cs, *_ in classes:
        out.append(f"        {cs},")
    out.append("    }\n}")
    return "\n".join(out) + "\n"


def gen_visitors(classes):
    out = [HEADER, "namespace Batuta.Python.Ast\n{",
           "    /// <summary>Double dispatch over every node class; override what you need.</summary>",
           "    public abstract class AstVisitor\n    {"]
    for py, cs, *_ in classes:
        out.append(f"        public virtual void Visit{cs}({cs} node) => DefaultVisit(node);")
    out.append("\n        /// <summary>Called by every Visit method that is not overridden.</summary>")
    out.append("        public virtual void DefaultVisit(Node node) { }")
    out.append("    }\n")
    out.append("    /// <summary>Double dispatch with a result; every method defaults to <see cref=\"DefaultVisit\"/>.</summary>")
    out.append("    public abstract class AstVisitor<TResult>\n    {")
    for py, cs, *_ in classes:
        out.append(f"        public virtual TResult Visit{cs}({cs} node) => DefaultVisit(node);")
    out.append("\n        public abstract TResult DefaultVisit(Node node);")
    out.append("    }\n}")
    return "\n".join(out) + "\n"


def main():
    classes = parse_asdl()
    check_against_cpython(classes)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    dest = os.path.join(root, "src", "Batuta.Python", "Ast")
    os.makedirs(dest, exist_ok=True)
    for name, text in (("Nodes.g.cs", gen_nodes(classes)), ("NodeKind.g.cs", gen_kinds(classes)), ("AstVisitor.g.cs", gen_visitors(classes))):
        with open(os.path.join(dest, name), "w", newline="\n") as f:
            f.write(text)
    print(f"generated {len(classes)} node classes into {dest}")


if __name__ == "__main__":
    main()
