namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated <c>class Count(int)</c> classes: an instance is the int its construction made (<c>int(x)</c>), with
/// the class's own methods and attributes on top. Arithmetic, comparison, hashing, str/repr/format and int's methods
/// see the int; arithmetic gives plain ints, as in Python (<c>Count(3) + 4</c> is an int).
/// </summary>
public abstract class PyIntSubclass : PyObject, IPyInt, IPyBool, IPyHashable, IPyOrdered, IComparable, Text.IPyFormattable, IPyBuiltinSubclass
{
    private PyInt _value = new(0);

    public PyInt IntValue => _value;

    object IPyBuiltinSubclass.BuiltinValue => _value;

    /// <summary><c>int.__new__(cls, value)</c> on the fresh instance of cls: its value is int(value).</summary>
    public static T Create<T>(T instance, object? value) where T : PyIntSubclass
    {
        instance._value = Py.Int(value);
        return instance;
    }

    PyInt IPyInt.PyInt() => _value;
    public bool PyBool() => !_value.IsZero;
    public override string PyRepr() => _value.ToString();
    public override string PyStr() => PyRepr();
    public virtual string PyFormat(string spec) => Text.Format.Apply(_value, spec);
    public long PyHash() => Runtime.PyHash.Int(_value);
    public override int GetHashCode() => (int)PyHash();
    public override bool Equals(object? obj) => Dyn.Eq(_value, obj);
    public int PyCompare(object? other) => Dyn.Compare(_value, other);
    public int CompareTo(object? obj) => PyCompare(obj);
}

/// <summary>
/// Base of migrated <c>class Celsius(float)</c> classes: an instance is the float its construction made
/// (<c>float(x)</c>), with the class's own methods and attributes on top. Arithmetic gives plain floats, as in Python.
/// </summary>
public abstract class PyFloatSubclass : PyObject, IPyBool, IPyHashable, IPyOrdered, IComparable, Text.IPyFormattable, IPyBuiltinSubclass
{
    private double _value;

    public double FloatValue => _value;

    object IPyBuiltinSubclass.BuiltinValue => _value;

    /// <summary><c>float.__new__(cls, value)</c> on the fresh instance of cls: its value is float(value).</summary>
    public static T Create<T>(T instance, object? value) where T : PyFloatSubclass
    {
        instance._value = Py.Float(value);
        return instance;
    }

    public bool PyBool() => _value != 0;
    public override string PyRepr() => Repr.Of(_value);
    public override string PyStr() => PyRepr();
    public virtual string PyFormat(string spec) => Text.Format.Apply(_value, spec);
    public long PyHash() => Dyn.PyHashOf(_value);
    public override int GetHashCode() => (int)PyHash();
    public override bool Equals(object? obj) => Dyn.Eq(_value, obj);
    public int PyCompare(object? other) => Dyn.Compare(_value, other);
    public int CompareTo(object? obj) => PyCompare(obj);
}
