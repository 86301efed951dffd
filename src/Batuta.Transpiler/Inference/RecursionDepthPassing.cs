using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Picks the recursive module-level functions (and instance methods calling themselves through self) whose own calls
    /// to themselves can carry the recursion depth as an argument instead of counting it in RecursionGuard's one static variable. Counting in and out of that variable
    /// chains every call through a load and a store of the same memory: binary-trees ran 35% slower than without any
    /// check. A depth passed in a register costs a compare.
    /// <para>
    /// The static count still has readers: the entry of every other counted function and the depth saved before a
    /// try with handlers. While one of those may run during such a function's own frame (it calls them, passes them
    /// as values, or any operator, property or constructor may reach one), the function keeps the static count exact
    /// by storing its depth on entry and putting it back on exit (<see cref="RecursionDepthMode.Synced"/>); otherwise
    /// it never touches it (<see cref="RecursionDepthMode.Plain"/>). Either way RecursionError comes at the same depth
    /// as with the counter.
    /// </para>
    /// </summary>
    internal static class RecursionDepthPassing
    {
        public static void Mark(IReadOnlyList<ModuleModel> modules)
        {
            var all = modules.SelectMany(m => m.Functions.Values.Concat(m.Classes.Values.SelectMany(c => c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values))))
                .SelectMany(WithNested).Distinct().ToList();
            var readers = Readers(all);
            bool implicitReader = ImplicitReader(modules, all, readers);
            var byName = all.ToLookup(f => f.Name, StringComparer.Ordinal);
            var classes = modules.SelectMany(m => m.Classes.Values).ToList();
            var candidates = modules.SelectMany(m => m.Functions.Values.Select(f => (f, Eligible(m, f))))
                .Concat(classes.SelectMany(c => c.Methods.Values.Select(f => (f, EligibleMethod(c, f, classes)))));
            foreach (var (f, selfCalls) in candidates)
            {
                if (selfCalls.Count == 0) continue;
                bool reaches = implicitReader || UsedNames(f.Def.Body, selfCalls).Any(n => byName[n].Any(readers.Contains));
                f.DepthPassing = reaches ? RecursionDepthMode.Synced : RecursionDepthMode.Plain;
                f.DepthCalls.UnionWith(selfCalls);
            }
        }

        /// <summary>
        /// A recursive instance method calling itself through its receiver (<c>self.visit(child)</c>) in a class nothing
        /// derives from, mixes in or shadows the method in (an instance or class attribute of that name), so such a call
        /// always runs this method: those calls, else none.
        /// </summary>
        /// <summary>
        /// Operators, properties, descriptors and constructors run user code that no call names: if any of them may
        /// read the count, every candidate keeps it exact.
        /// </summary>
        private static bool ImplicitReader(IReadOnlyList<ModuleModel> modules, List<FunctionModel> all, HashSet<FunctionModel> readers)
        {
            var byName = all.ToLookup(f => f.Name, StringComparer.Ordinal);
            return modules.SelectMany(m => m.Classes.Values).Where(c => c.IsDataclass).SelectMany(FactoryNames).Any(n => byName[n].Any(readers.Contains))
                || all.Any(f => readers.Contains(f) && f.Owner is not null && (IsDunder(f.Name) || f.IsProperty || f.IsSetter || f.IsDeleter));
        }

        /// <summary>The names a dataclass's <c>field(default_factory=...)</c> values use: constructing it runs them.</summary>
        private static IEnumerable<string> FactoryNames(ClassModel c) =>
            c.Body.SelectMany(ModelBuilder.StatementExpressions).SelectMany(Walk).OfType<Call>()
                .Where(call => call.Func is Name { Id: "field" }).SelectMany(call => call.Keywords)
                .Where(k => k.Arg == "default_factory").SelectMany(k => Walk(k.Value))
                .Select(e => e switch { Name n => n.Id, Attribute a => a.Attr, _ => null }).OfType<string>();

        private static bool IsDunder(string name) => name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);

        private static IEnumerable<FunctionModel> WithNested(FunctionModel f) => new[] { f }.Concat(f.Nested.Values.SelectMany(WithNested));

        private static HashSet<Call> EligibleMethod(ClassModel c, FunctionModel f, List<ClassModel> classes)
        {
            if (!PlainMethod(f) || !Final(c, f, classes) || f.FirstParameter is not { } self
                || ModelBuilder.AssignedNames(f.Def.Body, true).Contains(self) || ModelBuilder.Walk(f.Def.Body).Any(st => st is ITryStatement or With))
                return new HashSet<Call>();
            return SelfCalls(f.Def.Body, e => e is Attribute { Value: Name receiver } a && receiver.Id == self && a.Attr == f.Name);
        }

        private static bool PlainMethod(FunctionModel f) =>
            f is { IsRecursive: true, IsGenerator: false, Cached: false, IsDecorated: false, Parent: null, VarArgs: null, KwArgs: null, UnsupportedDecorator: null }
            && !(f.IsStatic || f.IsClassMethod || f.IsProperty || f.IsSetter || f.IsDeleter || f.IsAbstract || IsDunder(f.Name));

        /// <summary>No class derives from or mixes in c, and nothing replaces the method (an instance or class attribute, __getattribute__).</summary>
        private static bool Final(ClassModel c, FunctionModel f, List<ClassModel> classes) =>
            !classes.Any(x => ReferenceEquals(x.Base, c) || x.Mixins.Contains(c)) && c.MixedInto.Count == 0
            && !c.InstanceStores.Contains(f.Name) && !c.ClassVars.ContainsKey(f.Name) && c.FindMethod("__getattribute__") is null;

        private static HashSet<Call> Eligible(ModuleModel m, FunctionModel f)
        {
            if (!PlainFunction(f) || !BoundOnce(m, f) || ModelBuilder.Walk(f.Def.Body).Any(s => s is ITryStatement or With)) return new HashSet<Call>();
            return SelfCalls(f.Def.Body, e => e is Name n && n.Id == f.Name);
        }

        /// <summary>The body's calls of the function itself (callee matched by isSelf) outside lambdas and comprehensions, with plain arguments.</summary>
        private static HashSet<Call> SelfCalls(IEnumerable<StatementNode> body, Func<ExpressionNode, bool> isSelf)
        {
            var nested = new HashSet<ExpressionNode>(Expressions(body).Where(IsScope).SelectMany(Inside));
            return new HashSet<Call>(Expressions(body).OfType<Call>().Where(c => isSelf(c.Func) && !nested.Contains(c)
                && c.Keywords.All(k => k.Arg is not null) && !c.Args.Any(a => a is Starred)));
        }

        private static bool PlainFunction(FunctionModel f) =>
            f is { IsRecursive: true, IsGenerator: false, Cached: false, IsDecorated: false, Owner: null, Parent: null, VarArgs: null, KwArgs: null, UnsupportedDecorator: null };

        /// <summary>The module's name for the function is only ever the def (no redefinition, assignment or <c>global</c> rebinding; no local of that name).</summary>
        private static bool BoundOnce(ModuleModel m, FunctionModel f) =>
            m.Functions.TryGetValue(f.Name, out var bound) && ReferenceEquals(bound, f) && !m.RedefinedFunctions.Contains(f.Name)
            && !m.Globals.ContainsKey(f.Name) && !f.Locals.ContainsKey(f.Name) && f.Params.All(p => p.Name != f.Name)
            && !m.Functions.Values.SelectMany(WithNested).Any(g => g.Globals.Contains(f.Name));

        private static bool IsScope(ExpressionNode e) => e is Lambda or ListComp or SetComp or DictComp or GeneratorExp;

        /// <summary>Every expression inside a lambda or comprehension, which runs in a frame of its own.</summary>
        private static IEnumerable<ExpressionNode> Inside(ExpressionNode scope) => Walk(scope).Skip(1);

        /// <summary>ModelBuilder.WalkExpression, also inside lambda bodies.</summary>
        private static IEnumerable<ExpressionNode> Walk(ExpressionNode e)
        {
            foreach (var x in ModelBuilder.WalkExpression(e))
            {
                yield return x;
                if (x is Lambda lam)
                {
                    foreach (var d in lam.Args.Defaults.Concat(lam.Args.KwDefaults.OfType<ExpressionNode>()))
                        foreach (var y in Walk(d)) yield return y;
                    foreach (var y in Walk(lam.Body)) yield return y;
                }
            }
        }

        private static IEnumerable<ExpressionNode> Expressions(IEnumerable<StatementNode> body) =>
            ModelBuilder.Walk(body).SelectMany(ModelBuilder.StatementExpressions).SelectMany(Walk);

        /// <summary>The names a body calls or refers to (a function passed as a value may be called), but for its own calls to itself.</summary>
        private static IEnumerable<string> UsedNames(IEnumerable<StatementNode> body, HashSet<Call> selfCalls)
        {
            var selfNames = new HashSet<ExpressionNode>(selfCalls.Select(c => c.Func));
            foreach (var e in Expressions(body))
                switch (e)
                {
                    case Name n when !selfNames.Contains(n): yield return n.Id; break;
                    case Attribute a when !selfNames.Contains(a): yield return a.Attr; break;
                }
            // a def nested in the body is a function of its own, found by its name where it is called
        }

        /// <summary>
        /// The functions that may read the static count while they run: counted ones, ones with a handler or a with
        /// statement (the depth is saved before them), and whatever calls or names one of those.
        /// </summary>
        private static HashSet<FunctionModel> Readers(List<FunctionModel> all)
        {
            var byName = all.ToLookup(f => f.Name, StringComparer.Ordinal);
            var names = all.ToDictionary(f => f, f => UsedNames(f.Def.Body, new HashSet<Call>()).Distinct(StringComparer.Ordinal).ToList());
            var readers = new HashSet<FunctionModel>(all.Where(f => f is { IsRecursive: true, IsGenerator: false } || ModelBuilder.Walk(f.Def.Body).Any(s => s is ITryStatement or With)));
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach (var f in all)
                    if (!readers.Contains(f) && names[f].Any(n => byName[n].Any(readers.Contains))) grew = readers.Add(f) || grew;
            }
            return readers;
        }
    }
}
