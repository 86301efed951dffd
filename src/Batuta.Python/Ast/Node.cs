namespace Batuta.Python.Ast
{
    /// <summary>Base of every tree node: a kind, a CPython class name, and an exact source span.</summary>
    public abstract class Node
    {
        protected Node(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        /// <summary>CPython <c>lineno</c> (1-based).</summary>
        public int Line => Span.Line;

        /// <summary>CPython <c>col_offset</c>: 0-based, in UTF-8 bytes.</summary>
        public int Column => Span.Column;

        /// <summary>CPython <c>end_lineno</c>.</summary>
        public int EndLine => Span.EndLine;

        /// <summary>CPython <c>end_col_offset</c>: in UTF-8 bytes.</summary>
        public int EndColumn => Span.EndColumn;

        public abstract NodeKind NodeKind { get; }

        /// <summary>The class name in CPython's <c>ast</c> module (<c>arguments</c>, <c>withitem</c>, ...).</summary>
        public abstract string PythonName { get; }

        public abstract void Accept(AstVisitor visitor);

        public abstract TResult Accept<TResult>(AstVisitor<TResult> visitor);

        internal abstract void WriteFields(AstDumpWriter writer);

        internal abstract void WalkChildren(AstWalker walker);

        /// <summary>The text of <c>ast.dump(node)</c> for this node.</summary>
        public override string ToString() => AstDump.Dump(this);
    }

    /// <summary>CPython <c>ast.mod</c>.</summary>
    public abstract class ModNode : Node
    {
        protected ModNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.stmt</c>.</summary>
    public abstract class StatementNode : Node
    {
        protected StatementNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.expr</c>.</summary>
    public abstract class ExpressionNode : Node
    {
        protected ExpressionNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.pattern</c>.</summary>
    public abstract class PatternNode : Node
    {
        protected PatternNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.excepthandler</c>.</summary>
    public abstract class ExceptHandlerNode : Node
    {
        protected ExceptHandlerNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.type_ignore</c>.</summary>
    public abstract class TypeIgnoreNode : Node
    {
        protected TypeIgnoreNode(SourceSpan span) : base(span) { }
    }

    /// <summary>CPython <c>ast.expr_context</c>.</summary>
    public enum ExprContext { Load, Store, Del }

    /// <summary>CPython <c>ast.boolop</c>.</summary>
    public enum BoolOperator { And, Or }

    /// <summary>CPython <c>ast.operator</c> (binary operators).</summary>
    public enum Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv }

    /// <summary>CPython <c>ast.unaryop</c>.</summary>
    public enum UnaryOperator { Invert, Not, UAdd, USub }

    /// <summary>CPython <c>ast.cmpop</c>.</summary>
    public enum CompareOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn }
}
