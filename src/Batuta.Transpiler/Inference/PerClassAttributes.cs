using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Class attributes that some class other than their defining one assigns: <c>Sub.n = 5</c> on an inherited
    /// <c>n</c>, <c>cls.n += 1</c> in a classmethod, <c>type(self).n += 1</c>. In Python the assignment creates the
    /// subclass's own attribute and leaves the base's alone; a C# static is one slot shared by the whole
    /// hierarchy, so such attributes get a copy-on-write static property in each subclass (see
    /// <see cref="ClassModel.PerClassAttributes"/>).
    /// </summary>
    internal static class PerClassAttributes
    {
        public static void Mark(List<ModuleModel> modules)
        {
            var classes = modules.SelectMany(m => m.Classes.Values).ToList();
            var byName = classes.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var c in classes) DeclareClassMethodStores(c);
            foreach (var m in modules) MarkClassNameStores(m, byName);
            foreach (var m in modules) MarkValueStores(m, byName, classes);
            foreach (var c in classes) MarkRuntimeClassStores(c, classes);
        }

        /// <summary><c>cls.plugin_id = n</c> in a classmethod (or __init_subclass__) makes a class attribute the body never declared.</summary>
        private static void DeclareClassMethodStores(ClassModel c)
        {
            foreach (var f in c.Methods.Values.Where(f => f.IsClassMethod))
                foreach (var node in ModelBuilder.WalkExpressions(f.Def.Body))
                    if (node is Attribute { Ctx: ExprContext.Store } a && ThroughRuntimeClass(f, a.Value) && Root(c, a.Attr) is null && c.FindMethod(a.Attr) is null && c.FindField(a.Attr) is null)
                        c.ClassVars[a.Attr] = new VarInfo(a.Attr, Emit.CsNames.Member(a.Attr), PyType.Unknown);
        }

        /// <summary>
        /// <c>cls.name = key</c> on a variable that may hold a class (a parameter of tag(cls, key)): any class attribute
        /// of that name with subclasses may be assigned per class.
        /// </summary>
        private static void MarkValueStores(ModuleModel m, Dictionary<string, List<ClassModel>> byName, List<ClassModel> classes)
        {
            foreach (var node in ModelBuilder.WalkExpressions(m.Tree.Body).Concat(FunctionBodies(m)))
            {
                if (node is not Attribute { Ctx: ExprContext.Store, Value: Name n } a || byName.ContainsKey(n.Id) || n.Id == "self") continue;
                foreach (var c in classes.Where(c => IsSubclassedRoot(c, a.Attr, classes))) c.PerClassAttributes.Add(a.Attr);
            }
        }

        private static bool IsSubclassedRoot(ClassModel c, string name, List<ClassModel> classes) =>
            c.ClassVars.ContainsKey(name) && Root(c, name) == c && classes.Any(s => s != c && s.IsSubclassOf(c));

        private static void MarkClassNameStores(ModuleModel m, Dictionary<string, List<ClassModel>> byName)
        {
            foreach (var node in ModelBuilder.WalkExpressions(m.Tree.Body).Concat(FunctionBodies(m)))
                if (node is Attribute { Ctx: ExprContext.Store, Value: Name n } a && byName.TryGetValue(n.Id, out var named))
                    foreach (var c in named) MarkStatic(c, a.Attr);
        }

        private static void MarkRuntimeClassStores(ClassModel c, List<ClassModel> classes)
        {
            foreach (var f in c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values))
                foreach (var node in ModelBuilder.WalkExpressions(f.Def.Body))
                    if (node is Attribute { Ctx: ExprContext.Store } a && ThroughRuntimeClass(f, a.Value))
                        MarkDynamic(c, a.Attr, classes);
        }

        private static IEnumerable<ExpressionNode> FunctionBodies(ModuleModel m) =>
            m.Functions.Values.SelectMany(f => ModelBuilder.WalkExpressions(f.Def.Body))
                .Concat(m.Classes.Values.SelectMany(c => c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values)).SelectMany(f => ModelBuilder.WalkExpressions(f.Def.Body)));

        /// <summary><c>cls</c> in a classmethod, <c>type(self)</c>, <c>self.__class__</c>: whichever class the call runs for.</summary>
        private static bool ThroughRuntimeClass(FunctionModel f, ExpressionNode e)
        {
            if (f.IsStatic || f.FirstParameter is not { } first) return false;
            return e switch
            {
                Name n => f.IsClassMethod && n.Id == first,
                Call { Func: Name { Id: "type" }, Args: { Count: 1 } args } => !f.IsClassMethod && args[0] is Name s && s.Id == first,
                Attribute { Attr: "__class__", Value: Name s } => !f.IsClassMethod && s.Id == first,
                _ => false,
            };
        }

        private static ClassModel? Root(ClassModel c, string name)
        {
            ClassModel? root = null;
            for (var x = c; x is not null; x = x.Base) if (x.ClassVars.ContainsKey(name)) root = x;
            return root is { IsEnum: false } ? root : null;
        }

        private static void MarkStatic(ClassModel c, string name)
        {
            if (c.ClassVars.ContainsKey(name) || Root(c, name) is not { } root) return;
            root.PerClassAttributes.Add(name);
        }

        private static void MarkDynamic(ClassModel c, string name, List<ClassModel> classes)
        {
            if (Root(c, name) is not { } root) return;
            if (c != root || classes.Any(s => s != c && s.IsSubclassOf(c))) root.PerClassAttributes.Add(name);
        }
    }
}
