namespace Batuta.Python.Runtime;

/// <summary>
/// A value that is a Python str with more on top (a member of <c>class Kind(str, Enum)</c>, an instance of
/// <c>class Upper(str)</c>): the runtime's str operations (+, ==, ordering, hashing, len, in, str's methods, join,
/// isinstance(x, str)) see its text.
/// </summary>
public interface IPyStrValue
{
    string StrValue { get; }
}

/// <summary>
/// Base of migrated <c>class Upper(str)</c> classes: an instance is the str its <c>__new__</c> made with
/// <c>str.__new__(cls, value)</c>, with the class's own methods and attributes on top. str's methods on it give
/// plain strs, as in Python.
/// </summary>
public abstract class PyStrSubclass : PyObject, IPyStrValue, IPySized, IPyGetItem, IPyHashable, IPyOrdered, IComparable, IPyBool, IEnumerable<object?>, Text.IPyFormattable
{
    private string _value = "";

    public string StrValue => _value;

    /// <summary><c>str.__new__(cls, value)</c> on the fresh instance of cls: its text is str(value).</summary>
    public static T Create<T>(T instance, object? value) where T : PyStrSubclass
    {
        instance._value = Str.Of(value);
        return instance;
    }

    public int Count => (int)Dyn.Len(_value);
    public bool PyBool() => _value.Length > 0;
    public object? PyGetItem(object? key) => Dyn.GetItem(_value, key);

    public IEnumerator<object?> GetEnumerator() => Dyn.Iter(_value).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string PyRepr() => Repr.Of(_value);
    public override string PyStr() => _value;
    public virtual string PyFormat(string spec) => Text.Format.Apply(_value, spec);

    public override bool Equals(object? obj) => obj switch
    {
        string s => s == _value,
        IPyStrValue v => v.StrValue == _value,
        _ => false,
    };
    public override int GetHashCode() => (int)PyHash();
    public long PyHash() => Dyn.PyHashOf(_value);

    public int PyCompare(object? other) => Dyn.Compare(_value, other);
    public int CompareTo(object? obj) => PyCompare(obj);
}
