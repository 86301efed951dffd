using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>difflib's <c>Match(a, b, size)</c> named tuple.</summary>
public sealed class DiffMatch(int a, int b, int size) : IReadOnlyList<object?>, ITuple, IPyObject, IPyTyped, IPyAttributes, IPyHashable
{
    public int A { get; } = a;
    public int B { get; } = b;
    public int Size { get; } = size;

    private object?[] Items => [new PyInt(A), new PyInt(B), new PyInt(Size)];

    public object? this[int index] => Items[index];
    public int Count => 3;
    public int Length => 3;
    public string PyTypeName => "Match";
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public string PyRepr() => $"Match(a={A}, b={B}, size={Size})";
    public string PyStr() => PyRepr();
    public long PyHash() => new PyTuple(Items).GetHashCode();
    public override bool Equals(object? obj) => obj is ITuple t && t.Length == 3 && Dyn.Eq(t[0], Items[0]) && Dyn.Eq(t[1], Items[1]) && Dyn.Eq(t[2], Items[2]);
    public override int GetHashCode() => new PyTuple(Items).GetHashCode();

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch { "a" => new PyInt(A), "b" => new PyInt(B), "size" => new PyInt(Size), _ => null };
        return value is not null;
    }
}
