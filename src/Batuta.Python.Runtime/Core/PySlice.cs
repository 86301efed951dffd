namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>slice</c> object: what <c>obj[1:3]</c> passes to a user class's <c>__getitem__</c>/<c>__setitem__</c>,
/// and what <c>slice(a, b, c)</c> builds. Indexing a list, str or tuple with it slices (Dyn.GetItem).
/// </summary>
public sealed class PySlice : PyObject
{
    public PySlice(object? start, object? stop, object? step)
    {
        Start = Small(start);
        Stop = Small(stop);
        Step = Small(step);
    }

    /// <summary>The bounds of a written slice <c>a[lo:hi:step]</c> (None where left out).</summary>
    public static PySlice Of(long? start, long? stop, long? step) =>
        new(start is { } a ? new PyInt(a) : null, stop is { } b ? new PyInt(b) : null, step is { } c ? new PyInt(c) : null);

    public object? Start { get; }
    public object? Stop { get; }
    public object? Step { get; }

    public override string PyTypeName => "slice";

    public override string PyRepr() => $"slice({Repr.Of(Start)}, {Repr.Of(Stop)}, {Repr.Of(Step)})";

    /// <summary>The bounds as the slicing helpers take them; a bound that is not an int (or __index__) raises TypeError.</summary>
    public (long? Start, long? Stop, long? Step) Bounds() => (Bound(Start), Bound(Stop), Bound(Step));

    /// <summary>A typed sequence sliced by these bounds (<c>seq[s]</c>), so the slice keeps the sequence's C# type.</summary>
    public TResult Apply<TResult>(Func<long?, long?, long?, TResult> slicer)
    {
        var (start, stop, step) = Bounds();
        return slicer(start, stop, step);
    }

    /// <summary><c>s.indices(length)</c>: start, stop and step normalized for a sequence of that length, as CPython does.</summary>
    public (PyInt, PyInt, PyInt) Indices(PyInt length)
    {
        long len = (long)length;
        if (len < 0) throw new ValueError("length should not be negative");
        var (start, stop, stepOrNull) = Bounds();
        long step = stepOrNull ?? 1;
        if (step == 0) throw new ValueError("slice step cannot be zero");
        long lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
        long Clamp(long? v, long whenNone)
        {
            if (v is not { } x) return whenNone;
            if (x < 0) return Math.Max(x + len, lower);
            return Math.Min(x, upper);
        }
        return (new PyInt(Clamp(start, step < 0 ? upper : lower)), new PyInt(Clamp(stop, step < 0 ? lower : upper)), new PyInt(step));
    }

    public override bool Equals(object? obj) =>
        obj is PySlice s && Dyn.Eq(Start, s.Start) && Dyn.Eq(Stop, s.Stop) && Dyn.Eq(Step, s.Step);

    public override int GetHashCode() => throw new TypeError("unhashable type: 'slice'");

    private static object? Small(object? v) => v switch
    {
        long l => new PyInt(l),
        int i => new PyInt(i),
        _ => v,
    };

    private static long? Bound(object? v) => v switch
    {
        null => null,
        PyInt i => i.IsSmall ? i.Small : i.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2,
        bool b => b ? 1 : 0,
        PyObject => (long)Dyn.Cast<PyInt>(v),
        _ => throw new TypeError("slice indices must be integers or None or have an __index__ method"),
    };
}

public static partial class Py
{
    /// <summary><c>slice(stop)</c>, <c>slice(start, stop[, step])</c>.</summary>
    public static PySlice Slice(object? stop) => new(null, stop, null);

    public static PySlice Slice(object? start, object? stop, object? step = null) => new(start, stop, step);

    /// <summary><c>slice(*bounds)</c>: one to three arguments, known at run time.</summary>
    public static PySlice SliceFrom(object?[] args) => args.Length switch
    {
        0 => throw new TypeError("slice expected at least 1 argument, got 0"),
        1 => Slice(args[0]),
        2 or 3 => Slice(args[0], args[1], args.Length > 2 ? args[2] : null),
        _ => throw new TypeError($"slice expected at most 3 arguments, got {args.Length}"),
    };
}
