using System.Globalization;
using System.Numerics;
using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    /// <summary>
    /// strings: STRING+ — implicit concatenation, escape decoding and f-strings, ported from CPython 3.11's
    /// string_parser.c so that every JoinedStr, FormattedValue and Constant part gets the same value and
    /// the same (quirky) position: parts span the whole concatenation, format specs span their own token,
    /// and replacement-field expressions are parsed from "(expr)" with CPython's line/column shift.
    /// </summary>
    internal sealed partial class Parser
    {
        private Dictionary<int, (ExpressionNode Node, int End)>? _stringsMemo;
        private byte[]? _fstringParenStack;
        private int _fsToken = -1, _fsScan, _fsLines, _fsLastNewline;

        private ExpressionNode? Strings()
        {
            int first = _p;
            if (_stringsMemo is not null && _stringsMemo.TryGetValue(first, out var memo))
            {
                _p = memo.End;
                return memo.Node;
            }
            int k = 0;
            while (Kind(k) == TokenKind.String) k++;
            if (k == 0) return null;
            int last = first + k - 1;
            var node = ConcatenateStrings(first, last);
            _p = last + 1;
            (_stringsMemo ??= new Dictionary<int, (ExpressionNode, int)>())[first] = (node, _p);
            return node;
        }

        /// <summary>The text of a replacement field or literal part accumulates here (FstringParser).</summary>
        private sealed class FStringState
        {
            public StringBuilder? LastStr;
            public List<int>? LastExact;
            public readonly List<ExpressionNode> Exprs = new List<ExpressionNode>();
            public bool FMode;

            public void Concat(string s, int[]? exact)
            {
                if (s.Length == 0) return;
                if (exact is not null && LastExact is null)
                {
                    LastExact = new List<int>();
                    if (LastStr is not null) AppendCodePoints(LastExact, LastStr.ToString());
                }
                (LastStr ??= new StringBuilder()).Append(s);
                if (LastExact is not null)
                {
                    if (exact is not null) LastExact.AddRange(exact);
                    else AppendCodePoints(LastExact, s);
                }
            }

            private static void AppendCodePoints(List<int> list, string s)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                        i++;
                    }
                    else list.Add(s[i]);
                }
            }
        }

        private ExpressionNode ConcatenateStrings(int first, int last)
        {
            bool bytesMode = false;
            List<byte>? bytes = null;
            var state = new FStringState();
            for (int i = first; i <= last; i++)
            {
                ref Token t = ref _t[i];
                var prefix = StringLiterals.Prefix(_s, t.Start, t.End);
                string? text = null;
                int[]? exact = null;
                byte[]? data = null;
                List<(string, int)>? warnings = null;
                if (!prefix.FString)
                {
                    warnings = new List<(string, int)>();
                    if (prefix.Bytes)
                    {
                        for (int b = prefix.BodyStart; b < prefix.BodyEnd; b++)
                        {
                            if (_s[b] >= 0x80) throw ErrorAtLastToken("bytes can only contain ASCII literal characters", DiagnosticCodes.StringLiteral);
                        }
                        data = StringLiterals.DecodeBytes(_s, prefix.BodyStart, prefix.BodyEnd, prefix.Raw, warnings, out string? err);
                        if (data is null) throw ErrorAtLastToken(err.OrThrow(), DiagnosticCodes.StringLiteral);
                    }
                    else
                    {
                        text = StringLiterals.DecodeStr(_s, prefix.BodyStart, prefix.BodyEnd, prefix.Raw, out exact, warnings, out string? err);
                        if (text is null) throw ErrorAtLastToken(err.OrThrow(), DiagnosticCodes.StringLiteral);
                    }
                    ReportEscapeWarnings(warnings, i);
                }
                if (i != first && bytesMode != prefix.Bytes) throw ErrorAtLastToken("cannot mix bytes and nonbytes literals", DiagnosticCodes.StringLiteral);
                bytesMode = prefix.Bytes;
                if (prefix.FString)
                {
                    int pos = prefix.BodyStart;
                    ConcatFString(state, ref pos, prefix.BodyEnd, prefix.Raw, 0, first, i, last);
                }
                else if (bytesMode)
                {
                    (bytes ??= new List<byte>()).AddRange(data.OrThrow());
                }
                else state.Concat(text.OrThrow(), exact);
            }
            ref Token f = ref _t[first];
            ref Token l = ref _t[last];
            var span = new SourceSpan(f.Line, f.Column, l.EndLine, l.EndColumn);
            if (bytesMode) return new Constant(PythonBytes.Wrap(bytes?.ToArray() ?? Array.Empty<byte>()), null, span);
            return FinishFString(state, first, last);
        }

        private void ReportEscapeWarnings(List<(string Message, int Offset)>? warnings, int token)
        {
            if (warnings is null || warnings.Count == 0) return;
            ref Token t = ref _t[token];
            // CPython warns once per literal (the first invalid escape), at the literal's line.
            var (msg, _) = warnings[0];
            _sink.AddWarning(new ParserDiagnostic(DiagnosticCodes.DeprecatedSyntax, msg, "DeprecationWarning", t.Line, Math.Max(1, t.Column + 1), t.Line, Math.Max(1, t.Column + 1)));
        }

        /// <summary>make_str_node_and_del: a Constant spanning first..last, kind 'u' when the first token starts with a lowercase u.</summary>
        private Constant MakeStrNode(FStringState state, int firstTok, int lastTok)
        {
            ref Token f = ref _t[firstTok];
            ref Token l = ref _t[lastTok];
            string? kind = _s[f.Start] == 'u' ? "u" : null;
            var span = new SourceSpan(f.Line, f.Column, l.EndLine, l.EndColumn);
            string value = state.LastStr?.ToString() ?? "";
            Constant c = state.LastExact is not null
                ? new Constant(value, kind, state.LastExact.ToArray(), span)
                : new Constant(value, kind, span);
            state.LastStr = null;
            state.LastExact = null;
            return c;
        }

        /// <summary>_PyPegen_FstringParser_Finish.</summary>
        private ExpressionNode FinishFString(FStringState state, int firstTok, int lastTok)
        {
            if (!state.FMode) return MakeStrNode(state, firstTok, lastTok);
            if (state.LastStr is not null) state.Exprs.Add(MakeStrNode(state, firstTok, lastTok));
            ref Token f = ref _t[firstTok];
            ref Token l = ref _t[lastTok];
            return new JoinedStr(new NodeList<ExpressionNode>(state.Exprs.ToArray()), new SourceSpan(f.Line, f.Column, l.EndLine, l.EndColumn));
        }

        private SyntaxErrorException FStringError(string message) => ErrorAtLastToken(message, DiagnosticCodes.FString);

        /// <summary>_PyPegen_FstringParser_ConcatFstring: literal parts and replacement fields of one f-string (or format spec).</summary>
        private void ConcatFString(FStringState state, ref int str, int end, bool raw, int recurseLvl, int firstTok, int tTok, int lastTok)
        {
            state.FMode = true;
            while (true)
            {
                int result = FindLiteralAndExpr(ref str, end, raw, recurseLvl, out string? literal, out int[]? literalExact,
                    out string? exprText, out ExpressionNode? expression, firstTok, tTok, lastTok);
                if (literal is not null) state.Concat(literal, literalExact);
                if (exprText is not null) state.Concat(exprText, null);
                if (result == 1) continue;
                if (expression is null) break;
                if (state.LastStr is not null) state.Exprs.Add(MakeStrNode(state, firstTok, lastTok));
                state.Exprs.Add(expression);
            }
            if (recurseLvl == 0 && str < end - 1) throw FStringError("f-string: unexpected end of string");
            if (recurseLvl != 0 && (str >= end || _s[str] != '}')) throw FStringError("f-string: expecting '}'");
        }

        private int FindLiteralAndExpr(ref int str, int end, bool raw, int recurseLvl, out string? literal, out int[]? literalExact,
            out string? exprText, out ExpressionNode? expression, int firstTok, int tTok, int lastTok)
        {
            exprText = null;
            expression = null;
            int result = FindLiteral(ref str, end, raw, recurseLvl, out literal, out literalExact, tTok);
            if (result == 1) return 1;
            if (str >= end || _s[str] == '}') return 0;
            expression = FindExpr(ref str, end, raw, recurseLvl, out exprText, firstTok, tTok, lastTok);
            return 0;
        }

        /// <summary>fstring_find_literal: text up to an undoubled '{' (or '}' ending a nested spec); 1 when a doubled brace split it.</summary>
        private int FindLiteral(ref int str, int end, bool raw, int recurseLvl, out string? literal, out int[]? exact, int tTok)
        {
            literal = null;
            exact = null;
            int s = str;
            int literalStart = s;
            int result = 0;
            int literalEnd;
            while (s < end)
            {
                byte ch = _s[s++];
                if (!raw && ch == '\\' && s < end)
                {
                    ch = _s[s++];
                    if (ch == 'N')
                    {
                        if (s < end && _s[s++] == '{')
                        {
                            while (s < end && _s[s++] != '}') { }
                            continue;
                        }
                        break;
                    }
                    if (ch == '{') ReportFStringEscapeWarning(tTok);
                }
                if (ch == '{' || ch == '}')
                {
                    if (recurseLvl == 0)
                    {
                        if (s < end && _s[s] == ch)
                        {
                            str = s + 1;
                            literalEnd = s;
                            result = 1;
                            goto done;
                        }
                        if (ch == '}')
                        {
                            str = s - 1;
                            throw FStringError("f-string: single '}' is not allowed");
                        }
                    }
                    s--;
                    break;
                }
            }
            str = s;
            literalEnd = s;
        done:
            if (literalStart != literalEnd)
            {
                var warnings = new List<(string, int)>();
                if (raw)
                {
                    literal = StringLiterals.DecodeStr(_s, literalStart, literalEnd, true, out exact, null, out string? err);
                    if (literal is null) throw ErrorAtLastToken(err.OrThrow(), DiagnosticCodes.StringLiteral);
                }
                else
                {
                    literal = StringLiterals.DecodeStr(_s, literalStart, literalEnd, false, out exact, warnings, out string? err);
                    if (literal is null) throw ErrorAtLastToken(err.OrThrow(), DiagnosticCodes.StringLiteral);
                    ReportEscapeWarnings(warnings, tTok);
                }
            }
            return result;
        }

        private void ReportFStringEscapeWarning(int tTok)
        {
            ref Token t = ref _t[tTok];
            _sink.AddWarning(new ParserDiagnostic(DiagnosticCodes.DeprecatedSyntax, "invalid escape sequence '\\{'", "DeprecationWarning", t.Line, Math.Max(1, t.Column + 1), t.Line, Math.Max(1, t.Column + 1)));
        }

        /// <summary>fstring_find_expr: one replacement field {expr[=][!conv][:spec]} → FormattedValue spanning first..last token.</summary>
        private ExpressionNode FindExpr(ref int str, int end, bool raw, int recurseLvl, out string? exprText, int firstTok, int tTok, int lastTok)
        {
            exprText = null;
            if (recurseLvl >= 2) throw FStringError("f-string: expressions nested too deeply");
            str++;
            int exprStart = str;
            byte quoteChar = 0;
            int stringType = 0;
            int nestedDepth = 0;
            var parenStack = _fstringParenStack ??= new byte[200];
            for (; str < end; str++)
            {
                byte ch = _s[str];
                if (ch == '\\') throw FStringError("f-string expression part cannot include a backslash");
                if (quoteChar != 0)
                {
                    if (ch == quoteChar)
                    {
                        if (stringType == 3)
                        {
                            if (str + 2 < end && _s[str + 1] == ch && _s[str + 2] == ch)
                            {
                                str += 2;
                                stringType = 0;
                                quoteChar = 0;
                                continue;
                            }
                        }
                        else
                        {
                            quoteChar = 0;
                            stringType = 0;
                            continue;
                        }
                    }
                }
                else if (ch == '\'' || ch == '"')
                {
                    if (str + 2 < end && _s[str + 1] == ch && _s[str + 2] == ch)
                    {
                        stringType = 3;
                        str += 2;
                    }
                    else stringType = 1;
                    quoteChar = ch;
                }
                else if (ch == '[' || ch == '{' || ch == '(')
                {
                    if (nestedDepth >= 200) throw FStringError("f-string: too many nested parenthesis");
                    parenStack[nestedDepth++] = ch;
                }
                else if (ch == '#')
                {
                    throw FStringError("f-string expression part cannot include '#'");
                }
                else if (nestedDepth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'))
                {
                    if (str + 1 < end)
                    {
                        byte next = _s[str + 1];
                        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') || (ch == '>' && next == '='))
                        {
                            str++;
                            continue;
                        }
                    }
                    // A lone '<' or '>' is an operator, not the end of the expression.
                    if (ch == '>' || ch == '<') continue;
                    break;
                }
                else if (ch == ']' || ch == '}' || ch == ')')
                {
                    if (nestedDepth == 0) throw FStringError("f-string: unmatched '" + (char)ch + "'");
                    nestedDepth--;
                    byte opening = parenStack[nestedDepth];
                    if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
                        throw FStringError("f-string: closing parenthesis '" + (char)ch + "' does not match opening parenthesis '" + (char)opening + "'");
                }
            }
            int exprEnd = str;
            if (quoteChar != 0) throw FStringError("f-string: unterminated string");
            if (nestedDepth != 0) throw FStringError("f-string: unmatched '" + (char)parenStack[nestedDepth - 1] + "'");
            if (str >= end) throw FStringError("f-string: expecting '}'");

            var simple = CompileFStringExpression(exprStart, exprEnd, tTok);

            if (_s[str] == '=')
            {
                str++;
                while (str < end && IsPySpace(_s[str])) str++;
                if (str >= end) throw FStringError("f-string: expecting '}'");
                exprText = Encoding.UTF8.GetString(_s, exprStart, str - exprStart);
            }

            int conversion = -1;
            if (_s[str] == '!')
            {
                str++;
                if (str >= end) throw FStringError("f-string: expecting '}'");
                conversion = _s[str];
                str++;
                if (conversion != 's' && conversion != 'r' && conversion != 'a')
                    throw FStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }

            ExpressionNode? formatSpec = null;
            if (str >= end) throw FStringError("f-string: expecting '}'");
            if (_s[str] == ':')
            {
                str++;
                if (str >= end) throw FStringError("f-string: expecting '}'");
                var spec = new FStringState();
                ConcatFString(spec, ref str, end, raw, recurseLvl + 1, firstTok, tTok, lastTok);
                formatSpec = FinishFString(spec, tTok, tTok);
            }

            if (str >= end || _s[str] != '}') throw FStringError("f-string: expecting '}'");
            str++;

            if (exprText is not null && formatSpec is null && conversion == -1) conversion = 'r';

            ref Token f = ref _t[firstTok];
            ref Token l = ref _t[lastTok];
            return new FormattedValue(simple, conversion, formatSpec, new SourceSpan(f.Line, f.Column, l.EndLine, l.EndColumn));
        }

        private static bool IsPySpace(byte c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;

        /// <summary>
        /// fstring_compile_expr: parse "(" + text + ")" with a fresh tokenizer whose first line is shifted to
        /// where the '{' sits (fstring_find_expr_location), exactly as CPython positions the nodes.
        /// </summary>
        private ExpressionNode CompileFStringExpression(int exprStart, int exprEnd, int tTok)
        {
            int q = exprStart;
            for (; q < exprEnd; q++)
            {
                byte c = _s[q];
                if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) break;
            }
            if (q == exprEnd)
            {
                byte at = _s[exprEnd];
                if (at == '!' || at == ':' || at == '=') throw FStringError("f-string: expression required before '" + (char)at + "'");
                throw FStringError("f-string: empty expression not allowed");
            }

            ref Token t = ref _t[tTok];
            int brace = exprStart - 1;
            int lines = 0, cols = 0;
            bool newlineAfterBrace = true;
            for (int k = brace + 1; k < t.End && _s[k] != '}' && _s[k] != '\n'; k++)
            {
                byte c = _s[k];
                if (c != ' ' && c != '\t' && c != '\f')
                {
                    newlineAfterBrace = false;
                    break;
                }
            }
            // Lines before the brace and the start of the brace's line, scanned once per token (fields come left to right).
            if (_fsToken != tTok || _fsScan > brace)
            {
                _fsToken = tTok;
                _fsScan = t.Start;
                _fsLines = 0;
                _fsLastNewline = -1;
            }
            for (; _fsScan < brace; _fsScan++)
            {
                if (_s[_fsScan] == '\n')
                {
                    _fsLines++;
                    _fsLastNewline = _fsScan;
                }
            }
            lines = _fsLines;
            if (!newlineAfterBrace)
            {
                // fstring_find_expr_location: characters from the last newline (or the token start) up to the brace.
                int st = _fsLastNewline >= 0 ? _fsLastNewline : t.Start;
                cols += brace - st;
                if (_s[st] == '\n') cols -= 1;
            }

            int len = exprEnd - exprStart;
            var buf = new byte[len + 4];
            buf[0] = (byte)'(';
            Array.Copy(_s, exprStart, buf, 1, len);
            buf[len + 1] = (byte)')';
            buf[len + 2] = (byte)'\n';
            buf[len + 3] = 0;
            var sub = new PythonSource(_src.Path, buf, len + 3, null);
            var tokens = Tokenizer.Tokenize(sub, NameTable.Shared, null, out int count, out var tokErr);

            int startingLine = t.Line + lines;
            int startingCol = (lines == 0 ? t.Column : 0) + cols;
            for (int k = 0; k < count; k++)
            {
                ref Token st = ref tokens[k];
                bool shift = st.EndLine == 1;
                st.Line += startingLine - 1;
                st.EndLine += startingLine - 1;
                if (shift)
                {
                    if (st.Column >= 0) st.Column += startingCol;
                    if (st.EndColumn >= 0) st.EndColumn += startingCol;
                }
            }
            if (tokErr is not null)
            {
                tokErr = new TokenizerError(tokErr.Code, tokErr.Message, tokErr.ErrorType, tokErr.Line + startingLine - 1, tokErr.Column, tokErr.EndLine + startingLine - 1, tokErr.EndColumn, tokErr.Kind);
            }
            var p2 = new Parser(sub, tokens, count, _sink, tokErr, fstringInput: true, depth: _depth + 1,
                fstringStartLine: startingLine, fstringStartCol: startingCol);
            try
            {
                return p2.FStringRule();
            }
            catch (SyntaxErrorException e) when (e.FromTokenizer)
            {
                // For the enclosing parse, an error of the replacement field's tokenizer is a parser error (a
                // later tokenizer error in the file still wins); decoding errors get the f-string prefix.
                var d = e.Diagnostic;
                string message = d.Message.StartsWith("(unicode error)", StringComparison.Ordinal) ? "f-string: " + d.Message : d.Message;
                throw new SyntaxErrorException(new ParserDiagnostic(d.Code, message, d.ErrorType, d.Line, d.Column, d.EndLine, d.EndColumn), FurthestLine(), fromTokenizer: false);
            }
        }

        /// <summary>fstring: star_expressions — run with CPython's two passes; failures throw "f-string: ..." errors.</summary>
        private ExpressionNode FStringRule()
        {
            if (_depth > MaxDepth) TooDeep();
            _furthest = 0;
            var e = StarExpressions();
            if (e is not null) return e;
            int furthest = _furthest;
            _p = 0;
            _invalidRules = true;
            _memoActive = true;
            _memo = new Dictionary<long, (ExpressionNode?, int)>();
            StarExpressions();
            var generic = GenericError(furthest);
            throw new SyntaxErrorException(generic, FurthestLine(), false);
        }

        // ------------------------------------------------------------------ numbers

        /// <summary>The value of a NUMBER token: BigInteger, double or Complex (imaginary), parsed like CPython.</summary>
        private object NumberValue(int index)
        {
            ref Token t = ref _t[index];
            return NumberLiterals.Parse(_s, t.Start, t.End);
        }
    }
}
