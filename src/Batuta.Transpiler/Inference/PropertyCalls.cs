using System.Collections.Generic;
using System.Linq;
using Batuta.Python.Ast;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// <c>x = property(get_x, set_x, del_x, doc)</c> in a class body is the decorator form spelled out: before the model
    /// is built it becomes <c>@property def x(self): return self.get_x()</c>, with <c>@x.setter</c> and
    /// <c>@x.deleter</c> defs calling the other two, so the rest of the transpiler sees one kind of property.
    /// </summary>
    internal static class PropertyCalls
    {
        private sealed class Parts
        {
            public Parts(string name, ExpressionNode getter, ExpressionNode? setter, ExpressionNode? deleter, SourceSpan span)
            {
                Name = name;
                Getter = getter;
                Setter = setter;
                Deleter = deleter;
                Span = span;
            }

            public string Name { get; }
            /// <summary>Each a Name of a def of the class, or a lambda.</summary>
            public ExpressionNode Getter { get; }
            public ExpressionNode? Setter { get; }
            public ExpressionNode? Deleter { get; }
            public SourceSpan Span { get; }
        }

        public static Module Desugar(Module tree)
        {
            if (!tree.Body.OfType<ClassDef>().Any(HasPropertyCall)) return tree;
            var body = tree.Body.Select(s => s is ClassDef cd && HasPropertyCall(cd) ? Rewrite(cd) : s).ToArray();
            return new Module(NodeList.Of(body), tree.TypeIgnores, tree.Span);
        }

        private static bool HasPropertyCall(ClassDef cd) => cd.Body.Any(s => PartsOf(s, cd) is not null);

        private static ClassDef Rewrite(ClassDef cd)
        {
            var body = cd.Body.SelectMany(s => PartsOf(s, cd) is { } p ? Expand(p) : new[] { s }).ToArray();
            return new ClassDef(cd.Name, cd.Bases, cd.Keywords, NodeList.Of(body), cd.DecoratorList, cd.Span);
        }

        /// <summary>The accessor methods of <c>name = property(...)</c> when each names a def of the class.</summary>
        private static Parts? PartsOf(StatementNode s, ClassDef cd)
        {
            if (s is not Assign { Targets.Count: 1, Value: Call { Func: Name { Id: "property" } } call } a || a.Targets[0] is not Name target) return null;
            bool onlyKnownArguments = call.Args.Count <= 4 && call.Keywords.All(k => k.Arg is "fget" or "fset" or "fdel" or "doc");
            var getter = Accessor(cd, call, 0, "fget");
            return getter is null || !onlyKnownArguments ? null
                : new Parts(target.Id, getter, Accessor(cd, call, 1, "fset"), Accessor(cd, call, 2, "fdel"), a.Span);
        }

        /// <summary>An argument of property(), positionally or by keyword: a def of the class by name, or a lambda.</summary>
        private static ExpressionNode? Accessor(ClassDef cd, Call call, int index, string keyword)
        {
            var node = index < call.Args.Count ? call.Args[index] : call.Keywords.FirstOrDefault(k => k.Arg == keyword)?.Value;
            return node is Lambda || node is Name n && cd.Body.OfType<FunctionDef>().Any(f => f.Name == n.Id) ? node : null;
        }

        private static IEnumerable<StatementNode> Expand(Parts p)
        {
            var span = p.Span;
            ExpressionNode Decorator(string? accessor) =>
                accessor is null ? new Name("property", ExprContext.Load, span) : new Attribute(new Name(p.Name, ExprContext.Load, span), accessor, ExprContext.Load, span);
            yield return Accessor(p, p.Getter, Decorator(null), returns: true, "self");
            if (p.Setter is { } setter) yield return Accessor(p, setter, Decorator("setter"), returns: false, "self", "value");
            if (p.Deleter is { } deleter) yield return Accessor(p, deleter, Decorator("deleter"), returns: false, "self");
        }

        /// <summary>A def named as the property: a lambda's own parameters and body, or a call of the named method on self.</summary>
        private static FunctionDef Accessor(Parts p, ExpressionNode accessor, ExpressionNode decorator, bool returns, params string[] parameters)
        {
            var span = p.Span;
            Name Load(string id) => new Name(id, ExprContext.Load, span);
            Arguments args;
            ExpressionNode value;
            if (accessor is Lambda l)
            {
                args = l.Args;
                value = l.Body;
            }
            else
            {
                args = new Arguments(NodeList.Of<Arg>(), NodeList.Of(parameters.Select(x => new Arg(x, null, null, span)).ToArray()), null,
                    NodeList.Of<Arg>(), NodeList.Of<ExpressionNode?>(), null, NodeList.Of<ExpressionNode>(), span);
                var method = new Attribute(Load("self"), ((Name)accessor).Id, ExprContext.Load, span);
                value = new Call(method, NodeList.Of(parameters.Skip(1).Select(x => (ExpressionNode)Load(x)).ToArray()), NodeList.Of<Keyword>(), span);
            }
            StatementNode statement = returns ? new Return(value, span) : new Expr(value, span);
            return new FunctionDef(p.Name, args, NodeList.Of(statement), NodeList.Of(decorator), null, null, span);
        }
    }
}
