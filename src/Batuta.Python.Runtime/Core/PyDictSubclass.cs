using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated <c>class Registry(dict)</c> classes: an instance is a dict (len, [key] with the class's
/// <c>__missing__</c>, in, iteration, ==, repr, isinstance(x, dict), json, the dict's methods) with the class's own
/// methods and attributes on top. The entries start empty; <c>dict.__init__</c> (the class's own __init__ calling
/// super().__init__(...), or C(...) for a class without __init__) fills them.
/// </summary>
public abstract class PyDictSubclass : PyObject, IPyDict, IPyGetItem, IPySetItem, IEnumerable<object?>, IPyBool, IPyBuiltinSubclass
{
    /// <summary>The entries, as the plain dict the builtin's methods work on.</summary>
    public PyDict<object?, object?> DictValue { get; } = new();

    object IPyBuiltinSubclass.BuiltinValue => DictValue;

    private IPyDict Entries => DictValue;

    /// <summary><c>C(mapping_or_pairs)</c> for a class without __init__: dict.__init__ on the fresh instance.</summary>
    public static T Create<T>(T instance, object?[] args, IPyDict? entries) where T : PyDictSubclass
    {
        BuiltinSubclassSuper.Update(instance.DictValue, args, entries, "dict");
        return instance;
    }

    public static T Create<T>(T instance, object? value) where T : PyDictSubclass => Create(instance, [value], null);

    /// <summary><c>super().name</c> in a method of the class: dict's own method on the entries (its [key] reaching __missing__).</summary>
    public object SuperMethod(string name) => name switch
    {
        "__init__" => new PyVariadicFunction(name, (args, kwargs) => { BuiltinSubclassSuper.Update(DictValue, args, kwargs, "dict"); return null; }),
        "__getitem__" => new PyVariadicFunction(name, args => args.Length == 1 ? BuiltinGetItem(args[0]) : throw new TypeError($"expected 1 argument, got {args.Length}")),
        _ => BuiltinSubclassSuper.Method(this, name),
    };

    /// <summary>dict.__getitem__: the entry, else what the class's <c>__missing__</c> gives, else KeyError.</summary>
    private object? BuiltinGetItem(object? key)
    {
        if (Entries.ContainsKeyObject(key)) return Entries.GetItem(key);
        if (Dyn.TryCallDunder(this, "__missing__", out var made, key)) return made;
        throw new KeyError(key);
    }

    /// <summary>
    /// <c>self.__dict__ = self</c> (the AttrDict recipe; the transpiler keeps it in a field): the instance's other
    /// attributes are its entries.
    /// </summary>
    internal bool EntriesAreAttributes() =>
        GetType().GetField(Naming.Dunder("__dict__"), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.GetValue(this) == (object)this;

    int IPySized.Count => DictValue.Count;
    public bool PyBool() => DictValue.Count > 0;

    // through the class's own __getitem__ / __setitem__ when it defines them (the transpiler re-implements the interface)
    object? IPyDict.GetItem(object? key) => ((IPyGetItem)this).PyGetItem(key);
    object? IPyGetItem.PyGetItem(object? key) => BuiltinGetItem(key);
    void IPySetItem.PySetItem(object? key, object? value)
    {
        // d[k] = v on a value typed dynamically: the class's own __setitem__ when it has one
        if (!Dyn.TryCallDunder(this, "__setitem__", out _, key, value)) DictValue[key] = value;
    }

    IEnumerable<KeyValuePair<object?, object?>> IPyDict.ItemsObject() => Entries.ItemsObject();
    bool IPyDict.ContainsKeyObject(object? key) => Entries.ContainsKeyObject(key);
    void IPyDict.DeleteObject(object? key) => Entries.DeleteObject(key);

    public IEnumerator<object?> GetEnumerator() => DictValue.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string PyRepr() => DictValue.PyRepr();

    public override bool Equals(object? obj) => obj is IPyDict && Dyn.Eq(DictValue, obj is PyDictSubclass s ? s.DictValue : obj);
    public override int GetHashCode() => throw new TypeError($"unhashable type: '{PyTypeName}'");
}
