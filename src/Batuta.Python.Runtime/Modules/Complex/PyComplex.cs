using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>complex</c>: two floats, with CPython 3.11's arithmetic (its own product, Smith quotient and
/// repeated-squaring integer powers, so the last bits match), repr (<c>(3+4j)</c>, <c>1j</c>, <c>(-0-1j)</c>) and hash.
/// An int or float operand widens to complex(x, 0.0). There is no ordering: <c>&lt;</c> raises TypeError.
/// </summary>
public sealed partial class PyComplex : PyObject, IPyNumber, IPyReflectedNumber, IPyHashable, IPyBool, IPySigned, IPyAttributes,
    IPyKeywordMethods, Text.IPyFormattable
{
    public PyComplex(double real, double imag)
    {
        Real = real;
        Imag = imag;
    }

    public double Real { get; }
    public double Imag { get; }

    public override string PyTypeName => "complex";

    /// <summary>complex(real=0, imag=0) or complex(string): either argument may itself be complex.</summary>
    public static PyComplex Create(object? real = null, object? imag = null)
    {
        if (real is string s)
            return imag is null ? Parse(s) : throw new TypeError("complex() can't take second arg if first is a string");
        if (imag is string) throw new TypeError("complex() second arg can't be a string");
        var re = real is null ? new PyComplex(0.0, 0.0) : From(real, "first");
        var im = imag is null ? new PyComplex(0.0, 0.0) : From(imag, "second");
        // complex(a, b) is a + b*1j, but only a complex argument adds its other part (CPython's complex_new): so
        // complex(0, -0.0) keeps the negative zero that 0.0 + -0.0 would lose
        double r = imag is PyComplex ? re.Real - im.Imag : re.Real;
        double i = real is PyComplex && imag is not null ? im.Real + re.Imag : real is PyComplex ? re.Imag : im.Real;
        return new PyComplex(r, i);
    }

    private static PyComplex From(object? x, string which) =>
        Of(x) ?? throw new TypeError($"complex() {which} argument must be a string or a number, not '{Dyn.TypeName(x)}'");

    /// <summary>An int, float, bool or complex as a complex; null for any other value.</summary>
    internal static PyComplex? Of(object? x) => x switch
    {
        PyComplex c => c,
        double d => new PyComplex(d, 0.0),
        PyInt i => new PyComplex(i.ToDouble(), 0.0),
        long l => new PyComplex(l, 0.0),
        int i => new PyComplex(i, 0.0),
        bool b => new PyComplex(b ? 1.0 : 0.0, 0.0),
        PyFraction f => new PyComplex(f.ToDouble(), 0.0),
        _ => null,
    };

    [GeneratedRegex(@"^\s*\(?\s*(?<re>[+-]?(?:(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)(?![jJ]))?(?<im>[+-]?(?:(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)?[jJ])?\s*\)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComplexText();

    public static PyComplex Parse(string s)
    {
        var m = ComplexText().Match(s);
        bool balanced = s.Trim().StartsWith('(') == s.Trim().EndsWith(')');
        if (!m.Success || !balanced || !m.Groups["re"].Success && !m.Groups["im"].Success) throw new ValueError("complex() arg is a malformed string");
        double re = m.Groups["re"].Success ? FloatFormat.Parse(m.Groups["re"].Value) : 0.0;
        if (!m.Groups["im"].Success) return new PyComplex(re, 0.0);
        var im = m.Groups["im"].Value[..^1];
        return new PyComplex(re, im is "" or "+" ? 1.0 : im == "-" ? -1.0 : FloatFormat.Parse(im));
    }

    // ---- repr, str, format ----

    /// <summary>A part as CPython's complex repr writes it: the shortest repr, without float's ".0".</summary>
    private static string Part(double d)
    {
        var r = FloatFormat.Repr(d);
        return r.EndsWith(".0", StringComparison.Ordinal) ? r[..^2] : r;
    }

    public override string PyRepr()
    {
        if (Real == 0 && !double.IsNegative(Real)) return Part(Imag) + "j";
        var im = Part(Imag);
        return $"({Part(Real)}{(im.StartsWith('-') ? "" : "+")}{im}j)";
    }

    public override string PyStr() => PyRepr();

    [GeneratedRegex(@"^(?<align>.?[<>^])?(?<sign>[-+ ])?(?<width>\d+)?(?<prec>\.\d+)?(?<type>[eEfFgGn%]?)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FormatSpec();

    /// <summary>format(z, spec): with a presentation type, both parts in it (the imaginary one always signed), no parentheses.</summary>
    public string PyFormat(string spec)
    {
        var m = FormatSpec().Match(spec);
        if (!m.Success) throw new ValueError($"Invalid format specifier '{spec}' for object of type 'complex'");
        string type = m.Groups["type"].Value, prec = m.Groups["prec"].Value;
        string body = type.Length == 0 && prec.Length == 0
            ? PyRepr()
            : Text.Format.Apply(Real, m.Groups["sign"].Value + prec + (type.Length == 0 ? "g" : type))
              + Text.Format.Apply(Imag, "+" + prec + (type.Length == 0 ? "g" : type)) + "j";
        if (m.Groups["width"].Length == 0) return body;
        var align = m.Groups["align"].Success ? m.Groups["align"].Value : ">";
        return Text.Format.Apply(body, align + m.Groups["width"].Value);
    }

    // ---- value protocol ----

    public bool PyBool() => Real != 0 || Imag != 0;
    public object PyPos() => this;
    public object PyNeg() => new PyComplex(-Real, -Imag);
    public double Abs() => double.Hypot(Real, Imag);
    public object DunderAbs() => Abs();
    public PyComplex Conjugate() => new(Real, -Imag);

    /// <summary>CPython's hash: hash(real) + 1000003 * hash(imag), wrapping; so complex(2, 0) hashes as 2 does.</summary>
    public long PyHash()
    {
        ulong h = unchecked((ulong)Runtime.PyHash.Float(Real) + 1000003UL * (ulong)Runtime.PyHash.Float(Imag));
        long r = unchecked((long)h);
        return r == -1 ? -2 : r;
    }

    public override int GetHashCode() => (int)PyHash();

    public override bool Equals(object? obj) => obj is not null && Of(obj) is { } o && FloatExact.AreEqual(o.Real, Real) && FloatExact.AreEqual(o.Imag, Imag);

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "real" => Real,
            "imag" => Imag,
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "conjugate" => Conjugate(),
        "__abs__" => Abs(),
        "__neg__" => PyNeg(),
        "__pos__" => this,
        _ => throw new AttributeError($"'complex' object has no attribute '{name}'"),
    };
}
