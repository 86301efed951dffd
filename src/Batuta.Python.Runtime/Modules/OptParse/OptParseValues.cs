namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>optparse.Values</c>: what parse_args returns, its attributes the option destinations (a dict, in the order they
/// were set). str() is that dict's repr, as CPython's <c>str(self.__dict__)</c>.
/// </summary>
public sealed class OptValues : PyObject, IPyAttributes, IPySetAttr, IPyKeywordMethods
{
    public OptValues(object? defaults = null)
    {
        if (defaults is null || !Dyn.Truth(defaults)) return;
        foreach (var kv in Py.MappingItems(defaults))
            Dict[kv.Key as string ?? throw new TypeError("attribute name must be string")] = kv.Value;
    }

    public PyDict<string, object?> Dict { get; } = new();

    public override string PyTypeName => "Values";
    public override PyDict<string, object?> PyVars() => Dict;
    public override string PyStr() => Dict.PyRepr();
    public override string PyRepr() => $"<Values at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x}: {PyStr()}>";

    public bool TryGetAttr(string name, out object? value)
    {
        if (name == "__dict__")
        {
            value = Dict;
            return true;
        }
        return Dict.TryGetValue(name, out value);
    }

    public void SetAttr(string name, object? value) => Dict[name] = value;

    /// <summary>Values.ensure_value: sets the attribute when it is missing or None, and returns it.</summary>
    public object? EnsureValue(string attr, object? value)
    {
        if (!Dict.TryGetValue(attr, out var current) || current is null) Dict[attr] = value;
        return Dict[attr];
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "ensure_value" => EnsureValue((string)Arg(args, kwargs, 0, "attr").OrThrow(), Arg(args, kwargs, 1, "value")),
        "_update_loose" => UpdateLoose(Arg(args, kwargs, 0, "dict")),
        _ => throw new AttributeError($"'Values' object has no attribute '{name}'"),
    };

    private object? UpdateLoose(object? mapping)
    {
        foreach (var kv in Py.MappingItems(mapping)) Dict[(string)kv.Key.OrThrow()] = kv.Value;
        return null;
    }

    internal static object? Arg(object?[] args, PyDict<string, object?> kwargs, int i, string name) =>
        i < args.Length ? args[i] : kwargs.TryGetValue(name, out var v) ? v : null;

    public override bool Equals(object? obj) => obj switch
    {
        OptValues v => Dyn.Eq(Dict, v.Dict),
        IPyDict d => Dyn.Eq(Dict, d),
        _ => false,
    };

    public override int GetHashCode() => throw new TypeError("unhashable type: 'Values'");
}
