namespace Batuta.Python.Runtime.Numpy;

/// <summary>The element kinds an <see cref="NdArray"/> holds, in numpy's promotion order.</summary>
public enum NpKind : byte
{
    Bool,
    Int32,
    Int64,
    Float32,
    Float64,
    /// <summary>numpy's fixed-width unicode strings (<c>&lt;U5</c>): codes into <see cref="NpStrings"/> in an int64 tensor.</summary>
    Str,
}

/// <summary>
/// numpy's <c>dtype</c> objects (<c>np.float64</c>, <c>arr.dtype</c>, <c>dtype=int</c>): one instance per kind.
/// <c>str()</c> is the name (<c>float64</c>), <c>repr()</c> is <c>dtype('float64')</c>, and a dtype equals its
/// name, as <c>arr.dtype == 'float64'</c> is True in numpy.
/// </summary>
public sealed class NpDType : IPyObject, IPyTyped, IPyHashable
{
    private NpDType(NpKind kind, string name, int itemSize)
    {
        Kind = kind;
        Name = name;
        ItemSize = itemSize;
    }

    public static readonly NpDType Bool = new(NpKind.Bool, "bool", 1);
    public static readonly NpDType Int32 = new(NpKind.Int32, "int32", 4);
    public static readonly NpDType Int64 = new(NpKind.Int64, "int64", 8);
    public static readonly NpDType Float32 = new(NpKind.Float32, "float32", 4);
    public static readonly NpDType Float64 = new(NpKind.Float64, "float64", 8);

    public NpKind Kind { get; }

    /// <summary>numpy's name: <c>bool</c>, <c>int32</c>, <c>int64</c>, <c>float32</c>, <c>float64</c>.</summary>
    public string Name { get; }

    /// <summary><c>dtype.itemsize</c> in bytes.</summary>
    public int ItemSize { get; }

    public string PyTypeName => "dtype";

    public bool IsFloat => Kind is NpKind.Float32 or NpKind.Float64;

    public bool IsInteger => Kind is NpKind.Int32 or NpKind.Int64;

    /// <summary><c>dtype.kind</c>: 'b', 'i' or 'f'.</summary>
    public string KindChar => Kind switch { NpKind.Bool => "b", NpKind.Int32 or NpKind.Int64 => "i", NpKind.Str => "U", _ => "f" };

    /// <summary>Default dtypes (float64, int64, bool) are left out of an array's repr.</summary>
    internal bool IsImplied => Kind is NpKind.Float64 or NpKind.Int64 or NpKind.Bool;

    private static readonly Dictionary<int, NpDType> StrByWidth = new();

    /// <summary><c>&lt;U{width}</c>; width 0 stands for "as wide as the longest element" (<c>dtype=str</c>).</summary>
    public static NpDType Str(int width)
    {
        lock (StrByWidth)
        {
            if (!StrByWidth.TryGetValue(width, out var d)) StrByWidth[width] = d = new NpDType(NpKind.Str, "<U" + width.ToString(System.Globalization.CultureInfo.InvariantCulture), 4 * width);
            return d;
        }
    }

    public static NpDType Of(NpKind kind) => kind switch
    {
        NpKind.Str => Str(0),
        NpKind.Bool => Bool,
        NpKind.Int32 => Int32,
        NpKind.Int64 => Int64,
        NpKind.Float32 => Float32,
        _ => Float64,
    };

    /// <summary>
    /// A dtype argument as Python code writes it: a dtype, a name (<c>'float32'</c>, <c>'f8'</c>, <c>'int'</c>),
    /// or a Python type (<c>float</c>, <c>int</c>, <c>bool</c>, passed by the transpiler as their names).
    /// </summary>
    public static NpDType From(object? spec) => spec switch
    {
        null => Float64,
        NpDType d => d,
        string s => Parse(s),
        _ => throw new TypeError($"Cannot interpret '{Repr.Of(spec)}' as a data type"),
    };

    public static NpDType Parse(string name) => name switch
    {
        "float64" or "float" or "f8" or "d" or "double" or "float_" or "<f8" => Float64,
        "float32" or "f4" or "f" or "single" or "<f4" => Float32,
        "int64" or "int" or "i8" or "l" or "int_" or "long" or "<i8" or "intp" => Int64,
        "int32" or "i4" or "i" or "intc" or "<i4" => Int32,
        "bool" or "bool_" or "?" or "b1" => Bool,
        "str" or "str_" or "U" or "unicode" or "unicode_" => Str(0),
        _ when name.StartsWith("<U", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) => Str(w),
        _ when name.StartsWith('U') && int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w1) => Str(w1),
        _ => throw new TypeError($"data type '{name}' not understood (Batuta supports bool, int32, int64, float32, float64 and str)"),
    };

    /// <summary>numpy's result type of two array operands.</summary>
    public static NpKind Promote(NpKind a, NpKind b)
    {
        if (a == b) return a;
        if (a == NpKind.Str || b == NpKind.Str) return NpKind.Str;
        if (a > b) (a, b) = (b, a);
        // int32 with float32 needs float64 to hold every int32 exactly, as numpy decides.
        if (a == NpKind.Int32 && b == NpKind.Float32) return NpKind.Float64;
        if (a == NpKind.Int64 && b == NpKind.Float32) return NpKind.Float64;
        return b;
    }

    /// <summary>The result type of an array with a Python scalar (numpy 1.x value-based casting: the array's kind wins unless the scalar is of a higher category).</summary>
    public static NpKind PromoteScalar(NpKind array, NpKind scalarCategory)
    {
        int Category(NpKind k) => k switch { NpKind.Bool => 0, NpKind.Int32 or NpKind.Int64 => 1, _ => 2 };
        if (Category(array) >= Category(scalarCategory)) return array;
        return scalarCategory == NpKind.Float64 ? NpKind.Float64 : NpKind.Int64;
    }

    public string PyRepr() => $"dtype('{Name}')";

    /// <summary>How an array's repr names this dtype: <c>dtype=float32</c>, but <c>dtype='&lt;U3'</c>.</summary>
    internal string ReprName => Kind == NpKind.Str ? "'" + Name + "'" : Name;

    public string PyStr() => Name;

    public override string ToString() => Name;

    public override bool Equals(object? obj) => obj switch
    {
        NpDType d => ReferenceEquals(d, this),
        string s => TryParse(s) is { } p && ReferenceEquals(p, this),
        _ => false,
    };

    private static NpDType? TryParse(string s)
    {
        try { return Parse(s); }
        catch (TypeError) { return null; }
    }

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public long PyHash() => Dyn.PyHashOf(Name);

    public static bool operator ==(NpDType? a, object? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(NpDType? a, object? b) => !(a == b);
}

/// <summary>
/// The strings of every <c>str</c> array, interned process-wide: a string array stores codes, equal strings have
/// equal codes, so indexing, views, masks, broadcasting and equality work on the codes unchanged.
/// </summary>
public static class NpStrings
{
    private static readonly List<string> ByCode = new();
    private static readonly Dictionary<string, long> Codes = new(StringComparer.Ordinal);

    public static long Code(string s)
    {
        lock (ByCode)
        {
            if (Codes.TryGetValue(s, out var c)) return c;
            c = ByCode.Count;
            ByCode.Add(s);
            Codes[s] = c;
            return c;
        }
    }

    public static string Of(long code)
    {
        lock (ByCode) return ByCode[(int)code];
    }
}
