using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Batuta.ML.Persistence;

/// <summary>
/// Collects one estimator's schema node (type, hyperparameters, scalar attributes, array fields with
/// dtype/shape/offset, nested estimators) and appends the arrays to the shared data section.
/// </summary>
internal sealed class ModelWriter
{
    private readonly MemoryStream _data;
    private readonly Dictionary<string, object?> _attrs = new(StringComparer.Ordinal);
    private readonly List<FieldInfo> _fields = [];
    private readonly Dictionary<string, List<ModelWriter>> _children = new(StringComparer.Ordinal);
    private readonly Estimator _estimator;

    private ModelWriter(Estimator estimator, MemoryStream data)
    {
        _estimator = estimator;
        _data = data;
    }

    internal sealed record FieldInfo(string Name, string DType, int[] Shape, long Offset, long Bytes);

    public static (ModelWriter Root, MemoryStream Data) Create(Estimator estimator)
    {
        var data = new MemoryStream();
        var w = new ModelWriter(estimator, data);
        w.Fill();
        return (w, data);
    }

    private void Fill()
    {
        _estimator.CheckFitted();
        _estimator.WriteState(this);
    }

    public void Write(string name, double value) => _attrs[name] = value;

    public void Write(string name, long value) => _attrs[name] = value;

    public void Write(string name, bool value) => _attrs[name] = value;

    public void Write(string name, string? value) => _attrs[name] = value;

    public void Write(string name, double[] values, params int[] shape) => WriteArray(name, "float64", MemoryMarshal.AsBytes(values.AsSpan()), values.Length, shape);

    public void Write(string name, float[] values, params int[] shape) => WriteArray(name, "float32", MemoryMarshal.AsBytes(values.AsSpan()), values.Length, shape);

    public void Write(string name, int[] values, params int[] shape) => WriteArray(name, "int32", MemoryMarshal.AsBytes(values.AsSpan()), values.Length, shape);

    public void Write(string name, long[] values, params int[] shape) => WriteArray(name, "int64", MemoryMarshal.AsBytes(values.AsSpan()), values.Length, shape);

    public void Write(string name, string[] values)
    {
        _attrs[name] = values;
    }

    private void WriteArray(string name, string dtype, ReadOnlySpan<byte> bytes, int length, int[] shape)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("model files are little-endian; this machine is big-endian.");
        var dims = shape.Length == 0 ? [length] : shape;
        long count = 1;
        foreach (var d in dims) count *= d;
        if (count != length) throw new InvalidOperationException($"field {name}: shape ({string.Join(", ", dims)}) does not hold {length} elements.");
        while (_data.Length % 8 != 0) _data.WriteByte(0);
        long offset = _data.Length;
        _data.Write(bytes);
        _fields.Add(new FieldInfo(name, dtype, dims, offset, bytes.Length));
    }

    public void WriteChild(string name, Estimator child) => WriteChildren(name, [child]);

    public void WriteChildren(string name, IEnumerable<Estimator> children)
    {
        var list = new List<ModelWriter>();
        foreach (var c in children)
        {
            var w = new ModelWriter(c, _data);
            w.Fill();
            list.Add(w);
        }
        _children[name] = list;
    }

    /// <summary>The schema node as JSON.</summary>
    public void WriteSchema(Utf8JsonWriter j)
    {
        j.WriteStartObject();
        j.WriteString("type", _estimator.GetType().Name);
        j.WriteNumber("n_features_in", _estimator.NFeaturesIn);
        j.WritePropertyName("params");
        WriteParams(j, _estimator);
        j.WritePropertyName("attrs");
        j.WriteStartObject();
        foreach (var (k, v) in _attrs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            j.WritePropertyName(k);
            WriteValue(j, v);
        }
        j.WriteEndObject();
        j.WritePropertyName("fields");
        j.WriteStartArray();
        foreach (var f in _fields)
        {
            j.WriteStartObject();
            j.WriteString("name", f.Name);
            j.WriteString("dtype", f.DType);
            j.WritePropertyName("shape");
            j.WriteStartArray();
            foreach (var d in f.Shape) j.WriteNumberValue(d);
            j.WriteEndArray();
            j.WriteNumber("offset", f.Offset);
            j.WriteNumber("nbytes", f.Bytes);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WritePropertyName("children");
        j.WriteStartObject();
        foreach (var (k, list) in _children)
        {
            j.WritePropertyName(k);
            j.WriteStartArray();
            foreach (var c in list) c.WriteSchema(j);
            j.WriteEndArray();
        }
        j.WriteEndObject();
        j.WriteEndObject();
    }

    internal static void WriteParams(Utf8JsonWriter j, Estimator e)
    {
        j.WriteStartObject();
        foreach (var p in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attr = p.GetCustomAttribute<HyperparameterAttribute>();
            if (attr is null) continue;
            j.WritePropertyName(attr.PythonName);
            var v = p.GetValue(e);
            if (v is Estimator nested)
            {
                j.WriteStartObject();
                j.WriteString("$estimator", nested.GetType().Name);
                j.WritePropertyName("params");
                WriteParams(j, nested);
                j.WriteEndObject();
            }
            else
            {
                WriteValue(j, v);
            }
        }
        j.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter j, object? v)
    {
        switch (v)
        {
            case null: j.WriteNullValue(); break;
            case bool b: j.WriteBooleanValue(b); break;
            case int i: j.WriteNumberValue(i); break;
            case long l: j.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): j.WriteNumberValue(d); break;
            case double d: j.WriteStringValue(double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf"); break;
            case float f: j.WriteNumberValue(f); break;
            case string s: j.WriteStringValue(s); break;
            case SplitSize ss:
                j.WriteStartObject();
                j.WriteNumber(ss.IsCount ? "count" : "fraction", ss.Value);
                j.WriteEndObject();
                break;
            case MaxFeatures mf when mf.Name is not null:
                j.WriteStringValue(mf.Name);
                break;
            case MaxFeatures mf:
                j.WriteStartObject();
                j.WriteNumber(mf.IsCount ? "count" : "fraction", mf.Value);
                j.WriteEndObject();
                break;
            case ValueTuple<double, double> t:
                j.WriteStartArray();
                j.WriteNumberValue(t.Item1);
                j.WriteNumberValue(t.Item2);
                j.WriteEndArray();
                break;
            case double[] da:
                j.WriteStartArray();
                foreach (var x in da) j.WriteNumberValue(x);
                j.WriteEndArray();
                break;
            case IReadOnlyDictionary<double, double> dict:
                j.WriteStartObject();
                j.WriteString("$dict", "float->float");
                j.WritePropertyName("items");
                j.WriteStartArray();
                foreach (var (k, val) in dict.OrderBy(kv => kv.Key))
                {
                    j.WriteStartArray();
                    j.WriteNumberValue(k);
                    j.WriteNumberValue(val);
                    j.WriteEndArray();
                }
                j.WriteEndArray();
                j.WriteEndObject();
                break;
            case string[] sa:
                j.WriteStartArray();
                foreach (var x in sa) j.WriteStringValue(x);
                j.WriteEndArray();
                break;
            default: throw new NotSupportedException($"model files cannot store a value of type {v.GetType().Name}.");
        }
    }
}
