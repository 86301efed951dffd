using System.Globalization;

namespace Batuta.Inference.Formats.Gguf;

/// <summary>
/// One metadata value. Scalars are held boxed in their exact GGUF type; arrays as typed .NET arrays
/// (<c>float[]</c>, <c>string[]</c>, ...; nested arrays as <c>GgufValue[]</c>), so a 150k-entry vocabulary
/// costs one array, not 150k objects.
/// </summary>
public sealed class GgufValue
{
    private GgufValue(GgufValueType type, GgufValueType elementType, object value)
    {
        Type = type;
        ElementType = elementType;
        Value = value;
    }

    public GgufValueType Type { get; }

    /// <summary>For arrays, the element type; otherwise the same as <see cref="Type"/>.</summary>
    public GgufValueType ElementType { get; }

    public object Value { get; }

    public static GgufValue Scalar(GgufValueType type, object value)
    {
        if (type == GgufValueType.Array) throw new ArgumentException("use Array() for arrays", nameof(type));
        return new GgufValue(type, type, Check(type, value));
    }

    public static GgufValue Array(GgufValueType elementType, System.Array values) => new(GgufValueType.Array, elementType, values);

    public static GgufValue From(string value) => new(GgufValueType.String, GgufValueType.String, value);
    public static GgufValue From(uint value) => new(GgufValueType.UInt32, GgufValueType.UInt32, value);
    public static GgufValue From(int value) => new(GgufValueType.Int32, GgufValueType.Int32, value);
    public static GgufValue From(ulong value) => new(GgufValueType.UInt64, GgufValueType.UInt64, value);
    public static GgufValue From(long value) => new(GgufValueType.Int64, GgufValueType.Int64, value);
    public static GgufValue From(float value) => new(GgufValueType.Float32, GgufValueType.Float32, value);
    public static GgufValue From(double value) => new(GgufValueType.Float64, GgufValueType.Float64, value);
    public static GgufValue From(bool value) => new(GgufValueType.Bool, GgufValueType.Bool, value);
    public static GgufValue From(string[] values) => Array(GgufValueType.String, values);
    public static GgufValue From(float[] values) => Array(GgufValueType.Float32, values);
    public static GgufValue From(int[] values) => Array(GgufValueType.Int32, values);

    public bool IsArray => Type == GgufValueType.Array;

    public bool IsInteger => Type is GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.UInt16 or GgufValueType.Int16
        or GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.UInt64 or GgufValueType.Int64;

    public bool IsNumber => IsInteger || Type is GgufValueType.Float32 or GgufValueType.Float64;

    public int ArrayLength => Value is System.Array a ? a.Length : throw new InvalidOperationException($"a {Type} value is not an array");

    public string AsString() => Value as string ?? throw new InvalidCastException($"metadata value is {Type}, not a string");

    public bool AsBool() => Value is bool b ? b : throw new InvalidCastException($"metadata value is {Type}, not a bool");

    /// <summary>Any integer type, widened; a u64 above <see cref="long.MaxValue"/> is an error.</summary>
    public long AsInt64() => Value switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        long v => v,
        ulong v when v <= long.MaxValue => (long)v,
        ulong v => throw new OverflowException($"metadata value {v} does not fit a signed 64-bit integer"),
        _ => throw new InvalidCastException($"metadata value is {Type}, not an integer"),
    };

    /// <summary>Any numeric type as a double.</summary>
    public double AsDouble() => Value switch
    {
        float f => f,
        double d => d,
        ulong u => u,
        _ when IsInteger => AsInt64(),
        _ => throw new InvalidCastException($"metadata value is {Type}, not a number"),
    };

    public T[] AsArray<T>() => Value as T[] ?? throw new InvalidCastException(
        IsArray ? $"metadata array holds {ElementType}, not {typeof(T).Name}" : $"metadata value is {Type}, not an array");

    /// <summary>An integer array of any integer element type, widened to int (values outside int fail).</summary>
    public int[] AsInt32Array()
    {
        if (Value is int[] ints) return ints;
        if (!IsArray || Value is not System.Array a) throw new InvalidCastException($"metadata value is {Type}, not an array");
        var result = new int[a.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = checked((int)Convert.ToInt64(a.GetValue(i), CultureInfo.InvariantCulture));
        return result;
    }

    public override string ToString() => Value switch
    {
        string s => s,
        System.Array a => $"[{ElementType} x {a.Length}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };

    private static object Check(GgufValueType type, object value)
    {
        bool ok = type switch
        {
            GgufValueType.UInt8 => value is byte,
            GgufValueType.Int8 => value is sbyte,
            GgufValueType.UInt16 => value is ushort,
            GgufValueType.Int16 => value is short,
            GgufValueType.UInt32 => value is uint,
            GgufValueType.Int32 => value is int,
            GgufValueType.Float32 => value is float,
            GgufValueType.Bool => value is bool,
            GgufValueType.String => value is string,
            GgufValueType.UInt64 => value is ulong,
            GgufValueType.Int64 => value is long,
            GgufValueType.Float64 => value is double,
            _ => false,
        };
        return ok ? value : throw new ArgumentException($"a {value.GetType().Name} cannot be stored as GGUF {type}");
    }
}
