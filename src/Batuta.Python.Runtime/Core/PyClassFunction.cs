using System.Reflection;

namespace Batuta.Python.Runtime;

/// <summary>
/// <c>getattr(Dog, "fetch")</c> / <c>hasattr(Dog, "speak")</c> on a migrated class: a method read from the class
/// itself. A plain method is Python's function (called with the instance first: <c>Dog.fetch(d, "stick")</c>); a
/// staticmethod or classmethod (static in C#) is called with its own arguments.
/// </summary>
public sealed class PyClassFunction(Type owner, string name, bool isStatic) : IPyCallable, IPyObject
{
    public Type Owner { get; } = owner;

    public string Name { get; } = name;

    public bool IsStatic { get; } = isStatic;

    /// <summary>The method (or the static methods) named <paramref name="name"/> that the program's class or its bases define, if any.</summary>
    public static PyClassFunction? Find(Type cls, string name)
    {
        var names = Naming.Candidates(name);
        var methods = cls.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => names.Contains(m.Name) && !m.IsSpecialName && m.DeclaringType is { } d && d.Assembly != typeof(PyObject).Assembly)
            .ToList();
        return methods.Count == 0 ? null : new PyClassFunction(cls, name, methods.All(m => m.IsStatic));
    }

    public object? PyCall(object?[] args)
    {
        if (!IsStatic)
        {
            if (args.Length == 0) throw new TypeError($"{Owner.Name.TrimEnd('_')}.{Name}() missing 1 required positional argument: 'self'");
            return Dyn.CallMethodReflected(args[0], Name, args[1..]);
        }
        return CallStatic(args);
    }

    private object? CallStatic(object?[] args)
    {
        var names = Naming.Candidates(Name);
        var candidates = Owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => names.Contains(m.Name) && !m.IsGenericMethodDefinition && m.GetParameters() is var ps && ps.Length >= args.Length && ps.Skip(args.Length).All(p => p.HasDefaultValue))
            .OrderByDescending(m => Depth(m.DeclaringType)).ThenBy(m => m.GetParameters().Length);
        foreach (var m in candidates)
        {
            var ps = m.GetParameters();
            var conv = new object?[ps.Length];
            for (int i = 0; i < ps.Length; i++) conv[i] = i < args.Length ? Dyn.Convert(args[i], ps[i].ParameterType) : ps[i].DefaultValue;
            return Dyn.BoxValue(Dyn.Unwrapped(() => m.Invoke(null, conv)));
        }
        throw new TypeError($"{Name}() takes other arguments than the {args.Length} given");
    }

    /// <summary>How far down the class chain a method's class is: Python finds the most derived definition first.</summary>
    private static int Depth(Type? t)
    {
        int depth = 0;
        for (; t is not null; t = t.BaseType) depth++;
        return depth;
    }

    public string PyRepr() => $"<function {Owner.Name.TrimEnd('_')}.{Name}>";

    public string PyStr() => PyRepr();
}
