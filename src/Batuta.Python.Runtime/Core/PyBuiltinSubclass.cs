namespace Batuta.Python.Runtime;

/// <summary>
/// An instance of a migrated <c>class Stack(list)</c> / <c>Registry(dict)</c> / <c>Point(tuple)</c>: a program object
/// holding the builtin value it is. The runtime's operations reach that value, and the builtin's methods the class does
/// not define run on it (as Python's lookup finds them on the base).
/// </summary>
public interface IPyBuiltinSubclass
{
    /// <summary>The builtin value the instance is (its items, its entries).</summary>
    object BuiltinValue { get; }
}

/// <summary>What <c>super().name(...)</c> reaches in a list or dict subclass: the builtin's method on the held value.</summary>
internal static class BuiltinSubclassSuper
{
    /// <summary>The builtin's method <paramref name="name"/> bound to the held value (its dunders too: super().__setitem__(k, v)).</summary>
    public static PyVariadicFunction Method(IPyBuiltinSubclass self, string name) =>
        new(name, (args, kwargs) => Dyn.CallMethodKw(self.BuiltinValue, name, kwargs, args));

    /// <summary>
    /// <c>dict(...)</c> / <c>dict.update(...)</c>'s arguments: at most one mapping or iterable of pairs, then keyword
    /// entries, set into <paramref name="into"/>.
    /// </summary>
    public static void Update(PyDict<object?, object?> into, object?[] args, IPyDict? kwargs, string function)
    {
        if (args.Length > 1) throw new TypeError($"{function} expected at most 1 argument, got {args.Length}");
        if (args.Length == 1) AddEntries(into, args[0]);
        if (kwargs is null) return;
        foreach (var (key, value) in kwargs.ItemsObject()) into[key] = value;
    }

    private static void AddEntries(PyDict<object?, object?> into, object? source)
    {
        if (source is IPyDict mapping)
        {
            foreach (var (key, value) in mapping.ItemsObject()) into[key] = value;
            return;
        }
        int index = 0;
        foreach (var item in Dyn.Iter(source))
        {
            var pair = Dyn.Iter(item).ToList();
            if (pair.Count != 2) throw new ValueError($"dictionary update sequence element #{index} has length {pair.Count}; 2 is required");
            into[pair[0]] = pair[1];
            index++;
        }
    }
}
