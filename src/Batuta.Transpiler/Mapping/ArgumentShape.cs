namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// A mapping row (builtin, method, standard library) reads an argument the call does not pass in that shape: too few
    /// positional arguments, or keywords where the row reads positions (<c>d.update(name=...)</c>, <c>type(name=...)</c>).
    /// Not an internal error: the emitter catches it where it dispatches the call and falls back to the dynamic call
    /// (BATUTA-T-003) or to a NotSupportedException (BATUTA-T-004).
    /// </summary>
    internal sealed class ArgumentShapeException : Exception
    {
        public ArgumentShapeException(string message) : base(message) { }

        public static ArgumentShapeException Missing(string function, int index) =>
            new($"{function}() is mapped for a positional argument {index + 1} this call does not pass");

        /// <summary>The mapping rows' <c>Arg(i)</c>: positional argument i, or this exception when the call has fewer.</summary>
        public static Emit.Ex Arg(Emit.Emitter e, Python.Ast.NodeList<Python.Ast.ExpressionNode> args, int i, Model.PyType? type, string function) =>
            i < args.Count ? e.Expr(args[i], type) : throw Missing(function, i);
    }
}
