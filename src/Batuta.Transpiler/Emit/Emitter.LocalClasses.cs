using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>Classes defined inside functions (see Inference.LocalClasses for the lowering).</summary>
    internal sealed partial class Emitter
    {
        /// <summary>
        /// The class statement inside a function: a new class object in the local of the class's name, reading the
        /// function's variables the methods use through closures and holding the class attributes.
        /// </summary>
        private void EmitLocalClassStatement(ClassDef cd)
        {
            var c = _module.Classes.Values.FirstOrDefault(k => k.Def == cd && k.LocalTo is not null);
            if (c is null || Resolve(cd.Name) is not { Kind: ResolvedKind.Local, Var: { } local })
            {
                UnsupportedStatement(cd, _module.LocalClassGaps.TryGetValue(cd, out var gap) ? gap : "a class defined inside a function", "move the class to module level");
                return;
            }
            EmitDefaultAssignments(c.Methods.Values);
            var code = new System.Text.StringBuilder();
            code.Append($"new PyLocalClass(typeof({ClassCsName(c)}), {CsNames.Literal(c.Name)}, {CsNames.Literal(c.QualName ?? c.Name)}, __name__)");
            foreach (var name in c.Captured.OrderBy(n => n, StringComparer.Ordinal))
                code.Append($".Cell({CsNames.Literal(name)}, () => {Box(EmitExpr(new Name(name, ExprContext.Load, cd.Span)))})");
            foreach (var (name, value) in c.LocalAttributes)
                code.Append($".Attribute({CsNames.Literal(name)}, {Box(EmitExpr(value))})");
            Widen(local, PyType.Object);
            _w.Line($"{local.CsName} = {code};");
        }

        /// <summary>A variable of the enclosing function read in a method of a class defined inside it: its class object reads it.</summary>
        private Resolved? CapturedByLocalClass(string name)
        {
            var method = _function;
            while (method?.Parent is not null) method = method.Parent;
            if (method is not { Owner: { LocalTo: not null } c, IsStatic: false } || !c.Captured.Contains(name)) return null;
            // a base constructor call's arguments cannot read this: the class object the instance just took can be
            string code = $"{(_inBaseConstructorCall ? "PyLocalClass.Constructed" : "this.PyClass")}.Read({CsNames.Literal(name)})";
            return new Resolved(ResolvedKind.Local, code, new VarInfo(name, code, PyType.Object) { Declared = true });
        }

        /// <summary>Writing the arguments of <c>: base(...)</c>, where <c>this</c> is not available.</summary>
        private bool _inBaseConstructorCall;

        private static IEnumerable<string> LocalClassInterface(ClassModel c) =>
            c.LocalTo is null ? Enumerable.Empty<string>() : new[] { "IPyLocalClassInstance" };

        /// <summary>An instance of a local class keeps the class object that constructs it (set before any constructor body runs).</summary>
        private void EmitLocalClassObject(ClassModel c)
        {
            if (c.LocalTo is not null) _w.Line("public PyLocalClass PyClass { get; } = PyLocalClass.Take();");
        }
    }
}
