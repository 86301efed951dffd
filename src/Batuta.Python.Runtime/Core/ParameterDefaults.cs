using System.Reflection;

namespace Batuta.Python.Runtime;

/// <summary>
/// A Python default that C# cannot write as <c>= value</c> on the parameter (its type is PyInt, or an earlier
/// parameter has no default): the constant, which a call through reflection converts to the parameter's type.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyDefaultAttribute(object? value) : Attribute
{
    public object? Value { get; } = value;
}

/// <summary>
/// A Python default that is no constant: the static member of the method's class (or an enclosing class) that holds
/// it (the field the def's defaults were evaluated into) or makes it (a dataclass field's default_factory).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyDefaultFromAttribute(string member) : Attribute
{
    public string Member { get; } = member;
}

/// <summary>A parameter after <c>*</c> in the def: only a keyword argument fills it.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyKeywordOnlyAttribute : Attribute;

/// <summary>
/// Python's defaults of a migrated method's parameters as reflection finds them: the C# optional value, else
/// <see cref="PyDefaultAttribute"/>, else <see cref="PyDefaultFromAttribute"/>. Every dynamic call (a bound method
/// from getattr, a class called through a value, a function in a table) fills the parameters it is not given here.
/// </summary>
public static class ParameterDefaults
{
    public static bool Has(ParameterInfo p) =>
        p.HasDefaultValue || p.IsDefined(typeof(PyDefaultAttribute), false) || p.IsDefined(typeof(PyDefaultFromAttribute), false);

    /// <summary>Whether <paramref name="given"/> positional arguments fit and the parameters after them all have defaults.</summary>
    public static bool FillFrom(ParameterInfo[] ps, int given) => Positional(ps) >= given && ps.Skip(given).All(Has);

    /// <summary>How many parameters positional arguments may fill: those before the keyword-only ones.</summary>
    public static int Positional(ParameterInfo[] ps) => ps.Count(p => !p.IsDefined(typeof(PyKeywordOnlyAttribute), false));

    /// <summary>The value of a parameter the call leaves out, of the parameter's type (an int default of an object? parameter is a Python int).</summary>
    public static object? Value(ParameterInfo p)
    {
        var value = p.HasDefaultValue ? p.DefaultValue
            : p.GetCustomAttribute<PyDefaultAttribute>() is { } constant ? constant.Value
            : p.GetCustomAttribute<PyDefaultFromAttribute>() is { } from ? FromMember(p, from.Member)
            : throw new TypeError($"missing 1 required positional argument: '{p.Name}'");
        return p.ParameterType == typeof(object) ? Dyn.BoxValue(value) : Dyn.Convert(value, p.ParameterType);
    }

    /// <summary>The arguments for all the parameters: the given ones converted, then the defaults.</summary>
    public static object?[] Complete(ParameterInfo[] ps, object?[] args)
    {
        var conv = new object?[ps.Length];
        for (int i = 0; i < ps.Length; i++) conv[i] = i < args.Length ? Dyn.Convert(args[i], ps[i].ParameterType) : Value(ps[i]);
        return conv;
    }

    private const BindingFlags StaticMembers = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The member's value: a field is read (evaluated once, where the def ran), a method is called (each time, as
    /// default_factory is). It is on the method's class, a base (an inherited method), or the module's class around them.
    /// </summary>
    private static object? FromMember(ParameterInfo p, string member)
    {
        for (var outer = p.Member.DeclaringType; outer is not null; outer = outer.DeclaringType)
            for (var t = outer; t is not null; t = t.BaseType)
            {
                if (t.GetField(member, StaticMembers) is { } field) return field.GetValue(null);
                if (t.GetMethod(member, StaticMembers, Type.EmptyTypes) is { } factory) return Dyn.Unwrapped(() => factory.Invoke(null, null));
            }
        throw new TypeError($"missing 1 required positional argument: '{p.Name}'");
    }
}
