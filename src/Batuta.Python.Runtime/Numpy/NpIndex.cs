using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// One entry of a numpy index: an integer, a slice (<c>start:stop:step</c>), <c>np.newaxis</c>/<c>None</c>,
/// <c>...</c>, or an index array (integer arrays and boolean masks: numpy's advanced indexing).
/// </summary>
public readonly struct NpIndex
{
    internal enum IndexKind : byte { Int, Slice, NewAxis, Ellipsis, Array }

    private NpIndex(IndexKind kind, long value = 0, long? start = null, long? stop = null, long? step = null, NdArray? array = null)
    {
        Kind = kind;
        Value = value;
        Start = start;
        Stop = stop;
        Step = step;
        Array = array;
    }

    internal IndexKind Kind { get; }
    internal long Value { get; }
    internal long? Start { get; }
    internal long? Stop { get; }
    internal long? Step { get; }
    internal NdArray? Array { get; }

    public static NpIndex At(long i) => new(IndexKind.Int, i);

    public static NpIndex Slice(long? start, long? stop, long? step = null)
    {
        if (step == 0) throw new ValueError("slice step cannot be zero");
        return new(IndexKind.Slice, 0, start, stop, step);
    }

    /// <summary><c>:</c></summary>
    public static NpIndex All => new(IndexKind.Slice);

    public static NpIndex NewAxis => new(IndexKind.NewAxis);

    public static NpIndex Ellipsis => new(IndexKind.Ellipsis);

    /// <summary>An index array: integers pick positions, booleans mask.</summary>
    public static NpIndex Of(NdArray array)
    {
        if (array.Kind is NpKind.Float32 or NpKind.Float64)
            throw new IndexError("arrays used as indices must be of integer (or boolean) type");
        return new(IndexKind.Array, array: array);
    }

    public static implicit operator NpIndex(long i) => At(i);

    public static implicit operator NpIndex(int i) => At(i);

    public static implicit operator NpIndex(PyInt i) => At(i.AsIndex);

    public static implicit operator NpIndex(NdArray a) => Of(a);

    /// <summary>A list of ints or bools used as an index (<c>a[[0, 2]]</c>).</summary>
    public static NpIndex Of<T>(PyList<T> list) => Of(Np.Array(list));

    /// <summary>A subscript computed at run time: a tuple of entries or a single one.</summary>
    public static NpIndex[] FromKey(object? key) => key switch
    {
        PyTuple t => t.Select(FromObject).ToArray(),
        ITuple t => Enumerable.Range(0, t.Length).Select(i => FromObject(t[i])).ToArray(),
        _ => [FromObject(key)],
    };

    public static NpIndex FromObject(object? o) => o switch
    {
        null => NewAxis,
        NpIndex ix => ix,
        bool b => Of(NdArray.FromBools([b], [])),
        PyInt i => At(i.AsIndex),
        long l => At(l),
        int i => At(i),
        NdArray a => Of(a),
        IPyList l => Of(Np.Array(l)),
        _ => throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices"),
    };
}
