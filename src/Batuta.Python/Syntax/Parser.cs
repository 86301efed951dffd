using System.Runtime.CompilerServices;
using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    /// <summary>
    /// A hand-written recursive-descent parser equivalent to CPython 3.11's PEG parser
    /// (Grammar/python.gram). It backtracks only where the grammar needs it, builds the same nodes
    /// with the same spans, and reports errors the way CPython does: a first pass without the
    /// <c>invalid_*</c> rules, and on failure a second pass over the failing statement with them
    /// (<see cref="_invalidRules"/>), falling back to "invalid syntax" at the furthest token of the
    /// first pass. Unlike CPython it then recovers at the next statement and keeps reporting.
    /// </summary>
    internal sealed partial class Parser
    {
        /// <summary>Nesting of expressions/statements beyond which input is rejected (CPython fails near here with RecursionError).</summary>
        internal const int MaxDepth = 1000;

        private readonly PythonSource _src;
        private readonly byte[] _s;
        private readonly Token[] _t;
        private readonly int _count;
        private readonly DiagnosticSink _sink;
        /// <summary>The first tokenizer error (CPython's), or null.</summary>
        private readonly TokenizerError? _tokenizerError;

        /// <summary>Every tokenizer error; an ERRORTOKEN's Level indexes this list.</summary>
        private readonly IReadOnlyList<TokenizerError> _tokenizerErrors;

        private int _p;
        private int _furthest;
        private bool _invalidRules;
        private int _depth;

        /// <summary>Packrat memo, on only in the second (error) pass where the invalid rules re-parse the same text many times.</summary>
        private Dictionary<long, (ExpressionNode? Node, int End)>? _memo;
        private bool _memoActive;

        private enum MemoRule { Expression = 1, StarNamedExpression, Disjunction, Primary }

        private long MemoKey(MemoRule rule) => ((long)rule << 34) | ((_invalidRules ? 1L : 0L) << 33) | (uint)_p;

        /// <summary>
        /// CPython memoises `expression` and `disjunction` by position only, so a result computed inside
        /// expression_without_invalid is reused later where the invalid rules are on, and the invalid rules
        /// under it (invalid_expression, invalid_legacy_expression, ...) never run there. Our other
        /// invalid-off parses stand for invalid-on ones in CPython, so only the parses under
        /// expression_without_invalid are shared: the key without the mode bit, set while this is above 0.
        /// </summary>
        private int _expressionWithoutInvalid;

        private long SharedMemoKey(MemoRule rule) => ((long)rule << 34) | (1L << 32) | (uint)_p;

        private bool TryMemo(MemoRule rule, out (ExpressionNode? Node, int End) m)
        {
            if (_memo.OrThrow().TryGetValue(MemoKey(rule), out m)) return true;
            return _invalidRules && _memo.TryGetValue(SharedMemoKey(rule), out m);
        }

        private void StoreMemo(MemoRule rule, int start, ExpressionNode? node)
        {
            int end = _p;
            _p = start;
            _memo.OrThrow()[MemoKey(rule)] = (node, end);
            if (_expressionWithoutInvalid > 0 && !_invalidRules) _memo[SharedMemoKey(rule)] = (node, end);
            _p = end;
        }

        /// <summary>Set when parsing the text of an f-string replacement field.</summary>
        private readonly bool _fstringInput;

        /// <summary>For a replacement field: p2->starting_lineno and starting_col_offset (UTF-8 bytes).</summary>
        private readonly int _fsStartLine, _fsStartCol;

        private Parser(PythonSource src, Token[] tokens, int count, DiagnosticSink sink, TokenizerError? tokenizerError, bool fstringInput, int depth,
            IReadOnlyList<TokenizerError>? tokenizerErrors = null, int fstringStartLine = 0, int fstringStartCol = 0)
        {
            _fsStartLine = fstringStartLine;
            _fsStartCol = fstringStartCol;
            _tokenizerErrors = tokenizerErrors ?? (tokenizerError is null ? Array.Empty<TokenizerError>() : new[] { tokenizerError });
            _src = src;
            _s = src.Buffer;
            _t = tokens;
            _count = count;
            _sink = sink;
            _tokenizerError = tokenizerError;
            _fstringInput = fstringInput;
            _depth = depth;
        }

        // ------------------------------------------------------------------ entry points

        /// <summary>Parses a whole module (CPython's <c>file</c> rule), reporting into <paramref name="sink"/>.</summary>
        internal static Module ParseModule(PythonSource src, DiagnosticSink sink)
        {
            var tokens = Tokenizer.Tokenize(src, NameTable.Shared, sink.TokenizerWarnings, out int count, out var tokErr);
            var parser = new Parser(src, tokens, count, sink, tokErr, fstringInput: false, depth: 0);
            var module = parser.File();
            if (tokErr is null) return module;

            // CPython stops at the tokenizer error; to report what else is wrong, parse again over a token
            // stream that skips past errors and closes brackets left open. Its diagnostics are extras after
            // the first pass's; its tree (more complete) is returned.
            var recovering = Tokenizer.TokenizeRecovering(src, NameTable.Shared, out int rcount, out var rerrors);
            var extra = new DiagnosticSink(src.Path);
            var second = new Parser(src, recovering, rcount, extra, rerrors.Count > 0 ? rerrors[0] : null, fstringInput: false, depth: 0, rerrors);
            var recovered = second.FileStatements();
            sink.AppendExtras(extra);
            return recovered;
        }

        /// <summary>The statements of a recovering parse, without CPython's first-error bookkeeping.</summary>
        private Module FileStatements()
        {
            var body = new List<StatementNode>();
            StatementsUntil(body, TokenKind.EndMarker);
            return new Module(new NodeList<StatementNode>(body.ToArray()), NodeList<TypeIgnoreNode>.Empty, SourceSpan.None);
        }

        private Module File()
        {
            var body = new List<StatementNode>();
            StatementsUntil(body, TokenKind.EndMarker);
            if (_tokenizerError is not null && !_sink.HasErrors)
            {
                // The parser stopped before the error token only through recovery; report it anyway.
                _sink.AddTokenizerError(_tokenizerError, _src);
            }
            _sink.ResolveTokenizerPriority(_tokenizerError, _src);
            return new Module(new NodeList<StatementNode>(body.ToArray()), NodeList<TypeIgnoreNode>.Empty, SourceSpan.None);
        }

        // ------------------------------------------------------------------ token access

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ref Token Tok(int k = 0)
        {
            int i = _p + k;
            if (i >= _count) i = _count - 1;
            if (i > _furthest) Reach(i);
            return ref _t[i];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private TokenKind Kind(int k = 0) => Tok(k).Kind;

        private void Reach(int i)
        {
            _furthest = i;
            if (_t[i].Kind == TokenKind.ErrorToken) ThrowTokenizerError(i);
        }

        private TokenizerError ErrorOf(int index) => _tokenizerErrors[Math.Min(_t[index].Level, _tokenizerErrors.Count - 1)];

        private void ThrowTokenizerError(int index)
        {
            var e = ErrorOf(index);
            throw new SyntaxErrorException(ParserDiagnostic.FromTokenizer(e, _src), furthestLine: e.Line, fromTokenizer: true);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool At(TokenKind kind) => Kind() == kind;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Accept(TokenKind kind)
        {
            if (Kind() != kind) return false;
            _p++;
            return true;
        }

        /// <summary>A NAME token with this exact ASCII text (soft keywords compare raw bytes, as CPython does).</summary>
        private bool AtSoftKeyword(string word, int k = 0)
        {
            ref Token t = ref Tok(k);
            return t.Kind == TokenKind.Name && t.End - t.Start == word.Length && ReferenceEquals(t.Text, word) || (t.Kind == TokenKind.Name && t.End - t.Start == word.Length && t.Text == word);
        }

        /// <summary>The last token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER (CPython's end of EXTRA).</summary>
        private ref Token LastToken()
        {
            for (int m = _p - 1; m > 0; m--)
            {
                var k = _t[m].Kind;
                if (k != TokenKind.EndMarker && k != TokenKind.Newline && k != TokenKind.Indent && k != TokenKind.Dedent) return ref _t[m];
            }
            return ref _t[0];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private SourceSpan Span(int startIndex)
        {
            ref Token s = ref _t[startIndex];
            ref Token e = ref LastToken();
            return new SourceSpan(s.Line, s.Column, e.EndLine, e.EndColumn);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private SourceSpan TokenSpan(int index)
        {
            ref Token t = ref _t[index];
            return new SourceSpan(t.Line, t.Column, t.EndLine, t.EndColumn);
        }

        private static SourceSpan Span(Node start, Node end) => new SourceSpan(start.Line, start.Column, end.EndLine, end.EndColumn);

        private static SourceSpan Span(SourceSpan start, SourceSpan end) => new SourceSpan(start.Line, start.Column, end.EndLine, end.EndColumn);

        // ------------------------------------------------------------------ depth guard

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Enter()
        {
            if (++_depth > MaxDepth) TooDeep();
            // One nesting level takes well under 4 KB of stack; the check guarantees a much larger margin,
            // so checking every 8th level is enough.
            if ((_depth & 7) == 0) RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Leave() => _depth--;

        private void TooDeep()
        {
            _depth = 0;
            ref Token t = ref Tok();
            throw Error(DiagnosticCodes.TooDeep, "too many nested expressions or statements (the limit is " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
                t.Line, Math.Max(0, t.Column), t.EndLine, Math.Max(0, t.EndColumn), "MemoryError");
        }

        // ------------------------------------------------------------------ statements with error handling

        /// <summary>
        /// <c>statements</c> up to <paramref name="end"/> (ENDMARKER or DEDENT). A statement that fails is
        /// diagnosed like CPython (second pass with invalid rules, else "invalid syntax" at the furthest
        /// token) and skipped, so later statements still get parsed and checked.
        /// </summary>
        private void StatementsUntil(List<StatementNode> body, TokenKind end)
        {
            int previous = -1;
            while (true)
            {
                var k = _t[Math.Min(_p, _count - 1)].Kind;
                if (k == TokenKind.ErrorToken)
                {
                    // The tokenizer stopped here: its error is what CPython reports on reaching this token.
                    _sink.AddTokenizerError(ErrorOf(Math.Min(_p, _count - 1)), _src);
                    if (_p >= _count - 1) return;
                    // Recovering token stream: the error token is followed by a NEWLINE; go on after it.
                    _p++;
                    if (_t[_p].Kind == TokenKind.Newline) _p++;
                    continue;
                }
                if (_p > _furthest) _furthest = _p;
                if (k == end || k == TokenKind.EndMarker) return;
                if (end == TokenKind.Dedent && k == TokenKind.Dedent) return;
                int start = _p;
                if (!StatementWithRecovery(body, previous))
                {
                    if (!Recover(start)) return;
                    if (_p == start) _p++;
                    // A statement that failed was reported; the next failure must not re-run it.
                    previous = -1;
                    continue;
                }
                previous = start;
            }
        }

        /// <summary>Parses one statement into <paramref name="body"/>; false when it failed and was reported.</summary>
        private bool StatementWithRecovery(List<StatementNode> body, int previous)
        {
            int start = _p;
            int depth = _depth;
            int furthestBefore = _furthest;
            _furthest = Math.Max(_p, 0);
            int countBefore = body.Count;
            try
            {
                if (Statement(body))
                {
                    _furthest = Math.Max(_furthest, furthestBefore);
                    CheckTreeDepth(body, countBefore);
                    return true;
                }
            }
            catch (SyntaxErrorException e)
            {
                _depth = depth;
                body.RemoveRange(countBefore, body.Count - countBefore);
                _sink.AddParserError(e.Diagnostic, e.FromTokenizer ? int.MaxValue : FurthestLine(), e.FromTokenizer);
                _furthest = Math.Max(_furthest, furthestBefore);
                return false;
            }
            catch (InsufficientExecutionStackException)
            {
                _depth = depth;
                body.RemoveRange(countBefore, body.Count - countBefore);
                ref Token t = ref _t[start];
                _sink.AddParserError(Diag(DiagnosticCodes.TooDeep, "too many nested expressions or statements for the parser's stack", "MemoryError",
                    t.Line, Math.Max(0, t.Column), t.EndLine, Math.Max(0, t.EndColumn)), FurthestLine(), false);
                return false;
            }

            // First pass failed without a specific error: run the statement again with the invalid rules.
            _depth = depth;
            body.RemoveRange(countBefore, body.Count - countBefore);
            int furthest = _furthest;
            int furthestLine = FurthestLine();
            _p = start;
            _invalidRules = true;
            bool memoWasActive = _memoActive;
            _memoActive = true;
            _memo ??= new Dictionary<long, (ExpressionNode?, int)>();
            try
            {
                var scratch = new List<StatementNode>();
                if (previous >= 0)
                {
                    // CPython's second pass starts at the top of the file, so invalid rules that look past the end
                    // of the statement before (except after except*, elif after else) get their chance.
                    int saveP = _p;
                    _p = previous;
                    Statement(scratch);
                    scratch.Clear();
                    _p = saveP;
                }
                Statement(scratch);
            }
            catch (SyntaxErrorException e)
            {
                _depth = depth;
                _invalidRules = false;
                _memoActive = memoWasActive;
                // CPython's tokenizer-priority check looks at the furthest token fetched in either pass.
                _sink.AddParserError(e.Diagnostic, e.FromTokenizer ? int.MaxValue : Math.Max(furthestLine, FurthestLine()), e.FromTokenizer);
                _furthest = Math.Max(_furthest, furthestBefore);
                return false;
            }
            catch (InsufficientExecutionStackException)
            {
                // Reported below as a generic error.
            }
            _depth = depth;
            _invalidRules = false;
            _memoActive = memoWasActive;
            _sink.AddParserError(GenericError(furthest), Math.Max(furthestLine, FurthestLine()), false);
            _furthest = Math.Max(_furthest, furthestBefore);
            return false;
        }

        private int FurthestLine() => _t[Math.Min(_furthest, _count - 1)].Line;

        /// <summary>
        /// The column CPython gives a token without one (INDENT, DEDENT, ENDMARKER), in UTF-8 bytes counted from 1:
        /// tok->cur - line_start, the end of the indentation, or past the last line's newline at the end of the input.
        /// </summary>
        private int NoColumn(int index)
        {
            ref Token t = ref _t[index];
            bool atEnd = true;
            for (int i = index; i < _count; i++)
            {
                var k = _t[i].Kind;
                if (k != TokenKind.Dedent && k != TokenKind.EndMarker)
                {
                    atEnd = false;
                    break;
                }
            }
            if (!atEnd) return IndentationWidth(t.Line);
            string text = _src.GetLine(t.Line);
            int n = text.Length;
            while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r')) n--;
            return System.Text.Encoding.UTF8.GetByteCount(text.Substring(0, n)) + 1;
        }

        /// <summary>A parser diagnostic from byte columns; in a replacement field, placed the way CPython 3.11 does.</summary>
        private ParserDiagnostic Diag(string code, string message, string type, int line, int byteCol, int endLine, int endByteCol)
        {
            if (!_fstringInput) return ParserDiagnostic.Create(_src, code, message, type, line, byteCol, endLine, endByteCol);
            // _PyPegen_raise_error_known_location subtracts starting_col_offset from every column of an f-string
            // expression's parser, which leaves them relative to the "(expr)" text it parsed.
            int col = FStringColumn(line, byteCol);
            int endCol = endByteCol < 0 ? col : FStringColumn(endLine, endByteCol);
            if (endByteCol < 0) endLine = line;
            return new ParserDiagnostic(code, message, type, Math.Max(line, 1), col, Math.Max(endLine, 1), endCol);
        }

        private int FStringColumn(int line, int byteCol)
        {
            if (byteCol < 0) return 1;
            int sub = byteCol - _fsStartCol;
            if (sub < 0) return 1;
            if (line == _fsStartLine) return _src.ToCodePointColumn(1, sub) + 1;
            return sub + 1;
        }

        private int IndentationWidth(int line)
        {
            string text = _src.GetLine(line);
            int i = 0;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) i++;
            return i;
        }

        /// <summary>_Pypegen_set_syntax_error for a failure without a specific message.</summary>
        private ParserDiagnostic GenericError(int furthest)
        {
            ref Token t = ref _t[Math.Min(furthest, _count - 1)];
            // INDENT/DEDENT have no column: CPython uses tok->cur - line_start, the end of the indentation.
            if (t.Kind == TokenKind.Indent)
                return Diag(DiagnosticCodes.Indentation, "unexpected indent", "IndentationError", t.Line, IndentationWidth(t.Line) - 1, t.Line, -1);
            if (t.Kind == TokenKind.Dedent)
                return Diag(DiagnosticCodes.Indentation, "unexpected unindent", "IndentationError", t.Line, IndentationWidth(t.Line) - 1, t.Line, -1);
            if (_fstringInput)
                return Diag(DiagnosticCodes.FString, "f-string: invalid syntax", "SyntaxError", t.Line, t.Column, t.EndLine, t.EndColumn);
            return Diag(DiagnosticCodes.InvalidSyntax, "invalid syntax", "SyntaxError", t.Line, t.Column, t.EndLine, t.EndColumn);
        }

        /// <summary>
        /// Skips the rest of a failed statement: to the end of its logical line, plus the indented block
        /// that follows it. Returns false when nothing is left to parse.
        /// </summary>
        private bool Recover(int start)
        {
            _p = start;
            if (_p >= _count - 1) return false;
            var first = _t[_p].Kind;
            // A stray INDENT (unexpected indent): skip the whole indented run.
            if (first == TokenKind.Indent)
            {
                SkipBlock();
                return _p < _count - 1;
            }
            // The caller's loop sees the DEDENT and closes the block.
            if (first == TokenKind.Dedent) return true;
            while (_p < _count - 1)
            {
                var k = _t[_p].Kind;
                if (k == TokenKind.EndMarker) return false;
                _p++;
                if (k == TokenKind.Newline)
                {
                    if (_t[_p].Kind == TokenKind.Indent) SkipBlock();
                    break;
                }
            }
            return _p < _count - 1 || _t[Math.Min(_p, _count - 1)].Kind != TokenKind.ErrorToken;
        }

        private void SkipBlock()
        {
            int level = 0;
            while (_p < _count - 1)
            {
                var k = _t[_p].Kind;
                if (k == TokenKind.EndMarker) return;
                _p++;
                if (k == TokenKind.Indent) level++;
                else if (k == TokenKind.Dedent && --level == 0) return;
            }
        }

        /// <summary>Rejects statements whose tree is deeper than <see cref="MaxDepth"/> (long operator chains), so no consumer recursion can overflow.</summary>
        private void CheckTreeDepth(List<StatementNode> body, int from)
        {
            for (int i = from; i < body.Count; i++)
            {
                var s = body[i];
                // A tree level needs at least one token, so short statements cannot be too deep.
                if (s.EndLine == s.Line && s.EndColumn - s.Column < MaxDepth / 2) continue;
                if (TreeDepth.Exceeds(s, MaxDepth))
                {
                    body.RemoveRange(from, body.Count - from);
                    throw Error(DiagnosticCodes.TooDeep, "expression nested too deeply (the limit is " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels)",
                        s.Line, s.Column, s.EndLine, s.EndColumn, "RecursionError");
                }
            }
        }

        // ------------------------------------------------------------------ errors

        private SyntaxErrorException Error(string code, string message, int line, int col, int endLine, int endCol, string type = "SyntaxError")
        {
            // Errors raised while parsing a replacement field carry CPython's "f-string: " prefix.
            if (_fstringInput) message = "f-string: " + message;
            return new SyntaxErrorException(Diag(code, message, type, line, col, endLine, endCol), FurthestLine(), false);
        }

        /// <summary>RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node, ...).</summary>
        private SyntaxErrorException ErrorAt(Node a, string message, string code = DiagnosticCodes.InvalidSyntax, string type = "SyntaxError") =>
            Error(code, message, a.Line, a.Column, a.EndLine, a.EndColumn, type);

        /// <summary>RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, ...).</summary>
        private SyntaxErrorException ErrorAtToken(int index, string message, string code = DiagnosticCodes.InvalidSyntax, string type = "SyntaxError")
        {
            ref Token t = ref _t[index];
            return Error(code, message, t.Line, t.Column, t.EndLine, t.EndColumn, type);
        }

        /// <summary>RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, ...).</summary>
        private SyntaxErrorException ErrorRange(SourceSpan a, SourceSpan b, string message, string code = DiagnosticCodes.InvalidSyntax) =>
            Error(code, message, a.Line, a.Column, b.EndLine, b.EndColumn);

        /// <summary>RAISE_SYNTAX_ERROR_STARTING_FROM(a, ...): from a to the end of the line.</summary>
        private SyntaxErrorException ErrorFrom(SourceSpan a, string message, string code = DiagnosticCodes.InvalidSyntax) =>
            Error(code, message, a.Line, a.Column, a.Line, -1);

        /// <summary>RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token the tokenizer produced.</summary>
        private SyntaxErrorException ErrorAtLastToken(string message, string code = DiagnosticCodes.InvalidSyntax, string type = "SyntaxError")
        {
            int index = Math.Min(_furthest, _count - 1);
            ref Token t = ref _t[index];
            int col = t.Column < 0 ? NoColumn(index) - 1 : t.Column;
            return Error(code, message, t.Line, col, t.EndLine, t.EndColumn < 0 ? -1 : t.EndColumn, type);
        }

        /// <summary>RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN.</summary>
        private SyntaxErrorException ErrorOnNextToken(string message)
        {
            ref Token t = ref Tok();
            return Error(DiagnosticCodes.InvalidSyntax, message, t.Line, t.Column, t.EndLine, t.EndColumn);
        }

        /// <summary>&amp;&amp;token: a forced token that fails the whole parse at once with "expected 'x'".</summary>
        private void ExpectForced(TokenKind kind)
        {
            if (Kind() == kind)
            {
                _p++;
                return;
            }
            throw ErrorAtToken(_p, "expected '" + kind.Text() + "'");
        }
    }
}
