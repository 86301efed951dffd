using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>Python's <c>==</c> and <c>&lt;</c> for element types: ordinal strings, lexicographic sequences and tuples.</summary>
public sealed class PyComparer<T> : IComparer<T>, IEqualityComparer<T>
{
    public static readonly PyComparer<T> Default = new();

    private static readonly bool Simple = typeof(T) == typeof(long) || typeof(T) == typeof(double) || typeof(T) == typeof(PyInt)
        || typeof(T) == typeof(int) || typeof(T) == typeof(bool);

    public int Compare(T? x, T? y)
    {
        if (typeof(T) == typeof(string)) return string.CompareOrdinal((string?)(object?)x, (string?)(object?)y);
        if (typeof(T) == typeof(double))
        {
            double a = (double)(object)x.OrThrow(), b = (double)(object)y.OrThrow();
            return a < b ? -1 : a > b ? 1 : 0;
        }
        if (Simple) return Comparer<T>.Default.Compare(x, y);
        return Dyn.Compare(x, y);
    }

    public bool Equals(T? x, T? y)
    {
        if (typeof(T) == typeof(string)) return string.Equals((string?)(object?)x, (string?)(object?)y, StringComparison.Ordinal);
        if (Simple) return EqualityComparer<T>.Default.Equals(x, y);
        return Dyn.ItemEq(x, y);
    }

    public int GetHashCode(T obj) => Simple || typeof(T) == typeof(string) ? EqualityComparer<T>.Default.GetHashCode(obj.OrThrow()) : Dyn.Hash(obj);
}

/// <summary>Python equality for dictionary keys of any type (1 == 1.0 == True hash alike).</summary>
public sealed class PyKeyComparer : IEqualityComparer<object?>
{
    public static readonly PyKeyComparer Instance = new();
    public new bool Equals(object? x, object? y) => Dyn.Eq(x, y);
    public int GetHashCode(object? obj) => Dyn.Hash(obj);
}
