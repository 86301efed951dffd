using System.Globalization;

namespace Batuta.Tensors;

/// <summary>
/// "Stop the line": checks that tensors hold only finite values and that invariants hold, and
/// reports the first bad element precisely. With <see cref="Enabled"/> (or BATUTA_JIDOKA=1) every
/// element-wise operation, matmul, reduction along an axis and softmax checks its own output.
/// </summary>
public static class JidokaGuard
{
    private static volatile bool _enabled = Environment.GetEnvironmentVariable("BATUTA_JIDOKA") is "1" or "true";

    /// <summary>Checks the output of every operation (costs one extra pass over each result).</summary>
    public static bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Throws <see cref="JidokaViolationException"/> at the first NaN or ±∞, naming its index.</summary>
    public static void CheckFinite<T>(Tensor<T> tensor, string name = "tensor", string operation = "check") where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!TensorElement<T>.IsFloatingPoint) return;
        using var c = tensor.Contiguous();
        int bad = FindFirstNonFinite<T>(c.AsReadOnlySpan());
        if (bad < 0) return;
        var index = Unravel(bad, tensor.ShapeArray);
        double value = double.CreateTruncating(c.AsReadOnlySpan()[bad]);
        throw new JidokaViolationException(operation, name, bad, index, value,
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} has a non-finite value {3} at index [{4}] (flat {5}).",
                operation, name, tensor.Shape, value, string.Join(", ", index), bad));
    }

    /// <summary>Index of the first NaN or ±∞, or -1. Vectorised: x - x is 0 exactly for finite x.</summary>
    public static int FindFirstNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double)) return -1;
        int i = 0;
        ref T r = ref MemoryMarshal.GetReference(values);
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<T>.Count)
        {
            int w = Vector256<T>.Count;
            for (; i + w <= values.Length; i += w)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                var bad = ~Vector256.Equals(v - v, Vector256<T>.Zero);
                uint bits = bad.ExtractMostSignificantBits();
                if (bits != 0) return i + BitOperations.TrailingZeroCount(bits);
            }
        }
        for (; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i])) return i;
        }
        return -1;
    }

    /// <summary>Throws with <paramref name="message"/> when <paramref name="invariant"/> is false.</summary>
    public static void Check(bool invariant, string message, string operation = "invariant")
    {
        if (!invariant) throw new JidokaViolationException(operation, operation, -1, [], double.NaN, $"{operation}: {message}");
    }

    internal static void After<T>(string operation, Tensor<T> result) where T : unmanaged, INumber<T>
    {
        if (_enabled) CheckFinite(result, "result", operation);
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}

/// <summary>A Jidoka stop: which operation, which tensor, and where the first bad value is.</summary>
public sealed class JidokaViolationException : InvalidOperationException
{
    public JidokaViolationException(string operation, string name, long flatIndex, int[] index, double value, string message) : base(message)
    {
        Operation = operation;
        Name = name;
        FlatIndex = flatIndex;
        Index = index;
        Value = value;
    }

    public string Operation { get; }

    public string Name { get; }

    /// <summary>C-order index of the first bad element (-1 for a broken invariant).</summary>
    public long FlatIndex { get; }

    public IReadOnlyList<int> Index { get; }

    public double Value { get; }
}
