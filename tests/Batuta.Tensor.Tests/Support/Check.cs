using System.Globalization;

namespace Batuta.Tensors.Tests.Support;

public static class Check
{
    /// <summary>Asserts that <paramref name="actual"/> matches <paramref name="expected"/> within <paramref name="tolerance"/>; the message names the first bad index.</summary>
    public static void Close<T>(IReadOnlyList<double> expected, Tensor<T> actual, Tolerance tolerance, string what) where T : unmanaged, INumber<T>
    {
        var got = Ref.ToDouble(actual);
        Assert.True(expected.Count == got.Length, $"{what}: expected {expected.Count} elements, got {got.Length} (shape {actual.Shape}).");
        for (int i = 0; i < got.Length; i++)
        {
            if (!tolerance.IsClose(expected[i], got[i]))
            {
                Assert.Fail(string.Format(CultureInfo.InvariantCulture, "{0}: element {1} (of shape {2}) is {3:R}, expected {4:R} (rtol {5:E1}, atol {6:E1}).",
                    what, i, actual.Shape, got[i], expected[i], tolerance.Relative, tolerance.Absolute));
            }
        }
    }

    public static void Exact<T>(IReadOnlyList<T> expected, Tensor<T> actual, string what) where T : unmanaged, INumber<T>
    {
        var got = actual.ToArray();
        Assert.True(expected.Count == got.Length, $"{what}: expected {expected.Count} elements, got {got.Length} (shape {actual.Shape}).");
        for (int i = 0; i < got.Length; i++)
        {
            bool same = expected[i].Equals(got[i]) || (T.IsNaN(expected[i]) && T.IsNaN(got[i]));
            if (!same) Assert.Fail(string.Format(CultureInfo.InvariantCulture, "{0}: element {1} (of shape {2}) is {3}, expected {4}.", what, i, actual.Shape, got[i], expected[i]));
        }
    }

    public static void Dispose(List<IDisposable> owners)
    {
        foreach (var o in owners) o.Dispose();
        owners.Clear();
    }
}
