using System.Globalization;
using System.Numerics;
using Batuta.Python.Text;

namespace Batuta.Python.Ast
{
    /// <summary>Python 3.11's <c>repr()</c> of constant values, character for character.</summary>
    public static class PythonRepr
    {
        /// <summary>repr of any value a <see cref="Constant"/> may hold.</summary>
        public static string Of(object? value)
        {
            var sb = new StringBuilder();
            Append(sb, value, null);
            return sb.ToString();
        }

        internal static void Append(StringBuilder sb, object? value, int[]? codePoints)
        {
            switch (value)
            {
                case null: sb.Append("None"); break;
                case bool b: sb.Append(b ? "True" : "False"); break;
                case BigInteger i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
                case double d: sb.Append(Float(d)); break;
                case Complex c: sb.Append(ComplexValue(c)); break;
                case string s:
                    if (codePoints is not null) AppendStr(sb, codePoints);
                    else AppendStr(sb, s);
                    break;
                case PythonBytes by: sb.Append(by.ToString()); break;
                case PythonEllipsis: sb.Append("Ellipsis"); break;
                case int n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException("not a Python constant: " + value.GetType().Name, nameof(value));
            }
        }

        public static string Str(string s)
        {
            var sb = new StringBuilder(s.Length + 2);
            AppendStr(sb, s);
            return sb.ToString();
        }

        internal static void AppendStr(StringBuilder sb, string s)
        {
            // Fast path: plain ASCII without quotes or escapes, the common identifier case.
            bool simple = true;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x20 || c >= 0x7F || c == '\'' || c == '\\') { simple = false; break; }
            }
            if (simple)
            {
                sb.Append('\'').Append(s).Append('\'');
                return;
            }
            var cps = new List<int>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    cps.Add(char.ConvertToUtf32(c, s[i + 1]));
                    i++;
                }
                else cps.Add(c);
            }
            AppendStr(sb, cps);
        }

        internal static void AppendStr(StringBuilder sb, IReadOnlyList<int> cps)
        {
            bool hasSingle = false, hasDouble = false;
            foreach (int c in cps)
            {
                if (c == '\'') hasSingle = true;
                else if (c == '"') hasDouble = true;
            }
            char quote = hasSingle && !hasDouble ? '"' : '\'';
            sb.Append(quote);
            foreach (int c in cps)
            {
                if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
                else if (c == '\t') sb.Append("\\t");
                else if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c < 0x20 || c == 0x7F) AppendHex(sb, "\\x", c, 2);
                else if (c < 0x7F) sb.Append((char)c);
                else if (UnicodeTables.IsPrintable(c) && (c < 0xD800 || c > 0xDFFF))
                {
                    if (c > 0xFFFF) sb.Append(char.ConvertFromUtf32(c));
                    else sb.Append((char)c);
                }
                else if (c <= 0xFF) AppendHex(sb, "\\x", c, 2);
                else if (c <= 0xFFFF) AppendHex(sb, "\\u", c, 4);
                else AppendHex(sb, "\\U", c, 8);
            }
            sb.Append(quote);
        }

        private static void AppendHex(StringBuilder sb, string prefix, int value, int digits)
        {
            sb.Append(prefix);
            const string hex = "0123456789abcdef";
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) sb.Append(hex[(value >> shift) & 0xF]);
        }

        public static string Bytes(byte[] data)
        {
            bool hasSingle = false, hasDouble = false;
            foreach (byte b in data)
            {
                if (b == '\'') hasSingle = true;
                else if (b == '"') hasDouble = true;
            }
            char quote = hasSingle && !hasDouble ? '"' : '\'';
            var sb = new StringBuilder(data.Length + 3);
            sb.Append('b').Append(quote);
            foreach (byte b in data)
            {
                if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
                else if (b == '\t') sb.Append("\\t");
                else if (b == '\n') sb.Append("\\n");
                else if (b == '\r') sb.Append("\\r");
                else if (b < 0x20 || b >= 0x7F) AppendHex(sb, "\\x", b, 2);
                else sb.Append((char)b);
            }
            sb.Append(quote);
            return sb.ToString();
        }

        /// <summary><c>repr(float)</c>: the shortest string that round-trips, in Python's layout (<c>1e+16</c>, <c>0.0001</c>, <c>1e-05</c>).</summary>
        public static string Float(double d) => FormatDouble(d, addDotZero: true);

        /// <summary><c>repr(complex)</c>.</summary>
        public static string ComplexValue(Complex c)
        {
            double re = c.Real, im = c.Imaginary;
            if (re == 0 && !IsNegative(re)) return FormatDouble(im, addDotZero: false) + "j";
            string reText = FormatDouble(re, addDotZero: false);
            string imText = FormatDouble(im, addDotZero: false);
            string sign = imText.StartsWith("-", StringComparison.Ordinal) ? "" : "+";
            return "(" + reText + sign + imText + "j)";
        }

        private static bool IsNegative(double d) => d < 0 || (d == 0 && BitConverter.DoubleToInt64Bits(d) < 0);

        private static string FormatDouble(double d, bool addDotZero)
        {
            if (double.IsNaN(d)) return "nan";
            if (double.IsPositiveInfinity(d)) return "inf";
            if (double.IsNegativeInfinity(d)) return "-inf";
            bool negative = IsNegative(d);
            if (d == 0) return negative ? (addDotZero ? "-0.0" : "-0") : (addDotZero ? "0.0" : "0");

            // .NET Core 3.0+ "R" is the shortest round-trip string; re-lay it out the way Python does.
            string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
            int exp = 0;
            int e = r.IndexOfAny(new[] { 'E', 'e' });
            string mantissa = r;
            if (e >= 0)
            {
                exp = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                mantissa = r.Substring(0, e);
            }
            int dot = mantissa.IndexOf('.');
            string intPart = dot >= 0 ? mantissa.Substring(0, dot) : mantissa;
            string fracPart = dot >= 0 ? mantissa.Substring(dot + 1) : "";
            string digits = intPart + fracPart;
            int decpt = intPart.Length + exp;
            int lead = 0;
            while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; decpt--; }
            digits = digits.Substring(lead).TrimEnd('0');
            if (digits.Length == 0) digits = "0";

            var sb = new StringBuilder(24);
            if (negative) sb.Append('-');
            if (decpt <= -4 || decpt > 16)
            {
                sb.Append(digits[0]);
                if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
                int x = decpt - 1;
                sb.Append('e').Append(x < 0 ? '-' : '+');
                x = Math.Abs(x);
                if (x < 10) sb.Append('0');
                sb.Append(x.ToString(CultureInfo.InvariantCulture));
            }
            else if (decpt <= 0)
            {
                sb.Append("0.").Append('0', -decpt).Append(digits);
            }
            else if (decpt >= digits.Length)
            {
                sb.Append(digits).Append('0', decpt - digits.Length);
                if (addDotZero) sb.Append(".0");
            }
            else
            {
                sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
            }
            return sb.ToString();
        }
    }
}
