using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// numpy's <c>str(arr)</c> and <c>repr(arr)</c> (numpy/core/arrayprint.py, 1.24 defaults): the float formatter's
/// choice between positional and scientific notation, precision 8 in 'maxprec' mode with Dragon4's shortest
/// digits, padding to a common width, line wrapping at 75 columns, and summarisation with <c>...</c> above
/// 1000 elements (3 edge items). <c>np.set_printoptions</c> changes the same options.
/// </summary>
public static class ArrayPrinter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Precision { get; set; } = 8;
    public static int Threshold { get; set; } = 1000;
    public static int EdgeItems { get; set; } = 3;
    public static int LineWidth { get; set; } = 75;
    public static bool Suppress { get; set; }
    public static string FloatMode { get; set; } = "maxprec";

    /// <summary><c>np.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, floatmode=None)</c></summary>
    public static void SetPrintOptions(object? precision = null, object? threshold = null, object? edgeitems = null, object? linewidth = null, object? suppress = null, object? floatmode = null)
    {
        if (precision is not null) Precision = (int)Np.ToLong(precision);
        if (threshold is not null) Threshold = threshold is double d ? (d >= int.MaxValue ? int.MaxValue : (int)d) : (int)Math.Min(Np.ToLong(threshold), int.MaxValue);
        if (edgeitems is not null) EdgeItems = (int)Np.ToLong(edgeitems);
        if (linewidth is not null) LineWidth = (int)Np.ToLong(linewidth);
        if (suppress is not null) Suppress = Dyn.Truth(suppress);
        if (floatmode is string fm) FloatMode = fm;
    }

    public static string Str(NdArray a)
    {
        // a 0-d array prints as its scalar: float32 with float32's shortest digits
        if (a.Ndim == 0) return a.Kind == NpKind.Float32 ? Float32Repr(a.ToDoubles()[0]) : Runtime.Str.Of(a.Item());
        return Array2String(a, " ", "", "");
    }

    /// <summary><c>np.array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=' ')</c>: the print options, overridden for this call.</summary>
    public static string ToText(NdArray a, object? maxLineWidth = null, object? precision = null, object? suppressSmall = null, string separator = " ")
    {
        var (p, s, w) = (Precision, Suppress, LineWidth);
        try
        {
            if (precision is not null) Precision = (int)Np.ToLong(precision);
            if (suppressSmall is not null) Suppress = Dyn.Truth(suppressSmall);
            if (maxLineWidth is not null) LineWidth = (int)Np.ToLong(maxLineWidth);
            return a.Ndim == 0 ? Runtime.Repr.Of(a.Item()) : Array2String(a, separator, "", "");
        }
        finally
        {
            (Precision, Suppress, LineWidth) = (p, s, w);
        }
    }

    public static string Repr(NdArray a)
    {
        bool skipDtype = a.DType.IsImplied && a.Size > 0;
        const string prefix = "array(";
        string suffix = skipDtype ? ")" : ",";
        string lst = a.Size > 0 || (a.Ndim == 1 && a.Dims[0] == 0)
            ? Array2String(a, ", ", prefix, suffix)
            : "[], shape=" + Runtime.Repr.Of(a.Shape);
        string arrStr = prefix + lst + suffix;
        if (skipDtype) return arrStr;
        string dtypeStr = $"dtype={a.DType.ReprName})";
        int lastLineLen = arrStr.Length - (arrStr.LastIndexOf('\n') + 1);
        string spacer = lastLineLen + dtypeStr.Length + 1 > LineWidth ? "\n" + new string(' ', prefix.Length) : " ";
        return arrStr + spacer + dtypeStr;
    }

    private static string Array2String(NdArray a, string separator, string prefix, string suffix)
    {
        int lineWidth = LineWidth - suffix.Length;
        if (a.Size == 0) return "[]";
        bool summarise = a.Size > Threshold;
        var dims = a.Dims;
        var flat = Values(a);
        var summaryData = summarise ? LeadingTrailing(flat, dims) : flat;
        Func<object, string> format = FormatterFor(a, summaryData);
        string nextLinePrefix = " " + new string(' ', prefix.Length);
        if (a.Ndim == 0) return format(flat[0]);
        var strides = new int[dims.Length];
        for (int k = dims.Length - 1, s = 1; k >= 0; k--) { strides[k] = s; s *= dims[k]; }
        return Recurse(flat, dims, strides, new List<int>(), nextLinePrefix, lineWidth, format, separator, summarise ? "..." : "");
    }

    private static object[] Values(NdArray a) => a.Kind switch
    {
        NpKind.Float32 or NpKind.Float64 => a.ToDoubles().Select(v => (object)v).ToArray(),
        NpKind.Bool => a.ToLongs().Select(v => (object)(v != 0)).ToArray(),
        NpKind.Str => a.ToStrings().Select(v => (object)v).ToArray(),
        _ => a.ToLongs().Select(v => (object)v).ToArray(),
    };

    /// <summary>The corners numpy formats when summarising (edge items of every axis).</summary>
    private static object[] LeadingTrailing(object[] flat, int[] dims)
    {
        var keep = dims.Select(d => d > 2 * EdgeItems ? Enumerable.Range(0, EdgeItems).Concat(Enumerable.Range(d - EdgeItems, EdgeItems)).ToArray() : Enumerable.Range(0, d).ToArray()).ToArray();
        var strides = new int[dims.Length];
        for (int k = dims.Length - 1, s = 1; k >= 0; k--) { strides[k] = s; s *= dims[k]; }
        var result = new List<object>();
        void Walk(int axis, int offset)
        {
            if (axis == dims.Length) { result.Add(flat[offset]); return; }
            foreach (var i in keep[axis]) Walk(axis + 1, offset + i * strides[axis]);
        }
        Walk(0, 0);
        return result.ToArray();
    }

    private static Func<object, string> FormatterFor(NdArray a, object[] data)
    {
        switch (a.Kind)
        {
            case NpKind.Bool:
            {
                string trueStr = a.Ndim == 0 ? "True" : " True";
                return x => (bool)x ? trueStr : "False";
            }
            case NpKind.Str:
                // repr of each element, unpadded, as numpy's _formatArray prints strings
                return x => Runtime.Repr.Of((string)x);
            case NpKind.Int32 or NpKind.Int64:
            {
                int width = data.Length == 0 ? 0 : Math.Max(((long)data.Max().OrThrow()).ToString(Inv).Length, ((long)data.Min().OrThrow()).ToString(Inv).Length);
                return x => ((long)x).ToString(Inv).PadLeft(width);
            }
            default:
            {
                var ff = new FloatingFormat(data.Select(x => (double)x).ToArray(), a.Kind == NpKind.Float32);
                return x => ff.Format((double)x);
            }
        }
    }

    /// <summary>arrayprint._formatArray's recurser, line for line.</summary>
    private static string Recurse(object[] flat, int[] dims, int[] strides, List<int> index, string hangingIndent, int currWidth, Func<object, string> format, string separator, string summaryInsert)
    {
        int axis = index.Count;
        int axesLeft = dims.Length - axis;
        if (axesLeft == 0)
        {
            int off = 0;
            for (int k = 0; k < index.Count; k++) off += (index[k] < 0 ? index[k] + dims[k] : index[k]) * strides[k];
            return format(flat[off]);
        }
        string nextHangingIndent = hangingIndent + " ";
        int nextWidth = currWidth - 1;
        int aLen = dims[axis];
        bool showSummary = summaryInsert.Length > 0 && 2 * EdgeItems < aLen;
        int leading = showSummary ? EdgeItems : 0;
        int trailing = showSummary ? EdgeItems : aLen;
        var s = new StringBuilder();
        if (axesLeft == 1)
        {
            int elemWidth = currWidth - Math.Max(separator.TrimEnd().Length, 1);
            string line = hangingIndent;
            string sb = "";
            for (int i = 0; i < leading; i++)
            {
                string word = Recurse(flat, dims, strides, With(index, i), nextHangingIndent, nextWidth, format, separator, summaryInsert);
                (sb, line) = ExtendLine(sb, line, word, elemWidth, hangingIndent);
                line += separator;
            }
            if (showSummary)
            {
                (sb, line) = ExtendLine(sb, line, summaryInsert, elemWidth, hangingIndent);
                line += separator;
            }
            for (int i = trailing; i > 1; i--)
            {
                string word = Recurse(flat, dims, strides, With(index, -i), nextHangingIndent, nextWidth, format, separator, summaryInsert);
                (sb, line) = ExtendLine(sb, line, word, elemWidth, hangingIndent);
                line += separator;
            }
            string last = Recurse(flat, dims, strides, With(index, -1), nextHangingIndent, nextWidth, format, separator, summaryInsert);
            (sb, line) = ExtendLine(sb, line, last, elemWidth, hangingIndent);
            sb += line;
            s.Append(sb);
        }
        else
        {
            string lineSep = separator.TrimEnd() + new string('\n', axesLeft - 1);
            for (int i = 0; i < leading; i++)
            {
                string nested = Recurse(flat, dims, strides, With(index, i), nextHangingIndent, nextWidth, format, separator, summaryInsert);
                s.Append(hangingIndent).Append(nested).Append(lineSep);
            }
            if (showSummary) s.Append(hangingIndent).Append(summaryInsert).Append(lineSep);
            for (int i = trailing; i > 1; i--)
            {
                string nested = Recurse(flat, dims, strides, With(index, -i), nextHangingIndent, nextWidth, format, separator, summaryInsert);
                s.Append(hangingIndent).Append(nested).Append(lineSep);
            }
            string lastNested = Recurse(flat, dims, strides, With(index, -1), nextHangingIndent, nextWidth, format, separator, summaryInsert);
            s.Append(hangingIndent).Append(lastNested);
        }
        string text = s.ToString();
        return "[" + text.Substring(hangingIndent.Length) + "]";
    }

    private static List<int> With(List<int> index, int i) => new(index) { i };

    /// <summary>_extendLine_pretty: multi-line words (nested rows) are placed as blocks.</summary>
    private static (string, string) ExtendLine(string s, string line, string word, int lineWidth, string nextLinePrefix)
    {
        var words = word.Split('\n');
        if (words.Length == 1) return ExtendSingle(s, line, word, lineWidth, nextLinePrefix);
        int maxWordLength = words.Max(w => w.Length);
        string indent;
        if (line.Length + maxWordLength > lineWidth && line.Length > nextLinePrefix.Length)
        {
            s += line.TrimEnd() + "\n";
            line = nextLinePrefix + words[0];
            indent = nextLinePrefix;
        }
        else
        {
            indent = new string(' ', line.Length);
            line += words[0];
        }
        foreach (var w in words.Skip(1))
        {
            s += line.TrimEnd() + "\n";
            line = indent + w;
        }
        int suffixLength = maxWordLength - words[^1].Length;
        line += new string(' ', suffixLength);
        return (s, line);
    }

    private static (string, string) ExtendSingle(string s, string line, string word, int lineWidth, string nextLinePrefix)
    {
        bool needsWrap = line.Length + word.Length > lineWidth;
        if (line.Length <= nextLinePrefix.Length) needsWrap = false;
        if (needsWrap)
        {
            s += line.TrimEnd() + "\n";
            line = nextLinePrefix;
        }
        line += word;
        return (s, line);
    }

    /// <summary>numpy's FloatingFormat: one layout (notation, digits, padding) for all the values printed together.</summary>
    private sealed class FloatingFormat
    {
        private readonly bool _single;
        private readonly bool _exp;
        private readonly int _precision;
        private readonly int _minDigits;
        private readonly bool _trimZeros;
        private readonly int _padLeft;
        private readonly int _padRight;
        private readonly int _expSize;

        public FloatingFormat(double[] data, bool single)
        {
            _single = single;
            int precision = FloatMode == "unique" ? -1 : Precision;
            var finite = data.Where(double.IsFinite).ToArray();
            var absNonZero = finite.Where(v => v != 0).Select(Math.Abs).ToArray();
            if (absNonZero.Length != 0)
            {
                double max = absNonZero.Max(), min = absNonZero.Min();
                if (max >= 1e8 || (!Suppress && (min < 0.0001 || max / min > 1000.0))) _exp = true;
            }
            if (finite.Length == 0)
            {
                _padLeft = 0;
                _padRight = 0;
                _trimZeros = true;
                _expSize = -1;
                _precision = precision;
            }
            else if (_exp)
            {
                var strs = finite.Select(v => Scientific(v, precision, 0, true, 2, single)).ToArray();
                var mant = strs.Select(x => x[..x.IndexOf('e')]).ToArray();
                var exps = strs.Select(x => x[(x.IndexOf('e') + 1)..]).ToArray();
                _expSize = exps.Max(e => e.Length) - 1;
                _trimZeros = false;
                _precision = mant.Max(m => m.Length - m.IndexOf('.') - 1);
                _minDigits = _precision;
                _padLeft = mant.Max(m => m.IndexOf('.'));
                _padRight = _expSize + 2 + _precision;
            }
            else
            {
                var strs = finite.Select(v => Positional(v, precision, 0, true, single)).ToArray();
                _padLeft = strs.Max(x => x.IndexOf('.'));
                _padRight = strs.Max(x => x.Length - x.IndexOf('.') - 1);
                _expSize = -1;
                if (FloatMode is "fixed" or "maxprec_equal")
                {
                    _precision = _minDigits = _padRight;
                    _trimZeros = false;
                }
                else
                {
                    _precision = precision;
                    _trimZeros = true;
                    _minDigits = 0;
                }
            }
            if (finite.Length != data.Length)
            {
                bool negInf = data.Any(v => double.IsNegativeInfinity(v));
                int offset = _padRight + 1;
                _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        public string Format(double x)
        {
            if (!double.IsFinite(x))
            {
                string ret = double.IsNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
                return new string(' ', Math.Max(0, _padLeft + _padRight + 1 - ret.Length)) + ret;
            }
            if (_exp)
            {
                var s = Scientific(x, _precision, _minDigits, _trimZeros, Math.Max(_expSize, 2), _single);
                int dot = s.IndexOf('.');
                return new string(' ', Math.Max(0, _padLeft - dot)) + s;
            }
            var p = Positional(x, _precision, _minDigits, _trimZeros, _single);
            int d = p.IndexOf('.');
            int frac = p.Length - d - 1;
            return new string(' ', Math.Max(0, _padLeft - d)) + p + new string(' ', Math.Max(0, _padRight - frac));
        }
    }

    /// <summary>numpy's str of a float32 scalar: Python's repr layout over float32's shortest digits.</summary>
    public static string Float32Repr(double value)
    {
        float f = (float)value;
        if (float.IsNaN(f)) return "nan";
        if (float.IsInfinity(f)) return f < 0 ? "-inf" : "inf";
        if (f == 0) return float.IsNegative(f) ? "-0.0" : "0.0";
        var (digits, exp) = Shortest(f, true);
        string sign = f < 0 ? "-" : "";
        if (exp > -4 && exp <= 16)
        {
            if (exp <= 0) return sign + "0." + new string('0', -exp) + digits;
            if (exp >= digits.Length) return sign + digits + new string('0', exp - digits.Length) + ".0";
            return sign + digits[..exp] + "." + digits[exp..];
        }
        int e10 = exp - 1;
        return sign + digits[0] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (e10 < 0 ? "-" : "+") + Math.Abs(e10).ToString("00", Inv);
    }

    /// <summary>The shortest digits that identify the value in its own type: value = 0.d1d2... × 10^exp.</summary>
    private static (string Digits, int Exp) Shortest(double v, bool single)
    {
        if (!single) return FloatFormat.Shortest(v);
        var r = Math.Abs((float)v).ToString("R", Inv);
        int e = 0;
        int ei = r.IndexOfAny(['E', 'e']);
        string mant = r;
        if (ei >= 0)
        {
            e = int.Parse(r[(ei + 1)..], NumberStyles.AllowLeadingSign, Inv);
            mant = r[..ei];
        }
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant[..dot] : mant;
        string frac = dot >= 0 ? mant[(dot + 1)..] : "";
        string all = intPart + frac;
        string digits = all.TrimStart('0');
        int exp = e + intPart.Length - (all.Length - digits.Length);
        digits = digits.TrimEnd('0');
        return digits.Length == 0 ? ("0", 1) : (digits, exp);
    }

    /// <summary>
    /// Dragon4 positional (unique digits, fractional precision cutoff <paramref name="precision"/>, at least
    /// <paramref name="minDigits"/> fraction digits, trailing zeros trimmed to the point when <paramref name="trimZeros"/>).
    /// </summary>
    internal static string Positional(double x, int precision, int minDigits, bool trimZeros, bool single = false)
    {
        string sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        double ax = Math.Abs(x);
        string intPart, fracPart;
        if (ax == 0)
        {
            intPart = "0";
            fracPart = "";
        }
        else
        {
            var (digits, exp) = Shortest(ax, single);
            int fracLen = Math.Max(0, digits.Length - exp);
            if (precision >= 0 && fracLen > precision)
            {
                var fixedStr = FloatFormat.FixedAbs(ax, precision);
                int dot = fixedStr.IndexOf('.');
                intPart = dot < 0 ? fixedStr : fixedStr[..dot];
                fracPart = dot < 0 ? "" : fixedStr[(dot + 1)..].TrimEnd('0');
            }
            else if (exp <= 0)
            {
                intPart = "0";
                fracPart = new string('0', -exp) + digits;
            }
            else if (exp >= digits.Length)
            {
                intPart = digits + new string('0', exp - digits.Length);
                fracPart = "";
            }
            else
            {
                intPart = digits[..exp];
                fracPart = digits[exp..];
            }
        }
        if (fracPart.Length < minDigits)
        {
            // more digits than needed to be unique: the exact value, rounded (Dragon4's min_digits)
            var fixedStr = FloatFormat.FixedAbs(ax, minDigits);
            int dot = fixedStr.IndexOf('.');
            intPart = dot < 0 ? fixedStr : fixedStr[..dot];
            fracPart = dot < 0 ? "" : fixedStr[(dot + 1)..];
        }
        else if (!trimZeros && precision > fracPart.Length)
        {
            fracPart = fracPart.PadRight(precision, '0');
        }
        return sign + intPart + "." + fracPart;
    }

    /// <summary>Dragon4 scientific: <c>d.ddde+XX</c> with the exponent padded to <paramref name="expDigits"/>.</summary>
    internal static string Scientific(double x, int precision, int minDigits, bool trimZeros, int expDigits, bool single = false)
    {
        string sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        double ax = Math.Abs(x);
        string digits;
        int exp10;
        if (ax == 0)
        {
            digits = "0";
            exp10 = 0;
        }
        else
        {
            var (d, e) = Shortest(ax, single);
            digits = d;
            exp10 = e - 1;
            if (precision >= 0 && digits.Length - 1 > precision)
            {
                var (rd, re) = FloatFormat.Digits(ax, precision + 1);
                digits = rd.TrimEnd('0');
                if (digits.Length == 0) digits = "0";
                exp10 = re - 1;
            }
        }
        string frac = digits.Length > 1 ? digits[1..] : "";
        if (frac.Length < minDigits && ax != 0)
        {
            var (rd, re) = FloatFormat.Digits(ax, minDigits + 1);
            digits = rd;
            exp10 = re - 1;
            frac = digits[1..];
        }
        else if (frac.Length < minDigits || (!trimZeros && precision > frac.Length))
        {
            frac = frac.PadRight(Math.Max(minDigits, trimZeros ? 0 : precision), '0');
        }
        string expStr = Math.Abs(exp10).ToString(Inv).PadLeft(expDigits, '0');
        return sign + digits[0] + "." + frac + "e" + (exp10 < 0 ? "-" : "+") + expStr;
    }
}
