using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated <c>class Stack(list)</c> classes: an instance is a list (len, indexing and slices, iteration, in,
/// ==, repr, isinstance(x, list), the list's methods) with the class's own methods and attributes on top. The items
/// start empty; <c>list.__init__</c> (the class's own __init__ calling super().__init__(items), or C(items) for a class
/// without __init__) fills them. A slice, + and copy() give plain lists, as in Python.
/// </summary>
public abstract class PyListSubclass : PyObject, IPyList, IPyGetItem, IPySetItem, IEnumerable<object?>, IPyBool, IPyBuiltinSubclass
{
    /// <summary>The items, as the plain list the builtin's methods work on.</summary>
    public PyList<object?> ListValue { get; } = new();

    object IPyBuiltinSubclass.BuiltinValue => ListValue;

    private IPyList Items => ListValue;

    /// <summary><c>C(iterable)</c> for a class without __init__: list.__init__ on the fresh instance.</summary>
    public static T Create<T>(T instance, object? iterable) where T : PyListSubclass
    {
        instance.ListValue.Extend(Dyn.Iter(iterable));
        return instance;
    }

    /// <summary><c>super().name</c> in a method of the class: list's own method on the items.</summary>
    public object SuperMethod(string name) => name == "__init__" ? new PyVariadicFunction(name, BuiltinInit) : BuiltinSubclassSuper.Method(this, name);

    // list.__init__(self, iterable=()): the items become the iterable's
    private object? BuiltinInit(object?[] args, PyDict<string, object?> kwargs)
    {
        if (kwargs.Count > 0) throw new TypeError("list() takes no keyword arguments");
        if (args.Length > 1) throw new TypeError($"list expected at most 1 argument, got {args.Length}");
        ListValue.Clear();
        if (args.Length == 1) ListValue.Extend(Dyn.Iter(args[0]).ToList());
        return null;
    }

    int IPySized.Count => ListValue.Count;
    public bool PyBool() => ListValue.Count > 0;

    // through the class's own __getitem__ / __setitem__ when it defines them (the transpiler re-implements the interface)
    object? IPyList.GetItem(long index) => ((IPyGetItem)this).PyGetItem(new PyInt(index));
    void IPyList.SetItem(long index, object? value) => ((IPySetItem)this).PySetItem(new PyInt(index), value);
    object? IPyGetItem.PyGetItem(object? key) => Dyn.GetItem(ListValue, key);
    void IPySetItem.PySetItem(object? key, object? value)
    {
        // xs[i] = v on a value typed dynamically: the class's own __setitem__ when it has one
        if (!Dyn.TryCallDunder(this, "__setitem__", out _, key, value)) Dyn.SetItem(ListValue, key, value);
    }

    void IPyList.AppendObject(object? value) => Items.AppendObject(value);
    void IPyList.SortDynamic(Func<object?, object?>? key, bool reverse) => Items.SortDynamic(key, reverse);
    void IPyList.DeleteItemOrSlice(object? key) => Items.DeleteItemOrSlice(key);
    void IPyList.SetSliceDynamic(long? start, long? stop, long? step, IEnumerable<object?> values) => Items.SetSliceDynamic(start, stop, step, values);

    public IEnumerator<object?> GetEnumerator() => ListValue.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string PyRepr() => ListValue.PyRepr();

    public override bool Equals(object? obj) => obj is IPyList && Dyn.Eq(ListValue, obj is PyListSubclass s ? s.ListValue : obj);
    public override int GetHashCode() => throw new TypeError($"unhashable type: '{PyTypeName}'");
}
