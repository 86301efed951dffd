using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Syntax
{
    /// <summary>Values of numeric literals: int (arbitrary precision), float (correctly rounded) and imaginary.</summary>
    internal static class NumberLiterals
    {
        public static object Parse(byte[] s, int start, int end)
        {
            // Strip underscores into a small ASCII buffer.
            var chars = new char[end - start];
            int n = 0;
            for (int i = start; i < end; i++)
                if (s[i] != '_') chars[n++] = (char)s[i];
            var text = new string(chars, 0, n);
            char last = text[text.Length - 1];
            if (last == 'j' || last == 'J')
                return new Complex(0, ParseFloat(text.Substring(0, text.Length - 1)));
            if (text.Length > 1 && text[0] == '0')
            {
                char p = text[1];
                if (p == 'x' || p == 'X') return ParseRadix(text, 2, 16);
                if (p == 'o' || p == 'O') return ParseRadix(text, 2, 8);
                if (p == 'b' || p == 'B') return ParseRadix(text, 2, 2);
            }
            foreach (char c in text)
                if (c == '.' || c == 'e' || c == 'E') return ParseFloat(text);
            if (text.Length <= 18) return new BigInteger(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
            return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        private static double ParseFloat(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static BigInteger ParseRadix(string text, int from, int radix)
        {
            int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
            if ((text.Length - from) * bitsPerDigit <= 63)
            {
                long v = 0;
                for (int i = from; i < text.Length; i++) v = v * radix + Digit(text[i]);
                return new BigInteger(v);
            }
            BigInteger big = BigInteger.Zero;
            for (int i = from; i < text.Length; i++) big = big * radix + Digit(text[i]);
            return big;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }
    }
}
