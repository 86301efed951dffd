using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>struct.error, with CPython's messages.</summary>
public sealed class StructError(string message) : PyException(message)
{
    protected override string? PyTypeNameOverride => "error";

    public override string PyModule => "struct";
}

/// <summary>
/// Python's <c>struct</c>: pack / unpack / calcsize / unpack_from / pack_into / iter_unpack over CPython's format
/// characters, with native sizes and alignment for <c>@</c> (x86-64 Linux) and standard sizes for <c>= &lt; &gt; !</c>.
/// </summary>
public static class StructModule
{
    public static PyBytes Pack(string format, params object?[] values) => new(StructLayout.Parse(format).Pack("pack", values));

    public static PyTuple Unpack(string format, object? buffer)
    {
        var layout = StructLayout.Parse(format);
        var data = PyByteArray.BytesLike(buffer).Data;
        if (data.Length != layout.Size) throw new StructError($"unpack requires a buffer of {layout.Size} bytes");
        return layout.Unpack(data, 0);
    }

    public static long CalcSize(string format) => StructLayout.Parse(format).Size;

    public static PyTuple UnpackFrom(string format, object? buffer, long offset = 0)
    {
        var layout = StructLayout.Parse(format);
        var data = PyByteArray.BytesLike(buffer).Data;
        if (offset < 0)
        {
            if (offset + data.Length < 0) throw new StructError($"offset {offset} out of range for {data.Length}-byte buffer");
            if (-offset < layout.Size) throw new StructError($"not enough data to unpack {layout.Size} bytes at offset {offset}");
            offset += data.Length;
        }
        if (data.Length - offset < layout.Size)
            throw new StructError($"unpack_from requires a buffer of at least {layout.Size + offset} bytes for unpacking {layout.Size} bytes at offset {offset} (actual buffer size is {data.Length})");
        return layout.Unpack(data, (int)offset);
    }

    public static object? PackInto(string format, object? buffer, long offset, params object?[] values)
    {
        var layout = StructLayout.Parse(format);
        var packed = layout.Pack("pack_into", values);
        if (buffer is not PyByteArray target) throw new TypeError($"argument must be read-write bytes-like object, not {Dyn.TypeName(buffer)}");
        if (offset < 0)
        {
            if (offset + target.Count < 0) throw new StructError($"offset {offset} out of range for {target.Count}-byte buffer");
            if (-offset < layout.Size) throw new StructError($"no space to pack {layout.Size} bytes at offset {offset}");
            offset += target.Count;
        }
        if (target.Count - offset < layout.Size)
            throw new StructError($"pack_into requires a buffer of at least {layout.Size + offset} bytes for packing {layout.Size} bytes at offset {offset} (actual buffer size is {target.Count})");
        for (int i = 0; i < packed.Length; i++) target[offset + i] = packed[i];
        return null;
    }

    public static IEnumerable<PyTuple> IterUnpack(string format, object? buffer)
    {
        var layout = StructLayout.Parse(format);
        var data = PyByteArray.BytesLike(buffer).Data;
        if (layout.Size == 0) throw new StructError("cannot iteratively unpack with a struct of length 0");
        if (data.Length % layout.Size != 0) throw new StructError($"iterative unpacking requires a buffer of a multiple of {layout.Size} bytes");
        return Enumerable.Range(0, data.Length / layout.Size).Select(i => layout.Unpack(data, i * layout.Size));
    }

    /// <summary>struct.Struct(format): the compiled format, with the module's functions as methods.</summary>
    public static CompiledStruct Compile(string format) => new(format);
}

/// <summary>struct.Struct: a format with <c>size</c>, <c>format</c> and the pack / unpack methods.</summary>
public sealed class CompiledStruct(string format) : IPyObject, IPyTyped, IPyAttributes, IPyKeywordMethods
{
    private readonly long _size = StructModule.CalcSize(format);

    public string PyTypeName => "Struct";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "size" => new PyInt(_size),
            "format" => format,
            "pack" or "unpack" or "unpack_from" or "pack_into" or "iter_unpack" => new PyKeywordMethod(this, name, "_struct.Struct"),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "pack" => StructModule.Pack(format, args),
        "unpack" => StructModule.Unpack(format, args.ElementAtOrDefault(0)),
        "unpack_from" => StructModule.UnpackFrom(format, args.ElementAtOrDefault(0), Offset(args, kwargs)),
        "pack_into" => StructModule.PackInto(format, args.ElementAtOrDefault(0), (long)Dyn.Cast<PyInt>(args.ElementAtOrDefault(1)), args.Skip(2).ToArray()),
        "iter_unpack" => StructModule.IterUnpack(format, args.ElementAtOrDefault(0)),
        _ => throw new AttributeError($"'_struct.Struct' object has no attribute '{name}'"),
    };

    private static long Offset(object?[] args, PyDict<string, object?> kwargs) =>
        (args.Length > 1 ? args[1] : kwargs.Get("offset")) is { } o ? (long)Dyn.Cast<PyInt>(o) : 0;

    public string PyRepr() => $"Struct({Repr.Of(format)})";
    public string PyStr() => PyRepr();
}

/// <summary>A parsed format: its items at their offsets, the byte order, and the total size.</summary>
internal sealed class StructLayout
{
    /// <summary>One format character with its repeat count, at its (aligned) offset.</summary>
    internal readonly record struct Item(char Code, int Count, int Offset, int Size);

    private readonly List<Item> _items = new();

    private StructLayout(char order) => Order = order;

    public char Order { get; }
    public bool Native => Order == '@';
    public bool BigEndian => Order is '>' or '!';
    public int Size { get; private set; }

    /// <summary>How many values the format packs: x takes none, s and p one per item, the others one per count.</summary>
    public int Arity => _items.Sum(i => i.Code == 'x' ? 0 : i.Count);

    public static StructLayout Parse(string format)
    {
        var layout = new StructLayout(format.Length > 0 && IsOrder(format[0]) ? format[0] : '@');
        int i = format.Length > 0 && IsOrder(format[0]) ? 1 : 0;
        while (i < format.Length)
        {
            if (char.IsWhiteSpace(format[i])) { i++; continue; }
            int count = ReadCount(format, ref i);
            layout.Add(format[i++], count);
        }
        return layout;
    }

    private static bool IsOrder(char c) => "@=<>!".Contains(c);

    /// <summary>s and p: one bytes value per item, the count is its length.</summary>
    internal static bool IsString(char code) => code is 's' or 'p';

    /// <summary>The codes that are bytes, not numbers: no byte order, no alignment.</summary>
    internal static bool IsRaw(char code) => "?csp".Contains(code);

    private static int ReadCount(string format, ref int i)
    {
        if (!char.IsAsciiDigit(format[i])) return 1;
        long count = 0;
        while (i < format.Length && char.IsAsciiDigit(format[i])) count = Math.Min(count * 10 + (format[i++] - '0'), int.MaxValue);
        if (i >= format.Length) throw new StructError("repeat count given without format specifier");
        return (int)count;
    }

    private void Add(char code, int count)
    {
        int size = ItemSize(code);
        int align = Native ? size : 1;
        int offset = (Size + align - 1) / align * align;
        _items.Add(IsString(code) ? new Item(code, 1, offset, count) : new Item(code, count, offset, size));
        Size = checked(offset + size * count);
    }

    private static readonly Dictionary<char, int> StandardSizes = new()
    {
        ['x'] = 1, ['c'] = 1, ['b'] = 1, ['B'] = 1, ['?'] = 1, ['s'] = 1, ['p'] = 1,
        ['h'] = 2, ['H'] = 2, ['e'] = 2, ['i'] = 4, ['I'] = 4, ['l'] = 4, ['L'] = 4, ['f'] = 4,
        ['q'] = 8, ['Q'] = 8, ['d'] = 8,
    };

    /// <summary>A code's size, which is also its native alignment; l and L are C longs natively, n N P native only.</summary>
    private int ItemSize(char code) =>
        Native && "lLnNP".Contains(code) ? 8 : StandardSizes.TryGetValue(code, out var size) ? size : throw new StructError("bad char in struct format");

    public byte[] Pack(string function, object?[] values)
    {
        if (values.Length != Arity) throw new StructError($"{function} expected {Arity} items for packing (got {values.Length})");
        var result = new byte[Size];
        int next = 0;
        foreach (var item in _items)
        {
            if (item.Code == 'x') continue;
            for (int k = 0; k < item.Count; k++)
                StructCodec.Write(this, item, values[next++]).CopyTo(result, item.Offset + k * item.Size);
        }
        return result;
    }

    public PyTuple Unpack(byte[] data, int start)
    {
        var values = new List<object?>();
        foreach (var item in _items)
        {
            if (item.Code == 'x') continue;
            for (int k = 0; k < item.Count; k++)
                values.Add(StructCodec.Read(this, item, data.AsSpan(start + item.Offset + k * item.Size, item.Size)));
        }
        return new PyTuple(values);
    }
}

/// <summary>One value to and from its bytes, with CPython's range checks and messages.</summary>
internal static class StructCodec
{
    private static readonly BigInteger CLongMin = long.MinValue, CLongMax = long.MaxValue;

    public static byte[] Write(StructLayout layout, StructLayout.Item item, object? value)
    {
        if (StructLayout.IsRaw(item.Code)) return WriteRaw(item, value);
        var raw = item.Code is 'e' or 'f' or 'd' ? Float(item.Code, value) : Integer(layout, item, value);
        if (layout.BigEndian) Array.Reverse(raw);
        return raw;
    }

    private static byte[] WriteRaw(StructLayout.Item item, object? value) => item.Code switch
    {
        '?' => new[] { (byte)(Dyn.Truth(value) ? 1 : 0) },
        'c' => Char(value),
        's' => Fixed(value, item.Size),
        _ => Pascal(value, item.Size),
    };

    public static object? Read(StructLayout layout, StructLayout.Item item, ReadOnlySpan<byte> bytes)
    {
        var raw = bytes.ToArray();
        if (StructLayout.IsRaw(item.Code)) return ReadRaw(item.Code, raw);
        if (layout.BigEndian) Array.Reverse(raw);
        // object: PyInt converts to double, which would otherwise be the arms' common type
        return item.Code switch
        {
            'e' => (object)(double)BitConverter.ToHalf(raw),
            'f' => (double)BitConverter.ToSingle(raw),
            'd' => BitConverter.ToDouble(raw),
            _ => PyInt.FromBig(new BigInteger(raw, isUnsigned: char.IsUpper(item.Code), isBigEndian: false)),
        };
    }

    private static object? ReadRaw(char code, byte[] raw) => code switch
    {
        '?' => raw[0] != 0,
        'p' => new PyBytes(raw.Skip(1).Take(raw.Length > 0 ? Math.Min(raw[0], raw.Length - 1) : 0).ToArray()),
        _ => new PyBytes(raw),
    };

    private static byte[] Char(object? value) => value switch
    {
        PyBytes { Count: 1 } b => b.Data,
        PyByteArray { Count: 1 } a => a.ToArray(),
        _ => throw new StructError("char format requires a bytes object of length 1"),
    };

    private static byte[] Bytes(object? value, char code) => value is PyBytes or PyByteArray
        ? PyByteArray.BytesLike(value).Data
        : throw new StructError($"argument for '{code}' must be a bytes object");

    /// <summary>s: the bytes cut or zero-padded to the count.</summary>
    private static byte[] Fixed(object? value, int size)
    {
        var data = Bytes(value, 's');
        var result = new byte[size];
        Array.Copy(data, result, Math.Min(size, data.Length));
        return result;
    }

    /// <summary>p: a length byte (at most 255, and at most count - 1), then the bytes, zero-padded.</summary>
    private static byte[] Pascal(object? value, int size)
    {
        var data = Bytes(value, 'p');
        var result = new byte[size];
        if (size == 0) return result;
        int n = Math.Min(data.Length, size - 1);
        Array.Copy(data, 0, result, 1, n);
        result[0] = (byte)Math.Min(n, 255);
        return result;
    }

    private static byte[] Float(char code, object? value)
    {
        double x = value switch
        {
            double d => d,
            PyInt or long or int or bool => (double)Dyn.Cast<PyInt>(value),
            _ => throw new StructError("required argument is not a float"),
        };
        return code switch
        {
            'e' => BitConverter.GetBytes(Narrow((Half)x, x, code)),
            'f' => BitConverter.GetBytes(Narrow((float)x, x, code)),
            _ => BitConverter.GetBytes(x),
        };
    }

    private static T Narrow<T>(T narrowed, double x, char code) where T : IFloatingPointIeee754<T> =>
        T.IsInfinity(narrowed) && !double.IsInfinity(x) ? throw new OverflowError($"float too large to pack with {code} format") : narrowed;

    private static byte[] Integer(StructLayout layout, StructLayout.Item item, object? value)
    {
        BigInteger v = IntegerArgument(value);
        bool unsigned = char.IsUpper(item.Code);
        var lo = unsigned ? BigInteger.Zero : -(BigInteger.One << (item.Size * 8 - 1));
        var hi = (BigInteger.One << (item.Size * 8 - (unsigned ? 0 : 1))) - 1;
        if (v < lo || v > hi) throw RangeError(layout, item, v, lo, hi);
        var raw = new byte[item.Size];
        v.TryWriteBytes(raw, out _, isUnsigned: unsigned, isBigEndian: false);
        if (v.Sign < 0) raw.AsSpan(v.GetByteCount()).Fill(0xff);
        return raw;
    }

    private static PyInt IntegerArgument(object? value) =>
        value is PyInt or long or int or bool or PyObject ? Dyn.Cast<PyInt>(value) : throw new StructError("required argument is not an integer");

    /// <summary>
    /// CPython's message for a value out of range, which depends on the C routine that packs the format:
    /// b B (and h H in little-endian orders) name the C type, i I and the 4-byte l L quote the format, the 8-byte
    /// ones say "argument out of range" ("int too large to convert" big-endian), as does anything outside a C long.
    /// </summary>
    private static StructError RangeError(StructLayout layout, StructLayout.Item item, BigInteger v, BigInteger lo, BigInteger hi)
    {
        if (item.Size == 8) return new StructError(layout.BigEndian ? "int too large to convert" : "argument out of range");
        bool named = "bB".Contains(item.Code) || "hH".Contains(item.Code) && !layout.BigEndian;
        if (!InConversionRange(v, !named && char.IsUpper(item.Code))) return new StructError("argument out of range");
        return new StructError(named ? $"{CName(item.Code)} format requires {lo} <= number <= {hi}" : $"'{item.Code}' format requires {lo} <= number <= {hi}");
    }

    /// <summary>Whether the value converts to the C long (or, for an unsigned routine, unsigned long) CPython reads first.</summary>
    private static bool InConversionRange(BigInteger v, bool unsignedLong) =>
        unsignedLong ? v.Sign >= 0 && v <= ulong.MaxValue : v >= CLongMin && v <= CLongMax;

    private static string CName(char code) => code switch { 'b' => "byte", 'B' => "ubyte", 'h' => "short", _ => "ushort" };
}
