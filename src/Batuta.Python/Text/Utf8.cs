namespace Batuta.Python.Text
{
    /// <summary>UTF-8 helpers that answer the way CPython's decoder does (including surrogates, which it rejects).</summary>
    internal static class Utf8
    {
        /// <summary>
        /// Decodes one code point at <paramref name="i"/>; returns its byte length, or 0 for an invalid
        /// sequence (reason in CPython's words: "invalid start byte", "invalid continuation byte", "unexpected end of data").
        /// </summary>
        public static int DecodeOne(byte[] s, int i, int end, out int codePoint, out string reason)
        {
            reason = "";
            byte b0 = s[i];
            if (b0 < 0x80) { codePoint = b0; return 1; }
            codePoint = 0xFFFD;
            int need;
            int cp;
            if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; cp = b0 & 0x1F; }
            else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 2; cp = b0 & 0x0F; }
            else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 3; cp = b0 & 0x07; }
            else { reason = "invalid start byte"; return 0; }
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= end) { reason = "unexpected end of data"; return 0; }
                byte b = s[i + k];
                bool ok = (b & 0xC0) == 0x80;
                if (ok && k == 1)
                {
                    // Overlong forms, surrogates and code points past U+10FFFF are rejected on the second byte.
                    if (b0 == 0xE0 && b < 0xA0) ok = false;
                    else if (b0 == 0xED && b > 0x9F) ok = false;
                    else if (b0 == 0xF0 && b < 0x90) ok = false;
                    else if (b0 == 0xF4 && b > 0x8F) ok = false;
                }
                if (!ok) { reason = "invalid continuation byte"; return 0; }
                cp = (cp << 6) | (b & 0x3F);
            }
            codePoint = cp;
            return need + 1;
        }

        /// <summary>Index of the first byte that starts an invalid sequence, or -1.</summary>
        public static int FindInvalid(byte[] s, int start, int end, out string reason)
        {
            reason = "";
            int i = start;
            while (i < end)
            {
                if (s[i] < 0x80) { i++; continue; }
                int n = DecodeOne(s, i, end, out _, out reason);
                if (n == 0) return i;
                i += n;
            }
            return -1;
        }

        public static string Decode(byte[] s, int start, int length) => Encoding.UTF8.GetString(s, start, length);

        /// <summary>Number of code points in a UTF-8 byte range (CPython turns byte offsets into character offsets this way for error messages).</summary>
        public static int CountCodePoints(byte[] s, int start, int end)
        {
            int n = 0;
            for (int i = start; i < end && i < s.Length; i++)
                if ((s[i] & 0xC0) != 0x80) n++;
            return n;
        }
    }
}
