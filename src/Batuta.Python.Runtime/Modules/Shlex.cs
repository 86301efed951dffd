using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>shlex</c>: <c>split</c> as CPython's POSIX-mode lexer with <c>whitespace_split</c> (quotes, escapes,
/// <c>comments=</c>), <c>quote</c> and <c>join</c>.
/// </summary>
public static class Shlex
{
    private const string Whitespace = " \t\r\n";

    public static PyList<string> Split(string s, bool comments = false, bool posix = true)
    {
        if (!posix) throw new NotSupportedException("shlex.split(posix=False) is not supported by Batuta");
        var lexer = new Lexer(s, comments);
        var tokens = new PyList<string>();
        while (lexer.Next() is { } token) tokens.Append(token);
        return tokens;
    }

    public static string Quote(string s)
    {
        if (s.Length == 0) return "''";
        // shlex._find_unsafe: [^\w@%+=:,./-] with re.ASCII
        if (s.All(ch => ch < 128 && (char.IsAsciiLetterOrDigit(ch) || "_@%+=:,./-".Contains(ch, StringComparison.Ordinal)))) return s;
        return "'" + s.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    public static string Join<T>(IEnumerable<T> args) => string.Join(" ", args.Select(a => Quote(Dyn.Cast<string>(a))));

    public static string Join(object? args) => Join(Dyn.Iter(args));

    /// <summary>shlex.shlex.read_token in POSIX mode: one token per call, null at the end.</summary>
    private sealed class Lexer(string text, bool comments)
    {
        private int _pos;

        public string? Next()
        {
            var token = new StringBuilder();
            bool inWord = false;
            while (_pos < text.Length)
            {
                char ch = text[_pos++];
                if (EndsWord(ch))
                {
                    if (inWord) return token.ToString();
                    continue;
                }
                // a quoted empty string is a token too
                inWord = true;
                Append(ch, token);
            }
            return inWord ? token.ToString() : null;
        }

        /// <summary>Whitespace, or a comment (skipped to the end of its line).</summary>
        private bool EndsWord(char ch)
        {
            if (Whitespace.Contains(ch, StringComparison.Ordinal)) return true;
            if (!comments || ch != '#') return false;
            SkipLine();
            return true;
        }

        private void Append(char ch, StringBuilder token)
        {
            if (ch is '\'' or '"') Quoted(ch, token);
            else if (ch == '\\') token.Append(Escaped());
            else token.Append(ch);
        }

        private void SkipLine()
        {
            int nl = text.IndexOf('\n', _pos);
            _pos = nl < 0 ? text.Length : nl + 1;
        }

        private char Escaped() => _pos < text.Length ? text[_pos++] : throw new ValueError("No escaped character");

        /// <summary>Inside quotes: '' takes everything literally; in "" a backslash escapes only " and \.</summary>
        private void Quoted(char quote, StringBuilder token)
        {
            while (true)
            {
                if (_pos >= text.Length) throw new ValueError("No closing quotation");
                char ch = text[_pos++];
                if (ch == quote) return;
                if (quote == '"' && ch == '\\')
                {
                    if (_pos >= text.Length) throw new ValueError("No escaped character");
                    char next = text[_pos++];
                    if (next is not ('"' or '\\')) token.Append('\\');
                    token.Append(next);
                }
                else token.Append(ch);
            }
        }
    }
}
