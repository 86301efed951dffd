using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Finds the functions that may call themselves, directly or through others, so that only they carry
    /// Python's recursion-depth check (a C# stack overflow kills the process; CPython raises RecursionError).
    /// Calls are matched by name (<c>f(...)</c>, <c>obj.f(...)</c>) across every module: an over-approximation,
    /// which only costs a counter in a function that is not really recursive.
    /// </summary>
    internal static class Recursion
    {
        public static void Mark(IReadOnlyList<ModuleModel> modules)
        {
            var all = modules.SelectMany(m => m.Functions.Values.Concat(m.Classes.Values.SelectMany(c => c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values))))
                .SelectMany(WithNested).Where(f => !f.IsGenerator).Distinct().ToList();
            var byName = all.ToLookup(f => f.Name, StringComparer.Ordinal);
            var callees = all.ToDictionary(f => f, f => CalledNames(f).SelectMany(n => byName[n]).Distinct().ToList());
            // Constructors are emitted apart (no depth count); a class call is not matched to __init__ anyway.
            foreach (var f in all) f.IsRecursive = f.Name != "__init__" && Reaches(f, callees);
        }

        private static IEnumerable<FunctionModel> WithNested(FunctionModel f) => new[] { f }.Concat(f.Nested.Values.SelectMany(WithNested));

        private static IEnumerable<string> CalledNames(FunctionModel f) =>
            ModelBuilder.WalkExpressions(f.Def.Body).OfType<Call>().Select(c => c.Func switch
            {
                Name n => n.Id,
                // super().m() runs the base class's m, a different function with the same name
                Attribute { Value: Call { Func: Name { Id: "super" } } } => null,
                Attribute a => a.Attr,
                _ => null,
            }).OfType<string>().Distinct(StringComparer.Ordinal);

        private static bool Reaches(FunctionModel start, Dictionary<FunctionModel, List<FunctionModel>> callees)
        {
            var seen = new HashSet<FunctionModel>();
            var stack = new Stack<FunctionModel>(callees[start]);
            while (stack.Count > 0)
            {
                var f = stack.Pop();
                if (ReferenceEquals(f, start)) return true;
                if (!seen.Add(f) || !callees.TryGetValue(f, out var next)) continue;
                foreach (var g in next) stack.Push(g);
            }
            return false;
        }
    }
}
