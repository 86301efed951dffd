namespace Batuta.Python.Text
{
    /// <summary>
    /// Turns file bytes or a string into a <see cref="PythonSource"/> the way CPython 3.11 prepares
    /// <c>compile(bytes)</c> / <c>compile(str)</c> input (<c>decode_str</c>, <c>check_bom</c>,
    /// <c>check_coding_spec</c>, <c>translate_newlines</c>).
    /// </summary>
    internal static class SourceDecoder
    {
        public sealed class DecodeError
        {
            public DecodeError(string message, int line, string errorType)
            {
                Message = message;
                Line = line;
                ErrorType = errorType;
            }

            public string Message { get; }
            public int Line { get; }
            public string ErrorType { get; }
        }

        /// <summary>A str source: no BOM handling, coding declarations ignored (PyCF_IGNORE_COOKIE).</summary>
        public static PythonSource FromString(string text, string path, out DecodeError? error)
        {
            error = null;
            int nul = text.IndexOf('\0');
            if (nul >= 0) error = NullBytes(CountLines(text, nul));
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            return Build(path, utf8, 0, null);
        }

        /// <summary>A bytes source: BOM, coding declaration on line 1 or 2, strictness of CPython's checks.</summary>
        public static PythonSource FromBytes(byte[] data, string path, out DecodeError? error)
        {
            error = null;
            int nul = Array.IndexOf(data, (byte)0);
            if (nul >= 0)
            {
                error = NullBytes(CountLines(data, nul));
                return Build(path, data, 0, null);
            }

            int offset = 0;
            bool bom = false;
            if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                bom = true;
                offset = 3;
            }

            string? cookie = FindCodingSpec(data, offset, out int cookieLine);
            string? declared = bom ? "utf-8" : null;
            if (cookie is not null)
            {
                string normal = NormalName(cookie);
                if (bom && normal != "utf-8")
                {
                    error = new DecodeError("encoding problem: " + normal + " with BOM", cookieLine, "SyntaxError");
                    return Build(path, data, offset, declared);
                }
                declared = normal;
                if (normal != "utf-8")
                {
                    string? text = Codecs.Decode(normal, data, offset, out string? decodeError);
                    if (text is null)
                    {
                        error = new DecodeError(decodeError ?? "unknown encoding: " + normal, cookieLine, "SyntaxError");
                        return Build(path, data, offset, declared);
                    }
                    return Build(path, Encoding.UTF8.GetBytes(text), 0, declared);
                }
            }
            return Build(path, data, offset, declared);
        }

        private static DecodeError NullBytes(int line) => new DecodeError("source code string cannot contain null bytes", line, "ValueError");

        private static int CountLines(byte[] data, int upTo)
        {
            int line = 1;
            for (int i = 0; i < upTo; i++) if (data[i] == '\n') line++;
            return line;
        }

        private static int CountLines(string text, int upTo)
        {
            int line = 1;
            for (int i = 0; i < upTo; i++) if (text[i] == '\n') line++;
            return line;
        }

        /// <summary>translate_newlines: CRLF and CR become LF, and a final LF is added (exec input).</summary>
        private static PythonSource Build(string path, byte[] data, int offset, string? declared)
        {
            var buf = new byte[data.Length - offset + 3];
            int n = 0;
            bool skipLf = false;
            for (int i = offset; i < data.Length; i++)
            {
                byte c = data[i];
                if (c == 0) break;
                if (skipLf)
                {
                    skipLf = false;
                    if (c == '\n') continue;
                }
                if (c == '\r')
                {
                    skipLf = true;
                    c = (byte)'\n';
                }
                buf[n++] = c;
            }
            bool endsWithCrLf = data.Length - offset >= 2 && data[data.Length - 2] == '\r' && data[data.Length - 1] == '\n';
            if (n == 0 || buf[n - 1] != '\n' || endsWithCrLf) buf[n++] = (byte)'\n';
            buf[n] = 0;
            return new PythonSource(path, buf, n, declared);
        }

        /// <summary>check_coding_spec on line 1, and on line 2 when line 1 holds only a comment or whitespace.</summary>
        private static string? FindCodingSpec(byte[] data, int offset, out int line)
        {
            line = 1;
            int end1 = LineEnd(data, offset);
            string? spec = GetCodingSpec(data, offset, end1, out bool lineIsCode);
            if (spec is not null || lineIsCode || end1 >= data.Length) return spec;
            int start2 = end1 + 1;
            if (data[end1] == '\r' && start2 < data.Length && data[start2] == '\n') start2++;
            if (start2 >= data.Length) return null;
            line = 2;
            int end2 = LineEnd(data, start2);
            return GetCodingSpec(data, start2, end2, out _);
        }

        private static int LineEnd(byte[] data, int start)
        {
            int i = start;
            while (i < data.Length && data[i] != '\n' && data[i] != '\r') i++;
            return i;
        }

        /// <summary>get_coding_spec: "coding[:=]\s*([-\w.]+)" inside a comment that is alone on the line.</summary>
        private static string? GetCodingSpec(byte[] s, int start, int end, out bool lineIsCode)
        {
            lineIsCode = false;
            int size = end - start;
            int i = 0;
            for (; i < size - 6; i++)
            {
                byte c = s[start + i];
                if (c == '#') break;
                if (c != ' ' && c != '\t' && c != '\f')
                {
                    lineIsCode = true;
                    return null;
                }
            }
            for (; i < size - 6; i++)
            {
                int t = start + i;
                if (s[t] == 'c' && s[t + 1] == 'o' && s[t + 2] == 'd' && s[t + 3] == 'i' && s[t + 4] == 'n' && s[t + 5] == 'g')
                {
                    t += 6;
                    if (s[t] != ':' && s[t] != '=') continue;
                    do { t++; } while (t < end && (s[t] == ' ' || s[t] == '\t'));
                    int begin = t;
                    while (t < end && (IsAlnum(s[t]) || s[t] == '-' || s[t] == '_' || s[t] == '.')) t++;
                    if (begin < t) return Encoding.ASCII.GetString(s, begin, t - begin);
                }
            }
            // check_coding_spec: a line with anything but a comment stops the search.
            for (int k = 0; k < size; k++)
            {
                byte c = s[start + k];
                if (c == '#' || c == '\n' || c == '\r') break;
                if (c != ' ' && c != '\t' && c != '\f')
                {
                    lineIsCode = true;
                    break;
                }
            }
            return null;
        }

        private static bool IsAlnum(byte c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>get_normal_name: the spellings CPython folds to "utf-8" and "iso-8859-1".</summary>
        internal static string NormalName(string s)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < s.Length && i < 12; i++)
            {
                char c = s[i];
                sb.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
            }
            string buf = sb.ToString();
            if (buf == "utf-8" || buf.StartsWith("utf-8-", StringComparison.Ordinal)) return "utf-8";
            if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || buf.StartsWith("latin-1-", StringComparison.Ordinal)
                || buf.StartsWith("iso-8859-1-", StringComparison.Ordinal) || buf.StartsWith("iso-latin-1-", StringComparison.Ordinal))
                return "iso-8859-1";
            return s;
        }
    }
}
