using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal enum ResolvedKind { Local, Global, Function, Class, Module, Builtin, StdlibMember, Unknown }

    internal sealed class Resolved
    {
        public Resolved(ResolvedKind kind, string code, VarInfo? var = null)
        {
            Kind = kind;
            Code = code;
            Var = var;
        }

        public ResolvedKind Kind { get; }
        public string Code { get; }
        public VarInfo? Var { get; }
        public FunctionModel? Function { get; init; }
        public ClassModel? Class { get; init; }
        public ModuleModel? Module { get; init; }
        /// <summary>For a stdlib member or module: "math" / "math.sqrt".</summary>
        public string? Qualified { get; init; }
        public PyType? NarrowedType { get; init; }
    }

    internal sealed partial class Emitter
    {
        private static readonly HashSet<string> BuiltinNames = new(StringComparer.Ordinal)
        {
            "print", "len", "range", "enumerate", "zip", "sorted", "min", "max", "sum", "abs", "round", "divmod", "pow", "isinstance",
            "map", "filter", "any", "all", "reversed", "input", "open", "int", "float", "str", "bool", "list", "dict", "set", "tuple",
            "frozenset", "chr", "ord", "hex", "oct", "bin", "repr", "type", "id", "hash", "iter", "next", "super", "callable", "getattr",
            "setattr", "delattr", "hasattr", "vars", "dir", "format", "ascii", "issubclass", "object", "bytes", "bytearray", "exit", "quit",
            "eval", "exec", "compile", "globals", "locals", "__import__", "NotImplemented", "Ellipsis", "slice", "memoryview", "complex",
            "property", "staticmethod", "classmethod", "breakpoint", "help",
        };

        private Resolved Resolve(string name)
        {
            // narrowed views first (innermost wins)
            for (int i = _narrowed.Count - 1; i >= 0; i--)
                if (_narrowed[i].TryGetValue(name, out var n))
                {
                    var baseVar = ResolveUnnarrowed(name);
                    return new Resolved(baseVar.Kind, n.Code, baseVar.Var) { NarrowedType = n.Type, Function = baseVar.Function, Class = baseVar.Class };
                }
            return ResolveUnnarrowed(name);
        }

        /// <summary>A parameter, nested def or local of one enclosing function; null when it binds no such name.</summary>
        private static Resolved? ResolveInFunction(FunctionModel f, string name)
        {
            var p = f.Params.FirstOrDefault(x => x.Name == name);
            if (p is not null) return new Resolved(ResolvedKind.Local, p.CsName, p);
            if (f.VarArgs is not null && f.VarArgs.Name == name) return new Resolved(ResolvedKind.Local, f.VarArgs.CsName, f.VarArgs);
            if (f.KwArgs is not null && f.KwArgs.Name == name) return new Resolved(ResolvedKind.Local, f.KwArgs.CsName, f.KwArgs);
            if (f.Nested.TryGetValue(name, out var nf) && !f.RedefinedNested.Contains(name)) return new Resolved(ResolvedKind.Function, nf.CsName) { Function = nf };
            if (f.Locals.TryGetValue(name, out var l) && !f.Nonlocals.Contains(name)) return new Resolved(ResolvedKind.Local, l.CsName, l);
            return null;
        }

        private Resolved ResolveUnnarrowed(string name)
        {
            if (_lambdaScope.TryGetValue(name, out var lt))
            {
                var cs = _lambdaNames.TryGetValue(name, out var renamed) ? renamed : CsNames.Local(name);
                return new Resolved(ResolvedKind.Local, cs, new VarInfo(name, cs, lt) { Declared = true });
            }
            if (EnclosingMethodReceiver(name) is { Owner: { } owner } method)
            {
                if (method.IsClassMethod) return new Resolved(ResolvedKind.Class, ClassCsName(_classMethodReceiver ?? owner)) { Class = _classMethodReceiver ?? owner };
                if (!method.IsStatic) return new Resolved(ResolvedKind.Local, "this", new VarInfo(name, "this", owner.Type) { Declared = true });
            }
            for (var f = _function; f is not null; f = f.Parent)
            {
                if (f.Globals.Contains(name)) break;
                if (ResolveInFunction(f, name) is { } inScope) return inScope;
            }
            if (CapturedByLocalClass(name) is { } captured) return captured;
            if (_function is null && _classScope is { } body && body.ClassVars.TryGetValue(name, out var cv)) return new Resolved(ResolvedKind.Global, $"{ClassCsName(body)}.{cv.CsName}", cv);
            var m = _module;
            if (m.Globals.TryGetValue(name, out var g)) return new Resolved(ResolvedKind.Global, g.CsName, g);
            if (m.Functions.TryGetValue(name, out var fn)) return new Resolved(ResolvedKind.Function, fn.CsName) { Function = fn };
            if (m.Classes.TryGetValue(name, out var c)) return new Resolved(ResolvedKind.Class, ClassCsName(c)) { Class = c };
            if (m.Imports.TryGetValue(name, out var imp))
            {
                var parts = imp.Split(':');
                if (parts[0] == "module")
                {
                    if (_moduleByName.TryGetValue(parts[1], out var um)) return new Resolved(ResolvedKind.Module, um.CsName) { Module = um, Qualified = parts[1] };
                    return new Resolved(ResolvedKind.Module, parts[1]) { Qualified = parts[1] };
                }
                if (_moduleByName.TryGetValue(parts[1], out var src))
                {
                    var member = parts[2];
                    if (src.Globals.TryGetValue(member, out var sg)) return new Resolved(ResolvedKind.Global, src.CsName + "." + sg.CsName, sg);
                    if (src.Functions.TryGetValue(member, out var sf)) return new Resolved(ResolvedKind.Function, src.CsName + "." + sf.CsName) { Function = sf };
                    if (src.Classes.TryGetValue(member, out var sc)) return new Resolved(ResolvedKind.Class, src.CsName + "." + sc.CsName) { Class = sc };
                    if (_moduleByName.TryGetValue(parts[1] + "." + member, out var sub)) return new Resolved(ResolvedKind.Module, sub.CsName) { Module = sub, Qualified = sub.Name };
                }
                if (_moduleByName.TryGetValue(parts[1] + "." + parts[2], out var subm)) return new Resolved(ResolvedKind.Module, subm.CsName) { Module = subm, Qualified = subm.Name };
                return new Resolved(ResolvedKind.StdlibMember, parts[1] + "." + parts[2]) { Qualified = parts[1] + "." + parts[2] };
            }
            if (BuiltinNames.Contains(name) || ModelBuilder.BuiltinExceptions.Contains(name)) return new Resolved(ResolvedKind.Builtin, name);
            return new Resolved(ResolvedKind.Unknown, CsNames.Local(name));
        }

        /// <summary>What a name means at the top level of another module (pkg.f where pkg's __init__ imported f).</summary>
        private Resolved? ResolveIn(ModuleModel module, string name)
        {
            if (!module.Imports.ContainsKey(name)) return null;
            var (savedModule, savedFunction) = (_module, _function);
            _module = module;
            _function = null;
            try { return Resolve(name); }
            finally { (_module, _function) = (savedModule, savedFunction); }
        }

        /// <summary>
        /// The method whose first parameter (self or cls) <paramref name="name"/> is, seen from the current function or a
        /// def nested in it (a closure reads the method's self, as a C# local function reads <c>this</c>), unless a
        /// function in between binds the name itself.
        /// </summary>
        private FunctionModel? EnclosingMethodReceiver(string name)
        {
            for (var f = _function; f is not null; f = f.Parent)
            {
                if (f.Owner is not null) return f.FirstParameter == name ? f : null;
                if (f.Params.Any(p => p.Name == name) || f.Locals.ContainsKey(name)) return null;
            }
            return null;
        }

        private void WidenParam(FunctionModel f, int index, PyType t)
        {
            if (index < 0 || index >= f.Params.Count) return;
            Widen(f.Params[index], t);
            // Overrides share one signature with the method they override; constructors are not virtual.
            if (f.Owner is not null && f.Name != "__init__")
            {
                foreach (var other in Family(f))
                    if (other != f && index < other.Params.Count) Widen(other.Params[index], f.Params[index].Type);
            }
        }

        private IEnumerable<FunctionModel> Family(FunctionModel f)
        {
            if (f.Owner is null) yield break;
            var root = f.Owner;
            while (root.Base is not null && root.Base.FindMethod(f.Name) is not null) root = root.Base;
            foreach (var m in _modules)
                foreach (var c in m.Classes.Values)
                    if (c.IsSubclassOf(root) && c.Methods.TryGetValue(f.Name, out var x)) yield return x;
        }
    }
}
