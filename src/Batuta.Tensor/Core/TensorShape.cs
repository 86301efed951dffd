using System.Collections;
using System.Globalization;
using System.Text;

namespace Batuta.Tensors;

/// <summary>
/// An immutable tensor shape, printed the way numpy prints shapes: <c>(3, 4)</c>, <c>(5,)</c>, <c>()</c>.
/// </summary>
public readonly struct TensorShape : IEquatable<TensorShape>, IReadOnlyList<int>
{
    private static readonly int[] ScalarDims = [];
    private readonly int[]? _dims;

    public TensorShape(params ReadOnlySpan<int> dimensions)
    {
        foreach (int d in dimensions)
        {
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dimensions), $"shape {Format(dimensions)} has a negative dimension; every dimension must be >= 0.");
        }
        _dims = dimensions.ToArray();
    }

    /// <summary>Wraps an array this struct may keep: the caller promises never to mutate it.</summary>
    internal TensorShape(int[] owned, bool _) => _dims = owned;

    internal int[] Dims => _dims ?? ScalarDims;

    public int Rank => Dims.Length;

    public int Count => Dims.Length;

    public int this[int axis] => Dims[axis];

    /// <summary>Number of elements: the product of the dimensions (1 for a scalar shape).</summary>
    public int Length => ElementCount(Dims);

    public ReadOnlySpan<int> AsSpan() => Dims;

    public int[] ToArray() => (int[])Dims.Clone();

    public static TensorShape Scalar => new(ScalarDims, true);

    internal static int ElementCount(ReadOnlySpan<int> dims)
    {
        long n = 1;
        foreach (int d in dims)
        {
            n *= d;
            if (n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(dims), $"shape {Format(dims)} has more than {int.MaxValue} elements.");
        }
        return (int)n;
    }

    public bool Equals(TensorShape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    public override bool Equals(object? obj) => obj is TensorShape s && Equals(s);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int d in Dims) h.Add(d);
        return h.ToHashCode();
    }

    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    public override string ToString() => Format(Dims);

    public static string Format(ReadOnlySpan<int> dims)
    {
        var sb = new StringBuilder("(");
        for (int i = 0; i < dims.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(dims[i].ToString(CultureInfo.InvariantCulture));
        }
        if (dims.Length == 1) sb.Append(',');
        return sb.Append(')').ToString();
    }

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)Dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static implicit operator TensorShape(int[] dimensions) => new(dimensions);
}
