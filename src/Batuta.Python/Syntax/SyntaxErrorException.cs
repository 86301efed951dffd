namespace Batuta.Python.Syntax
{
    /// <summary>
    /// A syntax error found while parsing. Internal control flow only: the parser catches it at the
    /// statement that failed, records the diagnostic and recovers; it never reaches the caller.
    /// </summary>
    internal sealed class SyntaxErrorException : Exception
    {
        public SyntaxErrorException(ParserDiagnostic diagnostic, int furthestLine, bool fromTokenizer)
            : base(diagnostic.Message)
        {
            Diagnostic = diagnostic;
            FurthestLine = furthestLine;
            FromTokenizer = fromTokenizer;
        }

        public ParserDiagnostic Diagnostic { get; }

        public int FurthestLine { get; }

        public bool FromTokenizer { get; }
    }

    /// <summary>A diagnostic before it gets a path and a hint: CPython's error type, message and position.</summary>
    internal sealed class ParserDiagnostic
    {
        public ParserDiagnostic(string code, string message, string errorType, int line, int column, int endLine, int endColumn)
        {
            Code = code;
            Message = message;
            ErrorType = errorType;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public string Code { get; }
        public string Message { get; }
        public string ErrorType { get; }
        public int Line { get; }
        /// <summary>1-based character column (CPython SyntaxError.offset).</summary>
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        /// <summary>From byte columns (AST style, -1 = unknown) to CPython's 1-based character offsets.</summary>
        public static ParserDiagnostic Create(PythonSource src, string code, string message, string type, int line, int byteCol, int endLine, int endByteCol)
        {
            int col = byteCol < 0 ? 1 : src.ToCodePointColumn(line, byteCol) + 1;
            int endCol;
            if (endByteCol < 0)
            {
                endLine = line;
                endCol = col;
            }
            else endCol = src.ToCodePointColumn(endLine, endByteCol) + 1;
            return new ParserDiagnostic(code, message, type, Math.Max(line, 1), col, Math.Max(endLine, 1), endCol);
        }

        public static ParserDiagnostic FromTokenizer(TokenizerError e, PythonSource src) =>
            new ParserDiagnostic(e.Code, e.Message, e.ErrorType, Math.Max(e.Line, 1), Math.Max(e.Column, 1), Math.Max(e.EndLine, 1), Math.Max(e.EndColumn, 1));
    }
}
