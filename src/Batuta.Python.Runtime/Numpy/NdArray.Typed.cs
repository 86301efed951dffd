namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// Typed forms of the scalar-valued methods, for code whose dtype the transpiler knows: <c>a.sum()</c> of a
/// float array is <c>a.SumF()</c> (a double), of an int array <c>a.SumI()</c> (a PyInt), of an array of
/// unknown dtype <c>a.Sum()</c> (an object). The F/I/B suffix is the static type of the Python result.
/// </summary>
public sealed partial class NdArray
{
    public double MeanF() => Mean();

    public double StdF(double ddof = 0) => Std(ddof);

    public double VarF(double ddof = 0) => Var(ddof);

    public bool MaxB() => Truths().Any(t => t);

    public bool MinB() => Truths().All(t => t);

    public double ProdF() => Np.ToDouble(Prod());

    public PyInt ProdI() => Dyn.Cast<PyInt>(Prod());

    public PyInt ArgMaxI() => ArgMax();

    /// <summary><c>a.tolist()</c> of a 1-D float array.</summary>
    public PyList<double> ToListF() => new(ToDoubles());

    public PyList<PyInt> ToListI() => new(ToLongs().Select(v => new PyInt(v)));

    public PyList<bool> ToListB() => new(ToLongs().Select(v => v != 0));

    public PyInt ArgMinI() => ArgMin();

    /// <summary><c>a.shape</c> of a 1-D array, as a one-element tuple.</summary>
    public ValueTuple<PyInt> Shape1 => new(new PyInt(DimsInternal[0]));

    /// <summary><c>a.shape</c> of a matrix: <c>(rows, cols)</c>.</summary>
    public (PyInt, PyInt) Shape2 => (new PyInt(DimsInternal[0]), new PyInt(DimsInternal[1]));

    public (PyInt, PyInt, PyInt) Shape3 => (new PyInt(DimsInternal[0]), new PyInt(DimsInternal[1]), new PyInt(DimsInternal[2]));
}

public static partial class Np
{
    /// <summary>A numpy scalar result as a Python float.</summary>
    public static double AsF(object? x) => ToDouble(x);

    /// <summary>A numpy scalar result as a Python int.</summary>
    public static PyInt AsI(object? x) => x is double d ? new PyInt((long)d) : new PyInt(ToLongValue(x));

    public static bool AsB(object? x) => Dyn.Truth(x);

    /// <summary>A result whose type is only known at run time.</summary>
    public static object? As(object? x) => x;

    /// <summary><c>float(x)</c> of a numpy scalar or a one-element array.</summary>
    public static double ToDouble(NdArray a) => ToDouble(a.Item());

    /// <summary><c>np.argsort(a, axis, kind)</c>: kind 'stable' or 'mergesort' is stable, anything else numpy's introsort.</summary>
    public static NdArray ArgSort(NdArray a, long axis, string? kind) => ArgSort(a, axis, axisNone: false, stable: kind is "stable" or "mergesort");
}
