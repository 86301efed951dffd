using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// The functions whose warnings or logging records name their caller (a <c>stacklevel</c> other than 1, as a
    /// deprecated API's <c>warnings.warn(..., stacklevel=2)</c>): the calls of them the transpiler resolves keep their
    /// site while they run, for the runtime's SourceSite.Up to find.
    /// </summary>
    internal static class CallerSites
    {
        public static bool NamesCaller(FunctionModel f) =>
            !f.IsGenerator && ModelBuilder.WalkExpressions(f.Def.Body).OfType<Call>().Any(AsksForCaller);

        private static bool AsksForCaller(Call c) =>
            c.Keywords.Any(k => k.Arg == "stacklevel" && !IsOne(k.Value))
            || c.Args.Count >= 3 && c.Func is Attribute { Attr: "warn" } or Name { Id: "warn" } && !IsOne(c.Args[2]);

        private static bool IsOne(ExpressionNode e) => e is Constant { Value: System.Numerics.BigInteger b } && b.IsOne;
    }
}
