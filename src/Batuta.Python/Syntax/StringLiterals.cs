using System.Globalization;
using Batuta.Python.Text;

namespace Batuta.Python.Syntax
{
    /// <summary>A string literal token's prefix and body (between the quotes), as _PyPegen_parsestr finds them.</summary>
    internal struct StringPrefix
    {
        public bool Bytes;
        public bool Raw;
        public bool FString;
        /// <summary>First byte of the literal is a lowercase 'u' (CPython gives kind='u' only then).</summary>
        public bool LowerU;
        public int BodyStart;
        public int BodyEnd;
    }

    /// <summary>Escape decoding for str and bytes literals, with CPython 3.11's results and error texts.</summary>
    internal static class StringLiterals
    {
        public static StringPrefix Prefix(byte[] s, int start, int end)
        {
            var p = new StringPrefix { LowerU = s[start] == 'u' };
            int i = start;
            while (true)
            {
                byte c = s[i];
                if (c == 'b' || c == 'B') p.Bytes = true;
                else if (c == 'r' || c == 'R') p.Raw = true;
                else if (c == 'f' || c == 'F') p.FString = true;
                else if (c == 'u' || c == 'U') { }
                else break;
                i++;
            }
            byte quote = s[i];
            int quoteLen = (end - i >= 6 && s[i + 1] == quote && s[i + 2] == quote) ? 3 : 1;
            p.BodyStart = i + quoteLen;
            p.BodyEnd = end - quoteLen;
            return p;
        }

        /// <summary>
        /// Decodes a str literal body. Returns null with <paramref name="error"/> set (CPython's message,
        /// including the "(unicode error)" prefix) on failure. <paramref name="exact"/> is set only when
        /// escapes produced surrogate code points that a .NET string would merge.
        /// </summary>
        public static string? DecodeStr(byte[] s, int start, int end, bool raw, out int[]? exact, List<(string Message, int Offset)>? warnings, out string? error)
        {
            exact = null;
            error = null;
            bool hasBackslash = false;
            if (!raw)
            {
                for (int i = start; i < end; i++)
                    if (s[i] == '\\') { hasBackslash = true; break; }
            }
            if (!hasBackslash)
            {
                int bad = Utf8.FindInvalid(s, start, end, out string reason);
                if (bad >= 0)
                {
                    error = "(unicode error) 'utf-8' codec can't decode byte 0x" + s[bad].ToString("x2", CultureInfo.InvariantCulture)
                        + " in position " + (bad - start).ToString(CultureInfo.InvariantCulture) + ": " + reason;
                    return null;
                }
                return Encoding.UTF8.GetString(s, start, end - start);
            }
            var cps = new List<int>(end - start);
            bool surrogate = false;
            if (!DecodeEscapes(s, start, end, cps, ref surrogate, warnings, out error)) return null;
            if (surrogate && HasMergeablePair(cps)) exact = cps.ToArray();
            var sb = new StringBuilder(cps.Count);
            foreach (int cp in cps)
            {
                if (cp > 0xFFFF) sb.Append(char.ConvertFromUtf32(cp));
                else sb.Append((char)cp);
            }
            return sb.ToString();
        }

        private static bool HasMergeablePair(List<int> cps)
        {
            for (int i = 0; i + 1 < cps.Count; i++)
                if (cps[i] >= 0xD800 && cps[i] <= 0xDBFF && cps[i + 1] >= 0xDC00 && cps[i + 1] <= 0xDFFF) return true;
            return false;
        }

        /// <summary>_PyUnicode_DecodeUnicodeEscape over the literal's bytes (non-ASCII passes through).</summary>
        private static bool DecodeEscapes(byte[] s, int start, int end, List<int> cps, ref bool surrogate, List<(string, int)>? warnings, out string? error)
        {
            error = null;
            int i = start;
            while (i < end)
            {
                byte c = s[i];
                if (c >= 0x80)
                {
                    int runStart = i;
                    while (i < end && s[i] >= 0x80)
                    {
                        int n = Utf8.DecodeOne(s, i, end, out int cp, out string reason);
                        if (n == 0)
                        {
                            // decode_utf8 decodes the run of high-bit bytes on its own: positions count from the run.
                            int runEnd = runStart;
                            while (runEnd < end && s[runEnd] >= 0x80) runEnd++;
                            if (reason == "unexpected end of data" && i + 1 < runEnd) reason = "invalid continuation byte";
                            error = "(unicode error) 'utf-8' codec can't decode byte 0x" + s[i].ToString("x2", CultureInfo.InvariantCulture)
                                + " in position " + (i - runStart).ToString(CultureInfo.InvariantCulture) + ": " + reason;
                            return false;
                        }
                        cps.Add(cp);
                        i += n;
                    }
                    continue;
                }
                if (c != '\\')
                {
                    cps.Add(c);
                    i++;
                    continue;
                }
                int escStart = i;
                i++;
                if (i >= end || s[i] >= 0x80)
                {
                    // decode_unicode_with_escapes turns such a backslash into \u005c: a plain backslash.
                    cps.Add('\\');
                    continue;
                }
                c = s[i++];
                switch (c)
                {
                    case (byte)'\n': break;
                    case (byte)'\\': cps.Add('\\'); break;
                    case (byte)'\'': cps.Add('\''); break;
                    case (byte)'"': cps.Add('"'); break;
                    case (byte)'b': cps.Add('\b'); break;
                    case (byte)'f': cps.Add('\f'); break;
                    case (byte)'t': cps.Add('\t'); break;
                    case (byte)'n': cps.Add('\n'); break;
                    case (byte)'r': cps.Add('\r'); break;
                    case (byte)'v': cps.Add('\v'); break;
                    case (byte)'a': cps.Add('\a'); break;
                    case (byte)'0':
                    case (byte)'1':
                    case (byte)'2':
                    case (byte)'3':
                    case (byte)'4':
                    case (byte)'5':
                    case (byte)'6':
                    case (byte)'7':
                        {
                            int v = c - '0';
                            if (i < end && s[i] >= '0' && s[i] <= '7')
                            {
                                v = (v << 3) + s[i++] - '0';
                                if (i < end && s[i] >= '0' && s[i] <= '7') v = (v << 3) + s[i++] - '0';
                            }
                            cps.Add(v);
                            break;
                        }
                    case (byte)'x':
                    case (byte)'u':
                    case (byte)'U':
                        {
                            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                            long v = 0;
                            int k = 0;
                            for (; k < digits && i < end; k++, i++)
                            {
                                int h = HexValue(s[i]);
                                if (h < 0) break;
                                v = (v << 4) + h;
                            }
                            if (k < digits)
                            {
                                string what = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                                error = EscapeError(s, start, escStart, i, what);
                                return false;
                            }
                            if (v > 0x10FFFF)
                            {
                                error = EscapeError(s, start, escStart, i, "illegal Unicode character");
                                return false;
                            }
                            if (v >= 0xD800 && v <= 0xDFFF) surrogate = true;
                            cps.Add((int)v);
                            break;
                        }
                    case (byte)'N':
                        {
                            // The error range ends where CPython's decoder stopped reading.
                            if (i < end && s[i] == '{')
                            {
                                int nameStart = i + 1;
                                int close = nameStart;
                                while (close < end && s[close] != '}') close++;
                                if (close >= end)
                                {
                                    error = EscapeError(s, start, escStart, end, "malformed \\N character escape");
                                    return false;
                                }
                                if (close > nameStart)
                                {
                                    string name = Encoding.UTF8.GetString(s, nameStart, close - nameStart);
                                    i = close + 1;
                                    if (UnicodeNames.TryLookup(name, out int cp))
                                    {
                                        cps.Add(cp);
                                        break;
                                    }
                                    error = EscapeError(s, start, escStart, i, "unknown Unicode character name");
                                    return false;
                                }
                                error = EscapeError(s, start, escStart, close, "malformed \\N character escape");
                                return false;
                            }
                            error = EscapeError(s, start, escStart, i, "malformed \\N character escape");
                            return false;
                        }
                    default:
                        {
                            // Unknown escape: kept as written, with a DeprecationWarning.
                            warnings?.Add(("invalid escape sequence '\\" + (c < 0x80 ? ((char)c).ToString() : "") + "'", escStart));
                            cps.Add('\\');
                            i--;
                            break;
                        }
                }
            }
            return true;
        }

        /// <summary>
        /// "(unicode error) 'unicodeescape' codec can't decode bytes in position a-b: ...". Positions count in
        /// the buffer CPython decodes, where each non-ASCII character was rewritten as a 10-byte \U escape.
        /// </summary>
        private static string EscapeError(byte[] s, int start, int from, int to, string reason)
        {
            int a = TransformedOffset(s, start, from);
            int b = TransformedOffset(s, start, to) - 1;
            string pos = b > a ? a.ToString(CultureInfo.InvariantCulture) + "-" + b.ToString(CultureInfo.InvariantCulture) : a.ToString(CultureInfo.InvariantCulture);
            return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + pos + ": " + reason;
        }

        private static int TransformedOffset(byte[] s, int start, int upTo)
        {
            int n = 0;
            for (int i = start; i < upTo; i++)
            {
                if (s[i] < 0x80) n++;
                else if ((s[i] & 0xC0) != 0x80) n += 10;
            }
            return n;
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        /// <summary>Decodes a bytes literal body (_PyBytes_DecodeEscape); non-ASCII must have been rejected before.</summary>
        public static byte[]? DecodeBytes(byte[] s, int start, int end, bool raw, List<(string Message, int Offset)>? warnings, out string? error)
        {
            error = null;
            var result = new List<byte>(end - start);
            if (raw)
            {
                for (int i = start; i < end; i++) result.Add(s[i]);
                return result.ToArray();
            }
            int p = start;
            while (p < end)
            {
                byte c = s[p];
                if (c != '\\')
                {
                    result.Add(c);
                    p++;
                    continue;
                }
                int escStart = p;
                p++;
                if (p >= end)
                {
                    error = "(value error) Trailing \\ in string";
                    return null;
                }
                c = s[p++];
                switch (c)
                {
                    case (byte)'\n': break;
                    case (byte)'\\': result.Add((byte)'\\'); break;
                    case (byte)'\'': result.Add((byte)'\''); break;
                    case (byte)'"': result.Add((byte)'"'); break;
                    case (byte)'b': result.Add((byte)'\b'); break;
                    case (byte)'f': result.Add((byte)'\f'); break;
                    case (byte)'t': result.Add((byte)'\t'); break;
                    case (byte)'n': result.Add((byte)'\n'); break;
                    case (byte)'r': result.Add((byte)'\r'); break;
                    case (byte)'v': result.Add(0x0B); break;
                    case (byte)'a': result.Add(0x07); break;
                    case (byte)'0':
                    case (byte)'1':
                    case (byte)'2':
                    case (byte)'3':
                    case (byte)'4':
                    case (byte)'5':
                    case (byte)'6':
                    case (byte)'7':
                        {
                            int v = c - '0';
                            if (p < end && s[p] >= '0' && s[p] <= '7')
                            {
                                v = (v << 3) + s[p++] - '0';
                                if (p < end && s[p] >= '0' && s[p] <= '7') v = (v << 3) + s[p++] - '0';
                            }
                            result.Add((byte)(v & 0xFF));
                            break;
                        }
                    case (byte)'x':
                        {
                            int h1 = p < end ? HexValue(s[p]) : -1;
                            int h2 = p + 1 < end ? HexValue(s[p + 1]) : -1;
                            if (h1 < 0 || h2 < 0)
                            {
                                error = "(value error) invalid \\x escape at position " + (escStart - start).ToString(CultureInfo.InvariantCulture);
                                return null;
                            }
                            result.Add((byte)((h1 << 4) | h2));
                            p += 2;
                            break;
                        }
                    default:
                        warnings?.Add(("invalid escape sequence '\\" + (c < 0x80 ? ((char)c).ToString() : "") + "'", escStart));
                        result.Add((byte)'\\');
                        p--;
                        break;
                }
            }
            return result.ToArray();
        }
    }
}
