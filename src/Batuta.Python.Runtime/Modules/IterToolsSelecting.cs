namespace Batuta.Python.Runtime.Modules;

/// <summary>itertools' selecting and mapping iterators: takewhile, dropwhile, filterfalse, compress, starmap.</summary>
public static partial class IterTools
{
    public static IEnumerable<T> TakeWhile<T, TResult>(IEnumerable<T> items, Func<T, TResult> predicate)
    {
        foreach (var x in items)
        {
            if (!Dyn.Truth(predicate(x))) yield break;
            yield return x;
        }
    }

    public static IEnumerable<T> DropWhile<T, TResult>(IEnumerable<T> items, Func<T, TResult> predicate)
    {
        bool dropping = true;
        foreach (var x in items)
        {
            if (dropping && Dyn.Truth(predicate(x))) continue;
            dropping = false;
            yield return x;
        }
    }

    public static IEnumerable<T> FilterFalse<T, TResult>(IEnumerable<T> items, Func<T, TResult> predicate) => items.Where(x => !Dyn.Truth(predicate(x)));

    /// <summary><c>filterfalse(None, xs)</c>: the falsy items.</summary>
    public static IEnumerable<T> FilterFalse<T>(IEnumerable<T> items) => items.Where(x => !Dyn.Truth(x));

    public static IEnumerable<T> Compress<T, TSelector>(IEnumerable<T> data, IEnumerable<TSelector> selectors)
    {
        using var d = data.GetEnumerator();
        using var s = selectors.GetEnumerator();
        while (d.MoveNext() && s.MoveNext())
            if (Dyn.Truth(s.Current)) yield return d.Current;
    }

    /// <summary><c>starmap(f, rows)</c>: <c>f(*row)</c> for each row.</summary>
    public static IEnumerable<object?> StarMap<T>(object? function, IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            var args = Py.AsSequence(row) ?? throw new TypeError($"'{Dyn.TypeName(row)}' object is not iterable");
            yield return Dyn.Call(function, args.ToArray());
        }
    }

    public static IEnumerable<PyTuple> CombinationsWithReplacement<T>(IEnumerable<T> items, long r)
    {
        var pool = items.ToList();
        int n = pool.Count;
        if (n == 0 && r > 0) yield break;
        var idx = new int[r];
        yield return new PyTuple(idx.Select(i => (object?)pool[i]).ToArray());
        while (true)
        {
            int i = (int)r - 1;
            while (i >= 0 && idx[i] == n - 1) i--;
            if (i < 0) yield break;
            int next = idx[i] + 1;
            for (int j = i; j < r; j++) idx[j] = next;
            yield return new PyTuple(idx.Select(k => (object?)pool[k]).ToArray());
        }
    }

    /// <summary><c>zip_longest(a, b, fillvalue=x)</c>.</summary>
    public static IEnumerable<(object?, object?)> ZipLongest<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b, object? fillvalue)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        while (true)
        {
            bool ha = ea.MoveNext(), hb = eb.MoveNext();
            if (!ha && !hb) yield break;
            yield return (ha ? ea.Current : fillvalue, hb ? eb.Current : fillvalue);
        }
    }

    /// <summary><c>accumulate(items, func, initial=v)</c>: v first, then each running total (dynamic values).</summary>
    public static IEnumerable<object?> AccumulateInitial<T>(IEnumerable<T> items, object? function, object? initial)
    {
        var acc = initial;
        yield return acc;
        foreach (var x in items)
        {
            acc = function is null ? Dyn.Add(acc, x) : Dyn.Call(function, acc, x);
            yield return acc;
        }
    }
}

/// <summary>
/// itertools.tee: n iterators over one single-pass source; an item pulled by one branch waits in the queues of the
/// others (memory grows with how far the branches drift apart, as in CPython).
/// </summary>
public static class IterToolsTee
{
    public static PyIterator<T>[] Tee<T>(IEnumerable<T> source, long n)
    {
        if (n < 0) throw new ValueError("n must be >= 0");
        var queues = new Queue<T>[n];
        for (int i = 0; i < n; i++) queues[i] = new Queue<T>();
        var shared = source.GetEnumerator();
        var branches = new PyIterator<T>[n];
        for (int i = 0; i < n; i++) branches[i] = new PyIterator<T>(Branch(shared, queues, i));
        return branches;
    }

    public static (PyIterator<T>, PyIterator<T>) Tee2<T>(IEnumerable<T> source)
    {
        var b = Tee(source, 2);
        return (b[0], b[1]);
    }

    public static (PyIterator<T>, PyIterator<T>, PyIterator<T>) Tee3<T>(IEnumerable<T> source)
    {
        var b = Tee(source, 3);
        return (b[0], b[1], b[2]);
    }

    private static IEnumerable<T> Branch<T>(IEnumerator<T> shared, Queue<T>[] queues, int me)
    {
        while (true)
        {
            if (queues[me].Count > 0)
            {
                yield return queues[me].Dequeue();
                continue;
            }
            if (!shared.MoveNext()) yield break;
            for (int i = 0; i < queues.Length; i++) if (i != me) queues[i].Enqueue(shared.Current);
            yield return shared.Current;
        }
    }
}
