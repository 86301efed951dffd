namespace Batuta.Tensors.Tests.Support;

/// <summary>
/// Random test inputs: shapes that hit every loop path (empty, size 1, odd vector tails, several
/// unrolled blocks), and layouts that are not contiguous (transposed, stepped, reversed, broadcast).
/// </summary>
public static class Cases
{
    /// <summary>Shapes for element-wise tests. 67 and 131 leave odd tails for every vector width.</summary>
    public static readonly int[][] Shapes =
    [
        [], [0], [1], [3], [7], [16], [17], [67], [131], [1000],
        [0, 4], [1, 1], [3, 5], [4, 33], [2, 3, 5], [5, 1, 7], [2, 65],
    ];

    public static Tensor<T> Random<T>(SimRng rng, int[] shape, double low = -2, double high = 2) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(long)) return rng.Integers<T>(shape, (long)Math.Floor(low * 25), (long)Math.Ceiling(high * 25) + 1);
        return rng.Uniform<T>(shape, low, high);
    }

    public enum Layout
    {
        Contiguous,
        Transposed,
        Stepped,
        Reversed,
        Broadcast,
    }

    public static readonly Layout[] Layouts = Enum.GetValues<Layout>();

    /// <summary>
    /// A tensor with <paramref name="shape"/> and the requested layout, built as a view of a larger
    /// random base. The returned owner list must be disposed by the caller.
    /// </summary>
    public static Tensor<T> WithLayout<T>(SimRng rng, int[] shape, Layout layout, List<IDisposable> owners, double low = -2, double high = 2)
        where T : unmanaged, INumber<T>
    {
        Tensor<T> Own(Tensor<T> t)
        {
            owners.Add(t);
            return t;
        }

        switch (layout)
        {
            case Layout.Transposed when shape.Length >= 2:
            {
                var reversed = shape.Reverse().ToArray();
                var b = Own(Random<T>(rng, reversed, low, high));
                return Own(b.Transpose());
            }
            case Layout.Stepped when shape.Length >= 1:
            {
                var big = shape.ToArray();
                big[^1] = shape[^1] * 2 + 1;
                var b = Own(Random<T>(rng, big, low, high));
                return Own(b.Slice(-1, 1, null, 2).Slice(-1, 0, shape[^1]));
            }
            case Layout.Reversed when shape.Length >= 1:
            {
                var b = Own(Random<T>(rng, shape, low, high));
                return Own(b.Slice(0, null, null, -1));
            }
            case Layout.Broadcast when shape.Length >= 1:
            {
                var small = shape.ToArray();
                small[0] = 1;
                var b = Own(Random<T>(rng, small, low, high));
                return Own(b.BroadcastTo(shape));
            }
            default:
                return Own(Random<T>(rng, shape, low, high));
        }
    }

    /// <summary>Pairs of broadcast-compatible shapes, including scalar, row, column and empty cases.</summary>
    public static readonly (int[] A, int[] B)[] BroadcastPairs =
    [
        ([5], [5]), ([], [7]), ([4, 3], [3]), ([4, 1], [1, 6]), ([2, 3, 4], [3, 1]), ([0, 3], [3]), ([1], [17]), ([67], [1]),
        ([3, 1, 5], [1, 4, 1]), ([2, 65], [2, 65]),
    ];
}
