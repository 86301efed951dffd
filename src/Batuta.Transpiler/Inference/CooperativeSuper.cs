using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// <c>class C(A, B)</c> where A and B share a base and their methods call <c>super()</c>: Python's C3 MRO (C, A, B,
    /// Base) sends A's super() to B for a C instance but to Base for an A instance. C# derives C from A alone, so C gets
    /// its own copy of every plain method along its MRO (<c>__mro_A_hello</c>, ...), each copy's super() resolved in C's
    /// MRO (Emitter.SuperCall), and C's constructor runs the copied __init__ chain over the do-nothing DeferredInit
    /// constructors of its C# bases. Single inheritance and mixins whose super() lands where C# puts it are left alone.
    /// </summary>
    internal static class CooperativeSuper
    {
        internal static void Flatten(ClassModel c)
        {
            if (c.Mixins.Count == 0 || c.Mro is not null || c.LocalTo is not null) return;
            if (Linearize(c, new Dictionary<ClassModel, List<ClassModel>?>()) is not { } mro || !mro.All(Plain) || !mro.Skip(1).Any(x => Reroutes(mro, x))) return;
            var own = new HashSet<string>(OwnMethods(c).Select(f => f.Name), StringComparer.Ordinal);
            var chain = new HashSet<ClassModel>(Chain(c));
            c.Mro = mro;
            foreach (var x in mro.Skip(1)) CopyClass(c, mro, x, chain.Contains(x));
            foreach (var name in mro.Skip(1).SelectMany(OwnMethods).Select(f => f.Name).Distinct().Where(n => !own.Contains(n)).ToList())
                if (NextDefiner(mro, c, name) is { } first) AddCopy(c, OwnMethods(first).First(f => f.Name == name), name, first);
            ModelBuilder.DropBaseFields(c);
        }

        /// <summary>
        /// X's plain methods as C's copies; a base C# does not derive from also gives its other members (class
        /// attributes, properties) that it is the first in C's MRO to define, as a mixin's.
        /// </summary>
        private static void CopyClass(ClassModel c, List<ClassModel> mro, ClassModel x, bool inChain)
        {
            foreach (var fd in OwnMethods(x)) AddCopy(c, fd, CopyName(x, fd.Name), x);
            if (inChain) return;
            x.MixedInto.Add(c);
            foreach (var s in x.Def.Body.Where(s => s is not FunctionDef fd || fd.DecoratorList.Count > 0))
                if (ModelBuilder.MemberName(s) is { } name && mro.FirstOrDefault(k => k.Def.Body.Any(m => ModelBuilder.MemberName(m) == name)) == x)
                    ModelBuilder.MergeMember(c, s, true);
        }

        /// <summary>The name of C's copy of class X's method (a plain Python identifier, so it maps like any method name).</summary>
        internal static string CopyName(ClassModel x, string method) => "__mro_" + x.Name + "_" + method;

        /// <summary>The first class after <paramref name="after"/> in the MRO whose own body defines the method; null when only object is left.</summary>
        internal static ClassModel? NextDefiner(List<ClassModel> mro, ClassModel after, string method) =>
            mro.Skip(mro.IndexOf(after) + 1).FirstOrDefault(x => OwnMethods(x).Any(f => f.Name == method));

        private static void AddCopy(ClassModel c, FunctionDef fd, string name, ClassModel anchor)
        {
            var copy = new FunctionDef(name, fd.Args, fd.Body, fd.DecoratorList, fd.Returns, fd.TypeComment, fd.Span);
            var f = ModelBuilder.NewFunction(copy, c, null);
            f.SuperAnchor = anchor;
            // a copy is called along several classes' chains with what each passes on: its parameters take any value
            if (name != fd.Name || name == "__init__") TakeAnyValue(f);
            c.MixinBody.Add(copy);
            c.Methods[name] = f;
            ModelBuilder.AddSelfStores(c, f);
        }

        private static void TakeAnyValue(FunctionModel f)
        {
            foreach (var p in f.Params) Declare(p, PyType.Object);
            if (f.KwArgs is { } kw) Declare(kw, PyType.Dict(PyType.Str, PyType.Object));
            if (f.VarArgs is { } va) Declare(va, PyType.VarTuple(PyType.Object));
        }

        private static void Declare(VarInfo v, PyType t)
        {
            v.Type = t;
            v.Declared = true;
        }

        /// <summary>A super() call in one of X's methods reaches another class in C's MRO than in X's own.</summary>
        private static bool Reroutes(List<ClassModel> mro, ClassModel x)
        {
            var ownMro = Linearize(x, new Dictionary<ClassModel, List<ClassModel>?>()) ?? new List<ClassModel> { x };
            return OwnMethods(x).SelectMany(f => SuperCalls(f.Body)).Any(n => NextDefiner(mro, x, n) != NextDefiner(ownMro, x, n));
        }

        /// <summary>The class's plain methods (no decorator), in its own body.</summary>
        private static IEnumerable<FunctionDef> OwnMethods(ClassModel x) => x.Def.Body.OfType<FunctionDef>().Where(f => f.DecoratorList.Count == 0);

        private static IEnumerable<string> SuperCalls(IEnumerable<StatementNode> body) =>
            ModelBuilder.WalkExpressions(body).OfType<Attribute>()
                .Select(a => a.Value is Call { Func: Name { Id: "super" } } ? a.Attr : null).OfType<string>();

        /// <summary>
        /// A class a copy can stand for: user-defined, of user bases only, without a metaclass, __new__, a decorated
        /// method calling super(), or a super(Other, self) naming another class than its own (those keep the
        /// BATUTA-T-004 of Emitter.Diamond).
        /// </summary>
        private static bool Plain(ClassModel x) =>
            !(x.IsDataclass || x.IsEnum || x.IsException || x.IsNamedTuple || x.ValueBase is not null || x.LocalTo is not null)
            && x.Def.Keywords.Count == 0 && x.Def.DecoratorList.Count == 0 && PlainMethods(x);

        private static bool PlainMethods(ClassModel x) =>
            !x.Def.Body.OfType<FunctionDef>().Any(f => f.Name == "__new__" || f.DecoratorList.Count > 0 && SuperCalls(f.Body).Any())
            && !ModelBuilder.WalkExpressions(x.Def.Body).OfType<Call>().Any(k => k.Func is Name { Id: "super" } && k.Args.Count > 0 && !(k.Args[0] is Name own && own.Id == x.Name));

        /// <summary>C3 linearization over user classes; null when a base is not a user class (a builtin, a library class) or the bases admit no MRO.</summary>
        internal static List<ClassModel>? Linearize(ClassModel c, Dictionary<ClassModel, List<ClassModel>?> memo)
        {
            if (memo.TryGetValue(c, out var known)) return known;
            memo[c] = null;
            var bases = UserBases(c);
            if (bases is null) return null;
            var seqs = new List<List<ClassModel>>();
            foreach (var b in bases)
            {
                if (Linearize(b, memo) is not { } l) return null;
                seqs.Add(l.ToList());
            }
            seqs.Add(bases.ToList());
            var result = Merge(seqs);
            if (result is not null) result.Insert(0, c);
            memo[c] = result;
            return result;
        }

        private static List<ClassModel>? Merge(List<List<ClassModel>> seqs)
        {
            var result = new List<ClassModel>();
            while (seqs.Any(s => s.Count > 0))
            {
                var head = seqs.Where(s => s.Count > 0).Select(s => s[0]).FirstOrDefault(h => !seqs.Any(s => s.IndexOf(h) > 0));
                if (head is null) return null;
                result.Add(head);
                foreach (var s in seqs) s.Remove(head);
            }
            return result;
        }

        private static List<ClassModel>? UserBases(ClassModel c)
        {
            var bases = c.Base is null ? new List<ClassModel>() : new List<ClassModel> { c.Base };
            bases.AddRange(c.Mixins);
            int named = c.Def.Bases.Count(b => b is not Name { Id: "object" });
            return bases.Count == named ? bases : null;
        }

        private static IEnumerable<ClassModel> Chain(ClassModel c)
        {
            for (var x = c; x is not null; x = x.Base) yield return x;
        }
    }
}
