namespace Batuta.Python.Syntax
{
    /// <summary>Token types of CPython 3.11's tokenizer; keywords get their own kinds (CPython maps NAME to keyword types the same way).</summary>
    public enum TokenKind : byte
    {
        EndMarker,
        Name,
        Number,
        String,
        Newline,
        Indent,
        Dedent,
        /// <summary>A tokenizer error; the diagnostic says what went wrong.</summary>
        ErrorToken,

        // Operators and delimiters.
        LeftParen, RightParen, LeftBracket, RightBracket, LeftBrace, RightBrace,
        Colon, Comma, Semicolon, Plus, Minus, Star, Slash, VerticalBar, Ampersand,
        Less, Greater, Equal, Dot, Percent, Tilde, Circumflex, At,
        EqualEqual, NotEqual, LessEqual, GreaterEqual, LeftShift, RightShift, DoubleStar,
        PlusEqual, MinusEqual, StarEqual, SlashEqual, PercentEqual, AmpersandEqual, VerticalBarEqual,
        CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual,
        AtEqual, Arrow, Ellipsis, ColonEqual,
        /// <summary><c>&lt;&gt;</c>: tokenized as NOTEQUAL by CPython but rejected by the grammar (Barry-as-FLUFL).</summary>
        LessGreater,
        /// <summary>A character CPython gives the generic OP type (<c>$ ? ! `</c>); no grammar rule accepts it.</summary>
        Op,

        // Keywords (hard).
        False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else,
        Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise,
        Return, Try, While, With, Yield,
    }

    internal static class TokenKindFacts
    {
        public static bool IsKeyword(this TokenKind k) => k >= TokenKind.False;

        /// <summary>The text of a fixed token, for messages like "expected ':'".</summary>
        public static string Text(this TokenKind k) => k switch
        {
            TokenKind.LeftParen => "(", TokenKind.RightParen => ")", TokenKind.LeftBracket => "[", TokenKind.RightBracket => "]",
            TokenKind.LeftBrace => "{", TokenKind.RightBrace => "}", TokenKind.Colon => ":", TokenKind.Comma => ",",
            TokenKind.Semicolon => ";", TokenKind.Plus => "+", TokenKind.Minus => "-", TokenKind.Star => "*",
            TokenKind.Slash => "/", TokenKind.VerticalBar => "|", TokenKind.Ampersand => "&", TokenKind.Less => "<",
            TokenKind.Greater => ">", TokenKind.Equal => "=", TokenKind.Dot => ".", TokenKind.Percent => "%",
            TokenKind.Tilde => "~", TokenKind.Circumflex => "^", TokenKind.At => "@", TokenKind.EqualEqual => "==",
            TokenKind.NotEqual => "!=", TokenKind.LessEqual => "<=", TokenKind.GreaterEqual => ">=",
            TokenKind.LeftShift => "<<", TokenKind.RightShift => ">>", TokenKind.DoubleStar => "**",
            TokenKind.PlusEqual => "+=", TokenKind.MinusEqual => "-=", TokenKind.StarEqual => "*=",
            TokenKind.SlashEqual => "/=", TokenKind.PercentEqual => "%=", TokenKind.AmpersandEqual => "&=",
            TokenKind.VerticalBarEqual => "|=", TokenKind.CircumflexEqual => "^=", TokenKind.LeftShiftEqual => "<<=",
            TokenKind.RightShiftEqual => ">>=", TokenKind.DoubleStarEqual => "**=", TokenKind.DoubleSlash => "//",
            TokenKind.DoubleSlashEqual => "//=", TokenKind.AtEqual => "@=", TokenKind.Arrow => "->",
            TokenKind.Ellipsis => "...", TokenKind.ColonEqual => ":=", TokenKind.LessGreater => "<>",
            TokenKind.False => "False", TokenKind.None => "None", TokenKind.True => "True", TokenKind.And => "and",
            TokenKind.As => "as", TokenKind.Assert => "assert", TokenKind.Async => "async", TokenKind.Await => "await",
            TokenKind.Break => "break", TokenKind.Class => "class", TokenKind.Continue => "continue", TokenKind.Def => "def",
            TokenKind.Del => "del", TokenKind.Elif => "elif", TokenKind.Else => "else", TokenKind.Except => "except",
            TokenKind.Finally => "finally", TokenKind.For => "for", TokenKind.From => "from", TokenKind.Global => "global",
            TokenKind.If => "if", TokenKind.Import => "import", TokenKind.In => "in", TokenKind.Is => "is",
            TokenKind.Lambda => "lambda", TokenKind.Nonlocal => "nonlocal", TokenKind.Not => "not", TokenKind.Or => "or",
            TokenKind.Pass => "pass", TokenKind.Raise => "raise", TokenKind.Return => "return", TokenKind.Try => "try",
            TokenKind.While => "while", TokenKind.With => "with", TokenKind.Yield => "yield",
            TokenKind.Newline => "NEWLINE", TokenKind.Indent => "INDENT", TokenKind.Dedent => "DEDENT",
            TokenKind.EndMarker => "ENDMARKER", TokenKind.Name => "NAME", TokenKind.Number => "NUMBER", TokenKind.String => "STRING",
            _ => k.ToString(),
        };
    }
}
