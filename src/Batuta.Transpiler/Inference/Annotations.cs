using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>Python type annotations (PEP 484/585/604) → <see cref="PyType"/>.</summary>
    internal static class Annotations
    {
        public static PyType? Resolve(ExpressionNode? ann, Func<string, PyType?> classLookup)
        {
            if (ann is null) return null;
            switch (ann)
            {
                case Constant { Value: null }: return PyType.None;
                case Constant { Value: string s }: return ResolveName(s, classLookup) ?? PyType.Object;
                case Name n: return ResolveName(n.Id, classLookup) ?? PyType.Object;
                case Attribute a: return ResolveAttribute(a, classLookup);
                case BinOp { Op: Operator.BitOr } b:
                {
                    var l = Resolve(b.Left, classLookup) ?? PyType.Object;
                    var r = Resolve(b.Right, classLookup) ?? PyType.Object;
                    return PyType.Join(l, r);
                }
                case Subscript sub:
                {
                    string head = sub.Value is Name hn ? hn.Id : sub.Value is Attribute ha ? ha.Attr : "";
                    var args = sub.Slice is Tuple t ? t.Elts.ToArray() : new[] { sub.Slice };
                    PyType A(int i) => i < args.Length ? Resolve(args[i], classLookup) ?? PyType.Object : PyType.Object;
                    switch (head)
                    {
                        case "list": case "List": case "Sequence": case "MutableSequence": return PyType.List(A(0));
                        case "Iterable": case "Iterator": case "Generator": case "Collection": return PyType.Iterable(A(0));
                        case "set": case "Set": case "frozenset": case "FrozenSet": case "AbstractSet": return PyType.Set(A(0));
                        case "dict": case "Dict": case "Mapping": case "MutableMapping": return PyType.Dict(A(0), A(1));
                        case "defaultdict": case "DefaultDict": return PyType.DefaultDict(A(0), A(1));
                        case "Counter": return PyType.Counter(A(0));
                        case "deque": case "Deque": return PyType.Deque(A(0));
                        case "Optional": return PyType.Optional(A(0));
                        case "Union":
                            return args.Select(x => Resolve(x, classLookup) ?? PyType.Object).Aggregate(PyType.Unknown, PyType.Join);
                        case "tuple": case "Tuple":
                            if (args.Length == 2 && args[1] is Constant { Value: Batuta.Python.Ast.PythonEllipsis }) return PyType.VarTuple(A(0));
                            return PyType.Tuple(args.Select(x => Resolve(x, classLookup) ?? PyType.Object).ToArray());
                        // Callable[..., R]: any signature, so a dynamic callable (a delegate type needs the parameters)
                        case "Callable" when sub.Slice is Tuple { Elts: [Constant { Value: Batuta.Python.Ast.PythonEllipsis }, _] }:
                            return PyType.Object;
                        case "Callable":
                        {
                            var ps = sub.Slice is Tuple ct && ct.Elts.Count == 2 && ct.Elts[0] is List pl ? pl.Elts.Select(x => Resolve(x, classLookup) ?? PyType.Object).ToArray() : Array.Empty<PyType>();
                            var ret = sub.Slice is Tuple ct2 && ct2.Elts.Count == 2 ? Resolve(ct2.Elts[1], classLookup) ?? PyType.Object : PyType.Object;
                            return PyType.Func(ret, ps);
                        }
                        case "type": case "Type": return PyType.Object;
                        case "Final": case "ClassVar": case "Annotated": return A(0);
                    }
                    return PyType.Object;
                }
            }
            return PyType.Object;
        }

        /// <summary><c>module.Class</c> names that module's class (another module may have one of the same name); <c>typing.List</c> is <c>List</c>.</summary>
        private static PyType ResolveAttribute(Attribute a, Func<string, PyType?> classLookup) =>
            (a.Value is Name module && classLookup(module.Id + "." + a.Attr) is { Kind: TypeKind.Class } qualified ? qualified : null)
            ?? ResolveName(a.Attr, classLookup) ?? PyType.Object;

        private static PyType? ResolveName(string name, Func<string, PyType?> classLookup) =>
            name is not ("int" or "float" or "bool" or "str" or "bytes" or "None") && classLookup(name) is { Kind: TypeKind.Class } user ? user : ResolveBuiltinName(name, classLookup);

        private static PyType? ResolveBuiltinName(string name, Func<string, PyType?> classLookup) => name switch
        {
            "int" => PyType.Int,
            "float" => PyType.Float,
            "bool" => PyType.Bool,
            "str" => PyType.Str,
            "bytes" => PyType.Bytes,
            "None" => PyType.None,
            "list" or "List" => PyType.List(PyType.Unknown),
            "dict" or "Dict" => PyType.Dict(PyType.Unknown, PyType.Unknown),
            "set" or "Set" => PyType.Set(PyType.Unknown),
            "tuple" or "Tuple" => PyType.VarTuple(PyType.Unknown),
            "Any" or "object" => PyType.Object,
            "deque" or "Deque" => PyType.Deque(PyType.Unknown),
            "defaultdict" or "DefaultDict" => PyType.DefaultDict(PyType.Unknown, PyType.Unknown),
            "Counter" => PyType.Counter(PyType.Unknown),
            "frozenset" or "FrozenSet" => PyType.Set(PyType.Unknown),
            "Iterable" or "Iterator" or "Generator" => PyType.Iterable(PyType.Unknown),
            "float | int" => PyType.Float,
            "TextIO" or "IO" => PyType.File,
            _ => classLookup(name),
        };
    }
}
