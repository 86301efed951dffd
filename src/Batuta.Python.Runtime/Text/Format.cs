using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>Python's format-spec mini-language (<c>format()</c>, f-strings, <c>str.format</c>).</summary>
public static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private struct Spec
    {
        public char Fill, Align, Sign, Type, Grouping;
        public bool Alternate, ZeroPad;
        public int Width, Precision;
    }

    private static Spec Parse(string spec)
    {
        var s = new Spec { Fill = ' ', Align = '\0', Sign = '-', Type = '\0', Width = -1, Precision = -1 };
        int i = 0;
        if (spec.Length >= 2 && spec[1] is '<' or '>' or '^' or '=') { s.Fill = spec[0]; s.Align = spec[1]; i = 2; }
        else if (spec.Length >= 1 && spec[0] is '<' or '>' or '^' or '=') { s.Align = spec[0]; i = 1; }
        if (i < spec.Length && spec[i] is '+' or '-' or ' ') s.Sign = spec[i++];
        if (i < spec.Length && spec[i] == 'z') i++;
        if (i < spec.Length && spec[i] == '#') { s.Alternate = true; i++; }
        if (i < spec.Length && spec[i] == '0') { s.ZeroPad = true; i++; }
        int ws = i;
        while (i < spec.Length && char.IsDigit(spec[i])) i++;
        if (i > ws) s.Width = int.Parse(spec[ws..i], Inv);
        if (i < spec.Length && spec[i] is ',' or '_') s.Grouping = spec[i++];
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            int ps = i;
            while (i < spec.Length && char.IsDigit(spec[i])) i++;
            if (i == ps) throw new ValueError("Format specifier missing precision");
            s.Precision = int.Parse(spec[ps..i], Inv);
        }
        if (i < spec.Length) s.Type = spec[i++];
        if (i < spec.Length) throw new ValueError("Invalid format specifier");
        if (s.ZeroPad && s.Align == '\0') { s.Fill = '0'; s.Align = '='; }
        return s;
    }

    public static string Apply(object? value, string spec)
    {
        if (value is IPyFormattable f) return f.PyFormat(spec);
        if (spec.Length == 0) return Runtime.Str.Of(value);
        return value switch
        {
            // bool.__format__ is int's: only the empty spec gives str(); 's' is an error as for an int
            bool when Parse(spec).Type == 's' => throw new ValueError("Unknown format code 's' for object of type 'bool'"),
            bool b => Int(b ? 1 : 0, spec),
            PyInt i => Int(i, spec),
            long l => Int(l, spec),
            int n => Int(n, spec),
            double d => Float(d, spec),
            string s => Str(s, spec),
            _ => Str(Runtime.Str.Of(value), spec),
        };
    }

    public static string Apply(double d, string spec) => spec.Length == 0 ? FloatFormat.Repr(d) : Float(d, spec);
    public static string Apply(long l, string spec) => spec.Length == 0 ? l.ToString(Inv) : Int(l, spec);
    public static string Apply(PyInt l, string spec) => spec.Length == 0 ? l.ToString() : Int(l, spec);
    public static string Apply(string s, string spec) => spec.Length == 0 ? s : Str(s, spec);

    private static string Str(string s, string specText)
    {
        var sp = Parse(specText);
        if (sp.Type is not ('\0' or 's')) throw new ValueError($"Unknown format code '{sp.Type}' for object of type 'str'");
        if (sp.Sign != '-') throw new ValueError("Sign not allowed in string format specifier");
        // the 0 flag on a string pads with zeros on the right (Python 3.10+); only an explicit '=' is an error
        if (sp.Align == '=' && sp.ZeroPad && !specText.Contains('=')) sp.Align = '<';
        if (sp.Align == '=') throw new ValueError("'=' alignment not allowed in string format specifier");
        if (sp.Precision >= 0 && CodePoints.Length(s) > sp.Precision) s = PyStr.Slice(s, 0, sp.Precision);
        return Pad(s, "", sp, '<');
    }

    private static string Pad(string body, string sign, Spec sp, char defaultAlign)
    {
        int len = CodePoints.Length(body) + sign.Length;
        if (sp.Width <= len) return sign + body;
        int pad = sp.Width - len;
        char align = sp.Align == '\0' ? defaultAlign : sp.Align;
        string fill = new(sp.Fill, 1);
        return align switch
        {
            '<' => sign + body + PyStr.Repeat(fill, pad),
            '>' => PyStr.Repeat(fill, pad) + sign + body,
            '^' => PyStr.Repeat(fill, pad / 2) + sign + body + PyStr.Repeat(fill, pad - pad / 2),
            _ => sign + PyStr.Repeat(fill, pad) + body,
        };
    }

    private static string Group(string digits, char sep, int every)
    {
        if (sep == '\0') return digits;
        var sb = new StringBuilder();
        int n = digits.Length;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && (n - i) % every == 0) sb.Append(sep);
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    private static string SignOf(bool negative, char sign) => negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";

    private static string Int(PyInt v, string specText)
    {
        var sp = Parse(specText);
        if (sp.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%') return Float(v.ToDouble(), specText);
        if (sp.Precision >= 0) throw new ValueError("Precision not allowed in integer format specifier");
        var mag = BigInteger.Abs(v.ToBig());
        string digits, prefix = "";
        switch (sp.Type)
        {
            case '\0' or 'd' or 'n': digits = Group(mag.ToString(Inv), sp.Grouping, 3); break;
            case 'x': digits = Group(Hex(mag), sp.Grouping, 4); prefix = sp.Alternate ? "0x" : ""; break;
            case 'X': digits = Group(Hex(mag).ToUpperInvariant(), sp.Grouping, 4); prefix = sp.Alternate ? "0X" : ""; break;
            case 'o': digits = Group(ToBase(mag, 8), sp.Grouping, 4); prefix = sp.Alternate ? "0o" : ""; break;
            case 'b': digits = Group(ToBase(mag, 2), sp.Grouping, 4); prefix = sp.Alternate ? "0b" : ""; break;
            case 'c': return Pad(((char)(long)v).ToString(), "", sp, '<');
            default: throw new ValueError($"Unknown format code '{sp.Type}' for object of type 'int'");
        }
        string sign = SignOf(v.Sign < 0, sp.Sign) + prefix;
        if (ZeroPadsGroups(sp, sign.Length + digits.Length))
            return sign + GroupZeroPadded(digits, "", sign.Length, sp, sp.Type is '\0' or 'd' or 'n' ? 3 : 4);
        return Pad(digits, sign, sp, '>');
    }

    private static bool ZeroPadsGroups(Spec sp, int length) =>
        sp.Align == '=' && sp.Fill == '0' && sp.Grouping != '\0' && sp.Width > length;

    /// <summary>Zero padding counts as digits, so it gets separators too ("0,001,234"); a separator never
    /// leads, which can make the result one wider than the spec.</summary>
    private static string GroupZeroPadded(string grouped, string rest, int signLength, Spec sp, int every)
    {
        string raw = grouped.Replace(sp.Grouping.ToString(), "");
        while (signLength + Group(raw, sp.Grouping, every).Length + rest.Length < sp.Width) raw = "0" + raw;
        return Group(raw, sp.Grouping, every) + rest;
    }

    internal static string Hex(BigInteger mag)
    {
        if (mag.IsZero) return "0";
        var s = mag.ToString("x", Inv).TrimStart('0');
        return s.Length == 0 ? "0" : s;
    }

    internal static string ToBase(BigInteger mag, int b)
    {
        if (mag.IsZero) return "0";
        var sb = new StringBuilder();
        while (!mag.IsZero) { sb.Insert(0, (char)('0' + (int)(mag % b))); mag /= b; }
        return sb.ToString();
    }

    private static string Float(double d, string specText)
    {
        var sp = Parse(specText);
        if (sp.Type is 'd' or 'x' or 'X' or 'o' or 'b' or 'c') throw new ValueError($"Unknown format code '{sp.Type}' for object of type 'float'");
        bool neg = double.IsNegative(d) && !double.IsNaN(d);
        double a = Math.Abs(d);
        string body;
        char t = sp.Type;
        int prec = sp.Precision;
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            body = double.IsNaN(d) ? "nan" : "inf";
            if (t is 'E' or 'F' or 'G') body = body.ToUpperInvariant();
            if (t == '%') body += "%";
        }
        else
        {
            switch (t)
            {
                case 'f' or 'F': body = FloatFormat.FixedAbs(a, prec < 0 ? 6 : prec); if (sp.Alternate && !body.Contains('.')) body += "."; break;
                case 'e' or 'E': body = FloatFormat.ExponentAbs(a, prec < 0 ? 6 : prec, t); break;
                case 'g' or 'G': body = FloatFormat.GeneralAbs(a, prec < 0 ? 6 : prec, sp.Alternate, t == 'G' ? 'E' : 'e'); break;
                case '%': body = double.IsInfinity(a * 100) ? "inf%" : FloatFormat.FixedAbs(a * 100, prec < 0 ? 6 : prec) + "%"; break;
                case '\0':
                    if (prec < 0) body = FloatFormat.Repr(a);
                    else body = FloatFormat.GeneralAbs(a, prec, sp.Alternate, noType: true);
                    break;
                case 'n': body = FloatFormat.GeneralAbs(a, prec < 0 ? 6 : prec); break;
                default: throw new ValueError($"Unknown format code '{t}' for object of type 'float'");
            }
            if (sp.Grouping != '\0') return GroupedFloat(body, SignOf(neg, sp.Sign), sp);
        }
        return Pad(body, SignOf(neg, sp.Sign), sp, '>');
    }

    /// <summary>
    /// Decimal.__format__: the digits come from the Decimal (rounded with the context's mode), then sign, exponent,
    /// grouping and padding as for a float. No type means 'G' with the exponent only where str() has one.
    /// </summary>
    public static string ApplyDecimal(Modules.PyDecimal d, string specText)
    {
        var sp = Parse(specText);
        if (sp.Type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%')) throw new ValueError("invalid format string");
        char type = sp.Type is '\0' ? 'G' : sp.Type is 'n' ? 'g' : sp.Type;
        int precision = type is 'g' or 'G' && sp.Precision == 0 ? 1 : sp.Precision;
        if (d.SpecialFormatBody(type) is { } special) return Pad(special, SignOf(d.Negative, sp.Sign), sp, '>');
        var (negative, intPart, frac, exp) = d.Layout(type, precision);
        var body = intPart + (frac.Length > 0 || sp.Alternate ? "." + frac : "");
        if (exp != 0 || type is 'e' or 'E') body += (type is 'E' or 'G' ? "E" : "e") + exp.ToString("+0;-0", Inv);
        if (type == '%') body += "%";
        var sign = SignOf(negative, sp.Sign);
        return sp.Grouping != '\0' ? GroupedFloat(body, sign, sp) : Pad(body, sign, sp, '>');
    }

    /// <summary>Separators go into the integer part only, never the fraction or exponent.</summary>
    private static string GroupedFloat(string body, string sign, Spec sp)
    {
        int end = body.IndexOfAny(['.', 'e', 'E', '%']);
        if (end < 0) end = body.Length;
        string intPart = Group(body[..end], sp.Grouping, 3), rest = body[end..];
        if (ZeroPadsGroups(sp, sign.Length + intPart.Length + rest.Length))
            return sign + GroupZeroPadded(intPart, rest, sign.Length, sp, 3);
        return Pad(intPart + rest, sign, sp, '>');
    }

    /// <summary><c>str.format(*args, **kwargs)</c>.</summary>
    /// <summary><c>str.format_map(mapping)</c>: named fields looked up in the mapping (a dict or any object with keys).</summary>
    public static string StrFormatMap(string fmt, object? mapping)
    {
        if (mapping is not IPyDict d) throw new TypeError($"'{Dyn.TypeName(mapping)}' object is not a mapping");
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in d.ItemsObject()) if (kv.Key is string k) named[k] = kv.Value;
        return StrFormat(fmt, Array.Empty<object?>(), named);
    }

    public static string StrFormat(string fmt, object?[] args, IReadOnlyDictionary<string, object?>? kwargs = null)
    {
        int auto = 0;
        return StrFormat(fmt, args, kwargs, ref auto);
    }

    /// <summary>One auto-numbering counter for a format string and the fields nested in its specs ("{:>{}}").</summary>
    private static string StrFormat(string fmt, object?[] args, IReadOnlyDictionary<string, object?>? kwargs, ref int auto)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c == '{')
            {
                if (i + 1 < fmt.Length && fmt[i + 1] == '{') { sb.Append('{'); i++; continue; }
                int depth = 1, j = i + 1;
                while (j < fmt.Length && depth > 0) { if (fmt[j] == '{') depth++; else if (fmt[j] == '}') depth--; if (depth > 0) j++; }
                if (j >= fmt.Length) throw new ValueError("Single '{' encountered in format string");
                string field = fmt[(i + 1)..j];
                i = j;
                string? conv = null, spec = "";
                int colon = IndexOutsideBrackets(field, ':');
                if (colon >= 0) { spec = field[(colon + 1)..]; field = field[..colon]; }
                int bang = field.IndexOf('!');
                if (bang >= 0) { conv = field[(bang + 1)..]; field = field[..bang]; }
                // the field takes its number first, then the fields nested in its spec
                object? value = Resolve(field, args, kwargs, ref auto);
                if (spec.Contains('{')) spec = StrFormat(spec, args, kwargs, ref auto);
                if (conv == "r") value = Repr.Of(value);
                else if (conv == "s") value = Runtime.Str.Of(value);
                else if (conv == "a") value = Py.Ascii(value);
                sb.Append(Apply(value, spec));
            }
            else if (c == '}')
            {
                if (i + 1 < fmt.Length && fmt[i + 1] == '}') { sb.Append('}'); i++; continue; }
                throw new ValueError("Single '}' encountered in format string");
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static int IndexOutsideBrackets(string s, char c)
    {
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '[') depth++;
            else if (s[i] == ']') depth--;
            else if (s[i] == c && depth == 0) return i;
        }
        return -1;
    }

    private static object? Resolve(string field, object?[] args, IReadOnlyDictionary<string, object?>? kwargs, ref int auto)
    {
        int k = 0;
        while (k < field.Length && field[k] != '.' && field[k] != '[') k++;
        string head = field[..k];
        object? value;
        int idx = -1;
        if (head.Length == 0 || int.TryParse(head, NumberStyles.None, Inv, out idx))
        {
            if (head.Length == 0) idx = auto++;
            value = idx < args.Length ? args[idx] : throw new IndexError($"Replacement index {idx} out of range for positional args tuple");
        }
        else value = kwargs is not null && kwargs.TryGetValue(head, out var v) ? v : throw new KeyError(head);
        while (k < field.Length)
        {
            if (field[k] == '.')
            {
                int e = k + 1;
                while (e < field.Length && field[e] != '.' && field[e] != '[') e++;
                value = Dyn.GetAttr(value, field[(k + 1)..e]);
                k = e;
            }
            else
            {
                int e = field.IndexOf(']', k);
                string key = field[(k + 1)..e];
                value = long.TryParse(key, NumberStyles.None, Inv, out long n) && value is not IPyDict ? Dyn.GetItem(value, new PyInt(n)) : Dyn.GetItem(value, key);
                k = e + 1;
            }
        }
        return value;
    }
}

/// <summary>A value with its own <c>__format__</c>.</summary>
public interface IPyFormattable
{
    string PyFormat(string spec);
}

/// <summary>printf-style <c>%</c> formatting.</summary>
public static class PercentFormat
{
    /// <summary><c>bytes % args</c>: the format and the result as Latin-1 text; %s/%b take bytes-like values only, %c an int or one byte, %r/%a give ascii().</summary>
    public static PyBytes FormatBytes(PyBytes fmt, object? args) =>
        new(System.Text.Encoding.Latin1.GetBytes(Format(System.Text.Encoding.Latin1.GetString(fmt.Data), args, bytes: true)));

    public static string Format(string fmt, object? args) => Format(fmt, args, bytes: false);

    private static string Format(string fmt, object? args, bool bytes)
    {
        object?[] items = args switch
        {
            PyTuple t => t.ToArray(),
            ITuple t => Enumerable.Range(0, t.Length).Select(i => t[i]).ToArray(),
            _ => [args],
        };
        var mapping = args as IPyDict;
        var sb = new StringBuilder();
        int ai = 0;
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%') { sb.Append(c); continue; }
            if (++i >= fmt.Length) throw new ValueError("incomplete format");
            if (fmt[i] == '%') { sb.Append('%'); continue; }
            object? key = null;
            if (fmt[i] == '(')
            {
                int e = fmt.IndexOf(')', i);
                key = fmt[(i + 1)..e];
                i = e + 1;
            }
            string flags = "";
            while (fmt[i] is '-' or '+' or ' ' or '#' or '0') flags += fmt[i++];
            string width = "";
            if (fmt[i] == '*') { width = Str.Of(items[ai++]); i++; }
            else while (char.IsDigit(fmt[i])) width += fmt[i++];
            string prec = "";
            if (fmt[i] == '.')
            {
                i++;
                if (fmt[i] == '*') { prec = Str.Of(items[ai++]); i++; }
                else { while (char.IsDigit(fmt[i])) prec += fmt[i++]; if (prec.Length == 0) prec = "0"; }
            }
            while (fmt[i] is 'l' or 'h' or 'L') i++;
            char type = fmt[i];
            object? value;
            if (key is not null) value = mapping is not null ? mapping.GetItem(key) : throw new TypeError("format requires a mapping");
            else
            {
                if (ai >= items.Length) throw new TypeError("not enough arguments for format string");
                value = items[ai++];
            }
            string align = flags.Contains('-') ? "<" : ">";
            string sign = flags.Contains('+') ? "+" : flags.Contains(' ') ? " " : "";
            string zero = flags.Contains('0') && !flags.Contains('-') ? "0" : "";
            string alt = flags.Contains('#') ? "#" : "";
            string p = prec.Length > 0 ? "." + prec : "";
            if (bytes && BytesConversion(type, value, align + width + p) is { } converted)
            {
                sb.Append(converted);
                continue;
            }
            sb.Append(Conversion(type, NumericOperand(value, type), new Spec(align, sign, zero, alt, width, prec), i));
        }
        if (ai < items.Length && mapping is null) throw new TypeError("not all arguments converted during string formatting");
        return sb.ToString();
    }

    private readonly record struct Spec(string Align, string Sign, string Zero, string Alt, string Width, string Prec);

    /// <summary>One conversion of str's % formatting (the numeric ones serve bytes' too).</summary>
    private static string Conversion(char type, object? value, Spec spec, int i)
    {
        var (align, sign, zero, alt, width, prec) = spec;
        string p = prec.Length > 0 ? "." + prec : "";
        switch (type)
        {
            case 's': return (Text.Format.Apply(Str.Of(value), align + width + p));
            case 'r': return (Text.Format.Apply(Repr.Of(value), align + width + p));
            case 'a': return (Text.Format.Apply(Py.Ascii(value), align + width + p));
            case 'd' or 'i' or 'u':
                var iv = value is double dv ? FloatFormat.FloatToInt(dv) : Dyn.Cast<PyInt>(value);
                string digits = Text.Format.Apply(iv, (zero.Length > 0 ? "" : align) + sign + zero + width);
                if (prec.Length > 0)
                {
                    string mag = System.Numerics.BigInteger.Abs(iv.ToBig()).ToString(CultureInfo.InvariantCulture).PadLeft(int.Parse(prec, CultureInfo.InvariantCulture), '0');
                    digits = Text.Format.Apply((iv.Sign < 0 ? "-" : sign) + mag, align + width);
                }
                return digits;
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                double d = value is double dd ? dd : Dyn.Cast<PyInt>(value).ToDouble();
                return Text.Format.Apply(d, (zero.Length > 0 ? "" : align) + sign + alt + zero + width + (prec.Length > 0 ? "." + prec : ".6") + type);
            case 'x' or 'X' or 'o':
                return Text.Format.Apply(Dyn.Cast<PyInt>(value), (zero.Length > 0 ? "" : align) + sign + alt + zero + width + type);
            case 'c':
                return Text.Format.Apply(value is string cs ? cs : char.ConvertFromUtf32((int)(long)Dyn.Cast<PyInt>(value)), align + width);
            default: throw new ValueError($"unsupported format character '{type}' (0x{(int)type:x}) at index {i}");
        }
    }

    /// <summary>The bytes-only conversions of <c>bytes % args</c> (null for the numeric ones, shared with str).</summary>
    private static string? BytesConversion(char type, object? value, string spec) => type switch
    {
        's' or 'b' => Text.Format.Apply(value switch
        {
            PyBytes b => System.Text.Encoding.Latin1.GetString(b.Data),
            PyByteArray ba => System.Text.Encoding.Latin1.GetString(ba.ToArray()),
            _ => throw new TypeError($"%b requires a bytes-like object, or an object that implements __bytes__, not '{Dyn.TypeName(value)}'"),
        }, spec),
        'r' or 'a' => Text.Format.Apply(Py.Ascii(value), spec),
        'c' => Text.Format.Apply(value switch
        {
            PyBytes { Data.Length: 1 } one => ((char)one.Data[0]).ToString(),
            PyInt i when i.IsSmall && i.Small is >= 0 and < 256 => ((char)i.Small).ToString(),
            PyInt => throw new OverflowError("%c arg not in range(256)"),
            _ => throw new TypeError("%c requires an integer in range(256) or a single byte"),
        }, spec),
        _ => null,
    };

    /// <summary>
    /// The value a conversion formats: an IntEnum member is its int for the numeric ones; CPython's TypeError for a
    /// numeric conversion given something else ("%d format: a real number is required, not str").
    /// </summary>
    private static object? NumericOperand(object? value, char type)
    {
        if (type is 's' or 'r' or 'a' or 'c') return value;
        if (value is PyIntEnum member) return member.IntValue;
        if (value is PyIntFlagEnum flags) return flags.IntValue;
        // class Celsius(float) / Count(int): its value
        if (value is IPyBuiltinSubclass { BuiltinValue: double or PyInt } sub) return sub.BuiltinValue;
        if (value is PyInt or long or int or bool or double or float) return value;
        // a Decimal goes through int() or float(), as CPython's % does for non-int reals
        if (value is Modules.PyDecimal dec && type is not ('x' or 'X' or 'o')) return type is 'd' or 'i' or 'u' ? ((IPyInt)dec).PyInt() : dec.ToDouble();
        string name = value is Modules.PyDecimal ? "decimal.Decimal" : Dyn.TypeName(value);
        throw new TypeError(type switch
        {
            'd' or 'i' or 'u' => $"%{type} format: a real number is required, not {name}",
            'x' or 'X' or 'o' => $"%{type} format: an integer is required, not {name}",
            _ => $"must be real number, not {name}",
        });
    }
}
