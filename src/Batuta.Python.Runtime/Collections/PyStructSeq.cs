using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// CPython's named-field tuples (struct sequences such as <c>time.struct_time</c>): a read-only tuple that also
/// answers its fields by name, equal to and hashed as the plain tuple of its items.
/// </summary>
public abstract class PyStructSeq : IReadOnlyList<object?>, ITuple, IPyObject, IPyTyped, IPyAttributes, IPyHashable
{
    private readonly string _qualifiedName;
    private readonly string[] _fields;
    private readonly object?[] _items;

    protected PyStructSeq(string qualifiedName, string[] fields, object?[] items)
    {
        _qualifiedName = qualifiedName;
        _fields = fields;
        _items = items;
    }

    public object? this[int index] => _items[index];
    public int Count => _items.Length;
    public int Length => _items.Length;
    public string PyTypeName => _qualifiedName[(_qualifiedName.LastIndexOf('.') + 1)..];
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => _qualifiedName + "(" + string.Join(", ", _fields.Select((f, i) => f + "=" + Repr.Of(_items[i]))) + ")";
    public string PyStr() => PyRepr();
    public long PyHash() => new PyTuple(_items).GetHashCode();
    public override bool Equals(object? obj) => obj is ITuple t && t.Length == _items.Length && _items.Select((v, i) => Dyn.Eq(t[i], v)).All(eq => eq);
    public override int GetHashCode() => new PyTuple(_items).GetHashCode();

    public virtual bool TryGetAttr(string name, out object? value)
    {
        int i = Array.IndexOf(_fields, name);
        value = i >= 0 ? _items[i] : null;
        return i >= 0;
    }
}
