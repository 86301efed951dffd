namespace Batuta.Python.Runtime;

/// <summary>
/// A class statement run inside a function (<c>def make_item_class(prefix): class Item: ...; return Item</c>). The
/// transpiler hoists the class body to one C# class; each run of the statement makes one of these, the Python class
/// object: it holds that run's class attributes and reads the enclosing function's variables its methods use (the
/// closure cells, read live as Python reads them), and every instance it constructs keeps it (<see cref="IPyLocalClassInstance"/>).
/// So two runs give two classes that share neither class attributes nor captured values.
/// </summary>
public sealed class PyLocalClass : PyTypeObject, IPyCallable, IPyKwCallable, Modules.IPyKeywordMethods
{
    /// <summary>The class being constructed: set right before the C# constructor runs, taken by the instance's initializer.</summary>
    [ThreadStatic] private static PyLocalClass? t_constructing;

    private readonly Dictionary<string, object?> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object?>> _cells = new(StringComparer.Ordinal);

    public PyLocalClass(Type clrType, string name, string qualName, string module)
        : base(name)
    {
        ClrType = clrType;
        QualName = qualName;
        Module = module;
    }

    /// <summary><c>make_item_class.&lt;locals&gt;.Item</c>, as CPython's <c>__qualname__</c> and tracebacks show it.</summary>
    public string QualName { get; }

    public string Module { get; }

    /// <summary>An enclosing function's variable the class body reads: read through <paramref name="read"/> each time.</summary>
    public PyLocalClass Cell(string name, Func<object?> read)
    {
        _cells[name] = read;
        return this;
    }

    /// <summary>A class attribute as the class statement assigns it (<c>count = 0</c>).</summary>
    public PyLocalClass Attribute(string name, object? value)
    {
        _attributes[name] = value;
        return this;
    }

    /// <summary>The current value of a captured variable of the enclosing function.</summary>
    public object? Read(string name) =>
        _cells.TryGetValue(name, out var read) ? read() : throw new NameError($"free variable '{name}' referenced before assignment in enclosing scope");

    /// <summary>What the instance being constructed belongs to (its initializer runs before any constructor body).</summary>
    public static PyLocalClass Take()
    {
        var c = t_constructing ?? throw new TypeError("a class defined inside a function is constructed only through its class object");
        t_constructing = null;
        t_taken = c;
        return c;
    }

    /// <summary>The class object the instance under construction took: what its base constructor call's arguments read.</summary>
    public static PyLocalClass Constructed => t_taken ?? throw new TypeError("no class defined inside a function is being constructed");

    [ThreadStatic] private static PyLocalClass? t_taken;

    public object? PyCall(object?[] args) => Construct(() => Dyn.Construct(ClrType.OrThrow(), args));

    public object? PyCall(object?[] args, PyDict<string, object?> kwargs) => Construct(() => Dyn.Construct(ClrType.OrThrow(), args, kwargs));

    private object Construct(Func<object> construct)
    {
        var saved = t_constructing;
        t_constructing = this;
        try { return construct(); }
        finally { t_constructing = saved; }
    }

    /// <summary>isinstance(x, Item): an instance this very class object made (another run's Item is another class).</summary>
    public bool IsInstance(object? x) => x is IPyLocalClassInstance i && ReferenceEquals(i.PyClass, this);

    public override bool TryGetAttr(string attr, out object? value)
    {
        if (_attributes.TryGetValue(attr, out value)) return true;
        if (attr == "__qualname__") { value = QualName; return true; }
        if (attr == "__module__") { value = Module; return true; }
        return base.TryGetAttr(attr, out value);
    }

    public override void SetAttr(string attr, object? value) => _attributes[attr] = value;

    /// <summary>A class attribute read through an instance (<c>self.count</c>) that the instance does not shadow.</summary>
    public bool TryGetClassAttribute(string attr, out object? value) => _attributes.TryGetValue(attr, out value);

    /// <summary>
    /// <c>Item.describe()</c> (a staticmethod) or <c>Item.total(item)</c> (a method through the class): a class attribute
    /// holding a callable, the C# class's static method, or the method of the instance passed first.
    /// </summary>
    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        if (_attributes.TryGetValue(name, out var held)) return Dyn.CallKw(held, args, kwargs);
        var names = Naming.Candidates(name);
        var method = ClrType?.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .FirstOrDefault(m => names.Contains(m.Name) && ParameterDefaults.FillFrom(m.GetParameters(), args.Length));
        if (method is not null && kwargs.Count == 0)
        {
            var conv = ParameterDefaults.Complete(method.GetParameters(), args);
            return Dyn.BoxValue(Dyn.Unwrapped(() => method.Invoke(null, conv)));
        }
        if (args.Length > 0 && args[0] is IPyLocalClassInstance) return Dyn.CallMethodKw(args[0], name, kwargs, args[1..]);
        throw new AttributeError($"type object '{__name__}' has no attribute '{name}'");
    }

    public override string PyRepr() => $"<class '{Module}.{QualName}'>";

    public override bool Equals(PyTypeObject? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>An instance of a class defined inside a function: the class object that constructed it.</summary>
public interface IPyLocalClassInstance
{
    PyLocalClass PyClass { get; }
}
