namespace Batuta.Python
{
    /// <summary>A fix suggestion for each kind of problem, in a sentence a developer can act on.</summary>
    internal static class Hints
    {
        public static string? For(string code, string message)
        {
            if (message.StartsWith("expected '", StringComparison.Ordinal))
                return "insert " + message.Substring("expected ".Length) + " here";
            if (message.StartsWith("Missing parentheses in call to", StringComparison.Ordinal))
                return "this is Python 2 syntax: call it as a function, e.g. print(...)";
            if (message.Contains("Perhaps you forgot a comma"))
                return "separate the items with a comma";
            if (message.Contains("Maybe you meant '==' or ':='"))
                return "use '==' to compare, or ':=' to assign inside an expression";
            if (message.Contains("Maybe you meant '=='"))
                return "use '==' to compare values";
            if (message.StartsWith("expected an indented block", StringComparison.Ordinal))
                return "indent the body of the statement (or write 'pass' for an empty body)";
            if (message.StartsWith("'", StringComparison.Ordinal) && message.EndsWith("' was never closed", StringComparison.Ordinal))
                return "add the matching closing bracket";
            if (message.StartsWith("unmatched", StringComparison.Ordinal) || message.StartsWith("closing parenthesis", StringComparison.Ordinal))
                return "check that every bracket is closed by its matching kind";
            if (message.StartsWith("leading zeros", StringComparison.Ordinal))
                return "write octal numbers with the 0o prefix (0o17), or drop the leading zeros";
            if (message.StartsWith("unterminated triple-quoted", StringComparison.Ordinal))
                return "close the string with the same three quotes that open it";
            if (message.StartsWith("unterminated string", StringComparison.Ordinal))
                return "close the string on the same line, or use a triple-quoted string for several lines";
            if (message.StartsWith("invalid escape sequence", StringComparison.Ordinal))
                return "double the backslash, or use a raw string (r'...')";
            if (message.StartsWith("cannot assign to", StringComparison.Ordinal) || message.StartsWith("cannot delete", StringComparison.Ordinal))
                return "the left side must be a name, attribute, subscript, or a tuple/list of those";
            switch (code)
            {
                case DiagnosticCodes.InvalidSyntax: return "check this line against Python 3.11 syntax; the problem is at or just before the marked token";
                case DiagnosticCodes.Indentation: return "make the indentation match an enclosing block";
                case DiagnosticCodes.TabsAndSpaces: return "indent with spaces only (PEP 8), or tabs only";
                case DiagnosticCodes.InvalidCharacter: return "remove the character, or put it inside a string or comment";
                case DiagnosticCodes.InvalidNumber: return "fix the numeric literal (digits, underscores between digits, and a valid prefix)";
                case DiagnosticCodes.Brackets: return "balance the brackets";
                case DiagnosticCodes.Encoding: return "save the file as UTF-8, or declare its real encoding with '# -*- coding: NAME -*-' on line 1 or 2";
                case DiagnosticCodes.StringLiteral: return "fix the string literal's escapes, prefix or content";
                case DiagnosticCodes.FString: return "fix the f-string's replacement field: {expression!conversion:format_spec}";
                case DiagnosticCodes.InvalidTarget: return "assign only to names, attributes, subscripts, or tuples/lists of them";
                case DiagnosticCodes.InvalidArguments: return "order arguments as positional, *args, keyword=value, **kwargs";
                case DiagnosticCodes.UnexpectedEof: return "the file ends in the middle of a statement: complete it";
                case DiagnosticCodes.TooDeep: return "split the expression or nesting into smaller parts";
                case DiagnosticCodes.DeprecatedSyntax: return "this still works in 3.11 but will become an error: rewrite it";
                case DiagnosticCodes.FutureImport: return "put 'from __future__ import' lines first (after the docstring) and name only real features";
                case DiagnosticCodes.Scope: return "declare the name global/nonlocal before any use, and only where the scope allows it";
                case DiagnosticCodes.Context: return "move the statement into the function or loop it belongs to";
            }
            return null;
        }
    }
}
