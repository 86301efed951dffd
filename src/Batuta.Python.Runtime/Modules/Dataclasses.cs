namespace Batuta.Python.Runtime;

/// <summary>A migrated @dataclass or named tuple: its fields by name, in declaration order.</summary>
public interface IPyDataclass
{
    PyDict<string, object?> PyFields();
}

/// <summary>One entry of <c>dataclasses.fields()</c>: the field's <c>name</c> (its type and default are not kept at run time).</summary>
public sealed class PyDataclassField(string name) : IPyObject, IPyAttributes
{
    public string Name { get; } = name;
    public string PyTypeName => "Field";
    public string PyRepr() => $"Field(name={Repr.Of(Name)})";
    public string PyStr() => PyRepr();

    public bool TryGetAttr(string attr, out object? value)
    {
        value = attr == "name" ? Name : null;
        return attr == "name";
    }
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
    /// <summary>dataclasses.fields(cls or instance): the fields in declaration order, base classes' first.</summary>
    public static PyTuple DataclassFields(params string[] names) => new(names.Select(n => (object?)new PyDataclassField(n)).ToArray());

    /// <summary>dataclasses.fields() of an instance whose class only the run time knows.</summary>
    public static PyTuple DataclassFieldsOf(object? o) => o is IPyDataclass d
        ? DataclassFields(d.PyFields().Keys().ToArray())
        : throw new TypeError("must be called with a dataclass type or instance");

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
