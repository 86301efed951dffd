using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// A class's own <c>__new__</c> (the singleton idiom): <c>C(args)</c> calls <c>C.__PyNew(args)</c>, which runs
    /// <c>__new__</c> (a static method, cls being C) and then <c>__init__</c> on what it returned, on every call, as
    /// Python's type.__call__ does. <c>super().__new__(cls)</c> makes an instance whose __init__ has not run (the
    /// DeferredInit constructor). Supported for a class of no base but object (and its subclasses that define no
    /// __init__), whose __new__ takes __init__'s arguments; any other __new__ is BATUTA-T-004.
    /// </summary>
    internal sealed partial class Emitter
    {
        private const string NewFactory = "__PyNew";

        private static FunctionModel? OwnNew(ClassModel c) => c.Methods.TryGetValue("__new__", out var m) ? m : null;

        /// <summary>The class whose __new__ C(...) runs: C's own, or the nearest base's.</summary>
        private static ClassModel? NewOwner(ClassModel c) => FindMethodOwner(c, "__new__");

        /// <summary>
        /// Whether <c>C(...)</c> goes through a __new__ (see the class summary): the class defining it derives from object
        /// alone, and it and its subclasses (which define neither __init__ nor __new__) are nobody's mixin.
        /// </summary>
        private bool HasSupportedNew(ClassModel c) =>
            NewOwner(c) is { } owner && (PlainObjectClass(owner) || ValueClass(owner)) && NewParametersFit(OwnNew(owner).OrThrow(), c.FindMethod("__init__")) && PlainNewFamily(owner);

        private bool PlainNewFamily(ClassModel owner)
        {
            var family = _modules.SelectMany(m => m.Classes.Values).Where(d => Chain(d).Contains(owner)).ToList();
            return family.All(d => d == owner || d.Def.Bases.Count == 1 && d.Mixins.Count == 0 && !d.IsDataclass && !d.IsEnum && !d.Methods.ContainsKey("__init__"))
                && !_modules.SelectMany(m => m.Classes.Values).Any(d => d.Mixins.Any(family.Contains));
        }

        private static bool PlainObjectClass(ClassModel c) =>
            c.Base is null && c.BuiltinBase is null && c.Mixins.Count == 0 && !c.IsEnum && !c.IsDataclass && c.Def.Bases.All(b => b is Name { Id: "object" });

        /// <summary>
        /// __new__ gets what __init__ gets: its named parameters are __init__'s first ones (same names, same order), the
        /// rest go to its *args; without __init__ the factory takes __new__'s own parameters.
        /// </summary>
        private static bool NewParametersFit(FunctionModel create, FunctionModel? init)
        {
            if (init is null) return create.Params.Count == 0 || create.VarArgs is null && create.KwArgs is null;
            if (init.VarArgs is not null || init.KwArgs is not null || create.Params.Count > init.Params.Count) return false;
            if (create.Params.Count < init.Params.Count && create.VarArgs is null) return false;
            return create.Params.Select(p => p.Name).SequenceEqual(init.Params.Take(create.Params.Count).Select(p => p.Name));
        }

        /// <summary>
        /// <c>C.__PyNew(init's parameters)</c>: __new__ gets them (no keywords in its **kwargs), __init__ runs on an instance
        /// of C it returns. Returning an object of another class is not supported (C(...) is typed C).
        /// </summary>
        private void EmitNewFactory(ClassModel c)
        {
            if (InheritsBuiltinNew(c))
            {
                EmitBuiltinNewFactory(c);
                return;
            }
            if (!HasSupportedNew(c))
            {
                EmitUnsupportedNewGuard(c);
                return;
            }
            var create = c.FindMethod("__new__").OrThrow();
            var init = c.FindMethod("__init__");
            var source = init ?? create;
            bool inherited = create.Owner != c;
            string where = CsNames.Literal(_module.Path + ":" + create.Def.Line);
            _w.Line();
            // a subclass's instance before __init__, for the inherited __new__'s super().__new__(cls)
            if (inherited && init is not null) _w.Line($"protected {c.CsName}(DeferredInit _) : base(_) {{ }}");
            bool takesParams = FactoryTakesParams(c, create, init);
            _w.Open($"public static {(inherited ? "new " : "")}{c.CsName} {NewFactory}({(takesParams ? ParamList(source) : "")})");
            _w.Line($"if ({create.CsName}({string.Join(", ", NewArguments(create, source, takesParams))}) is not {c.CsName} __self) throw Py.Unsupported(\"__new__ returning an object of another class\", {where});");
            if (init is not null) _w.Line($"__self.{DeferredInitName(init.Owner.OrThrow())}({string.Join(", ", init.Params.Select(p => p.CsName))});");
            _w.Line("return __self;");
            _w.Close();
        }

        /// <summary>
        /// Whether the factory takes parameters: __init__'s, or __new__'s own without __init__ (its *args too in a tuple or
        /// str subclass, whose value they make; a singleton's __new__(cls, *args) ignores them).
        /// </summary>
        private static bool FactoryTakesParams(ClassModel c, FunctionModel create, FunctionModel? init) =>
            init is not null || create.Params.Count > 0 || c.ValueKind is not null && create.VarArgs is not null;

        /// <summary>The factory's parameters as __new__'s arguments: the named ones, then the others into its *args.</summary>
        private List<string> NewArguments(FunctionModel create, FunctionModel source, bool takesParams)
        {
            var args = new List<string>();
            bool own = create == source;
            for (int i = 0; i < create.Params.Count; i++)
            {
                if (!own) WidenParam(create, i, source.Params[i].Type);
                args.Add(own ? create.Params[i].CsName : Coerce(new Ex(source.Params[i].CsName, source.Params[i].Type, true), create.Params[i].Type).Code);
            }
            if (create.KwArgs is not null) args.Add("new PyDict<string, object?>()");
            if (create.VarArgs is not null && own && takesParams) args.Add(create.VarArgs.CsName + "__items");
            if (create.VarArgs is not null && !own) args.AddRange(source.Params.Skip(create.Params.Count).Select(p => Box(new Ex(p.CsName, p.Type, true))));
            return args;
        }

        /// <summary>A __new__ of another shape: said at the def, and creating an instance raises (not the object's __init__ alone).</summary>
        private void EmitUnsupportedNewGuard(ClassModel c)
        {
            if (OwnNew(c) is not { } create || c.Def.Bases.Any(b => b is Name { Id: "str" or "int" or "float" or "tuple" or "bytes" or "frozenset" })) return;
            string construct = $"__new__ of class {c.Name}";
            Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{construct} is not supported (only in a class of no base but object whose subclasses define no __init__, taking __init__'s arguments); creating an instance raises NotSupportedException",
                "create the instance in a factory function instead", create.Def);
            _w.Line($"private readonly bool __unsupportedNew = Py.Raise<bool>(Py.Unsupported({CsNames.Literal(construct)}, {CsNames.Literal(_module.Path + ":" + create.Def.Line)}));");
        }

        /// <summary><c>super().__new__(cls)</c> / <c>object.__new__(cls)</c> in a supported __new__: an instance whose __init__ has not run.</summary>
        private Ex? SuperNew(ClassModel cls, Call call)
        {
            // in an inherited __new__'s copy (Emitter.EmitInheritedClassMethods) cls is the subclass
            var made = _classMethodReceiver ?? cls;
            if (!HasSupportedNew(made) || _function?.Name != "__new__" || call.Keywords.Count > 0) return null;
            if (made.ValueKind is { } kind) return ValueNew(made, kind, call);
            if (call.Args.Count != 1) return null;
            string code = made.FindMethod("__init__") is null ? $"new {ClassCsName(made)}()" : $"new {ClassCsName(made)}(DeferredInit.Value)";
            return new Ex(code, made.Type, true);
        }
    }
}
