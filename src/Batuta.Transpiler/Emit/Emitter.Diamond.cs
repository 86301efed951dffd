using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// <c>class Child(Left, Right)</c> where Left and Right share a base and Left's methods call <c>super()</c>: Python's
    /// MRO (Child, Left, Right, Base) sends Left's super() to Right, but C# derives Child from Left alone. Where
    /// Inference.CooperativeSuper gave Child copies of its MRO's methods, super() and <c>Base.m(self)</c> call those
    /// copies here; in the shapes it does not take, Right's method would silently never run, so that stays
    /// BATUTA-T-004: said at the class, and creating an instance raises.
    /// </summary>
    internal sealed partial class Emitter
    {
        private void EmitCooperativeDiamondGuard(ClassModel c)
        {
            if (CooperativeSuperAcrossBases(c) is not { } dropped) return;
            string construct = $"cooperative super() across the bases of class {c.Name} (MRO through {dropped.Name})";
            Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{construct} is not supported; creating an instance raises NotSupportedException",
                "call each base's method explicitly (Base.method(self)) instead of super()", c.Def);
            _w.Line($"private readonly bool __cooperativeBases = Py.Raise<bool>(Py.Unsupported({CsNames.Literal(construct)}, {CsNames.Literal(_module.Path + ":" + c.Def.Line)}));");
        }

        /// <summary>The first other base (dropped, or merged as a mixin) that a super() call of the kept base's chain reaches in Python's MRO; null when none.</summary>
        private ClassModel? CooperativeSuperAcrossBases(ClassModel c)
        {
            if (c.Base is not { } kept || c.IsException || c.Mro is not null) return null;
            var keptChain = Chain(kept).ToList();
            // only a base listed after the kept one comes after it in the MRO (class C(Mixin, Base) keeps Base)
            var bases = c.Def.Bases.Select(ClassNamed).ToList();
            foreach (var dropped in bases.Skip(bases.IndexOf(kept) + 1).OfType<ClassModel>())
            {
                var own = Chain(dropped).Where(x => !keptChain.Contains(x)).ToList();
                var shared = Chain(dropped).Where(keptChain.Contains).ToList();
                // a super().m() in the kept chain above the shared bases, where the dropped chain defines m itself
                if (shared.Count > 0 && keptChain.Where(x => !shared.Contains(x)).Any(x => x.Methods.Values.Any(m => SuperCalledNames(m).Any(n => own.Any(o => o.Methods.ContainsKey(n))))))
                    return dropped;
            }
            return null;
        }

        /// <summary>
        /// super().name(...) in a class that copies its MRO's methods (Inference.CooperativeSuper): the copy of the next
        /// class after the method's own class that defines it; past the last one, object's (only __init__ is taken).
        /// </summary>
        private Ex? MroSuperCall(ClassModel cls, Attribute a, Call call)
        {
            if (cls.Mro is not { } mro) return null;
            var anchor = _function?.SuperAnchor ?? cls;
            if (CooperativeSuper.NextDefiner(mro, anchor, a.Attr) is { } next && cls.Methods.TryGetValue(CooperativeSuper.CopyName(next, a.Attr), out var copy))
            {
                NoteCall(copy);
                return new Ex($"this.{copy.CsName}({string.Join(", ", BindArguments(copy, call.Args.ToList(), call.Keywords.ToList(), call))})", copy.ReturnType, true);
            }
            if (a.Attr != "__init__") return Unsupported(call, $"super().{a.Attr}() reaching object in the MRO of class {cls.Name}");
            // object.__init__ takes no arguments: **kwargs left over by the cooperative chain raise TypeError there
            var spread = call.Keywords.Where(k => k.Arg is null).Select(k => Box(EmitExpr(k.Value))).ToList();
            if (call.Args.Count > 0 || call.Keywords.Any(k => k.Arg is not null))
                return new Ex("Py.Raise<object?>(new TypeError(\"object.__init__() takes exactly one argument (the instance to initialize)\"))", PyType.Object, true);
            return new Ex(spread.Count == 0 ? "/*void*/" : $"Py.ObjectInitKwargs({string.Join(", ", spread)})", PyType.None, true);
        }

        /// <summary>
        /// super().name() in a base class of no bases whose copies other classes run in their MRO (a mixin): on its own
        /// instance only object follows it, which has no such attribute.
        /// </summary>
        private Ex? MixinSuperPastObject(ClassModel cls, Attribute a)
        {
            if (cls.Base is not null || cls.Mixins.Count > 0 || !_modules.SelectMany(m => m.Classes.Values).Any(k => k.Mro?.Contains(cls) ?? false)) return null;
            return new Ex($"Py.Raise<object?>(new AttributeError({CsNames.Literal("'super' object has no attribute '" + a.Attr + "'")}))", PyType.Object, true);
        }

        /// <summary><c>Base.method(self, ...)</c> in a class that copies its MRO's methods: that class's copy.</summary>
        private Ex? MroUnboundCall(ClassModel cls, FunctionModel sm, Call call, bool onSelf)
        {
            // a subclass of such a class (single inheritance) has its MRO after itself: the ancestor's copies serve it
            if (!onSelf || Chain(_class.OrThrow()).FirstOrDefault(x => x.Mro is not null) is not { } k || !k.Methods.TryGetValue(CooperativeSuper.CopyName(cls, sm.Name), out var copy)) return null;
            NoteCall(copy);
            return new Ex($"this.{copy.CsName}({string.Join(", ", BindArguments(copy, call.Args.Skip(1).ToList(), call.Keywords.ToList(), call))})", copy.ReturnType, true);
        }

        /// <summary>
        /// A class of copied MRO methods: its C# bases are built empty, and the copied __init__ chain runs here. So is
        /// the base of an __init__ that never calls the base's (SkipsBaseInit): its attributes are missing, as in Python.
        /// </summary>
        private bool EmitMroConstructor(ClassModel c, FunctionModel init)
        {
            bool skips = SkipsBaseInit(c, init);
            if (c.Mro is null && !skips) return false;
            var savedFn = _function;
            _function = init;
            _declared.Clear();
            _w.Line();
            _w.Open($"public {c.CsName}({ParamList(init)}) : base(DeferredInit.Value)");
            if (skips && c.Base is { } b && AbsentMarks(b, null) is { } marks) _w.Line(marks);
            EmitInitBody(init, InitBody(init));
            _w.Close();
            _function = savedFn;
            return true;
        }

        /// <summary>
        /// <c>class Sub(Base)</c> whose __init__ calls no __init__ at all while Base has one: Python never runs Base's, so
        /// C# builds Base with its do-nothing DeferredInit constructor (Base's own bases without __init__, plain classes).
        /// </summary>
        private static bool PlainSingleBase(ClassModel x) =>
            !x.IsException && !x.IsDataclass && !x.IsEnum && x.ValueKind is null && x.LocalTo is null && x.Def.Bases.Count <= 1 && NewOwner(x) is null;

        private bool SkipsBaseInit(ClassModel c, FunctionModel init) =>
            c.Mro is null && c.Mixins.Count == 0 && c.Base is { } b && b.Methods.ContainsKey("__init__") && b.Base?.FindMethod("__init__") is null
            && PlainSingleBase(c) && PlainSingleBase(b)
            && !ModelBuilder.WalkExpressions(init.Def.Body).OfType<Attribute>().Any(a => a.Attr == "__init__");

        /// <summary>A C# base of a class of copied MRO methods: a do-nothing constructor, unless another rule gives it one.</summary>
        private void EmitMroDeferredConstructor(ClassModel b)
        {
            if (b.IsEnum || !BelowMroClass(b) || TakesDeferredInit(b) || SkippedByAncestorInit(b) || HasSupportedNew(b)) return;
            _w.Line();
            _w.Line($"protected {b.CsName}(DeferredInit _){(b.Base is null ? "" : " : base(_)")} {{ }}");
            // C# no longer makes the implicit parameterless constructor a class without __init__ had
            if (LacksConstructor(b)) _w.Line($"public {b.CsName}() {{ }}");
        }

        /// <summary>EmitInheritedConstructor writes no constructor for it: C# made the parameterless one.</summary>
        private bool LacksConstructor(ClassModel b) => b.FindMethod("__init__") is null && !b.IsException && !b.IsDataclass && AbsentMarks(b, null) is null;

        private bool BelowMroClass(ClassModel b) => _modules.SelectMany(m => m.Classes.Values).Any(k => k.Mro is not null && k != b && k.IsSubclassOf(b));

        private static IEnumerable<ClassModel> Chain(ClassModel c)
        {
            for (var x = c; x is not null; x = x.Base) yield return x;
        }

        private static IEnumerable<string> SuperCalledNames(FunctionModel m) =>
            ModelBuilder.WalkExpressions(m.Def.Body).OfType<Call>()
                .Select(call => call.Func is Attribute { Value: Call { Func: Name { Id: "super" } }, Attr: var name } ? name : null).OfType<string>();
    }
}
