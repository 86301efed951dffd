using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Python's <c>time</c> module: its clocks (struct_time and its conversions are in TimeModuleStructs.cs).</summary>
public static partial class TimeModule
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    public static double Time() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
    public static double PerfCounter() => Clock.Elapsed.TotalSeconds;
    public static double Monotonic() => Clock.Elapsed.TotalSeconds;
    public static double ProcessTime() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    public static void Sleep(double seconds) => Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, seconds)));
    public static PyInt TimeNs() => (long)((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100);
    public static PyInt PerfCounterNs() => (long)(Clock.Elapsed.Ticks * 100);
}

/// <summary>strftime directives over .NET dates.</summary>
public static class DateTimeFormat
{
    public static string StrFTime(DateTime t, string format)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            char c = format[++i];
            sb.Append(c switch
            {
                'Y' => t.Year.ToString("0000", ci),
                'm' => t.Month.ToString("00", ci),
                'd' => t.Day.ToString("00", ci),
                'H' => t.Hour.ToString("00", ci),
                'M' => t.Minute.ToString("00", ci),
                'S' => t.Second.ToString("00", ci),
                'y' => (t.Year % 100).ToString("00", ci),
                'j' => t.DayOfYear.ToString("000", ci),
                'a' => t.ToString("ddd", ci),
                'A' => t.ToString("dddd", ci),
                'b' => t.ToString("MMM", ci),
                'B' => t.ToString("MMMM", ci),
                'p' => t.Hour < 12 ? "AM" : "PM",
                'I' => ((t.Hour + 11) % 12 + 1).ToString("00", ci),
                'f' => (t.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", ci),
                '%' => "%",
                _ => "%" + c,
            });
        }
        return sb.ToString();
    }
}

/// <summary>Python's <c>os.path</c> (POSIX semantics) and a few <c>os</c> functions.</summary>
public static class OsPath
{
    public static string Join(string a, params string[] rest)
    {
        var path = a;
        foreach (var b in rest)
        {
            if (b.StartsWith('/')) path = b;
            else if (path.Length == 0 || path.EndsWith('/')) path += b;
            else path += "/" + b;
        }
        return path;
    }

    public static bool Exists(string p) => File.Exists(p) || Directory.Exists(p);
    public static bool IsFile(string p) => File.Exists(p);
    public static bool IsDir(string p) => Directory.Exists(p);
    public static bool IsAbs(string p) => p.StartsWith('/');
    public static string Basename(string p) => p[(p.LastIndexOf('/') + 1)..];
    public static string Dirname(string p)
    {
        int i = p.LastIndexOf('/') + 1;
        var head = p[..i];
        if (head.Length > 0 && head != new string('/', head.Length)) head = head.TrimEnd('/');
        return head;
    }

    public static (string, string) Split(string p) => (Dirname(p), Basename(p));

    public static (string, string) SplitExt(string p)
    {
        int slash = p.LastIndexOf('/');
        int dot = p.LastIndexOf('.');
        if (dot <= slash + 1) return (p, "");
        int j = slash + 1;
        while (j < dot && p[j] == '.') j++;
        if (j == dot) return (p, "");
        return (p[..dot], p[dot..]);
    }

    public static string AbsPath(string p) => NormPath(Path.GetFullPath(p));
    public static string NormPath(string p)
    {
        if (p.Length == 0) return ".";
        bool abs = p.StartsWith('/');
        var parts = new List<string>();
        foreach (var c in p.Split('/'))
        {
            if (c is "" or ".") continue;
            if (c == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else if (c == ".." && abs) continue;
            else parts.Add(c);
        }
        var r = (abs ? "/" : "") + string.Join("/", parts);
        return r.Length == 0 ? "." : r;
    }

    public static PyInt GetSize(string p) => File.Exists(p) ? new FileInfo(p).Length : throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
    public static string ExpandUser(string p) => p.StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + p[1..] : p;
}

public static class OsModule
{
    public static string GetCwd() => Directory.GetCurrentDirectory();
    /// <summary>os.chdir: the process's directory, so relative paths (open, listdir, glob) resolve from it as in Python.</summary>
    public static void Chdir(string p)
    {
        if (!Directory.Exists(p))
        {
            if (File.Exists(p)) throw new NotADirectoryError(20, "Not a directory") { Filename = p };
            throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
        }
        Directory.SetCurrentDirectory(p);
    }
    public static PyInt GetPid() => Environment.ProcessId;
    public static PyList<string> ListDir(string p = ".") => Directory.Exists(p)
        ? new(Directory.EnumerateFileSystemEntries(p).Select(Path.GetFileName).Select(x => x.OrThrow()).OrderBy(x => x, StringComparer.Ordinal))
        : throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
    /// <summary>os.scandir: the entries of <see cref="ListDir"/>'s order (sorted, where CPython gives the file system's).</summary>
    public static OsScandirIterator ScanDir(string p = ".") => new(ListDir(p).Select(n => new OsDirEntry(p, n)));
    public static void MakeDirs(string p, bool exist_ok = false)
    {
        if (Directory.Exists(p) && !exist_ok) throw new FileExistsError(17, "File exists") { Filename = p };
        Directory.CreateDirectory(p);
    }
    public static void Mkdir(string p)
    {
        if (Directory.Exists(p)) throw new FileExistsError(17, "File exists") { Filename = p };
        Directory.CreateDirectory(p);
    }
    public static void Remove(string p)
    {
        if (!File.Exists(p)) throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
        File.Delete(p);
    }
    /// <summary>os.rmdir: an empty directory only, with CPython's errors.</summary>
    public static void Rmdir(string p)
    {
        if (!Directory.Exists(p)) throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
        if (Directory.EnumerateFileSystemEntries(p).Any()) throw new OSError(39, "Directory not empty") { Filename = p };
        Directory.Delete(p);
    }
    public static void Rename(string a, string b) => File.Move(a, b, true);
    /// <summary>os.getenv reads os.environ, as in CPython: a variable the program set there is seen.</summary>
    public static string? GetEnv(string name, string? fallback = null) => Environ.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>
    /// os.environ: the process environment as a str→str dict, read once at startup (names in ordinal order, where
    /// CPython keeps the C environ's order). Writes update the dict, as CPython's writes update its mapping.
    /// </summary>
    public static readonly PyDict<string, string> Environ = new(
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
            .OrderBy(kv => kv.Item1, StringComparer.Ordinal));
    public static readonly string Sep = "/";
    public static readonly string Linesep = "\n";
}

/// <summary>Python's <c>heapq</c> over a list (same sift algorithm, so the list order matches CPython).</summary>
public static class HeapQ
{
    public static void HeapPush<T>(PyList<T> heap, T item)
    {
        heap.Append(item);
        SiftDown(heap, 0, heap.Count - 1);
    }

    public static T HeapPop<T>(PyList<T> heap)
    {
        var last = heap.Pop();
        if (heap.Count == 0) return last;
        var ret = heap[0];
        heap[0] = last;
        SiftUp(heap, 0);
        return ret;
    }

    public static T HeapReplace<T>(PyList<T> heap, T item)
    {
        if (heap.Count == 0) throw new IndexError("index out of range");
        var ret = heap[0];
        heap[0] = item;
        SiftUp(heap, 0);
        return ret;
    }

    public static T HeapPushPop<T>(PyList<T> heap, T item)
    {
        if (heap.Count > 0 && Lt(heap[0], item))
        {
            (item, heap[(int)0]) = (heap[0], item);
            SiftUp(heap, 0);
        }
        return item;
    }

    public static void Heapify<T>(PyList<T> x)
    {
        for (int i = x.Count / 2 - 1; i >= 0; i--) SiftUp(x, i);
    }

    /// <summary>
    /// <c>heapq.merge(*iterables)</c>: sorted inputs merged lazily into one sorted stream; of equal items the one from
    /// the earlier iterable comes first, as in CPython.
    /// </summary>
    public static IEnumerable<T> Merge<T>(params IEnumerable<T>[] iterables) => MergeSorted(iterables);

    /// <summary>heapq.merge over iterables of different element types (ints and floats, or one known only at run time).</summary>
    public static IEnumerable<object?> Merge(params object?[] iterables) => MergeSorted(iterables.Select(Dyn.Iter).ToArray());

    private static IEnumerable<T> MergeSorted<T>(IEnumerable<T>[] iterables)
    {
        var heads = iterables.Select(x => x.GetEnumerator()).ToList();
        var live = heads.Where(h => h.MoveNext()).ToList();
        try
        {
            while (live.Count > 0)
            {
                int min = 0;
                for (int i = 1; i < live.Count; i++)
                    if (Lt(live[i].Current, live[min].Current)) min = i;
                yield return live[min].Current;
                if (!live[min].MoveNext()) live.RemoveAt(min);
            }
        }
        finally
        {
            foreach (var h in heads) h.Dispose();
        }
    }

    public static PyList<T> NLargest<T>(long n, IEnumerable<T> items) => new(Py.Sorted(items, true).Take((int)n));
    public static PyList<T> NSmallest<T>(long n, IEnumerable<T> items) => new(Py.Sorted(items).Take((int)n));
    public static PyList<T> NLargest<T, TKey>(long n, IEnumerable<T> items, Func<T, TKey> key) => new(Py.Sorted(items, key, true).Take((int)n));
    public static PyList<T> NSmallest<T, TKey>(long n, IEnumerable<T> items, Func<T, TKey> key) => new(Py.Sorted(items, key).Take((int)n));

    private static bool Lt<T>(T a, T b) => PyComparer<T>.Default.Compare(a, b) < 0;

    private static void SiftDown<T>(PyList<T> heap, int startpos, int pos)
    {
        var newitem = heap[pos];
        while (pos > startpos)
        {
            int parentpos = (pos - 1) >> 1;
            var parent = heap[parentpos];
            if (Lt(newitem, parent)) { heap[pos] = parent; pos = parentpos; continue; }
            break;
        }
        heap[pos] = newitem;
    }

    private static void SiftUp<T>(PyList<T> heap, int pos)
    {
        int endpos = heap.Count, startpos = pos;
        var newitem = heap[pos];
        int childpos = 2 * pos + 1;
        while (childpos < endpos)
        {
            int rightpos = childpos + 1;
            if (rightpos < endpos && !Lt(heap[childpos], heap[rightpos])) childpos = rightpos;
            heap[pos] = heap[childpos];
            pos = childpos;
            childpos = 2 * pos + 1;
        }
        heap[pos] = newitem;
        SiftDown(heap, startpos, pos);
    }
}

/// <summary>Python's <c>bisect</c>.</summary>
public static class Bisect
{
    public static PyInt BisectLeft<T>(IReadOnlyList<T> a, T x, long lo = 0, long? hi = null)
    {
        if (lo < 0) throw new ValueError("lo must be non-negative");
        long h = hi ?? a.Count;
        while (lo < h) { long mid = (lo + h) / 2; if (PyComparer<T>.Default.Compare(a[(int)mid], x) < 0) lo = mid + 1; else h = mid; }
        return lo;
    }

    public static PyInt BisectRight<T>(IReadOnlyList<T> a, T x, long lo = 0, long? hi = null)
    {
        if (lo < 0) throw new ValueError("lo must be non-negative");
        long h = hi ?? a.Count;
        while (lo < h) { long mid = (lo + h) / 2; if (PyComparer<T>.Default.Compare(x, a[(int)mid]) < 0) h = mid; else lo = mid + 1; }
        return lo;
    }

    /// <summary>bisect with <c>key=</c> (Python 3.10): x is compared with key(a[i]); it is not passed through key itself.</summary>
    public static PyInt BisectLeft<T, TKey>(IReadOnlyList<T> a, TKey x, long lo, long? hi, Func<T, TKey> key)
    {
        if (lo < 0) throw new ValueError("lo must be non-negative");
        long h = hi ?? a.Count;
        while (lo < h) { long mid = (lo + h) / 2; if (PyComparer<TKey>.Default.Compare(key(a[(int)mid]), x) < 0) lo = mid + 1; else h = mid; }
        return lo;
    }

    public static PyInt BisectRight<T, TKey>(IReadOnlyList<T> a, TKey x, long lo, long? hi, Func<T, TKey> key)
    {
        if (lo < 0) throw new ValueError("lo must be non-negative");
        long h = hi ?? a.Count;
        while (lo < h) { long mid = (lo + h) / 2; if (PyComparer<TKey>.Default.Compare(x, key(a[(int)mid])) < 0) h = mid; else lo = mid + 1; }
        return lo;
    }

    /// <summary>insort with <c>key=</c>: the item's key is what is searched for, as in CPython.</summary>
    public static void InsortLeft<T, TKey>(PyList<T> a, T x, long lo, long? hi, Func<T, TKey> key) => a.Insert((long)BisectLeft(a, key(x), lo, hi, key), x);
    public static void InsortRight<T, TKey>(PyList<T> a, T x, long lo, long? hi, Func<T, TKey> key) => a.Insert((long)BisectRight(a, key(x), lo, hi, key), x);

    public static void InsortLeft<T>(PyList<T> a, T x, long lo = 0, long? hi = null) => a.Insert((long)BisectLeft(a, x, lo, hi), x);
    public static void InsortRight<T>(PyList<T> a, T x, long lo = 0, long? hi = null) => a.Insert((long)BisectRight(a, x, lo, hi), x);
}

/// <summary>Python's <c>string</c> constants.</summary>
public static class StringModule
{
    public const string AsciiLowercase = "abcdefghijklmnopqrstuvwxyz";
    public const string AsciiUppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string AsciiLetters = AsciiLowercase + AsciiUppercase;
    public const string Digits = "0123456789";
    public const string HexDigits = "0123456789abcdefABCDEF";
    public const string OctDigits = "01234567";
    public const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    public const string Whitespace = " \t\n\r\x0b\x0c";
    public const string Printable = Digits + AsciiLetters + Punctuation + Whitespace;
    public static string CapWords(string s) => string.Join(" ", Text.PyStr.Split(s).Select(Text.PyStr.Capitalize));
}

/// <summary>Python's <c>itertools</c>.</summary>
public static partial class IterTools
{
    public static IEnumerable<PyInt> Count(PyInt start = default, PyInt? step = null)
    {
        var s = step ?? 1;
        for (var i = start; ; i += s) yield return i;
    }

    /// <summary>count() from a float: every item is a float.</summary>
    public static IEnumerable<double> Count(double start, double step)
    {
        for (var n = start; ; n += step) yield return n;
    }

    /// <summary>count() over floats or values of unknown type: start, start + step, ... with Python's + (an int start stays an int).</summary>
    public static IEnumerable<object?> CountDynamic(object? start, object? step)
    {
        if (!IsNumber(start) || !IsNumber(step)) throw new TypeError("a number is required");
        for (var n = start; ; n = Dyn.Add(n, step)) yield return n;
    }

    private static bool IsNumber(object? o) => o is PyInt or long or int or double or bool or System.Numerics.BigInteger;

    public static IEnumerable<T> Chain<T>(params IEnumerable<T>[] items) => items.SelectMany(x => x);
    public static IEnumerable<T> ChainFromIterable<T>(IEnumerable<IEnumerable<T>> items) => items.SelectMany(x => x);

    public static IEnumerable<T> Cycle<T>(IEnumerable<T> items)
    {
        var saved = items.ToList();
        if (saved.Count == 0) yield break;
        while (true) foreach (var x in saved) yield return x;
    }

    public static IEnumerable<T> Repeat<T>(T value, long? times = null)
    {
        for (long i = 0; times is null || i < times; i++) yield return value;
    }

    // an islice object of its own (not LINQ's Take, which stands for a generator expression in type names)
    public static IEnumerable<T> ISlice<T>(IEnumerable<T> items, PyInt? stop) => ISliceCore(items, 0, stop is null ? null : (long)stop.Value, 1);
    public static IEnumerable<T> ISlice<T>(IEnumerable<T> items, PyInt? start, PyInt? stop, PyInt? step = null) =>
        ISliceCore(items, start is null ? 0 : (long)start.Value, stop is null ? null : (long)stop.Value, step is null ? 1 : (long)step.Value);

    // CPython's islice_next: skip to the next index taken, and test stop before pulling an item, so that a shared
    // iterator (islice(it, 3) twice) loses no item past the slice
    private static IEnumerable<T> ISliceCore<T>(IEnumerable<T> items, long start, long? stop, long step)
    {
        using var e = items.GetEnumerator();
        long pulled = 0, next = start;
        while (true)
        {
            for (; pulled < next; pulled++)
                if (!e.MoveNext()) yield break;
            if (stop is { } end && pulled >= end) yield break;
            if (!e.MoveNext()) yield break;
            pulled++;
            next = stop is { } last && next + step > last ? last : next + step;
            yield return e.Current;
        }
    }

    public static IEnumerable<T> Accumulate<T>(IEnumerable<T> items, Func<T, T, T> f)
    {
        bool first = true;
        T acc = default!;
        foreach (var x in items)
        {
            acc = first ? x : f(acc, x);
            first = false;
            yield return acc;
        }
    }

    public static IEnumerable<PyInt> Accumulate(IEnumerable<PyInt> items) => Accumulate(items, (a, b) => a + b);
    public static IEnumerable<PyInt> Accumulate(IEnumerable<long> items) => Accumulate(items.Select(x => new PyInt(x)), (a, b) => a + b);
    public static IEnumerable<double> Accumulate(IEnumerable<double> items) => Accumulate(items, (a, b) => a + b);
    /// <summary>accumulate() of dynamic values (ints and floats mixed): Python's + on each pair.</summary>
    public static IEnumerable<object?> Accumulate(IEnumerable<object?> items) => Accumulate(items, Dyn.Add);

    /// <summary>
    /// groupby(): each group an iterator over the shared source, as CPython's _grouper: advancing to the next key
    /// skips what the current group left, and ends that group.
    /// </summary>
    public static IEnumerable<(TKey, IEnumerable<T>)> GroupBy<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
    {
        var state = new GroupByState<T, TKey>(items.GetEnumerator(), key);
        while (state.NextGroup())
            yield return (state.TargetKey, new PyIterator<T>(state.Group(state.GroupId)));
    }

    public static IEnumerable<(T, IEnumerable<T>)> GroupBy<T>(IEnumerable<T> items) => GroupBy(items, x => x);

    private sealed class GroupByState<T, TKey>(IEnumerator<T> source, Func<T, TKey> key)
    {
        private bool _hasKey, _hasValue;
        private T _value = default!;
        private TKey _key = default!;
        public TKey TargetKey { get; private set; } = default!;
        public int GroupId { get; private set; }

        private bool Step()
        {
            if (!source.MoveNext()) return false;
            _value = source.Current;
            _key = key(_value);
            _hasKey = _hasValue = true;
            return true;
        }

        private bool InTarget => PyComparer<TKey>.Default.Equals(TargetKey, _key);

        /// <summary>Moves past the current group's remaining items to the next key; false at the end. Either way the current group ends.</summary>
        public bool NextGroup()
        {
            bool first = GroupId == 0;
            GroupId++;
            if (!_hasKey && !Step()) return false;
            while (!first && InTarget)
                if (!Step()) return false;
            TargetKey = _key;
            return true;
        }

        public IEnumerable<T> Group(int id)
        {
            while (id == GroupId)
            {
                if (!_hasValue && !Step()) yield break;
                if (!InTarget) yield break;
                _hasValue = false;
                yield return _value;
            }
        }
    }

    public static IEnumerable<PyTuple> Product(params IEnumerable<object?>[] pools)
    {
        var lists = pools.Select(p => p.ToList()).ToList();
        IEnumerable<object?[]> acc = new[] { Array.Empty<object?>() };
        foreach (var pool in lists) acc = acc.SelectMany(prefix => pool.Select(x => prefix.Append(x).ToArray())).ToList();
        return acc.Select(a => new PyTuple(a));
    }

    public static IEnumerable<(T1, T2)> Product<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b)
    {
        var bl = b.ToList();
        foreach (var x in a.ToList()) foreach (var y in bl) yield return (x, y);
    }

    public static IEnumerable<PyTuple> ProductRepeat<T>(IEnumerable<T> pool, long repeat) =>
        Product(Enumerable.Range(0, (int)repeat).Select(_ => pool.Select(x => (object?)x)).ToArray());

    public static IEnumerable<PyTuple> Permutations<T>(IEnumerable<T> items, long? r = null)
    {
        var pool = items.ToList();
        int n = pool.Count;
        int rr = (int)(r ?? n);
        if (rr > n) yield break;
        var indices = Enumerable.Range(0, n).ToArray();
        var cycles = Enumerable.Range(n - rr + 1, rr).Reverse().ToArray();
        yield return new PyTuple(indices.Take(rr).Select(i => (object?)pool[i]).ToArray());
        while (n > 0)
        {
            bool done = true;
            for (int i = rr - 1; i >= 0; i--)
            {
                cycles[i]--;
                if (cycles[i] == 0)
                {
                    var first = indices[i];
                    Array.Copy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = first;
                    cycles[i] = n - i;
                }
                else
                {
                    int j = cycles[i];
                    (indices[i], indices[n - j]) = (indices[n - j], indices[i]);
                    yield return new PyTuple(indices.Take(rr).Select(k => (object?)pool[k]).ToArray());
                    done = false;
                    break;
                }
            }
            if (done) yield break;
        }
    }

    public static IEnumerable<PyTuple> Combinations<T>(IEnumerable<T> items, long r)
    {
        var pool = items.ToList();
        int n = pool.Count;
        if (r > n) yield break;
        var idx = Enumerable.Range(0, (int)r).ToArray();
        yield return new PyTuple(idx.Select(i => (object?)pool[i]).ToArray());
        while (true)
        {
            int i = (int)r - 1;
            while (i >= 0 && idx[i] == i + n - r) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (int j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
            yield return new PyTuple(idx.Select(k => (object?)pool[k]).ToArray());
        }
    }

    /// <summary>Pairs padded with None: the items are boxed, since <c>default</c> of a value type would be 0, not None.</summary>
    public static IEnumerable<(object?, object?)> ZipLongest<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b) => ZipLongest(a, b, null);

    public static IEnumerable<(T, T)> Pairwise<T>(IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        if (!e.MoveNext()) yield break;
        var prev = e.Current;
        while (e.MoveNext()) { yield return (prev, e.Current); prev = e.Current; }
    }
}

/// <summary>Python's <c>functools</c>.</summary>
public static class FuncTools
{
    /// <summary>
    /// <c>functools.update_wrapper(wrapper, wrapped)</c> on an instance of a program class (a class used as a decorator):
    /// the wrapped function's <c>__name__ __qualname__ __doc__</c> and <c>__wrapped__</c> become the instance's attributes.
    /// </summary>
    public static T UpdateWrapper<T>(T wrapper, object? wrapped)
    {
        if (wrapper is not PyObject) throw new NotSupportedException("functools.update_wrapper() on a function value is not supported by Batuta; use @functools.wraps(fn)");
        foreach (var name in new[] { "__module__", "__name__", "__qualname__", "__doc__" })
        {
            object? value;
            try { value = name == "__module__" ? "__main__" : Dyn.GetAttr(wrapped, name); }
            catch (AttributeError) { continue; }
            Dyn.SetAttr(wrapper, name, value);
        }
        Dyn.SetAttr(wrapper, "__wrapped__", wrapped);
        return wrapper;
    }

    public static T Reduce<T>(Func<T, T, T> f, IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        if (!e.MoveNext()) throw new TypeError("reduce() of empty iterable with no initial value");
        var acc = e.Current;
        while (e.MoveNext()) acc = f(acc, e.Current);
        return acc;
    }

    public static TAcc Reduce<T, TAcc>(Func<TAcc, T, TAcc> f, IEnumerable<T> items, TAcc initial)
    {
        var acc = initial;
        foreach (var x in items) acc = f(acc, x);
        return acc;
    }
}

/// <summary>Python's <c>copy</c>.</summary>
public static class CopyModule
{
    private const System.Reflection.BindingFlags InstanceFields = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;

    public static T Copy<T>(T x) => x switch
    {
        PyList<object?> l => (T)(object)l.Copy(),
        // a class's own __copy__ decides what its copy is, as copy.copy does in Python
        PyObject o when Dyn.TryCallDunder(o, "__copy__", out var own) => (T)own.OrThrow(),
        _ => (T)ShallowClone(x).OrThrow(),
    };

    private static object? ShallowClone(object? x)
    {
        if (x is null || x is string || x.GetType().IsValueType) return x;
        var m = x.GetType().GetMethod("Copy", Type.EmptyTypes);
        if (m is not null) return m.Invoke(x, null);
        return MemberwiseClone(x);
    }

    private static object MemberwiseClone(object x) =>
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic).OrThrow().Invoke(x, null).OrThrow();

    /// <summary>
    /// The copies made so far, by the identity of the original (Python's memo keyed by id()), for each memo dict a
    /// __deepcopy__(memo) passes back to copy.deepcopy: shared references stay shared across those calls too.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Dictionary<object, object?>> Memos = new();

    public static T DeepCopy<T>(T x) => DeepCopy(x, null);

    public static T DeepCopy<T>(T x, object? memo)
    {
        var dict = memo ?? new PyDict<object?, object?>();
        return (T)Deep(x, new DeepState(dict, Memos.GetValue(dict, _ => new Dictionary<object, object?>(ReferenceEqualityComparer.Instance)))).OrThrow();
    }

    /// <summary>One deepcopy: the memo dict user __deepcopy__ methods receive, and the copies by original.</summary>
    private sealed record DeepState(object MemoDict, Dictionary<object, object?> Seen);

    private static object? Deep(object? x, DeepState st)
    {
        if (x is null || x is string || x.GetType().IsPrimitive || x is PyInt || x is double) return x;
        if (st.Seen.TryGetValue(x, out var done)) return done;
        if (x is PyObject o && Dyn.TryCallDunder(o, "__deepcopy__", out var own, st.MemoDict)) return st.Seen[x] = own;
        var t = x.GetType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PyList<>)) return DeepList(x, t, st);
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PyDict<,>)) return DeepDict(x, t, st);
        if (x is Array a) return DeepArray(a, st);
        // a value tuple is copied item by item (its lists may be shared with other parts of the copied value)
        if (t.IsValueType && x is not System.Runtime.CompilerServices.ITuple) return x;
        return DeepFields(x, t, st);
    }

    private static object DeepList(object x, Type t, DeepState st)
    {
        var copy = Activator.CreateInstance(t).OrThrow();
        st.Seen[x] = copy;
        var add = t.GetMethod("Append").OrThrow();
        foreach (var item in (System.Collections.IEnumerable)x) add.Invoke(copy, new[] { Deep(item, st) });
        return copy;
    }

    private static object DeepDict(object x, Type t, DeepState st)
    {
        var copy = Activator.CreateInstance(t).OrThrow();
        st.Seen[x] = copy;
        var indexer = t.GetProperty("Item").OrThrow();
        foreach (var kv in ((IPyDict)x).ItemsObject()) indexer.SetValue(copy, Deep(kv.Value, st), new[] { Deep(kv.Key, st) });
        return copy;
    }

    /// <summary>The items array of a tuple object: each item copied.</summary>
    private static object DeepArray(Array a, DeepState st)
    {
        var copy = (Array)a.Clone();
        st.Seen[a] = copy;
        for (int i = 0; i < a.Length; i++) copy.SetValue(Deep(a.GetValue(i), st), i);
        return copy;
    }

    /// <summary>An object (or a boxed value tuple) with every field copied; the copy is memoised first, for cycles.</summary>
    private static object DeepFields(object x, Type t, DeepState st)
    {
        var clone = MemberwiseClone(x);
        st.Seen[x] = clone;
        foreach (var f in t.GetFields(InstanceFields)) f.SetValue(clone, Deep(f.GetValue(x), st));
        return clone;
    }
}
