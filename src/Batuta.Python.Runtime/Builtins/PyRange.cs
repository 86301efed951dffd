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

    public IEnumerator<long> GetEnumerator()
    {
        long v = Start;
        for (long i = 0; i < Length; i++, v += Step) yield return v;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
    public string PyStr() => PyRepr();
}
