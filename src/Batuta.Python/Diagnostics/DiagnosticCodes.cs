namespace Batuta.Python
{
    /// <summary>The diagnostic codes of the Python front-end (documented in docs/python-parser.md).</summary>
    public static class DiagnosticCodes
    {
        /// <summary>Generic invalid syntax and the grammar's specialised messages.</summary>
        public const string InvalidSyntax = "BATUTA-P-001";
        /// <summary>IndentationError: unexpected indent/unindent, expected an indented block, unindent does not match.</summary>
        public const string Indentation = "BATUTA-P-002";
        /// <summary>TabError: inconsistent use of tabs and spaces.</summary>
        public const string TabsAndSpaces = "BATUTA-P-003";
        /// <summary>A character that cannot start a token (invalid character, non-printable character).</summary>
        public const string InvalidCharacter = "BATUTA-P-004";
        /// <summary>Unterminated string or triple-quoted string literal.</summary>
        public const string UnterminatedString = "BATUTA-P-005";
        /// <summary>Malformed numeric literal (invalid decimal/hex/octal/binary literal, leading zeros).</summary>
        public const string InvalidNumber = "BATUTA-P-006";
        /// <summary>Unmatched, unclosed or mismatched brackets.</summary>
        public const string Brackets = "BATUTA-P-007";
        /// <summary>Source decoding: unknown encoding, BOM/cookie conflict, undecodable bytes, null bytes.</summary>
        public const string Encoding = "BATUTA-P-008";
        /// <summary>String and bytes literal content: bad escapes, non-ASCII bytes, mixing bytes and str.</summary>
        public const string StringLiteral = "BATUTA-P-009";
        /// <summary>f-string syntax.</summary>
        public const string FString = "BATUTA-P-010";
        /// <summary>Invalid assignment, deletion, augmented-assignment or loop target.</summary>
        public const string InvalidTarget = "BATUTA-P-011";
        /// <summary>Invalid call arguments or function parameters.</summary>
        public const string InvalidArguments = "BATUTA-P-012";
        /// <summary>Unexpected end of file or bad line continuation.</summary>
        public const string UnexpectedEof = "BATUTA-P-013";
        /// <summary>Nesting beyond the parser's limits (CPython: too many nested parentheses, levels of indentation, recursion).</summary>
        public const string TooDeep = "BATUTA-P-014";
        /// <summary>Deprecated but accepted syntax (invalid escape sequence, number followed by a keyword).</summary>
        public const string DeprecatedSyntax = "BATUTA-P-015";
        /// <summary>from __future__ import errors, which CPython's compile() raises (not ast.parse).</summary>
        public const string FutureImport = "BATUTA-P-020";
        /// <summary>Scope errors found while building symbol tables (global/nonlocal misuse, ...).</summary>
        public const string Scope = "BATUTA-P-021";
        /// <summary>Statements outside their context ('return' outside function, 'break' outside loop, ...).</summary>
        public const string Context = "BATUTA-P-022";
    }
}
