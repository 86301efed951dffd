namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>@functools.singledispatch</c>: a generic function calling the implementation registered for the nearest class
/// in the Python MRO of its first argument's class (the decorated def serves <c>object</c>); as
/// <c>@functools.singledispatchmethod</c> (the plain function, self first), of its first argument after self.
/// </summary>
public sealed class SingleDispatch : IPyCallable, IPyKwCallable, IPyObject, IPyTyped, IPyAttributes
{
    private const string ObjectKey = "object";

    /// <summary>Registrations by class key (a migrated class's Type, or a builtin type's name), in registration order.</summary>
    private readonly List<(object Key, object? Cls, object? Function)> _registry = [];

    private readonly object? _function;

    /// <summary>The position of the argument that selects the implementation: 1 after self for a method.</summary>
    private readonly int _dispatchIndex;

    public SingleDispatch(object? function, bool method = false)
    {
        _function = function;
        _dispatchIndex = method ? 1 : 0;
        _registry.Add((ObjectKey, typeof(object), function));
    }

    public string PyTypeName => "function";

    public object? PyCall(object?[] args) => Dyn.Call(Implementation(args), args);

    public object? PyCall(object?[] args, PyDict<string, object?> kwargs) => Dyn.CallKw(Implementation(args), args, kwargs);

    public string PyRepr() => $"<function {Name} at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();

    private string Name => Dyn.GetAttr(_function, "__name__") as string ?? "function";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "register" => new PyVariadicFunction("register", RegisterCall),
            "dispatch" => new PyVariadicFunction("dispatch", args => Dispatch(ClassKey(args.Length == 1 ? args[0] : throw new TypeError("dispatch() takes 2 positional arguments")) ?? ObjectKey)),
            "registry" => Registry(),
            "__wrapped__" => _function,
            "__name__" or "__qualname__" => Name,
            _ => null,
        };
        return value is not null;
    }

    private object? RegisterCall(object?[] args) => args.Length switch
    {
        1 => Register(args[0]),
        2 => Register(args[0], args[1]),
        _ => throw new TypeError($"register() takes from 2 to 3 positional arguments but {args.Length + 1} were given"),
    };

    /// <summary><c>f.register(cls, func)</c>: func serves cls (a tuple of classes: each of them); returns func.</summary>
    public object? Register(object? cls, object? function)
    {
        foreach (var one in Classes(cls))
        {
            var key = ClassKey(one) ?? throw new TypeError($"Invalid first argument to `register()`. {Repr.Of(one)} is not a class or union type.");
            int at = _registry.FindIndex(r => Equals(r.Key, key));
            if (at >= 0) _registry[at] = (key, one, function);
            else _registry.Add((key, one, function));
        }
        return function;
    }

    /// <summary><c>@f.register(cls)</c>: the decorator registering the def it receives.</summary>
    public object? Register(object? cls)
    {
        if (Classes(cls).All(c => ClassKey(c) is null))
            throw new TypeError($"Invalid first argument to `register()`: {Repr.Of(cls)}. Use either `@register(some_class)` or plain `@register` on an annotated function.");
        return new PyVariadicFunction("register", args => Register(cls, args.Length == 1 ? args[0] : throw new TypeError("register() takes 1 positional argument")));
    }

    /// <summary>The transpiler passes an annotation <c>int | str</c> as the tuple of its classes.</summary>
    private static IEnumerable<object?> Classes(object? cls) => cls switch
    {
        PyTuple t => t,
        System.Runtime.CompilerServices.ITuple t => Enumerable.Range(0, t.Length).Select(i => t[i]),
        _ => [cls],
    };

    private object? Implementation(object?[] args)
    {
        if (args.Length <= _dispatchIndex) throw new TypeError($"{Name} requires at least 1 positional argument");
        var x = args[_dispatchIndex];
        foreach (var key in Mro(ValueKey(x)))
        {
            if (Equals(key, ObjectKey)) break;
            if (_registry.FindIndex(r => Equals(r.Key, key)) is var at and >= 0) return _registry[at].Function;
        }
        // classes outside the Python MRO Batuta knows (a Protocol, a merged mixin): isinstance decides
        foreach (var r in _registry.Skip(1))
            if (Py.IsInstanceOf(x, r.Cls)) return r.Function;
        return _function;
    }

    private object? Dispatch(object key)
    {
        foreach (var k in Mro(key))
            if (_registry.FindIndex(r => Equals(r.Key, k)) is var at and >= 0) return _registry[at].Function;
        return _function;
    }

    private PyDict<object?, object?> Registry()
    {
        var d = new PyDict<object?, object?>();
        foreach (var r in _registry) d[r.Cls] = r.Function;
        return d;
    }

    /// <summary>A class value's key: a migrated class's Type, a builtin type's name; null for what is no class.</summary>
    private static object? ClassKey(object? cls) => cls switch
    {
        Type t when t == typeof(object) => ObjectKey,
        Type t => t,
        PyTypeObject { ClrType: { } clr } when typeof(PyObject).IsAssignableFrom(clr) => clr,
        PyTypeObject p => p.__name__,
        Delegate d => Py.TypeNameOf(d),
        _ => null,
    };

    /// <summary>The class key of a value: a migrated class (or exception) by its Type, a builtin value by its type's name.</summary>
    private static object ValueKey(object? x) => x is PyObject or PyBaseException ? x.GetType() : Dyn.TypeName(x);

    /// <summary>The Python MRO of a class key, ending in object.</summary>
    private static IEnumerable<object> Mro(object key)
    {
        if (key is Type t)
        {
            var chain = typeof(PyObject).IsAssignableFrom(t) ? Dyn.Mro(t) : BaseChain(t);
            foreach (var c in chain.Where(c => c != typeof(object) && c != typeof(PyObject))) yield return c;
        }
        else
        {
            yield return key;
            // bool is an int
            if (Equals(key, "bool")) yield return "int";
        }
        yield return ObjectKey;
    }

    private static List<Type> BaseChain(Type t)
    {
        var chain = new List<Type>();
        for (Type? c = t; c is not null && c != typeof(object) && c != typeof(Exception); c = c.BaseType) chain.Add(c);
        return chain;
    }
}
