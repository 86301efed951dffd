using Batuta.Python.Syntax;

namespace Batuta.Python
{
    /// <summary>
    /// Collects what one parse finds. The first error is the one CPython would raise (including its
    /// rule that a tokenizer error later in the file beats a parser error); the rest come from
    /// recovery and are extra information.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly List<(ParserDiagnostic Diagnostic, int FurthestLine, bool FromTokenizer)> _errors = new();
        private readonly List<ParserDiagnostic> _warnings = new();
        private readonly HashSet<(int, int, string)> _warningKeys = new();

        public DiagnosticSink(string path) => Path = path;

        public string Path { get; }

        /// <summary>Warnings the tokenizer raises (number followed by a keyword): message, line, 0-based byte column.</summary>
        public List<(string Message, int Line, int Column)> TokenizerWarnings { get; } = new();

        public bool HasErrors => _errors.Count > 0;

        public int ErrorCount => _errors.Count;

        public void AddParserError(ParserDiagnostic d, int furthestLine, bool fromTokenizer)
        {
            foreach (var e in _errors)
                if (e.Diagnostic.Line == d.Line && e.Diagnostic.Column == d.Column && e.Diagnostic.Message == d.Message) return;
            _errors.Add((d, furthestLine, fromTokenizer));
        }

        public void AddTokenizerError(TokenizerError e, PythonSource src) => AddParserError(ParserDiagnostic.FromTokenizer(e, src), int.MaxValue, true);

        public void AddError(ParserDiagnostic d) => AddParserError(d, d.Line, false);

        /// <summary>
        /// Adds the errors of a recovering second parse that lie after this parse's last error (those before it
        /// were seen by this parse already).
        /// </summary>
        public void AppendExtras(DiagnosticSink other)
        {
            int lastLine = _errors.Count == 0 ? 0 : _errors.Max(e => e.Diagnostic.Line);
            foreach (var e in other._errors)
                if (e.Diagnostic.Line > lastLine) AddParserError(e.Diagnostic, e.FurthestLine, e.FromTokenizer);
        }

        public void AddWarning(ParserDiagnostic d)
        {
            if (_warningKeys.Add((d.Line, d.Column, d.Message))) _warnings.Add(d);
        }

        /// <summary>
        /// _PyPegen_tokenize_full_source_to_check_for_errors: after a parser error CPython tokenizes the
        /// rest of the file, and a tokenizer error found there replaces the parser's (an unclosed bracket
        /// only when it opened on an earlier line than the parser got to).
        /// </summary>
        public void ResolveTokenizerPriority(TokenizerError? tokErr, PythonSource src)
        {
            if (tokErr is null || _errors.Count == 0 || _errors[0].FromTokenizer) return;
            // CPython returns early for a generic "unexpected indent/unindent" without scanning the rest.
            var first = _errors[0].Diagnostic;
            if (first.Message == "unexpected indent" || first.Message == "unexpected unindent") return;
            if (tokErr.Kind == TokenizerErrorKind.Deferred && tokErr.OpenBracketError is not null)
            {
                if (_errors[0].FurthestLine <= tokErr.OpenBracketLine) return;
                tokErr = tokErr.OpenBracketError;
            }
            else
            {
                bool wins = tokErr.Kind == TokenizerErrorKind.Raised
                    || (tokErr.Kind == TokenizerErrorKind.UnclosedAtEof && _errors[0].FurthestLine > tokErr.OpenBracketLine);
                if (!wins) return;
            }
            var d = ParserDiagnostic.FromTokenizer(tokErr, src);
            _errors.RemoveAll(e => e.FromTokenizer);
            _errors.Insert(0, (d, int.MaxValue, true));
        }

        public List<PythonDiagnostic> ToList(PythonSource? source = null)
        {
            var list = new List<PythonDiagnostic>(_errors.Count + _warnings.Count + TokenizerWarnings.Count);
            foreach (var (d, _, _) in _errors)
                list.Add(new PythonDiagnostic(d.Code, d.Message, Hints.For(d.Code, d.Message), Path, d.Line, d.Column, d.EndLine, d.EndColumn, DiagnosticSeverity.Error, d.ErrorType));
            foreach (var d in _warnings)
                list.Add(new PythonDiagnostic(d.Code, d.Message, Hints.For(d.Code, d.Message), Path, d.Line, d.Column, d.EndLine, d.EndColumn, DiagnosticSeverity.Warning, d.ErrorType));
            foreach (var (m, line, byteCol) in TokenizerWarnings)
            {
                int col = source is null ? byteCol + 1 : source.ToCodePointColumn(line, byteCol) + 1;
                list.Add(new PythonDiagnostic(DiagnosticCodes.DeprecatedSyntax, m, Hints.For(DiagnosticCodes.DeprecatedSyntax, m), Path, line, col, line, col,
                    DiagnosticSeverity.Warning, "DeprecationWarning"));
            }
            return list;
        }
    }
}
