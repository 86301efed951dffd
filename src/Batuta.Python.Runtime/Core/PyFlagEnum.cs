using System.Collections.Concurrent;
using System.Reflection;

namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated <c>enum.Flag</c> classes: members combine with <c>| &amp; ^ ~</c> into the member of that value, or
/// into a pseudo-member named after its bits (<c>Perm.R|W</c>), as 3.11 does; <c>in</c> tests bits; zero is false.
/// </summary>
public abstract class PyFlagEnum : PyEnum, IPyBitwise, IPyBool, IEnumerable<object?>
{
    /// <summary>Iterating a flag value gives its single-bit members in definition order (3.11).</summary>
    public IEnumerator<object?> GetEnumerator() =>
        Members().Where(m => System.Numerics.BitOperations.IsPow2(m.Bits) && (Bits & m.Bits) != 0).Cast<object?>().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    // pseudo-members by class and value, so that combining the same bits twice gives the same object
    private static readonly ConcurrentDictionary<(Type, long), PyFlagEnum> Pseudo = new();

    protected PyFlagEnum(string name, object? value) : base(name, value) { }

    public long Bits => (long)Dyn.Cast<PyInt>(Value);

    public bool PyBool() => Bits != 0;

    public object? PyOr(object? other) => Of(Bits | OtherBits(other, "|"));

    public object? PyAnd(object? other) => Of(Bits & OtherBits(other, "&"));

    public object? PyXor(object? other) => Of(Bits ^ OtherBits(other, "^"));

    /// <summary>~flag: the defined bits not in this one.</summary>
    public object? PyInvert() => Of(AllBits() & ~Bits);

    /// <summary><c>member in flags</c>: all its bits are set here.</summary>
    public bool Has(object? item) => item is PyFlagEnum f && f.GetType() == GetType()
        ? (Bits & f.Bits) == f.Bits
        : throw new TypeError($"unsupported operand type(s) for 'in': '{Dyn.TypeName(item)}' and '{PyTypeName}'");

    public override string PyStr() => Bits == 0 && Name.Length == 0 ? $"{PyTypeName}(0)" : $"{PyTypeName}.{Name}";

    public override string PyRepr() => Bits == 0 && Name.Length == 0 ? $"<{PyTypeName}: 0>" : $"<{PyTypeName}.{Name}: {Bits}>";

    public override long PyHash() => Runtime.PyHash.Int(new PyInt(Bits));

    protected virtual long OtherBits(object? other, string op) => other is PyFlagEnum f && f.GetType() == GetType()
        ? f.Bits
        : throw new TypeError($"unsupported operand type(s) for {op}: '{PyTypeName}' and '{Dyn.TypeName(other)}'");

    private IEnumerable<PyFlagEnum> Members() =>
        GetType().GetField("Named", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is System.Collections.IEnumerable members
            ? members.OfType<PyFlagEnum>()
            : [];

    internal long AllBits() => Members().Aggregate(0L, (acc, m) => acc | m.Bits);

    /// <summary>The member with these bits, else the pseudo-member: its name lists the single-bit members it holds.</summary>
    internal PyFlagEnum Of(long bits)
    {
        if (Members().FirstOrDefault(m => m.Bits == bits) is { } member) return member;
        return Pseudo.GetOrAdd((GetType(), bits), key =>
        {
            var names = string.Join("|", Members().Where(m => System.Numerics.BitOperations.IsPow2(m.Bits) && (bits & m.Bits) != 0).Select(m => m.Name));
            return (PyFlagEnum)Activator.CreateInstance(key.Item1, BindingFlags.NonPublic | BindingFlags.Instance, null, [names, new PyInt(bits)], null).OrThrow();
        });
    }
}

/// <summary>
/// Base of migrated <c>enum.IntFlag</c> classes: flags (<c>| &amp; ^ ~</c> give members or pseudo-members, also with a
/// plain int operand) that are ints everywhere else: str(), format(), ==, ordering and hashing are the int value's (3.11).
/// </summary>
public abstract class PyIntFlagEnum : PyFlagEnum, IPyInt, IPyOrdered, IComparable
{
    protected PyIntFlagEnum(string name, object? value) : base(name, value) { }

    public PyInt IntValue => Dyn.Cast<PyInt>(Value);
    PyInt IPyInt.PyInt() => IntValue;

    protected override long OtherBits(object? other, string op) => other switch
    {
        PyIntFlagEnum f when f.GetType() == GetType() => f.Bits,
        PyInt i => (long)i,
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        _ => base.OtherBits(other, op),
    };

    public override string PyStr() => IntValue.ToString();
    public override string PyFormat(string spec) => Text.Format.Apply(IntValue, spec);
    public int PyCompare(object? other) => Dyn.Compare(IntValue, other);
    public int CompareTo(object? other) => PyCompare(other);
    public override bool Equals(object? obj) => Dyn.Eq(IntValue, obj);
    public override int GetHashCode() => base.GetHashCode();
}
