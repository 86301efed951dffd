using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Classes defined inside a function (<c>def make_item_class(prefix): class Item: ...; return Item</c>). Each is hoisted
    /// to one C# class of the module (<c>MakeItemClass_Item</c>: fields, methods, constructor as for a module-level class),
    /// and each run of the class statement makes a run-time class object (<c>PyLocalClass</c>) held in the function's
    /// local of the class's name: it carries that run's class attributes (a dynamic value each) and reads the
    /// enclosing function's variables the methods use through closures (live, as Python's cells), and every instance it
    /// constructs keeps it. So two calls of the factory give two classes that share neither class attributes nor
    /// captured values. The class name is a dynamic value: constructing, <c>Item.count</c>, <c>isinstance</c> and
    /// <c>except Item</c> go through the class object. What this does not cover stays BATUTA-T-004 at the class
    /// statement (<see cref="ModuleModel.LocalClassGaps"/>).
    /// </summary>
    internal static class LocalClasses
    {
        public static void Declare(ModuleModel m)
        {
            foreach (var f in m.Functions.Values.ToList()) DeclareIn(m, f, f.Name);
        }

        private static void DeclareIn(ModuleModel m, FunctionModel f, string qualName)
        {
            foreach (var cd in ModelBuilder.Walk(f.Def.Body).OfType<ClassDef>())
            {
                var c = ModelBuilder.NewClass(cd, m, CsNames.Type(f.Name) + "_" + CsNames.Type(cd.Name));
                c.LocalTo = f;
                c.QualName = qualName + ".<locals>." + cd.Name;
                c.Key = c.QualName;
                var gap = Gap(m, f, c);
                if (gap is not null)
                {
                    m.LocalClassGaps[cd] = gap;
                    continue;
                }
                foreach (var s in cd.Body)
                {
                    if (s is Assign { Targets: [Name n] } a) c.LocalAttributes.Add((n.Id, a.Value));
                    else if (s is AnnAssign { Target: Name an, Value: { } v }) c.LocalAttributes.Add((an.Id, v));
                }
                c.ClassVars.Clear();
                c.Captured.UnionWith(CapturedNames(f, c));
                m.Classes[c.Key] = c;
                if (!f.Locals.ContainsKey(cd.Name)) f.Locals[cd.Name] = new VarInfo(cd.Name, CsNames.Local(cd.Name), PyType.Unknown);
            }
            foreach (var n in f.Nested.Values) DeclareIn(m, n, qualName + ".<locals>." + n.Name);
        }

        /// <summary>Why the class cannot be hoisted (the reason BATUTA-T-004 gives); null when it can.</summary>
        private static string? Gap(ModuleModel m, FunctionModel f, ClassModel c) =>
            HeaderGap(m, f, c.Def) ?? NameGap(f, c.Def) ?? AttributeGap(c) ?? MethodGap(f, c);

        private static string? HeaderGap(ModuleModel m, FunctionModel f, ClassDef cd)
        {
            if (cd.DecoratorList.Count > 0 || cd.Keywords.Count > 0) return "a decorated class (or one with metaclass=) defined inside a function";
            if (cd.Bases.Any(b => !IsModuleLevelBase(m, f, b))) return "a class defined inside a function whose base is not a module-level class or builtin exception";
            if (cd.Body.Any(s => !IsSupportedMember(s))) return "a class defined inside a function whose body holds more than defs and attribute assignments";
            return null;
        }

        private static string? NameGap(FunctionModel f, ClassDef cd)
        {
            bool rebound = f.Globals.Contains(cd.Name) || f.Nonlocals.Contains(cd.Name) || f.Params.Any(p => p.Name == cd.Name) || f.Nested.ContainsKey(cd.Name)
                || ModelBuilder.AssignedNames(f.Def.Body, includeNested: false).Contains(cd.Name)
                || ModelBuilder.Walk(f.Def.Body).OfType<ClassDef>().Count(x => x.Name == cd.Name) > 1;
            return rebound ? "a class defined inside a function whose name the function also binds otherwise" : null;
        }

        private static string? AttributeGap(ClassModel c)
        {
            var attributes = new HashSet<string>(c.Def.Body.Select(ModelBuilder.MemberName).Where(n => n is not null).Select(n => n.OrThrow()), StringComparer.Ordinal);
            if (c.Def.Body.Where(s => s is Assign or AnnAssign).SelectMany(ModelBuilder.StatementExpressions).SelectMany(ModelBuilder.WalkExpression)
                .Any(e => e is Name { Ctx: ExprContext.Load } n && attributes.Contains(n.Id)))
                return "a class attribute computed from another class attribute in a class defined inside a function";
            return null;
        }

        private static string? MethodGap(FunctionModel f, ClassModel c)
        {
            var methods = c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values).ToList();
            if (methods.Any(x => x.IsClassMethod || x.IsDecorated || x.Cached || x.UnsupportedDecorator is not null)) return "a classmethod or decorated method in a class defined inside a function";
            if (methods.Any(x => ModelBuilder.Walk(x.Def.Body).Any(s => s is Nonlocal))) return "a method of a class defined inside a function that assigns a variable of the function (nonlocal)";
            if (methods.Where(x => x.IsStatic).Any(x => LoadsFrom(f, x, c).Any())) return "a staticmethod reading the enclosing function's variables in a class defined inside a function";
            return null;
        }

        private static bool IsModuleLevelBase(ModuleModel m, FunctionModel f, ExpressionNode b)
        {
            if (b is not Name n || BoundIn(f, n.Id)) return false;
            if (n.Id == "object" || ModelBuilder.BuiltinExceptions.Contains(n.Id) && !m.Classes.ContainsKey(n.Id)) return true;
            return m.Classes.TryGetValue(n.Id, out var baseClass) && baseClass.LocalTo is null && !baseClass.IsDataclass && !baseClass.IsEnum && !baseClass.IsNamedTuple;
        }

        private static bool IsSupportedMember(StatementNode s) =>
            s is FunctionDef or Pass or Expr { Value: Constant } or Assign { Targets: [Name] } or AnnAssign { Target: Name };

        /// <summary>A parameter, local or nested def of the function or of one enclosing it.</summary>
        private static bool BoundIn(FunctionModel? f, string name)
        {
            for (; f is not null; f = f.Parent)
            {
                if (f.Globals.Contains(name)) return false;
                if (f.Params.Any(p => p.Name == name) || f.VarArgs?.Name == name || f.KwArgs?.Name == name || f.Nested.ContainsKey(name) || f.Locals.ContainsKey(name))
                    return true;
            }
            return false;
        }

        /// <summary>The enclosing function's variables (and the class's own name) the class's methods read.</summary>
        private static IEnumerable<string> CapturedNames(FunctionModel f, ClassModel c) =>
            c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values).SelectMany(x => LoadsFrom(f, x, c)).Distinct();

        private static IEnumerable<string> LoadsFrom(FunctionModel f, FunctionModel method, ClassModel c)
        {
            var names = new NameUses();
            foreach (var s in method.Def.Body) names.Visit(s);
            foreach (var a in AllArgs(method.Def.Args)) names.Bound.Add(a);
            return names.Loaded.Where(n => !names.Bound.Contains(n) && !method.Globals.Contains(n) && (n == c.Name || BoundIn(f, n)));
        }

        private static IEnumerable<string> AllArgs(Arguments a) =>
            a.Posonlyargs.Concat(a.Args).Concat(a.Kwonlyargs).Select(x => x.Name)
                .Concat(a.Vararg is null ? Array.Empty<string>() : new[] { a.Vararg.Name })
                .Concat(a.Kwarg is null ? Array.Empty<string>() : new[] { a.Kwarg.Name });

        /// <summary>Names read and names bound anywhere in a method (nested defs, lambdas and comprehensions included).</summary>
        private sealed class NameUses : AstWalker
        {
            public HashSet<string> Loaded { get; } = new(StringComparer.Ordinal);
            public HashSet<string> Bound { get; } = new(StringComparer.Ordinal);

            protected override bool Enter(Node node)
            {
                switch (node)
                {
                    case Name { Ctx: ExprContext.Load } n: Loaded.Add(n.Id); break;
                    case Name n: Bound.Add(n.Id); break;
                    case FunctionDef fd:
                        Bound.Add(fd.Name);
                        Bound.UnionWith(AllArgs(fd.Args));
                        break;
                    case Lambda l: Bound.UnionWith(AllArgs(l.Args)); break;
                    case ExceptHandler { Name: { } h }: Bound.Add(h); break;
                    case Global g: Bound.UnionWith(g.Names); break;
                }
                return true;
            }
        }
    }
}
