namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated Python classes: default <c>repr</c> (<c>&lt;__main__.Point object at 0x...&gt;</c>),
/// <c>str</c> falling back to <c>repr</c>, and the Python type name.
/// </summary>
public abstract class PyObject : IPyObject, IPyTyped
{
    public virtual string PyTypeName => GetType().Name;

    /// <summary>False for a class that (with all its bases) declares <c>__slots__</c>: its instances take no new attributes.</summary>
    public virtual bool PyHasDict => true;

    /// <summary>
    /// <c>vars(obj)</c> / <c>obj.__dict__</c>: a snapshot of the instance attributes. Virtual so a base-class method (or
    /// code that does not know the class) sees the fields the object's own class declares; the transpiler overrides it.
    /// </summary>
    public virtual PyDict<string, object?> PyVars() => Dyn.WithExtraAttributes(this, new PyDict<string, object?>());

    public virtual string PyRepr() => $"<__main__.{PyTypeName} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public virtual string PyStr() => PyRepr();

    public override string ToString() => PyStr();
}

/// <summary>Base of migrated <c>enum.Enum</c> classes.</summary>
public abstract class PyEnum : PyObject, IPyHashable, Text.IPyFormattable
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
    public virtual long PyHash() => Dyn.PyHashOf(Name);
    public override int GetHashCode() => (int)PyHash();

    /// <summary>Enum.__format__: the str() of the member.</summary>
    public virtual string PyFormat(string spec) => Text.Format.Apply(PyStr(), spec);

    /// <summary><c>Color(2)</c>: the member with that value.</summary>
    public static T Lookup<T>(IReadOnlyList<T> members, object? value, string cls) where T : PyEnum =>
        members.FirstOrDefault(m => Dyn.Eq(m.Value, value))
        ?? (members.Count > 0 && members[0] is PyFlagEnum flag && value is PyInt bits && bits.IsSmall && (flag.AllBits() & bits.Small) == bits.Small ? (T)(object)flag.Of(bits.Small) : null)
        ?? Missing<T>(value, cls);

    /// <summary>A value no member has: the class's <c>_missing_</c> hook may name the member; else CPython's ValueError.</summary>
    private static T Missing<T>(object? value, string cls) where T : PyEnum
    {
        var notValid = new ValueError($"{Repr.Of(value)} is not a valid {cls}");
        var hook = typeof(T).GetMethod(Naming.Member("_missing_"), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy);
        if (hook is null || hook.GetParameters().Length != 1) throw notValid;
        var result = Dyn.Unwrapped(() => hook.Invoke(null, [Dyn.Convert(value, hook.GetParameters()[0].ParameterType)]));
        return result switch
        {
            T member => member,
            null => throw notValid,
            _ => throw new TypeError($"error in {cls}._missing_: returned {Repr.Of(result)} instead of None or a valid member"),
        };
    }

    /// <summary><c>Color["RED"]</c>: the member with that name.</summary>
    public static T ByName<T>(IReadOnlyList<T> members, string name) where T : PyEnum =>
        members.FirstOrDefault(m => m.Name == name) ?? throw new KeyError(name);
}

/// <summary>Base of migrated <c>enum.IntEnum</c> classes: members are ints (arithmetic, order, str() and format of the value, as 3.11).</summary>
public abstract class PyIntEnum : PyEnum, IPyInt, IPyOrdered, IComparable, IPyBool
{
    protected PyIntEnum(string name, object? value) : base(name, value) { }

    /// <summary>An int member's truth is its value's (a member of value 0 is false).</summary>
    public bool PyBool() => !IntValue.IsZero;

    public PyInt IntValue => Dyn.Cast<PyInt>(Value);
    PyInt IPyInt.PyInt() => IntValue;
    public override string PyStr() => IntValue.ToString();
    public override string PyFormat(string spec) => Text.Format.Apply(IntValue, spec);
    public override long PyHash() => Runtime.PyHash.Int(IntValue);
    public int PyCompare(object? other) => Dyn.Compare(IntValue, other);
    public int CompareTo(object? other) => PyCompare(other);
    public override bool Equals(object? obj) => Dyn.Eq(IntValue, obj);
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>
/// Base of migrated <c>class Level(int, Enum)</c> classes: members are ints, but str() and format() are Enum's
/// (<c>Level.HIGH</c>), as in 3.11.
/// </summary>
public abstract class PyIntMixinEnum : PyIntEnum
{
    protected PyIntMixinEnum(string name, object? value) : base(name, value) { }

    public override string PyStr() => $"{PyTypeName}.{Name}";
    public override string PyFormat(string spec) => Text.Format.Apply(PyStr(), spec);
}

/// <summary>
/// Base of migrated <c>class Unit(str, Enum)</c> classes: members equal and hash as their str values (dict keys, ==),
/// but str() and format() are Enum's (<c>Unit.KM</c>), as in 3.11.
/// </summary>
public abstract class PyStrMixinEnum : PyStrEnum
{
    protected PyStrMixinEnum(string name, object? value) : base(name, value) { }

    public override string PyStr() => $"{PyTypeName}.{Name}";
    public override string PyFormat(string spec) => Text.Format.Apply(PyStr(), spec);
}

/// <summary>Base of migrated <c>enum.StrEnum</c> classes: str() and format give the value.</summary>
public abstract class PyStrEnum : PyEnum, IPyOrdered, IComparable, IPyBool, IPyStrValue
{
    protected PyStrEnum(string name, object? value) : base(name, value) { }

    /// <summary>A str member's truth is its value's (a member of value "" is false).</summary>
    public bool PyBool() => StrValue.Length > 0;

    /// <summary>The member's str value: the members are strs (str methods, len, ordering, +).</summary>
    public string StrValue => (string)Value.OrThrow();
    public int PyCompare(object? other) => Dyn.Compare(StrValue, other is PyStrEnum e ? e.StrValue : other);
    public int CompareTo(object? other) => PyCompare(other);

    public override string PyStr() => (string)Value.OrThrow();
    public override long PyHash() => Dyn.PyHashOf(Value);
    public override bool Equals(object? obj) => obj is string s ? s == (string)Value.OrThrow() : ReferenceEquals(this, obj);
    public override int GetHashCode() => base.GetHashCode();
}
