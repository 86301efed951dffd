namespace Batuta.Python.Runtime;

/// <summary>A migrated @dataclass or named tuple: its fields by name, in declaration order.</summary>
public interface IPyDataclass
{
    PyDict<string, object?> PyFields();
}

/// <summary>dataclasses.FrozenInstanceError: assigning a field of a frozen dataclass.</summary>
public sealed class FrozenInstanceError : AttributeError
{
    public FrozenInstanceError(string message) : base(message) { }
    protected override string? PyTypeNameOverride => "FrozenInstanceError";
    public override string PyModule => "dataclasses";
}

public static partial class Py
{
    /// <summary>dataclasses.asdict: dataclasses become dicts, and lists, tuples and dicts are copied, recursively.</summary>
    public static PyDict<string, object?> AsDict(object? o) =>
        o is IPyDataclass d ? new PyDict<string, object?>(d.PyFields().Items().Select(kv => new KeyValuePair<string, object?>(kv.Item1, DeepCopyFields(kv.Item2, asTuple: false))))
        : throw new TypeError("asdict() should be called on dataclass instances");

    /// <summary>dataclasses.astuple: the field values as a tuple, recursively.</summary>
    public static PyTuple AsTuple(object? o) =>
        o is IPyDataclass d ? new PyTuple(d.PyFields().Values().Select(v => DeepCopyFields(v, asTuple: true)).ToArray())
        : throw new TypeError("astuple() should be called on dataclass instances");

    private static object? DeepCopyFields(object? v, bool asTuple) => v switch
    {
        // a named tuple stays one (json.dumps writes it as a list), rebuilt from its copied items as CPython does
        IPyDataclass nt and System.Runtime.CompilerServices.ITuple t => Dyn.Construct(nt.GetType(), CopiedItems(t, asTuple)),
        IPyDataclass d when asTuple => AsTuple(d),
        IPyDataclass d => AsDict(d),
        IPyList l => new PyList<object?>(l.Cast<object?>().Select(x => DeepCopyFields(x, asTuple))),
        IPyDict m => new PyDict<object?, object?>(m.ItemsObject().Select(kv => new KeyValuePair<object?, object?>(DeepCopyFields(kv.Key, asTuple), DeepCopyFields(kv.Value, asTuple)))),
        PyTuple t => new PyTuple(t.Select(x => DeepCopyFields(x, asTuple)).ToArray()),
        System.Runtime.CompilerServices.ITuple t => new PyTuple(CopiedItems(t, asTuple)),
        _ => v,
    };

    private static object?[] CopiedItems(System.Runtime.CompilerServices.ITuple t, bool asTuple) =>
        Enumerable.Range(0, t.Length).Select(i => DeepCopyFields(t[i], asTuple)).ToArray();
}
