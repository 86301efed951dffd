namespace Batuta.Python.Ast
{
    /// <summary>
    /// Where a node sits in the source, exactly as CPython reports it: 1-based lines and
    /// 0-based columns counted in UTF-8 bytes (<c>lineno</c>, <c>col_offset</c>, <c>end_lineno</c>, <c>end_col_offset</c>).
    /// </summary>
    public readonly struct SourceSpan : IEquatable<SourceSpan>
    {
        public SourceSpan(int line, int column, int endLine, int endColumn)
        {
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        /// <summary>The span of nodes CPython gives no position (arguments, comprehension, withitem, match_case, Module).</summary>
        public static SourceSpan None => default;

        public static SourceSpan Between(SourceSpan start, SourceSpan end) => new SourceSpan(start.Line, start.Column, end.EndLine, end.EndColumn);

        public bool Equals(SourceSpan other) => Line == other.Line && Column == other.Column && EndLine == other.EndLine && EndColumn == other.EndColumn;
        public override bool Equals(object? obj) => obj is SourceSpan s && Equals(s);
        public override int GetHashCode() => unchecked((((Line * 397) ^ Column) * 397 ^ EndLine) * 397 ^ EndColumn);
        public static bool operator ==(SourceSpan a, SourceSpan b) => a.Equals(b);
        public static bool operator !=(SourceSpan a, SourceSpan b) => !a.Equals(b);

        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}:{1}-{2}:{3}", Line, Column, EndLine, EndColumn);
    }
}
