using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// <c>A.__init__(self, ...)</c> in the __init__ of <c>class C(B)</c> where A is B's base: Python runs A's initialiser
    /// alone, skipping B's. A C# constructor chain cannot skip B, so C's constructor takes the do-nothing
    /// <c>(DeferredInit)</c> constructors of B and A and calls A's __init__ body as a method (the DeferredInit pattern
    /// of Emitter.Module). Only for an ancestor whose own bases have no __init__ (no chain of deferred bodies), with
    /// plain classes in between; any other shape keeps the BATUTA-T-004 of AsSuperInit.
    /// </summary>
    internal sealed partial class Emitter
    {
        /// <summary>The ancestor above the direct base whose __init__ this statement of c's __init__ calls on self; null when it is no such call.</summary>
        private ClassModel? SkippedAncestorInit(ClassModel c, FunctionModel init, StatementNode s)
        {
            if (s is not Expr { Value: Call { Func: Attribute { Attr: "__init__", Value: Name named } } call } || init.Def.Args.Args.Count == 0) return null;
            if (call.Args.Count == 0 || call.Args[0] is not Name { Id: var first } || first != init.Def.Args.Args[0].Name) return null;
            if (ClassNamed(named) is not { } target || target == c.Base || !c.IsSubclassOf(target)) return null;
            return SupportsAncestorInit(c, target) ? target : null;
        }

        private static bool SupportsAncestorInit(ClassModel c, ClassModel target) =>
            target.Methods.ContainsKey("__init__") && target.Base?.FindMethod("__init__") is null && NewOwner(c) is null
            && Chain(c).TakeWhile(x => x != target).Concat(new[] { target }).All(x => !x.IsException && !x.IsDataclass && !x.IsEnum && x.Mixins.Count == 0);

        /// <summary>Whether some class's __init__ calls this ancestor's __init__ over its direct base (the ancestor then takes a deferred init).</summary>
        private bool AncestorInitCalled(ClassModel target) =>
            _modules.SelectMany(m => m.Classes.Values).Any(d => d.Methods.TryGetValue("__init__", out var di) && InitBody(di).Any(s => SkippedAncestorInit(d, di, s) == target));

        /// <summary>Whether this class lies strictly between a class and the ancestor whose __init__ it calls: it passes the deferred construction on.</summary>
        private bool SkippedByAncestorInit(ClassModel b) =>
            _modules.SelectMany(m => m.Classes.Values).Any(d => d != b && d.IsSubclassOf(b) && d.Methods.TryGetValue("__init__", out var di)
                && InitBody(di).Any(s => SkippedAncestorInit(d, di, s) is { } target && target != b && b.IsSubclassOf(target)));

        private void EmitDeferredPassThrough(ClassModel b)
        {
            if (b.IsEnum || !SkippedByAncestorInit(b)) return;
            _w.Line();
            _w.Line($"protected {b.CsName}(DeferredInit _) : base(_) {{ }}");
        }

        /// <summary>
        /// C's constructor for an ancestor's __init__ call at <paramref name="index"/>: the call becomes
        /// <c>super().__init__(args)</c> aimed at the ancestor's deferred body (EmitConstructorAfterStatements).
        /// </summary>
        private void EmitAncestorInitConstructor(ClassModel c, FunctionModel init, List<StatementNode> body, int index, ClassModel target)
        {
            var call = (Call)((Expr)body[index]).Value;
            var span = call.Span;
            var super = new Call(new Name("super", ExprContext.Load, span), NodeList<ExpressionNode>.Empty, NodeList<Keyword>.Empty, span);
            var rest = new NodeList<ExpressionNode>(call.Args.Skip(1).ToArray());
            body[index] = new Expr(new Call(new Attribute(super, "__init__", ExprContext.Load, span), rest, call.Keywords, span), body[index].Span);
            EmitConstructorAfterStatements(c, init, body, index, target);
        }
    }
}
