namespace Batuta.Python.Syntax
{
    /// <summary>
    /// One token: its kind, its bytes in the (UTF-8, newline-normalised) source buffer and its CPython
    /// position. INDENT, DEDENT and ENDMARKER carry no column in CPython (-1); here they get -1 too.
    /// </summary>
    public struct Token
    {
        public TokenKind Kind;
        /// <summary>Start offset (inclusive) into <see cref="PythonSource.Utf8"/>.</summary>
        public int Start;
        /// <summary>End offset (exclusive).</summary>
        public int End;
        public int Line;
        public int Column;
        public int EndLine;
        public int EndColumn;
        /// <summary>Bracket nesting level after this token (CPython's token->level).</summary>
        public int Level;
        /// <summary>For NAME and keyword tokens: the identifier (NFKC-normalised, interned).</summary>
        public string? Text;

        public override string ToString() => Kind + (Text is null ? "" : " '" + Text + "'") + " @" + Line + ":" + Column + "-" + EndLine + ":" + EndColumn;
    }
}
