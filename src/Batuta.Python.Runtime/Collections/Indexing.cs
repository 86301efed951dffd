namespace Batuta.Python.Runtime;

/// <summary>Python index and slice arithmetic (negative indices, clamped slices, steps).</summary>
public static class Indexing
{
    public static int Normalize(long index, int count, string what = "list")
    {
        long i = index < 0 ? index + count : index;
        if ((ulong)i >= (ulong)count) throw new IndexError(what + " index out of range");
        return (int)i;
    }


    /// <summary>CPython's PySlice_AdjustIndices: start, stop, step and length of the selection.</summary>
    public static (int Start, int Stop, int Step, int Length) Adjust(long? start, long? stop, long? step, int count)
    {
        long st = step ?? 1;
        if (st == 0) throw new ValueError("slice step cannot be zero");
        long lo, hi;
        if (st > 0)
        {
            lo = start is null ? 0 : Clamp(start.Value, count, 0, count);
            hi = stop is null ? count : Clamp(stop.Value, count, 0, count);
            long len = hi > lo ? (hi - lo + st - 1) / st : 0;
            return ((int)lo, (int)hi, (int)st, (int)len);
        }
        lo = start is null ? count - 1 : Clamp(start.Value, count, -1, count - 1);
        hi = stop is null ? -1 : Clamp(stop.Value, count, -1, count - 1);
        long n = lo > hi ? (lo - hi + (-st) - 1) / -st : 0;
        return ((int)lo, (int)hi, (int)st, (int)n);
    }

    private static long Clamp(long v, int count, long min, long max)
    {
        if (v < 0) v += count;
        return v < min ? min : v > max ? max : v;
    }

    public static T[] Slice<T>(IReadOnlyList<T> items, long? start, long? stop, long? step)
    {
        var (s, _, st, len) = Adjust(start, stop, step, items.Count);
        var result = new T[len];
        for (int i = 0, j = s; i < len; i++, j += st) result[i] = items[j];
        return result;
    }
}
