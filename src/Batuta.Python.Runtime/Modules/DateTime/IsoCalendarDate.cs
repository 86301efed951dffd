using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary><c>date.isocalendar()</c>: a (year, week, weekday) tuple with named fields, as CPython 3.9+.</summary>
public sealed class IsoCalendarDate : IReadOnlyList<object?>, ITuple, IPyObject, IPyTyped, IPyAttributes, IPyHashable
{
    private readonly object?[] _items;

    public IsoCalendarDate(int year, int week, int weekday) => _items = [new PyInt(year), new PyInt(week), new PyInt(weekday)];

    public object? this[int index] => _items[index];
    public int Count => 3;
    public int Length => 3;
    public string PyTypeName => "IsoCalendarDate";
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public string PyRepr() => $"datetime.IsoCalendarDate(year={_items[0]}, week={_items[1]}, weekday={_items[2]})";
    public string PyStr() => PyRepr();
    public long PyHash() => new PyTuple(_items).GetHashCode();
    public override bool Equals(object? obj) => obj is ITuple t && t.Length == 3 && Dyn.Eq(t[0], _items[0]) && Dyn.Eq(t[1], _items[1]) && Dyn.Eq(t[2], _items[2]);
    public override int GetHashCode() => new PyTuple(_items).GetHashCode();

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch { "year" => _items[0], "week" => _items[1], "weekday" => _items[2], _ => null };
        return value is not null;
    }
}
