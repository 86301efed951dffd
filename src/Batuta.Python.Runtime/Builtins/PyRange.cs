using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>Python's <c>range</c> object (lazy, with len, indexing, membership and repr).</summary>
public sealed class PyRange : IReadOnlyList<long>, IPyObject, IPySized, IPyTyped
{
    public PyRange(long start, long stop, long step)
    {
        if (step == 0) throw new ValueError("range() arg 3 must not be zero");
        Start = start; Stop = stop; Step = step;
        long n = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
        Length = n;
    }

    public long Start { get; }
    public long Stop { get; }
    public long Step { get; }
    public long Length { get; }
    public int Count => Length > int.MaxValue ? throw new OverflowError("Python int too large to convert to C ssize_t") : (int)Length;
    public string PyTypeName => "range";

    public long this[int index] => this[(long)index];
    public long this[long index]
    {
        get
        {
            long i = index < 0 ? index + Length : index;
            if (i < 0 || i >= Length) throw new IndexError("range object index out of range");
            return Start + i * Step;
        }
    }

    public bool Contains(PyInt v)
    {
        if (!v.IsSmall) return false;
        long x = v.Small;
        if (Step > 0 ? x < Start || x >= Stop : x > Start || x <= Stop) return false;
        return (x - Start) % Step == 0;
    }

    /// <summary><c>r[a:b:c]</c>: a range again, as in Python (range(0, 50, 5)[2:5] is range(10, 25, 5)).</summary>
    public PyRange Slice(long? start, long? stop, long? step)
    {
        var (s, _, st, len) = Indexing.Adjust(start, stop, step, Count);
        long first = Start + s * Step, stride = Step * st;
        return new PyRange(first, first + len * stride, stride);
    }

    /// <summary><c>r.index(x)</c>, ValueError when absent.</summary>
    public PyInt Index(PyInt value) => Contains(value) ? new PyInt((value.Small - Start) / Step) : throw new ValueError($"{value} is not in range");

    /// <summary><c>r.count(x)</c>: 1 or 0.</summary>
    public PyInt CountOf(PyInt value) => new(Contains(value) ? 1 : 0);

    public IEnumerator<long> GetEnumerator()
    {
        long v = Start;
        for (long i = 0; i < Length; i++, v += Step) yield return v;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
    public string PyStr() => PyRepr();
}
