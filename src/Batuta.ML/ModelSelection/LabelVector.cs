using System.Numerics;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>
/// Class labels for <c>stratify=</c> and the splitters, from a tensor of any element type or from
/// strings: numpy's np.unique order (numbers ascending, strings by code point).
/// </summary>
public readonly struct LabelVector
{
    private readonly double[]? _numbers;
    private readonly string[]? _strings;

    private LabelVector(double[]? numbers, string[]? strings)
    {
        _numbers = numbers;
        _strings = strings;
    }

    public int Length => _numbers?.Length ?? _strings?.Length ?? 0;

    public static LabelVector From<T>(Tensor<T> labels) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Rank != 1 && !(labels.Rank == 2 && labels.Shape[1] == 1))
            throw new InputValidationException($"labels must be 1-D; got shape {labels.Shape}.", "stratify");
        return new(labels.ToArray().Select(double.CreateTruncating).ToArray(), null);
    }

    public static implicit operator LabelVector(Tensor<double> labels) => From(labels);

    public static implicit operator LabelVector(Tensor<float> labels) => From(labels);

    public static implicit operator LabelVector(Tensor<long> labels) => From(labels);

    public static implicit operator LabelVector(Tensor<int> labels) => From(labels);

    public static implicit operator LabelVector(double[] labels) => new((double[])labels.Clone(), null);

    public static implicit operator LabelVector(long[] labels) => new(labels.Select(v => (double)v).ToArray(), null);

    public static implicit operator LabelVector(int[] labels) => new(labels.Select(v => (double)v).ToArray(), null);

    public static implicit operator LabelVector(string[] labels) => new(null, (string[])labels.Clone());

    /// <summary>np.unique(y, return_inverse=True): the number of classes and each sample's class index.</summary>
    internal (int Classes, int[] Inverse) Encode()
    {
        var inverse = new int[Length];
        if (_numbers is not null)
        {
            var classes = _numbers.Distinct().Order().ToArray();
            for (int i = 0; i < inverse.Length; i++) inverse[i] = Array.BinarySearch(classes, _numbers[i]);
            return (classes.Length, inverse);
        }
        if (_strings is not null)
        {
            var classes = _strings.Distinct().Order(StringComparer.Ordinal).ToArray();
            for (int i = 0; i < inverse.Length; i++) inverse[i] = Array.BinarySearch(classes, _strings[i], StringComparer.Ordinal);
            return (classes.Length, inverse);
        }
        return (0, inverse);
    }

    /// <summary>True when every label is an integer value (scikit-learn's binary/multiclass target types).</summary>
    internal bool IsDiscrete => _strings is not null || (_numbers ?? []).All(v => v == Math.Floor(v));

    /// <summary>Labels as doubles (strings are replaced by their class index).</summary>
    internal double[] AsDoubles() => _numbers ?? Encode().Inverse.Select(i => (double)i).ToArray();
}
