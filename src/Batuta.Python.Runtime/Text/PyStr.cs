using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>Python's <c>str</c> methods over .NET strings (indices count code points; see <see cref="CodePoints"/>).</summary>
public static class PyStr
{
    private static readonly string Whitespace = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    public static bool IsSpace(char c) => Whitespace.IndexOf(c) >= 0;

    public static IEnumerable<string> Chars(string s)
    {
        if (!CodePoints.IsBmp(s))
        {
            foreach (var c in CodePoints.Split(s)) yield return c;
            yield break;
        }
        for (int i = 0; i < s.Length; i++) yield return s[i].ToString();
    }

    /// <summary>len(s): code points.</summary>
    public static long Len(string s) => CodePoints.Length(s);

    public static string At(string s, long index)
    {
        if (CodePoints.IsBmp(s)) return s[Indexing.Normalize(index, s.Length, "string")].ToString();
        var points = CodePoints.Split(s);
        return points[Indexing.Normalize(index, points.Length, "string")];
    }

    public static string At(string s, PyInt index) => At(s, index.AsIndex);

    public static string Slice(string s, long? start, long? stop, long? step = null)
    {
        if (!CodePoints.IsBmp(s)) return SliceCodePoints(CodePoints.Split(s), start, stop, step);
        var (st, e, stp, len) = Indexing.Adjust(start, stop, step, s.Length);
        if (stp == 1) return len <= 0 ? "" : s.Substring(st, len);
        var sb = new StringBuilder(len);
        for (int i = 0, j = st; i < len; i++, j += stp) sb.Append(s[j]);
        _ = e;
        return sb.ToString();
    }

    private static string SliceCodePoints(string[] points, long? start, long? stop, long? step)
    {
        var (st, _, stp, len) = Indexing.Adjust(start, stop, step, points.Length);
        var sb = new StringBuilder();
        for (int i = 0, j = st; i < len; i++, j += stp) sb.Append(points[j]);
        return sb.ToString();
    }

    public static string Repeat(string s, long n)
    {
        if (n <= 0 || s.Length == 0) return "";
        var sb = new StringBuilder(s.Length * (int)n);
        for (long i = 0; i < n; i++) sb.Append(s);
        return sb.ToString();
    }

    public static string Upper(string s) => UnicodeCase.ToUpper(s);
    public static string Lower(string s) => UnicodeCase.ToLower(s);
    public static string Casefold(string s) => UnicodeCase.CaseFold(s);
    public static string SwapCase(string s) => UnicodeCase.SwapCase(s);
    public static string Capitalize(string s) => UnicodeCase.Capitalize(s);
    public static string Title(string s) => UnicodeCase.Title(s);

    public static string Strip(string s, string? chars = null) => chars is null ? s.Trim(Whitespace.ToCharArray()) : s.Trim(chars.ToCharArray());
    public static string LStrip(string s, string? chars = null) => chars is null ? s.TrimStart(Whitespace.ToCharArray()) : s.TrimStart(chars.ToCharArray());
    public static string RStrip(string s, string? chars = null) => chars is null ? s.TrimEnd(Whitespace.ToCharArray()) : s.TrimEnd(chars.ToCharArray());

    public static string RemovePrefix(string s, string p) => s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s;
    public static string RemoveSuffix(string s, string p) => p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s;

    public static PyList<string> Split(string s, string? sep = null, long maxsplit = -1)
    {
        var result = new PyList<string>();
        if (sep is null)
        {
            int i = 0, n = s.Length;
            long splits = 0;
            while (true)
            {
                while (i < n && IsSpace(s[i])) i++;
                if (i >= n) break;
                if (maxsplit >= 0 && splits >= maxsplit)
                {
                    result.Append(s[i..]);
                    break;
                }
                int j = i;
                while (j < n && !IsSpace(s[j])) j++;
                result.Append(s[i..j]);
                splits++;
                i = j;
            }
            return result;
        }
        if (sep.Length == 0) throw new ValueError("empty separator");
        int start = 0;
        long count = 0;
        while (maxsplit < 0 || count < maxsplit)
        {
            int k = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (k < 0) break;
            result.Append(s[start..k]);
            start = k + sep.Length;
            count++;
        }
        result.Append(s[start..]);
        return result;
    }

    public static PyList<string> RSplit(string s, string? sep = null, long maxsplit = -1)
    {
        if (maxsplit < 0) return Split(s, sep);
        var result = new List<string>();
        if (sep is null)
        {
            int i = s.Length - 1;
            long splits = 0;
            while (true)
            {
                while (i >= 0 && IsSpace(s[i])) i--;
                if (i < 0) break;
                if (splits >= maxsplit)
                {
                    result.Add(s[..(i + 1)]);
                    break;
                }
                int j = i;
                while (j >= 0 && !IsSpace(s[j])) j--;
                result.Add(s[(j + 1)..(i + 1)]);
                splits++;
                i = j;
            }
        }
        else
        {
            int end = s.Length;
            long count = 0;
            while (count < maxsplit)
            {
                int k = end - sep.Length < 0 ? -1 : s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
                if (k < 0 || k + sep.Length > end) break;
                result.Add(s[(k + sep.Length)..end]);
                end = k;
                count++;
            }
            result.Add(s[..end]);
        }
        result.Reverse();
        return new PyList<string>(result);
    }

    public static PyList<string> SplitLines(string s, bool keepends = false)
    {
        var result = new PyList<string>();
        int i = 0, start = 0;
        while (i < s.Length)
        {
            char c = s[i];
            int eol = -1;
            if (c == '\r') eol = i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
            else if (c is '\n' or '\x0b' or '\x0c' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029') eol = i + 1;
            if (eol >= 0)
            {
                result.Append(keepends ? s[start..eol] : s[start..i]);
                start = i = eol;
                continue;
            }
            i++;
        }
        if (start < s.Length) result.Append(s[start..]);
        return result;
    }

    public static string Join(string sep, IEnumerable<string> items) => string.Join(sep, items);

    public static string Join(string sep, IEnumerable<object?> items) => string.Join(sep, items.Select(x => x as string ?? (x as IPyStrValue)?.StrValue ?? throw new TypeError($"sequence item: expected str instance, {Dyn.TypeName(x)} found")));

    public static string Replace(string s, string old, string @new, long count = -1)
    {
        if (count < 0) return old.Length == 0 ? ReplaceEmpty(s, @new, -1) : s.Replace(old, @new, StringComparison.Ordinal);
        if (old.Length == 0) return ReplaceEmpty(s, @new, count);
        var sb = new StringBuilder();
        int start = 0;
        for (long n = 0; n < count; n++)
        {
            int k = s.IndexOf(old, start, StringComparison.Ordinal);
            if (k < 0) break;
            sb.Append(s, start, k - start).Append(@new);
            start = k + old.Length;
        }
        return sb.Append(s, start, s.Length - start).ToString();
    }

    private static string ReplaceEmpty(string s, string ins, long count)
    {
        var sb = new StringBuilder();
        long n = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (count < 0 || n < count) { sb.Append(ins); n++; }
            if (i < s.Length) sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static (int, int) Range(string s, long? start, long? end)
    {
        var (a, b, _, _) = Indexing.Adjust(start, end, 1, s.Length);
        return (a, Math.Max(a, b));
    }

    public static long Find(string s, string sub, long? start = null, long? end = null)
    {
        if (!CodePoints.IsBmp(s)) return InCodePoints(s, start, end, (a, b) => FindUnits(s, sub, a, b));
        var (ua, ub) = Range(s, start, end);
        return FindUnits(s, sub, ua, ub);
    }

    private static int FindUnits(string s, string sub, int a, int b) =>
        b - a < sub.Length ? -1 : s.IndexOf(sub, a, b - a, StringComparison.Ordinal);

    public static long RFind(string s, string sub, long? start = null, long? end = null)
    {
        if (!CodePoints.IsBmp(s)) return InCodePoints(s, start, end, (a, b) => RFindUnits(s, sub, a, b));
        var (ua, ub) = Range(s, start, end);
        return RFindUnits(s, sub, ua, ub);
    }

    private static int RFindUnits(string s, string sub, int a, int b)
    {
        for (int i = b - sub.Length; i >= a; i--)
            if (string.CompareOrdinal(s, i, sub, 0, sub.Length) == 0) return i;
        return -1;
    }

    /// <summary>A search over UTF-16 units of a string with surrogates: start/end and the result in code points.</summary>
    private static long InCodePoints(string s, long? start, long? end, Func<int, int, int> search)
    {
        var (a, b, _, _) = Indexing.Adjust(start, end, 1, CodePoints.Length(s));
        int k = search(CodePoints.UnitOf(s, a), CodePoints.UnitOf(s, Math.Max(a, b)));
        return k < 0 ? -1 : CodePoints.PointOf(s, k);
    }

    public static long Index(string s, string sub, long? start = null, long? end = null)
    {
        long k = Find(s, sub, start, end);
        return k >= 0 ? k : throw new ValueError("substring not found");
    }

    public static long RIndex(string s, string sub, long? start = null, long? end = null)
    {
        long k = RFind(s, sub, start, end);
        return k >= 0 ? k : throw new ValueError("substring not found");
    }

    public static long Count(string s, string sub, long? start = null, long? end = null)
    {
        var (a, b) = Range(s, start, end);
        if (sub.Length == 0) return b - a + 1;
        long n = 0;
        int i = a;
        while (i + sub.Length <= b)
        {
            int k = s.IndexOf(sub, i, b - i, StringComparison.Ordinal);
            if (k < 0) break;
            n++;
            i = k + sub.Length;
        }
        return n;
    }

    public static bool StartsWith(string s, string prefix, long? start = null, long? end = null)
    {
        var (a, b) = Range(s, start, end);
        return b - a >= prefix.Length && string.CompareOrdinal(s, a, prefix, 0, prefix.Length) == 0;
    }

    public static bool StartsWith(string s, System.Runtime.CompilerServices.ITuple prefixes)
    {
        for (int i = 0; i < prefixes.Length; i++) if (StartsWith(s, (string)prefixes[i].OrThrow())) return true;
        return false;
    }

    public static bool EndsWith(string s, string suffix, long? start = null, long? end = null)
    {
        var (a, b) = Range(s, start, end);
        return b - a >= suffix.Length && string.CompareOrdinal(s, b - suffix.Length, suffix, 0, suffix.Length) == 0;
    }

    public static bool EndsWith(string s, System.Runtime.CompilerServices.ITuple suffixes)
    {
        for (int i = 0; i < suffixes.Length; i++) if (EndsWith(s, (string)suffixes[i].OrThrow())) return true;
        return false;
    }

    public static bool IsDigit(string s) => UnicodeCase.All(s, UnicodeCase.IsDigit);
    public static bool IsDecimal(string s) => UnicodeCase.All(s, UnicodeCase.IsDecimal);
    public static bool IsNumeric(string s) => UnicodeCase.All(s, UnicodeCase.IsNumeric);
    public static bool IsAlpha(string s) => UnicodeCase.All(s, UnicodeCase.IsAlpha);
    // Python's isalnum: letters or any numeric character (½, ², Roman numerals), not only decimal digits
    public static bool IsAlnum(string s) => s.Length > 0 && s.All(c => char.IsLetter(c) || char.IsNumber(c));
    public static bool IsSpace(string s) => s.Length > 0 && s.All(IsSpace);
    public static bool IsUpper(string s) => UnicodeCase.IsUpper(s);
    public static bool IsLower(string s) => UnicodeCase.IsLower(s);
    public static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');
    public static bool IsTitle(string s) => s.Length > 0 && Title(s) == s && s.Any(char.IsLetter);
    public static bool IsAscii(string s) => s.All(c => c < 128);
    public static bool IsPrintable(string s) => s.All(Repr.IsPrintable);

    public static string Center(string s, long width, string fill = " ")
    {
        int n = CodePoints.Length(s);
        if (width <= n) return s;
        long marg = width - n;
        long left = marg / 2 + (marg & width & 1);
        return Repeat(fill, left) + s + Repeat(fill, marg - left);
    }

    public static string LJust(string s, long width, string fill = " ") => width <= CodePoints.Length(s) ? s : s + Repeat(fill, width - CodePoints.Length(s));
    public static string RJust(string s, long width, string fill = " ") => width <= CodePoints.Length(s) ? s : Repeat(fill, width - CodePoints.Length(s)) + s;

    public static string ZFill(string s, long width)
    {
        if (width <= s.Length) return s;
        string pad = new('0', (int)(width - s.Length));
        if (s.Length > 0 && s[0] is '+' or '-') return s[0] + pad + s[1..];
        return pad + s;
    }

    public static (string, string, string) Partition(string s, string sep)
    {
        int k = s.IndexOf(sep, StringComparison.Ordinal);
        return k < 0 ? (s, "", "") : (s[..k], sep, s[(k + sep.Length)..]);
    }

    public static (string, string, string) RPartition(string s, string sep)
    {
        int k = s.LastIndexOf(sep, StringComparison.Ordinal);
        return k < 0 ? ("", "", s) : (s[..k], sep, s[(k + sep.Length)..]);
    }

    public static string ExpandTabs(string s, long tabsize = 8)
    {
        var sb = new StringBuilder();
        int col = 0;
        foreach (var c in s)
        {
            if (c == '\t')
            {
                if (tabsize > 0) { int n = (int)(tabsize - col % tabsize); sb.Append(' ', n); col += n; }
            }
            else
            {
                sb.Append(c);
                col = c is '\n' or '\r' ? 0 : col + 1;
            }
        }
        return sb.ToString();
    }

    public static byte[] Encode(string s, string encoding = "utf-8", string errors = "strict") => Codecs.Encode(s, encoding, errors);

    /// <summary>str.maketrans(x[, y[, z]]): a dict from code points to replacement strings (None deletes), as CPython builds it.</summary>
    public static PyDict<PyInt, object?> MakeTrans(object? x, object? y = null, object? z = null)
    {
        var table = new PyDict<PyInt, object?>();
        if (y is null)
        {
            if (x is not IPyDict d) throw new TypeError("if you give only one argument to maketrans it must be a dict");
            foreach (var key in Dyn.Iter(d))
                table[key is string k ? (k.Length == 1 ? new PyInt(k[0]) : throw new ValueError("string keys in translate table must be of length 1")) : Dyn.Cast<PyInt>(key)] = d.GetItem(key);
            return table;
        }
        if (x is not string from || y is not string to) throw new TypeError("maketrans() arguments must be str");
        if (from.Length != to.Length) throw new ValueError("the first two maketrans arguments must have equal length");
        for (int i = 0; i < from.Length; i++) table[new PyInt(from[i])] = new PyInt(to[i]);
        if (z is string delete) foreach (var c in delete) table[new PyInt(c)] = null;
        return table;
    }

    public static string Translate(string s, IPyDict table)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            object key = new PyInt(c);
            if (!table.ContainsKeyObject(key)) { sb.Append(c); continue; }
            var v = table.GetItem(key);
            if (v is null) continue;
            if (v is string str) sb.Append(str);
            else sb.Append((char)(long)Dyn.Cast<PyInt>(v));
        }
        return sb.ToString();
    }

    public static long Ord(string s) => s.Length == 1 ? s[0] : s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) ? char.ConvertToUtf32(s[0], s[1]) : throw new TypeError($"ord() expected a character, but string of length {s.Length} found");

    public static string Chr(long cp) => cp is >= 0 and <= 0x10FFFF ? (cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32((int)cp)) : throw new ValueError("chr() arg not in range(0x110000)");

    /// <summary>Dynamic dispatch of a str method by its Python name.</summary>
    /// <summary>
    /// A str method called on a dynamic value (<c>row["name"].split(",", 1)</c>): the method of this class with that
    /// name (ljust is LJust) whose parameters take the arguments, the rest defaulted, as a typed call would.
    /// </summary>
    public static object? CallMethod(string s, string name, object?[] a)
    {
        if (name == "format") return Format.StrFormat(s, a);
        if (name == "join") return Join(s, Dyn.Iter(a[0]));
        string wanted = name.Replace("_", "");
        var methods = typeof(PyStr).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase) && !m.IsGenericMethodDefinition && Fits(m.GetParameters(), a.Length))
            .OrderBy(m => m.GetParameters().Length);
        foreach (var m in methods)
        {
            var ps = m.GetParameters();
            var values = new object?[ps.Length];
            values[0] = s;
            if (!TryConvertArguments(ps, a, values)) continue;
            // encode's byte[] is Python's bytes
            try { return m.Invoke(null, values) is var r && r is byte[] raw ? new PyBytes(raw) : Dyn.BoxValue(r); }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
        }
        throw new AttributeError($"'str' object has no attribute '{name}'");
    }

    private static bool Fits(System.Reflection.ParameterInfo[] ps, int given) =>
        ps.Length >= given + 1 && ps[0].ParameterType == typeof(string) && ps.Skip(given + 1).All(p => p.HasDefaultValue);

    private static bool TryConvertArguments(System.Reflection.ParameterInfo[] ps, object?[] a, object?[] values)
    {
        for (int i = 1; i < ps.Length; i++)
        {
            if (i - 1 >= a.Length) { values[i] = ps[i].DefaultValue; continue; }
            var arg = a[i - 1];
            var target = Nullable.GetUnderlyingType(ps[i].ParameterType) ?? ps[i].ParameterType;
            bool fits = arg is null ? !target.IsValueType || Nullable.GetUnderlyingType(ps[i].ParameterType) is not null
                : target == typeof(string) ? arg is string : target == typeof(long) ? arg is long or int or PyInt or bool : target.IsInstanceOfType(arg) || target == typeof(object);
            if (!fits) return false;
            values[i] = arg is null ? null : target == typeof(long) ? Dyn.Cast<long>(arg) : arg;
        }
        return true;
    }
}
