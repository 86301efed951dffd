using Batuta.Python.Text;

namespace Batuta.Python.Syntax
{
    /// <summary>What the tokenizer stopped on. CPython stops at the first tokenizer error too.</summary>
    internal sealed class TokenizerError
    {
        public TokenizerError(string code, string message, string errorType, int line, int column, int endLine, int endColumn, TokenizerErrorKind kind)
        {
            Code = code;
            Message = message;
            ErrorType = errorType;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Kind = kind;
        }

        public string Code { get; }
        public string Message { get; }
        public string ErrorType { get; }
        public int Line { get; }
        /// <summary>1-based character column, as CPython's SyntaxError.offset.</summary>
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }
        public TokenizerErrorKind Kind { get; }

        /// <summary>For <see cref="TokenizerErrorKind.UnclosedAtEof"/>: the line of the innermost open bracket.</summary>
        public int OpenBracketLine { get; set; }

        /// <summary>For a deferred error hit inside brackets: the "'(' was never closed" error CPython reports after a parser error.</summary>
        public TokenizerError? OpenBracketError { get; set; }
    }

    internal enum TokenizerErrorKind
    {
        /// <summary>CPython sets the exception inside the tokenizer (syntaxerror()): it wins over a parser error found earlier.</summary>
        Raised,
        /// <summary>End of file inside brackets: reported as "'(' was never closed" under CPython's rules.</summary>
        UnclosedAtEof,
        /// <summary>Reported only when the parser reaches the token (indentation, tabs, line continuation, EOF).</summary>
        Deferred,
    }

    /// <summary>
    /// A hand-written port of CPython 3.11's <c>tok_get</c> over UTF-8 bytes: indentation stack with the
    /// tab/alt-tab consistency check, implicit joining inside brackets, backslash continuations, every
    /// literal form, and the same error messages and positions.
    /// </summary>
    internal sealed class Tokenizer
    {
        private const int MaxIndent = 100;
        private const int MaxLevel = 200;
        private const int TabSize = 8;

        private readonly byte[] _s;
        private readonly int _n;
        private readonly NameTable _names;
        private readonly List<(string Message, int Line, int Column)>? _warnings;
        private readonly List<(int Line, int Start, int End)>? _comments;

        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private bool _atBol = true;
        private int _level;
        private int[] _indStack = new int[8];
        private int[] _altIndStack = new int[8];
        private int _indent;
        private int _pendin;
        private byte[] _parenStack = new byte[8];
        private int[] _parenLine = new int[8];
        /// <summary>Byte offset of each open bracket (converted to a character column only for an error).</summary>
        private int[] _parenOffset = new int[8];
        private int[] _parenLineStart = new int[8];
        private bool _blankLine;

        private Token[] _tokens;
        private int _count;

        private Tokenizer(PythonSource source, NameTable names, List<(string, int, int)>? warnings, List<(int, int, int)>? comments, bool recover)
        {
            _recover = recover;
            _comments = comments;
            _s = source.Buffer;
            _n = source.Length;
            _names = names;
            _warnings = warnings;
            _tokens = new Token[Math.Max(16, _n / 4)];
        }

        public TokenizerError? Error { get; private set; }

        /// <summary>
        /// Recovery mode: after an error, skip to the next line and go on, and close brackets left open when a
        /// line comes back to the indentation of the statement that opened them. Only used to find further
        /// errors; the first error always comes from a normal run, exactly as CPython's tokenizer stops.
        /// </summary>
        private readonly bool _recover;
        private readonly List<TokenizerError> _errors = new List<TokenizerError>();
        private bool _forcedClose;
        private int _bracketIndent;

        /// <summary>Tokenizes the whole source. The last token is ENDMARKER, or ERRORTOKEN when <see cref="Error"/> is set.</summary>
        public static Token[] Tokenize(PythonSource source, NameTable names, List<(string, int, int)>? warnings, out int count, out TokenizerError? error,
            List<(int Line, int Start, int End)>? comments = null)
        {
            var t = new Tokenizer(source, names, warnings, comments, recover: false);
            t.Run();
            count = t._count;
            error = t._errors.Count > 0 ? t._errors[0] : null;
            return t._tokens;
        }

        /// <summary>Tokenizes past errors (see <see cref="_recover"/>); each ERRORTOKEN's Level indexes <paramref name="errors"/>.</summary>
        public static Token[] TokenizeRecovering(PythonSource source, NameTable names, out int count, out List<TokenizerError> errors)
        {
            var t = new Tokenizer(source, names, null, null, recover: true);
            t.Run();
            count = t._count;
            errors = t._errors;
            return t._tokens;
        }

        private void Run()
        {
            while (true)
            {
                TokenKind k = Next(out int start, out int end, out int line, out int col, out string? text);
                if (Error is not null)
                {
                    var err = Error;
                    Add(TokenKind.ErrorToken, _pos, _pos, err.Line, -1, err.Line, -1, null);
                    _tokens[_count - 1].Level = _errors.Count;
                    _errors.Add(err);
                    if (!_recover) return;
                    Error = null;
                    if (!_forcedClose)
                    {
                        while (_pos < _n && _s[_pos] != '\n') _pos++;
                        if (_pos < _n)
                        {
                            _pos++;
                            NewLineAt(_pos);
                        }
                        _atBol = true;
                        _pendin = 0;
                    }
                    _forcedClose = false;
                    _level = 0;
                    Add(TokenKind.Newline, _pos, _pos, err.Line, -1, err.Line, -1, null);
                    continue;
                }
                int endLine = _line;
                int endCol = end - _lineStart;
                if (k == TokenKind.EndMarker || k == TokenKind.Dedent || k == TokenKind.Indent)
                {
                    // CPython gives these no column; at EOF they sit on the last line.
                    Add(k, start, start, line, -1, line, -1, null);
                    if (k == TokenKind.EndMarker) return;
                    continue;
                }
                if (k == TokenKind.Newline)
                {
                    Add(k, start, start, line, col, line, col, null);
                    continue;
                }
                Add(k, start, end, line, col, endLine, endCol, text);
            }
        }

        private void Add(TokenKind kind, int start, int end, int line, int col, int endLine, int endCol, string? text)
        {
            if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
            ref Token t = ref _tokens[_count++];
            t.Kind = kind;
            t.Start = start;
            t.End = end;
            t.Line = line;
            t.Column = col;
            t.EndLine = endLine;
            t.EndColumn = endCol;
            t.Text = text;
            t.Level = _level;
        }

        private bool AtEof => _pos >= _n;

        /// <summary>Current line for tokens produced at end of input: CPython does not advance past the last line.</summary>
        private int EofLine => _line > 1 && _pos >= _n ? _line - 1 : _line;

        private void NewLineAt(int afterNewline)
        {
            _line++;
            _lineStart = afterNewline;
        }

        private TokenKind Next(out int start, out int end, out int line, out int col, out string? text)
        {
            text = null;
            start = end = _pos;
            line = _line;
            col = -1;

        nextline:
            _blankLine = false;
            if (_atBol)
            {
                _atBol = false;
                int c = 0, altcol = 0, contLineCol = 0;
                int icol = 0;
                while (true)
                {
                    byte ch = _s[_pos];
                    if (AtEof) break;
                    if (ch == ' ') { icol++; altcol++; _pos++; }
                    else if (ch == '\t') { icol = (icol / TabSize + 1) * TabSize; altcol++; _pos++; }
                    else if (ch == '\f') { icol = altcol = 0; _pos++; }
                    else if (ch == '\\')
                    {
                        contLineCol = contLineCol != 0 ? contLineCol : icol;
                        if (!ContinuationLine()) { start = end = _pos; line = _line; return TokenKind.ErrorToken; }
                    }
                    else break;
                }
                c = AtEof ? -1 : _s[_pos];
                if (c == '#' || c == '\n') _blankLine = true;
                if (_recover && _level > 0 && !_blankLine && !AtEof && icol <= _bracketIndent)
                {
                    // A line back at the statement's indentation inside open brackets: they were never closed.
                    UnclosedBracketError();
                    _forcedClose = true;
                    _pos = _lineStart;
                    _atBol = true;
                    start = end = _pos;
                    line = _line;
                    return TokenKind.ErrorToken;
                }
                if (!_blankLine && _level == 0)
                {
                    int ccol = contLineCol != 0 ? contLineCol : icol;
                    int calt = contLineCol != 0 ? contLineCol : altcol;
                    if (ccol == _indStack[_indent])
                    {
                        if (calt != _altIndStack[_indent]) { IndentError(); return TokenKind.ErrorToken; }
                    }
                    else if (ccol > _indStack[_indent])
                    {
                        if (_indent + 1 >= MaxIndent)
                        {
                            SetError(DiagnosticCodes.TooDeep, "too many levels of indentation", "IndentationError", TokenizerErrorKind.Deferred, _line, 1);
                            return TokenKind.ErrorToken;
                        }
                        if (calt <= _altIndStack[_indent]) { IndentError(); return TokenKind.ErrorToken; }
                        _pendin++;
                        if (_indent + 1 >= _indStack.Length)
                        {
                            Array.Resize(ref _indStack, Math.Min(MaxIndent + 1, _indStack.Length * 2));
                            Array.Resize(ref _altIndStack, _indStack.Length);
                        }
                        _indStack[++_indent] = ccol;
                        _altIndStack[_indent] = calt;
                    }
                    else
                    {
                        while (_indent > 0 && ccol < _indStack[_indent])
                        {
                            _pendin--;
                            _indent--;
                        }
                        if (ccol != _indStack[_indent])
                        {
                            SetError(DiagnosticCodes.Indentation, "unindent does not match any outer indentation level", "IndentationError",
                                TokenizerErrorKind.Deferred, EofLine, CharCount(_lineStart, LineEndOf(_lineStart)) + 1); // tok->cur = tok->inp: past the newline
                            return TokenKind.ErrorToken;
                        }
                        if (calt != _altIndStack[_indent]) { IndentError(); return TokenKind.ErrorToken; }
                    }
                }
            }

            start = _pos;
            if (_pendin != 0)
            {
                line = EofLine;
                if (_pendin < 0)
                {
                    _pendin++;
                    return TokenKind.Dedent;
                }
                _pendin--;
                return TokenKind.Indent;
            }

        again:
            while (_pos < _n && (_s[_pos] == ' ' || _s[_pos] == '\t' || _s[_pos] == '\f')) _pos++;
            start = _pos;
            line = _line;
            col = _pos - _lineStart;

            if (_pos < _n && _s[_pos] == '#')
            {
                int commentStart = _pos;
                while (_pos < _n && _s[_pos] != '\n') _pos++;
                _comments?.Add((_line, commentStart, _pos));
            }

            if (AtEof)
            {
                line = EofLine;
                if (_level > 0)
                {
                    UnclosedBracketError();
                    return TokenKind.ErrorToken;
                }
                return TokenKind.EndMarker;
            }

            int c0 = _s[_pos];

            // Identifiers, keywords and prefixed strings.
            if (IsPotentialIdentifierStart(c0))
            {
                bool sawB = false, sawR = false, sawU = false, sawF = false;
                int p = _pos;
                while (true)
                {
                    int ch = _s[p];
                    if (!(sawB || sawU || sawF) && (ch == 'b' || ch == 'B')) sawB = true;
                    else if (!(sawB || sawU || sawR || sawF) && (ch == 'u' || ch == 'U')) sawU = true;
                    else if (!(sawR || sawU) && (ch == 'r' || ch == 'R')) sawR = true;
                    else if (!(sawF || sawB || sawU) && (ch == 'f' || ch == 'F')) sawF = true;
                    else break;
                    p++;
                    if (_s[p] == '"' || _s[p] == '\'')
                    {
                        _pos = p;
                        return StringToken(start, out end, out line, out col);
                    }
                }
                bool nonAscii = false;
                p = _pos;
                while (p < _n && IsPotentialIdentifierChar(_s[p]))
                {
                    if (_s[p] >= 128) nonAscii = true;
                    p++;
                }
                _pos = p;
                end = p;
                if (nonAscii)
                {
                    string? id = VerifyIdentifier(start, end);
                    if (id is null) return TokenKind.ErrorToken;
                    text = _names.Intern(id);
                    return TokenKind.Name;
                }
                TokenKind kind = _names.Lookup(_s, start, end, out text);
                return kind;
            }

            if (c0 == '\n')
            {
                _pos++;
                _atBol = true;
                if (_blankLine || _level > 0)
                {
                    NewLineAt(_pos);
                    goto nextline;
                }
                end = start;
                line = _line;
                col = start - _lineStart;
                NewLineAt(_pos);
                return TokenKind.Newline;
            }

            if (c0 == '.')
            {
                int c1 = _s[_pos + 1];
                if (IsDigit(c1))
                {
                    _pos++;
                    return Number(start, fractionFromDot: true, out end);
                }
                if (c1 == '.' && _s[_pos + 2] == '.')
                {
                    _pos += 3;
                    end = _pos;
                    return TokenKind.Ellipsis;
                }
                _pos++;
                end = _pos;
                return TokenKind.Dot;
            }

            if (IsDigit(c0)) return Number(start, fractionFromDot: false, out end);

            if (c0 == '"' || c0 == '\'') return StringToken(start, out end, out line, out col);

            if (c0 == '\\')
            {
                if (!ContinuationLine()) { line = _line; return TokenKind.ErrorToken; }
                goto again;
            }

            // Two- and three-character operators.
            {
                int c1 = _s[_pos + 1];
                TokenKind two = TwoChars(c0, c1);
                if (two != TokenKind.Op)
                {
                    int c2 = _s[_pos + 2];
                    TokenKind three = ThreeChars(c0, c1, c2);
                    if (three != TokenKind.Op)
                    {
                        _pos += 3;
                        end = _pos;
                        return three;
                    }
                    _pos += 2;
                    end = _pos;
                    return two;
                }
            }

            switch (c0)
            {
                case '(':
                case '[':
                case '{':
                    if (_level >= MaxLevel)
                    {
                        _pos++;
                        RaiseAtCursor(DiagnosticCodes.TooDeep, "too many nested parentheses");
                        return TokenKind.ErrorToken;
                    }
                    if (_level >= _parenStack.Length)
                    {
                        int size = Math.Min(MaxLevel, _parenStack.Length * 2);
                        Array.Resize(ref _parenStack, size);
                        Array.Resize(ref _parenLine, size);
                        Array.Resize(ref _parenOffset, size);
                        Array.Resize(ref _parenLineStart, size);
                    }
                    if (_level == 0) _bracketIndent = _indStack[_indent];
                    _parenStack[_level] = (byte)c0;
                    _parenLine[_level] = _line;
                    _parenOffset[_level] = start;
                    _parenLineStart[_level] = _lineStart;
                    _level++;
                    break;
                case ')':
                case ']':
                case '}':
                    if (_level == 0)
                    {
                        _pos++;
                        RaiseAtCursor(DiagnosticCodes.Brackets, "unmatched '" + (char)c0 + "'");
                        return TokenKind.ErrorToken;
                    }
                    _level--;
                    int opening = _parenStack[_level];
                    if (!((opening == '(' && c0 == ')') || (opening == '[' && c0 == ']') || (opening == '{' && c0 == '}')))
                    {
                        _pos++;
                        if (_parenLine[_level] != _line)
                            RaiseAtCursor(DiagnosticCodes.Brackets, "closing parenthesis '" + (char)c0 + "' does not match opening parenthesis '" + (char)opening + "' on line " + _parenLine[_level].ToString(System.Globalization.CultureInfo.InvariantCulture));
                        else
                            RaiseAtCursor(DiagnosticCodes.Brackets, "closing parenthesis '" + (char)c0 + "' does not match opening parenthesis '" + (char)opening + "'");
                        return TokenKind.ErrorToken;
                    }
                    break;
            }

            if (c0 < 0x20 || c0 == 0x7F)
            {
                _pos++;
                RaiseAtCursor(DiagnosticCodes.InvalidCharacter, "invalid non-printable character U+" + c0.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                return TokenKind.ErrorToken;
            }

            _pos++;
            end = _pos;
            return OneChar(c0);
        }

        private static bool IsDigit(int c) => c >= '0' && c <= '9';

        private static bool IsXDigit(int c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static bool IsPotentialIdentifierStart(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;

        private static bool IsPotentialIdentifierChar(int c) => IsPotentialIdentifierStart(c) || IsDigit(c);

        /// <summary>tok_continuation_line: a backslash must be followed by a newline and then by more input.</summary>
        private bool ContinuationLine()
        {
            _pos++;
            if (_s[_pos] != '\n' || AtEof)
            {
                SetError(DiagnosticCodes.UnexpectedEof, "unexpected character after line continuation character", "SyntaxError",
                    TokenizerErrorKind.Deferred, _line, CharCount(_lineStart, _pos) + 1); // tok->cur is past the character read
                return false;
            }
            int lineChars = CharCount(_lineStart, _pos) + 1; // tok->cur - line_start: past the newline
            _pos++;
            NewLineAt(_pos);
            if (AtEof)
            {
                if (_level > 0) UnclosedBracketError();
                else SetError(DiagnosticCodes.UnexpectedEof, "unexpected EOF while parsing", "SyntaxError", TokenizerErrorKind.Deferred, EofLine, lineChars);
                return false;
            }
            return true;
        }

        /// <summary>End of input inside brackets: raise_unclosed_parentheses_error for the innermost one.</summary>
        private void UnclosedBracketError()
        {
            int lvl = _level - 1;
            char open = (char)_parenStack[lvl];
            var err = SetError(DiagnosticCodes.Brackets, "'" + open + "' was never closed", "SyntaxError", TokenizerErrorKind.UnclosedAtEof,
                _parenLine[lvl], CharCount(_parenLineStart[lvl], _parenOffset[lvl]) + 1);
            err.OpenBracketLine = _parenLine[lvl];
        }

        private void IndentError()
        {
            SetError(DiagnosticCodes.TabsAndSpaces, "inconsistent use of tabs and spaces in indentation", "TabError", TokenizerErrorKind.Deferred, _line, 1);
        }

        private int LineEndOf(int lineStart)
        {
            int i = lineStart;
            while (i < _n && _s[i] != '\n') i++;
            return i;
        }

        private int CharCount(int from, int to) => Utf8.CountCodePoints(_s, from, to);

        private TokenizerError SetError(string code, string message, string type, TokenizerErrorKind kind, int line, int column, int endColumn = -1)
        {
            var e = new TokenizerError(code, message, type, line, column, line, endColumn < 0 ? column : endColumn, kind);
            if (kind == TokenizerErrorKind.Deferred && _level > 0)
            {
                // Reached after a parser error, CPython reports the innermost open bracket instead (if it opened earlier).
                int lvl = _level - 1;
                e.OpenBracketLine = _parenLine[lvl];
                e.OpenBracketError = new TokenizerError(DiagnosticCodes.Brackets, "'" + (char)_parenStack[lvl] + "' was never closed", "SyntaxError",
                    _parenLine[lvl], CharCount(_parenLineStart[lvl], _parenOffset[lvl]) + 1, _parenLine[lvl], CharCount(_parenLineStart[lvl], _parenOffset[lvl]) + 1,
                    TokenizerErrorKind.UnclosedAtEof);
            }
            Error = e;
            return e;
        }

        /// <summary>syntaxerror(): the error points at the character before the cursor, on the current line.</summary>
        private void RaiseAtCursor(string code, string message)
        {
            int col = CharCount(_lineStart, _pos);
            SetError(code, message, "SyntaxError", TokenizerErrorKind.Raised, _line, col);
        }

        private void Warn(string message)
        {
            // The column is the byte offset here; DiagnosticSink converts it with the source.
            _warnings?.Add((message, _line, _pos - _lineStart));
        }

        private string? VerifyIdentifier(int start, int end)
        {
            int i = start;
            bool first = true;
            while (i < end)
            {
                int n = Utf8.DecodeOne(_s, i, end, out int cp, out string reason);
                if (n == 0)
                {
                    _pos = i + 1;
                    SetError(DiagnosticCodes.Encoding, "(unicode error) 'utf-8' codec can't decode byte 0x" + _s[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture)
                        + " in position " + (i - start).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + reason, "SyntaxError",
                        TokenizerErrorKind.Raised, _line, CharCount(_lineStart, start) + 1);
                    return null;
                }
                bool ok = first ? UnicodeTables.IsIdentifierStart(cp) : UnicodeTables.IsIdentifierContinue(cp);
                if (!ok)
                {
                    _pos = i + n;
                    string hex = cp.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                    if (UnicodeTables.IsPrintable(cp))
                        RaiseAtCursor(DiagnosticCodes.InvalidCharacter, "invalid character '" + char.ConvertFromUtf32(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp) + "' (U+" + hex + ")");
                    else
                        RaiseAtCursor(DiagnosticCodes.InvalidCharacter, "invalid non-printable character U+" + hex);
                    return null;
                }
                first = false;
                i += n;
            }
            string raw = Encoding.UTF8.GetString(_s, start, end - start);
            return Normalization.Nfkc(raw);
        }

        // ---------------------------------------------------------------- numbers

        private TokenKind Number(int start, bool fractionFromDot, out int end)
        {
            end = start;
            int c;
            if (fractionFromDot)
            {
                c = _s[_pos];
                goto fraction;
            }
            c = _s[_pos];
            if (c == '0')
            {
                _pos++;
                c = _s[_pos];
                if (c == 'x' || c == 'X')
                {
                    _pos++;
                    c = _s[_pos];
                    do
                    {
                        if (c == '_') { _pos++; c = _s[_pos]; }
                        if (!IsXDigit(c))
                        {
                            RaiseNumber("invalid hexadecimal literal");
                            return TokenKind.ErrorToken;
                        }
                        do { _pos++; c = _s[_pos]; } while (IsXDigit(c));
                    } while (c == '_');
                    if (!VerifyEndOfNumber(c, "hexadecimal")) return TokenKind.ErrorToken;
                }
                else if (c == 'o' || c == 'O')
                {
                    _pos++;
                    c = _s[_pos];
                    do
                    {
                        if (c == '_') { _pos++; c = _s[_pos]; }
                        if (c < '0' || c >= '8')
                        {
                            if (IsDigit(c)) { _pos++; RaiseNumber("invalid digit '" + (char)c + "' in octal literal"); }
                            else RaiseNumber("invalid octal literal");
                            return TokenKind.ErrorToken;
                        }
                        do { _pos++; c = _s[_pos]; } while (c >= '0' && c < '8');
                    } while (c == '_');
                    if (IsDigit(c)) { _pos++; RaiseNumber("invalid digit '" + (char)c + "' in octal literal"); return TokenKind.ErrorToken; }
                    if (!VerifyEndOfNumber(c, "octal")) return TokenKind.ErrorToken;
                }
                else if (c == 'b' || c == 'B')
                {
                    _pos++;
                    c = _s[_pos];
                    do
                    {
                        if (c == '_') { _pos++; c = _s[_pos]; }
                        if (c != '0' && c != '1')
                        {
                            if (IsDigit(c)) { _pos++; RaiseNumber("invalid digit '" + (char)c + "' in binary literal"); }
                            else RaiseNumber("invalid binary literal");
                            return TokenKind.ErrorToken;
                        }
                        do { _pos++; c = _s[_pos]; } while (c == '0' || c == '1');
                    } while (c == '_');
                    if (IsDigit(c)) { _pos++; RaiseNumber("invalid digit '" + (char)c + "' in binary literal"); return TokenKind.ErrorToken; }
                    if (!VerifyEndOfNumber(c, "binary")) return TokenKind.ErrorToken;
                }
                else
                {
                    bool nonzero = false;
                    while (true)
                    {
                        if (c == '_')
                        {
                            _pos++;
                            c = _s[_pos];
                            if (!IsDigit(c)) { RaiseNumber("invalid decimal literal"); return TokenKind.ErrorToken; }
                        }
                        if (c != '0') break;
                        _pos++;
                        c = _s[_pos];
                    }
                    int zerosEnd = _pos;
                    if (IsDigit(c))
                    {
                        nonzero = true;
                        c = DecimalTail();
                        if (c < 0) return TokenKind.ErrorToken;
                    }
                    if (c == '.')
                    {
                        _pos++;
                        c = _s[_pos];
                        goto fraction;
                    }
                    if (c == 'e' || c == 'E') goto exponent;
                    if (c == 'j' || c == 'J') goto imaginary;
                    if (nonzero)
                    {
                        int col = CharCount(_lineStart, start) + 1;
                        int endCol = CharCount(_lineStart, zerosEnd);
                        SetError(DiagnosticCodes.InvalidNumber, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            "SyntaxError", TokenizerErrorKind.Raised, _line, col, endCol);
                        return TokenKind.ErrorToken;
                    }
                    if (!VerifyEndOfNumber(c, "decimal")) return TokenKind.ErrorToken;
                }
                end = _pos;
                return TokenKind.Number;
            }

            // Decimal.
            c = DecimalTail();
            if (c < 0) return TokenKind.ErrorToken;
            if (c == '.')
            {
                _pos++;
                c = _s[_pos];
                goto fraction;
            }
            goto afterFraction;

        fraction:
            if (IsDigit(c))
            {
                c = DecimalTail();
                if (c < 0) return TokenKind.ErrorToken;
            }
        afterFraction:
            if (c == 'e' || c == 'E') goto exponent;
            if (c == 'j' || c == 'J') goto imaginary;
            if (!VerifyEndOfNumber(c, "decimal")) return TokenKind.ErrorToken;
            end = _pos;
            return TokenKind.Number;

        exponent:
            {
                int e = c;
                int ePos = _pos;
                _pos++;
                c = _s[_pos];
                if (c == '+' || c == '-')
                {
                    _pos++;
                    c = _s[_pos];
                    if (!IsDigit(c))
                    {
                        RaiseNumber("invalid decimal literal");
                        return TokenKind.ErrorToken;
                    }
                }
                else if (!IsDigit(c))
                {
                    // "1e" followed by something else: the number ends before the 'e'.
                    _pos = ePos;
                    if (!VerifyEndOfNumber(e, "decimal")) return TokenKind.ErrorToken;
                    _pos = ePos;
                    end = _pos;
                    return TokenKind.Number;
                }
                c = DecimalTail();
                if (c < 0) return TokenKind.ErrorToken;
                if (c == 'j' || c == 'J') goto imaginary;
                if (!VerifyEndOfNumber(c, "decimal")) return TokenKind.ErrorToken;
                end = _pos;
                return TokenKind.Number;
            }

        imaginary:
            _pos++;
            c = _s[_pos];
            if (!VerifyEndOfNumber(c, "imaginary")) return TokenKind.ErrorToken;
            end = _pos;
            return TokenKind.Number;
        }

        /// <summary>tok_decimal_tail: digits with single underscores between them; returns the next char or -1 on error.</summary>
        private int DecimalTail()
        {
            int c;
            while (true)
            {
                do { _pos++; c = _s[_pos]; } while (IsDigit(c));
                if (c != '_') break;
                _pos++;
                c = _s[_pos];
                if (!IsDigit(c))
                {
                    RaiseNumber("invalid decimal literal");
                    return -1;
                }
            }
            return c;
        }

        /// <summary>
        /// verify_end_of_number: a keyword that can follow a number in valid code ("1if x else y") only
        /// warns; any other identifier character right after a number is an error.
        /// </summary>
        private bool VerifyEndOfNumber(int c, string kind)
        {
            bool r = false;
            int p = _pos;
            if (c == 'a') r = Lookahead(p, "nd");
            else if (c == 'e') r = Lookahead(p, "lse");
            else if (c == 'f') r = Lookahead(p, "or");
            else if (c == 'i')
            {
                int c2 = _s[p + 1];
                r = c2 == 'f' || c2 == 'n' || c2 == 's';
            }
            else if (c == 'o') r = Lookahead(p, "r");
            else if (c == 'n') r = Lookahead(p, "ot");
            if (r)
            {
                Warn("invalid " + kind + " literal");
                return true;
            }
            if (IsPotentialIdentifierChar(c) && _pos < _n)
            {
                RaiseNumber("invalid " + kind + " literal");
                return false;
            }
            return true;
        }

        /// <summary>tokenizer.c lookahead(): the keyword's remaining letters, then no identifier character.</summary>
        private bool Lookahead(int p, string rest)
        {
            for (int i = 0; i < rest.Length; i++)
                if (_s[p + 1 + i] != rest[i]) return false;
            return !IsPotentialIdentifierChar(_s[p + 1 + rest.Length]);
        }

        private void RaiseNumber(string message) => SetError(DiagnosticCodes.InvalidNumber, message, "SyntaxError", TokenizerErrorKind.Raised, _line, CharCount(_lineStart, _pos));

        // ---------------------------------------------------------------- strings

        private TokenKind StringToken(int start, out int end, out int line, out int col)
        {
            int firstLine = _line;
            int firstLineStart = _lineStart;
            line = firstLine;
            col = start - firstLineStart;
            int quote = _s[_pos];
            int quoteSize = 1;
            int endQuoteSize = 0;
            _pos++;
            if (_s[_pos] == quote)
            {
                _pos++;
                if (_s[_pos] == quote)
                {
                    quoteSize = 3;
                    _pos++;
                }
                else endQuoteSize = 1;
            }
            while (endQuoteSize != quoteSize)
            {
                if (AtEof || (quoteSize == 1 && _s[_pos] == '\n'))
                {
                    int detectedAt = AtEof ? EofLine : _line;
                    int errCol = CharCount(firstLineStart, start) + 1;
                    string msg = quoteSize == 3
                        ? "unterminated triple-quoted string literal (detected at line " + detectedAt.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
                        : "unterminated string literal (detected at line " + detectedAt.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                    SetError(DiagnosticCodes.UnterminatedString, msg, "SyntaxError", TokenizerErrorKind.Raised, firstLine, errCol);
                    end = _pos;
                    return TokenKind.ErrorToken;
                }
                int c = _s[_pos++];
                if (c == '\n') NewLineAt(_pos);
                if (c == quote) endQuoteSize++;
                else
                {
                    endQuoteSize = 0;
                    if (c == '\\')
                    {
                        if (_pos < _n)
                        {
                            int esc = _s[_pos++];
                            if (esc == '\n') NewLineAt(_pos);
                        }
                    }
                }
            }
            end = _pos;
            return TokenKind.String;
        }

        // ---------------------------------------------------------------- operators

        private static TokenKind OneChar(int c) => c switch
        {
            '%' => TokenKind.Percent,
            '&' => TokenKind.Ampersand,
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '*' => TokenKind.Star,
            '+' => TokenKind.Plus,
            ',' => TokenKind.Comma,
            '-' => TokenKind.Minus,
            '.' => TokenKind.Dot,
            '/' => TokenKind.Slash,
            ':' => TokenKind.Colon,
            ';' => TokenKind.Semicolon,
            '<' => TokenKind.Less,
            '=' => TokenKind.Equal,
            '>' => TokenKind.Greater,
            '@' => TokenKind.At,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '^' => TokenKind.Circumflex,
            '{' => TokenKind.LeftBrace,
            '|' => TokenKind.VerticalBar,
            '}' => TokenKind.RightBrace,
            '~' => TokenKind.Tilde,
            _ => TokenKind.Op,
        };

        private static TokenKind TwoChars(int c1, int c2)
        {
            switch (c1)
            {
                case '!': if (c2 == '=') return TokenKind.NotEqual; break;
                case '%': if (c2 == '=') return TokenKind.PercentEqual; break;
                case '&': if (c2 == '=') return TokenKind.AmpersandEqual; break;
                case '*':
                    if (c2 == '*') return TokenKind.DoubleStar;
                    if (c2 == '=') return TokenKind.StarEqual;
                    break;
                case '+': if (c2 == '=') return TokenKind.PlusEqual; break;
                case '-':
                    if (c2 == '=') return TokenKind.MinusEqual;
                    if (c2 == '>') return TokenKind.Arrow;
                    break;
                case '/':
                    if (c2 == '/') return TokenKind.DoubleSlash;
                    if (c2 == '=') return TokenKind.SlashEqual;
                    break;
                case ':': if (c2 == '=') return TokenKind.ColonEqual; break;
                case '<':
                    if (c2 == '<') return TokenKind.LeftShift;
                    if (c2 == '=') return TokenKind.LessEqual;
                    if (c2 == '>') return TokenKind.LessGreater;
                    break;
                case '=': if (c2 == '=') return TokenKind.EqualEqual; break;
                case '>':
                    if (c2 == '=') return TokenKind.GreaterEqual;
                    if (c2 == '>') return TokenKind.RightShift;
                    break;
                case '@': if (c2 == '=') return TokenKind.AtEqual; break;
                case '^': if (c2 == '=') return TokenKind.CircumflexEqual; break;
                case '|': if (c2 == '=') return TokenKind.VerticalBarEqual; break;
            }
            return TokenKind.Op;
        }

        private static TokenKind ThreeChars(int c1, int c2, int c3)
        {
            if (c3 != '=') return TokenKind.Op;
            if (c1 == '*' && c2 == '*') return TokenKind.DoubleStarEqual;
            if (c1 == '/' && c2 == '/') return TokenKind.DoubleSlashEqual;
            if (c1 == '<' && c2 == '<') return TokenKind.LeftShiftEqual;
            if (c1 == '>' && c2 == '>') return TokenKind.RightShiftEqual;
            return TokenKind.Op;
        }
    }
}
