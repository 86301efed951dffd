using System.Globalization;

namespace Batuta.Python
{
    public enum DiagnosticSeverity { Error, Warning }

    /// <summary>
    /// A problem found in Python source. Positions follow CPython's <c>SyntaxError</c>: 1-based lines and
    /// 1-based character columns (<see cref="Column"/> like <c>offset</c>, <see cref="EndColumn"/> like
    /// <c>end_offset</c>, one past the last character).
    /// </summary>
    public sealed class PythonDiagnostic
    {
        public PythonDiagnostic(string code, string message, string? hint, string path, int line, int column, int endLine, int endColumn,
            DiagnosticSeverity severity = DiagnosticSeverity.Error, string errorType = "SyntaxError")
        {
            Code = code;
            Message = message;
            Hint = hint;
            Path = path;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Severity = severity;
            ErrorType = errorType;
        }

        /// <summary>A stable identifier such as <c>BATUTA-P-001</c> (listed in docs/python-parser.md).</summary>
        public string Code { get; }

        /// <summary>The message, worded as CPython 3.11 words it where CPython reports the same problem.</summary>
        public string Message { get; }

        /// <summary>What to change to fix it, or null.</summary>
        public string? Hint { get; }

        public string Path { get; }

        public int Line { get; }

        public int Column { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public DiagnosticSeverity Severity { get; }

        /// <summary>The Python exception CPython raises for it: SyntaxError, IndentationError, TabError or ValueError.</summary>
        public string ErrorType { get; }

        public bool IsError => Severity == DiagnosticSeverity.Error;

        /// <summary><c>path:line:col: error CODE: message</c>, then the hint on its own indented line.</summary>
        public string Format()
        {
            var sb = new StringBuilder();
            sb.Append(Path).Append(':').Append(Line.ToString(CultureInfo.InvariantCulture))
              .Append(':').Append(Column.ToString(CultureInfo.InvariantCulture))
              .Append(": ").Append(Severity == DiagnosticSeverity.Error ? "error " : "warning ")
              .Append(Code).Append(": ").Append(Message);
            if (!string.IsNullOrEmpty(Hint)) sb.Append("\n    hint: ").Append(Hint);
            return sb.ToString();
        }

        public override string ToString() => Format();
    }
}
