using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// <c>class Point(tuple)</c> / <c>class Upper(str)</c> whose <c>__new__</c> makes the value with
    /// <c>super().__new__(cls, value)</c> (or <c>tuple.__new__</c> / <c>str.__new__</c>): the C# class derives from the
    /// runtime's PyTupleSubclass / PyStrSubclass, which hold the value and make the instance a tuple / str for the
    /// runtime's operations, and C(...) runs the __new__ factory of Emitter.New. Such a class without a supported
    /// __new__ keeps the BATUTA-T-004 of EmitBuiltinBaseGuard.
    /// </summary>
    internal sealed partial class Emitter
    {
        private static string ValueClassBase(string valueBase) => valueBase switch
        {
            "tuple" => "PyTupleSubclass",
            "list" => "PyListSubclass",
            "dict" => "PyDictSubclass",
            "int" => "PyIntSubclass",
            "float" => "PyFloatSubclass",
            _ => "PyStrSubclass",
        };

        /// <summary>The value of C() with no argument: the builtin's own (str() is '', int() is 0).</summary>
        private static string EmptyValue(string kind) => kind switch
        {
            "str" => "\"\"",
            "int" => "new PyInt(0)",
            "float" => "0.0",
            _ => "PyTuple.Empty",
        };

        /// <summary>A list or dict subclass: its items start empty and list.__init__ / dict.__init__ (super().__init__(...)) fills them.</summary>
        private static bool ContainerValueClass(ClassModel c) => c.ValueKind is "list" or "dict";

        /// <summary>
        /// <c>self.x = v</c> in a method of a dict or list subclass that defines __setattr__ or sets self.__dict__ = self:
        /// Python stores it in the entries, which a C# field would not; null when there is none.
        /// </summary>
        private static Assign? SelfAttributeAsEntry(ClassModel c)
        {
            var methods = c.Methods.Values.Where(m => m.Name != "__setattr__").ToList();
            bool entries = c.FindMethod("__setattr__") is not null || methods.Any(m => SelfAttributeAssigns(m).Any(a => a.Targets[0] is Attribute { Attr: "__dict__" }));
            return entries ? methods.SelectMany(SelfAttributeAssigns).FirstOrDefault(a => a.Targets[0] is not Attribute { Attr: "__dict__" }) : null;
        }

        private static IEnumerable<Assign> SelfAttributeAssigns(FunctionModel m) =>
            Inference.ModelBuilder.Walk(m.Def.Body).OfType<Assign>().Where(a => a.Targets.Count == 1 && a.Targets[0] is Attribute { Value: Name { Id: "self" } });

        /// <summary><c>dict.__init__(self, ...)</c> / <c>list.append(self, x)</c> in a list or dict subclass: super()'s call.</summary>
        private Ex? BuiltinUnboundSelfCall(Attribute a, Call call)
        {
            if (_class is not { } cls || a.Value is not Name { Id: var builtin } || builtin != cls.ValueKind || Resolve(builtin).Kind != ResolvedKind.Builtin) return null;
            if (call.Args.Count == 0 || call.Args[0] is not Name { Id: "self" }) return null;
            return BuiltinSuperCall(cls, a, new Call(call.Func, NodeList.Of(call.Args.Skip(1).ToArray()), call.Keywords, call.Span));
        }

        /// <summary><c>super().name(...)</c> in a list or dict subclass whose bases do not define name: the builtin's method on its items.</summary>
        private Ex? BuiltinSuperCall(ClassModel cls, Attribute a, Call call) =>
            ContainerValueClass(cls) && cls.Base?.FindMethod(a.Attr) is null
                ? SpreadCallValue(new Ex($"this.SuperMethod({CsNames.Literal(a.Attr)})", PyType.Object, true), call)
                : null;

        private static bool ValueClass(ClassModel c) =>
            c.ValueBase is not null && c.Base is null && c.BuiltinBase is null && c.Mixins.Count == 0 && !c.IsEnum && !c.IsDataclass;

        /// <summary><c>super().__new__(cls, value)</c> in a value class's __new__: a fresh instance holding tuple(value) / str(value).</summary>
        private Ex ValueNew(ClassModel made, string kind, Call call)
        {
            string instance = made.FindMethod("__init__") is null ? $"new {ClassCsName(made)}()" : $"new {ClassCsName(made)}(DeferredInit.Value)";
            string value = call.Args.Count > 1 ? Box(EmitExpr(call.Args[1])) : EmptyValue(kind);
            return new Ex($"{ValueClassBase(kind)}.Create({instance}, {value})", made.Type, true);
        }

        /// <summary>A value class defining neither __new__ nor __init__ (nor do its bases): C(x) is tuple(x) / str(x) as an instance of C.</summary>
        private bool InheritsBuiltinNew(ClassModel c) =>
            c.ValueKind is not null && NewOwner(c) is null && c.FindMethod("__init__") is null && PlainValueChain(c);

        /// <summary>
        /// <c>class Tag(str)</c> with an __init__ taking one value and no __new__: C(x) is str.__new__(cls, x) (the value),
        /// then __init__(x) (the rest of the instance), as Python's type.__call__ does.
        /// </summary>
        private bool InitMakesValue(ClassModel c) =>
            c.ValueKind is "str" or "tuple" or "int" or "float" && NewOwner(c) is null && c.FindMethod("__init__") is { } init && TakesOneValue(init) && PlainValueChain(c);

        private static bool TakesOneValue(FunctionModel init) => init.Params.Count <= 1 && init.VarArgs is null && init.KwArgs is null;

        private bool PlainValueChain(ClassModel c) => Chain(c).All(x => x.Mixins.Count == 0 && !x.IsEnum && !x.IsDataclass && x.BuiltinBase is null);

        /// <summary>The first statement of such a class's constructor: the value from __init__'s argument.</summary>
        private string ValueFromInitArgument(ClassModel c, FunctionModel init)
        {
            string value = init.Params.Count == 1 ? Box(new Ex(init.Params[0].CsName, init.Params[0].Type, true)) : EmptyValue(c.ValueKind.OrThrow());
            return $"{ValueClassBase(c.ValueKind.OrThrow())}.Create(this, {value});";
        }

        /// <summary>The factory C(...) calls, statically or through a class value (Dyn.Construct): tuple.__new__ / str.__new__ of its argument.</summary>
        private void EmitBuiltinNewFactory(ClassModel c)
        {
            _w.Line();
            _w.Line($"public static {(c.Base is not null ? "new " : "")}{c.CsName} {NewFactory}(object? value) => {ValueClassBase(c.ValueKind.OrThrow())}.Create(new {c.CsName}(), value);");
            // dict(mapping, **entries): C(a=1) for a dict subclass without __init__
            if (c.ValueKind == "dict")
                _w.Line($"public static {(c.Base is not null ? "new " : "")}{c.CsName} {NewFactory}(object?[] args, IPyDict entries) => PyDictSubclass.Create(new {c.CsName}(), args, entries);");
        }

        private Ex? BuiltinNewConstruction(ClassModel c, string code, Call call)
        {
            if (!InheritsBuiltinNew(c)) return null;
            if (TakesDictEntries(c, call)) return DictWithEntries(c, code, call);
            if (call.Args.Count > 1 || call.Keywords.Count > 0 || call.Args.Any(x => x is Starred))
                return Unsupported(call, $"{c.Name}(...) with more than one argument (the builtin {c.ValueKind}'s other parameters)", $"pass one value to {c.Name}(...)");
            string value = call.Args.Count == 1 ? Box(EmitExpr(call.Args[0])) : EmptyValue(c.ValueKind.OrThrow());
            return new Ex($"{code}.{NewFactory}({value})", c.Type, true);
        }

        private static bool TakesDictEntries(ClassModel c, Call call) =>
            c.ValueKind == "dict" && call.Keywords.Count > 0 && call.Args.Count <= 1 && !call.Args.Any(x => x is Starred);

        /// <summary><c>Config(defaults, debug=True)</c>: dict's keyword entries (a **mapping among them too) after its one positional argument.</summary>
        private Ex DictWithEntries(ClassModel c, string code, Call call)
        {
            var entries = new Dict(NodeList.Of(call.Keywords.Select(k => k.Arg is null ? null : (ExpressionNode)new Constant(k.Arg, null, k.Span)).ToArray()),
                NodeList.Of(call.Keywords.Select(k => k.Value).ToArray()), call.Span);
            string args = string.Join(", ", call.Args.Select(x => Box(EmitExpr(x))));
            return new Ex($"{code}.{NewFactory}(new object?[] {{ {args} }}, {EmitExpr(entries).Code})", c.Type, true);
        }

        /// <summary>A plain tuple / str / int / float looking up a dict keyed by instances of such subclasses (or named tuples): found by equality at run time.</summary>
        internal bool IsPlainValueKey(PyType dictKey, PyType key) =>
            dictKey.Kind == TypeKind.Class && FindClass(dictKey.Name.OrThrow()) is { } kc
            && (key.Kind is TypeKind.Tuple or TypeKind.VarTuple && (kc.ValueKind == "tuple" || kc.IsNamedTuple) || PlainKind(key.Kind) == kc.ValueKind);

        private static string? PlainKind(TypeKind kind) => kind switch { TypeKind.Str => "str", TypeKind.Int => "int", TypeKind.Float => "float", _ => null };

        /// <summary>
        /// <c>str.__repr__(self)</c> / <c>tuple.__len__(self)</c> in a value class: the builtin's dunder on the held value
        /// (not the class's own override, which calling it on self would reach again); null for any other call.
        /// </summary>
        private Ex? ValueClassDunderCall(Attribute a, Call call)
        {
            if (a.Value is not Name { Id: var builtin } || !ValueBases.Contains(builtin) || Resolve(builtin).Kind != ResolvedKind.Builtin || !IsValueDunderCall(a, call)) return null;
            var self = EmitExprQuiet(call.Args[0]);
            if (self.Type.Kind != TypeKind.Class || FindClass(self.Type.Name.OrThrow())?.ValueKind != builtin) return null;
            string value = $"{EmitExpr(call.Args[0]).P}.{char.ToUpperInvariant(builtin[0])}{builtin.Substring(1)}Value";
            return BuiltinDunderOn(value, a.Attr, call.Args.Skip(1).Select(x => Box(EmitExpr(x))).ToList());
        }

        private static readonly HashSet<string> ValueBases = new(StringComparer.Ordinal) { "tuple", "str", "list", "dict", "int", "float" };

        private static bool IsValueDunderCall(Attribute a, Call call) =>
            call.Args.Count > 0 && call.Keywords.Count == 0 && BuiltinDunderOn("", a.Attr, call.Args.Skip(1).Select(_ => "").ToList()) is not null;

        private static Ex? BuiltinDunderOn(string value, string dunder, List<string> rest) =>
            (dunder, rest.Count) switch
            {
                ("__repr__", 0) => new Ex($"Repr.Of({value})", PyType.Str, true),
                ("__str__", 0) => new Ex($"Str.Of({value})", PyType.Str, true),
                ("__len__", 0) => new Ex($"Py.Len({value})", PyType.LongFull, true),
                ("__hash__", 0) => new Ex($"Dyn.PyHashOf({value})", PyType.LongFull, true),
                ("__eq__", 1) => new Ex($"Dyn.Eq({value}, {rest[0]})", PyType.Bool, true),
                ("__getitem__", 1) => new Ex($"Dyn.GetItem({value}, {rest[0]})", PyType.Object, true),
                _ => null,
            };
    }
}
