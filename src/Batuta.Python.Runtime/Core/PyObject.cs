namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated Python classes: default <c>repr</c> (<c>&lt;__main__.Point object at 0x...&gt;</c>),
/// <c>str</c> falling back to <c>repr</c>, and the Python type name.
/// </summary>
public abstract class PyObject : IPyObject, IPyTyped
{
    public virtual string PyTypeName => GetType().Name;

    public virtual string PyRepr() => $"<__main__.{PyTypeName} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public virtual string PyStr() => PyRepr();

    public override string ToString() => PyStr();
}

/// <summary>Base of migrated <c>enum.Enum</c> classes.</summary>
public abstract class PyEnum : PyObject, IPyHashable
{
    protected PyEnum(string name, object? value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }
    public object? Value { get; }

    public override string PyRepr() => $"<{PyTypeName}.{Name}: {Repr.Of(Value)}>";
    public override string PyStr() => $"{PyTypeName}.{Name}";
    public long PyHash() => Dyn.PyHashOf(Name);
}
