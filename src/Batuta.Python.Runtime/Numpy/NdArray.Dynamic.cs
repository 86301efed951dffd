using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// Method calls and attribute reads on arrays the transpiler could not type (a name that holds a list, then an
/// array): the same methods, chosen by name at run time, with Python's keyword arguments.
/// </summary>
public sealed partial class NdArray : IPyKeywordMethods, IPyAttributes, IPyNumber
{
    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "shape" => Shape,
            "ndim" => new PyInt(Ndim),
            "size" => new PyInt(Size),
            "dtype" => DType,
            "T" => T,
            "nbytes" => NBytes,
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        object? Arg(int i, string key, object? fallback = null) => i < args.Length ? args[i] : kwargs.TryGetValue(key, out var v) ? v : fallback;
        bool Flag(string key) => kwargs.TryGetValue(key, out var v) && Dyn.Truth(v);
        double Ddof() => Arg(99, "ddof") is { } d ? Np.ToDouble(d) : 0;
        var axis = Arg(0, "axis");
        return name switch
        {
            "sum" => Sum(axis, Flag("keepdims")),
            "mean" => Mean(axis, Flag("keepdims")),
            "std" => Std(axis, Ddof(), Flag("keepdims")),
            "var" => Var(axis, Ddof(), Flag("keepdims")),
            "max" => Max(axis, Flag("keepdims")),
            "min" => Min(axis, Flag("keepdims")),
            "prod" => Prod(axis, Flag("keepdims")),
            "argmax" => ArgMax(axis),
            "argmin" => ArgMin(axis),
            "any" => Any(axis),
            "all" => All(axis),
            "cumsum" => CumSum(axis),
            "cumprod" => CumProd(axis),
            "ptp" => Ptp(),
            "copy" => Copy(),
            "tolist" => ToList(),
            "item" => Item(),
            "ravel" => Ravel(),
            "flatten" => Flatten(),
            "transpose" => args.Length == 0 ? T : Transpose(args.Select(a => (int)Np.ToLong(a)).ToArray()),
            "squeeze" => Squeeze(axis),
            "astype" => AsType(Arg(0, "dtype")),
            "reshape" => args.Length == 1 ? ReshapeTo(args[0]) : Reshape(args.Select(a => (int)Np.ToLong(a)).ToArray()),
            "round" => Np.Round(this, Arg(0, "decimals") is { } d ? Np.ToLong(d) : 0),
            "clip" => Np.Clip(this, Arg(0, "min"), Arg(1, "max")),
            "dot" => Np.Dot(this, Arg(0, "b")),
            "argsort" => Np.ArgSort(this, Arg(0, "axis") is { } a ? Np.ToLong(a) : -1, Arg(1, "kind") as string),
            "sort" => SortInPlace(Arg(0, "axis") is { } sa ? Np.ToLong(sa) : -1),
            "fill" => FillNone(Arg(0, "value")),
            "nonzero" => Np.Nonzero(this),
            _ => throw new AttributeError($"'numpy.ndarray' object has no attribute '{name}'"),
        };
    }

    private object? SortInPlace(long axis)
    {
        Assign(Np.Sort(this, axis));
        return null;
    }

    private object? FillNone(object? value)
    {
        Fill(value);
        return null;
    }

    // Dynamic arithmetic (Dyn.Add and friends) with an array on the left.
    public object? PyAdd(object? other) => Apply(NpBinary.Add, this, other);

    public object? PySub(object? other) => Apply(NpBinary.Subtract, this, other);

    public object? PyMul(object? other) => Apply(NpBinary.Multiply, this, other);

    public object? PyTrueDiv(object? other) => Apply(NpBinary.TrueDivide, this, other);
}
