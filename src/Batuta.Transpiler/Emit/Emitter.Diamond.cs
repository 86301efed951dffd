using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// <c>class Child(Left, Right)</c> where Left and Right share a base and Left's methods call <c>super()</c>: Python's
    /// MRO (Child, Left, Right, Base) sends Left's super() to Right, but C# derives Child from Left alone, so Right's
    /// method would silently never run. Not supported: said at the class, and creating an instance raises.
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
            if (c.Base is not { } kept || c.IsException) return null;
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

        private static IEnumerable<ClassModel> Chain(ClassModel c)
        {
            for (var x = c; x is not null; x = x.Base) yield return x;
        }

        private static IEnumerable<string> SuperCalledNames(FunctionModel m) =>
            ModelBuilder.WalkExpressions(m.Def.Body).OfType<Call>()
                .Select(call => call.Func is Attribute { Value: Call { Func: Name { Id: "super" } }, Attr: var name } ? name : null).OfType<string>();
    }
}
