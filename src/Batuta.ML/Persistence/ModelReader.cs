using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Batuta.ML.Persistence;

/// <summary>
/// Reads one schema node back: builds the estimator from the registry (never from an arbitrary type
/// name), restores its hyperparameters and hands it its fields. Every offset, length and shape is
/// checked against the data section before use.
/// </summary>
internal sealed class ModelReader
{
    private readonly JsonElement _node;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly string _path;

    private ModelReader(JsonElement node, ReadOnlyMemory<byte> data, string path)
    {
        _node = node;
        _data = data;
        _path = path;
        if (!node.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array) throw Bad("has no 'fields' array");
        foreach (var f in fields.EnumerateArray())
        {
            var name = Str(f, "name");
            if (!_fields.TryAdd(name, f)) throw Bad($"lists field '{name}' twice");
        }
    }

    public static Estimator Load(JsonElement node, ReadOnlyMemory<byte> data, string path = "model", int depth = 0)
    {
        if (depth > 32) throw new AprFormatException($"{path}: estimators nested more than 32 deep; the schema is malformed.");
        if (node.ValueKind != JsonValueKind.Object) throw new AprFormatException($"{path}: schema node is not an object.");
        var r = new ModelReader(node, data, path);
        var typeName = Str(node, "type", path);
        var estimator = EstimatorRegistry.Create(typeName, path);
        if (node.TryGetProperty("params", out var ps)) ReadParams(estimator, ps, path, depth);
        r.Depth = depth;
        try
        {
            estimator.ReadState(r);
        }
        catch (Exception e) when (e is not AprFormatException and not OutOfMemoryException)
        {
            throw new AprFormatException($"{path} ({typeName}): the fitted state is inconsistent: {e.Message}", e);
        }
        if (!estimator.IsFitted) throw new AprFormatException($"{path} ({typeName}): the fitted state is incomplete.");
        return estimator;
    }

    private int Depth { get; set; }

    private AprFormatException Bad(string what) => new($"{_path}: the schema {what}.");

    private static string Str(JsonElement e, string prop, string path = "model")
    {
        if (!e.TryGetProperty(prop, out var v) || v.ValueKind != JsonValueKind.String) throw new AprFormatException($"{path}: the schema has no string '{prop}'.");
        return v.GetString().OrThrow();
    }

    public bool Has(string name) => _fields.ContainsKey(name) || Attr(name) is not null;

    private JsonElement? Attr(string name) =>
        _node.TryGetProperty("attrs", out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) ? v : null;

    private JsonElement NeedAttr(string name) => Attr(name) ?? throw Bad($"has no attribute '{name}'");

    public double ReadDouble(string name)
    {
        var v = NeedAttr(name);
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString() switch
            {
                "nan" => double.NaN,
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => throw Bad($"attribute '{name}' is not a number"),
            };
        }
        throw Bad($"attribute '{name}' is not a number");
    }

    public long ReadLong(string name)
    {
        var v = NeedAttr(name);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long l)) throw Bad($"attribute '{name}' is not an integer");
        return l;
    }

    public int ReadInt(string name)
    {
        long l = ReadLong(name);
        if (l is < int.MinValue or > int.MaxValue) throw Bad($"attribute '{name}' is out of range");
        return (int)l;
    }

    public bool ReadBool(string name)
    {
        var v = NeedAttr(name);
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad($"attribute '{name}' is not a boolean"),
        };
    }

    public string? ReadString(string name)
    {
        var v = NeedAttr(name);
        return v.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => v.GetString(),
            _ => throw Bad($"attribute '{name}' is not a string"),
        };
    }

    public string[] ReadStrings(string name)
    {
        var v = NeedAttr(name);
        if (v.ValueKind != JsonValueKind.Array) throw Bad($"attribute '{name}' is not a list");
        return v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString().OrThrow() : throw Bad($"attribute '{name}' holds a non-string")).ToArray();
    }

    public int[] Shape(string name)
    {
        var f = Field(name);
        return f.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    private JsonElement Field(string name) => _fields.TryGetValue(name, out var f) ? f : throw Bad($"has no field '{name}'");

    private ReadOnlySpan<byte> Bytes(string name, string dtype, int itemSize, out int count)
    {
        var f = Field(name);
        if (Str(f, "dtype", _path) != dtype) throw Bad($"field '{name}' has dtype {Str(f, "dtype", _path)}, expected {dtype}");
        if (!f.TryGetProperty("offset", out var o) || !o.TryGetInt64(out long offset) ||
            !f.TryGetProperty("nbytes", out var nb) || !nb.TryGetInt64(out long nbytes) ||
            !f.TryGetProperty("shape", out var sh) || sh.ValueKind != JsonValueKind.Array)
            throw Bad($"field '{name}' lacks offset, nbytes or shape");
        long elements = 1;
        foreach (var d in sh.EnumerateArray())
        {
            if (!d.TryGetInt32(out int di) || di < 0) throw Bad($"field '{name}' has a bad shape");
            elements *= di;
            if (elements > int.MaxValue) throw Bad($"field '{name}' is too large");
        }
        if (nbytes != elements * itemSize) throw Bad($"field '{name}' has {nbytes} bytes for {elements} {dtype} elements");
        if (offset < 0 || offset % 8 != 0 || offset > _data.Length || nbytes > _data.Length - offset)
            throw Bad($"field '{name}' points outside the data section (offset {offset}, {nbytes} bytes, section {_data.Length} bytes)");
        count = (int)elements;
        return _data.Span.Slice((int)offset, (int)nbytes);
    }

    public double[] ReadDoubles(string name) => MemoryMarshal.Cast<byte, double>(Bytes(name, "float64", 8, out _)).ToArray();

    public float[] ReadFloats(string name) => MemoryMarshal.Cast<byte, float>(Bytes(name, "float32", 4, out _)).ToArray();

    public int[] ReadInts(string name) => MemoryMarshal.Cast<byte, int>(Bytes(name, "int32", 4, out _)).ToArray();

    public long[] ReadLongs(string name) => MemoryMarshal.Cast<byte, long>(Bytes(name, "int64", 8, out _)).ToArray();

    public int NFeaturesIn => _node.TryGetProperty("n_features_in", out var v) && v.TryGetInt32(out int n) && n >= 0 ? n : throw Bad("has no n_features_in");

    public Estimator ReadChild(string name)
    {
        var list = ReadChildren(name);
        if (list.Count != 1) throw Bad($"child '{name}' holds {list.Count} estimators, expected 1");
        return list[0];
    }

    public IReadOnlyList<Estimator> ReadChildren(string name)
    {
        if (!_node.TryGetProperty("children", out var c) || c.ValueKind != JsonValueKind.Object || !c.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array)
            throw Bad($"has no children '{name}'");
        var result = new List<Estimator>();
        int i = 0;
        foreach (var node in arr.EnumerateArray()) result.Add(Load(node, _data, $"{_path}.{name}[{i++}]", Depth + 1));
        return result;
    }

    private static void ReadParams(Estimator e, JsonElement ps, string path, int depth)
    {
        if (ps.ValueKind != JsonValueKind.Object) throw new AprFormatException($"{path}: 'params' is not an object.");
        var props = e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, a: p.GetCustomAttribute<HyperparameterAttribute>()))
            .Where(t => t.a is not null)
            .ToDictionary(t => t.a.OrThrow().PythonName, t => t.p, StringComparer.Ordinal);
        foreach (var prop in ps.EnumerateObject())
        {
            if (!props.TryGetValue(prop.Name, out var p))
                throw new AprFormatException($"{path}: {e.Name} has no hyperparameter '{prop.Name}' (the file was written by a newer or different library).");
            if (!p.CanWrite) continue;
            try
            {
                p.SetValue(e, Convert(prop.Value, p.PropertyType, path, depth));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or TargetInvocationException)
            {
                throw new AprFormatException($"{path}: hyperparameter '{prop.Name}' of {e.Name} has an unusable value: {ex.Message}", ex);
            }
        }
    }

    private static object? Convert(JsonElement v, Type type, string path, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (v.ValueKind == JsonValueKind.Null)
        {
            if (t.IsValueType && Nullable.GetUnderlyingType(type) is null) throw new FormatException("null for a non-nullable value");
            return null;
        }
        if (t == typeof(bool)) return v.GetBoolean();
        if (t == typeof(int)) return v.GetInt32();
        if (t == typeof(long)) return v.GetInt64();
        if (t == typeof(double))
        {
            if (v.ValueKind == JsonValueKind.String)
                return v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => throw new FormatException("not a number") };
            return v.GetDouble();
        }
        if (t == typeof(float)) return v.GetSingle();
        if (t == typeof(string)) return v.GetString();
        if (t == typeof(SplitSize))
        {
            if (v.TryGetProperty("count", out var cnt)) return (SplitSize)cnt.GetInt32();
            return (SplitSize)v.GetProperty("fraction").GetDouble();
        }
        if (t == typeof(MaxFeatures))
        {
            if (v.ValueKind == JsonValueKind.String) return (MaxFeatures)(v.GetString() ?? throw new FormatException("null max_features"));
            if (v.TryGetProperty("count", out var cnt)) return (MaxFeatures)cnt.GetInt32();
            return (MaxFeatures)v.GetProperty("fraction").GetDouble();
        }
        if (t == typeof(ValueTuple<double, double>))
        {
            var items = v.EnumerateArray().Select(x => x.GetDouble()).ToArray();
            if (items.Length != 2) throw new FormatException("expected a pair");
            return (items[0], items[1]);
        }
        if (t == typeof(double[])) return v.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        if (t == typeof(string[])) return v.EnumerateArray().Select(x => x.GetString() ?? throw new FormatException("null in a string list")).ToArray();
        if (t == typeof(object))
        {
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("$dict", out _))
            {
                var dict = new Dictionary<double, double>();
                foreach (var pair in v.GetProperty("items").EnumerateArray())
                {
                    var kv = pair.EnumerateArray().Select(x => x.GetDouble()).ToArray();
                    if (kv.Length != 2) throw new FormatException("expected key/value pairs");
                    dict[kv[0]] = kv[1];
                }
                return (IReadOnlyDictionary<double, double>)dict;
            }
            throw new FormatException("unsupported value");
        }
        if (typeof(Estimator).IsAssignableFrom(t))
        {
            if (depth > 32) throw new FormatException("nested too deep");
            var name = v.GetProperty("$estimator").GetString() ?? throw new FormatException("no estimator type");
            var nested = EstimatorRegistry.Create(name, path);
            if (v.TryGetProperty("params", out var ps)) ReadParams(nested, ps, path, depth + 1);
            if (!t.IsInstanceOfType(nested)) throw new FormatException($"{name} is not a {t.Name}");
            return nested;
        }
        throw new FormatException($"unsupported hyperparameter type {t.Name}");
    }
}
