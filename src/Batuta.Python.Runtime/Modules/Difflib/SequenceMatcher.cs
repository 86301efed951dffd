namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>difflib.SequenceMatcher</c>: CPython 3.11's Ratcliff/Obershelp matcher step for step (the b2j index, junk and
/// autojunk "popular" purging at 200+ elements, the longest-match extension rules), so ratios, matching blocks and
/// opcodes are CPython's. Sequences are strs (compared by character) or lists of hashable items (lines).
/// </summary>
public sealed partial class SequenceMatcher : PyObject, IPyKeywordMethods
{
    private readonly object? _isJunk;
    private readonly bool _autoJunk;
    private List<object?> _a = [];
    private List<object?> _b = [];
    private Dictionary<object, List<int>> _b2j = new(PyKeyComparer.Instance);
    private HashSet<object?> _bJunk = new(PyKeyComparer.Instance);
    private Dictionary<object, int>? _fullBCount;
    private List<DiffMatch>? _matchingBlocks;

    public SequenceMatcher(object? isjunk = null, object? a = null, object? b = null, bool autojunk = true)
    {
        _isJunk = isjunk;
        _autoJunk = autojunk;
        SetSeq1(a ?? "");
        SetSeq2(b ?? "");
    }

    public override string PyTypeName => "SequenceMatcher";

    /// <summary>A str's characters (as strs) or any iterable's items, boxed as dynamic code sees them.</summary>
    internal static List<object?> Items(object? seq) => seq switch
    {
        string s => Text.PyStr.Chars(s).Cast<object?>().ToList(),
        _ => Dyn.Iter(seq).ToList(),
    };

    public void SetSeqs(object? a, object? b)
    {
        SetSeq1(a);
        SetSeq2(b);
    }

    public void SetSeq1(object? a)
    {
        _a = Items(a);
        _matchingBlocks = null;
    }

    public void SetSeq2(object? b)
    {
        _b = Items(b);
        _matchingBlocks = null;
        _fullBCount = null;
        ChainB();
    }

    private void ChainB()
    {
        _b2j = new Dictionary<object, List<int>>(PyKeyComparer.Instance);
        for (int i = 0; i < _b.Count; i++)
        {
            var key = Key(_b[i]);
            if (!_b2j.TryGetValue(key, out var list)) _b2j[key] = list = [];
            list.Add(i);
        }
        _bJunk = new HashSet<object?>(PyKeyComparer.Instance);
        if (_isJunk is not null)
        {
            foreach (var elt in _b2j.Keys.Where(k => Dyn.Truth(Dyn.Call(_isJunk, Unkey(k)))).ToList())
            {
                _bJunk.Add(Unkey(elt));
                _b2j.Remove(elt);
            }
        }
        int n = _b.Count;
        if (!_autoJunk || n < 200) return;
        int ntest = n / 100 + 1;
        foreach (var elt in _b2j.Where(kv => kv.Value.Count > ntest).Select(kv => kv.Key).ToList()) _b2j.Remove(elt);
    }

    // Dictionary keys cannot be null: None stands in as a sentinel
    private static readonly object NoneKey = new();
    private static object Key(object? x) => x ?? NoneKey;
    private static object? Unkey(object k) => ReferenceEquals(k, NoneKey) ? null : k;

    private bool IsBJunk(object? x) => _bJunk.Count > 0 && _bJunk.Contains(x);

    private bool Same(int i, int j) => Dyn.Eq(_a[i], _b[j]);

    public DiffMatch FindLongestMatch(int alo, int ahi, int blo, int bhi)
    {
        int besti = alo, bestj = blo, bestsize = 0;
        var j2len = new Dictionary<int, int>();
        for (int i = alo; i < ahi; i++)
        {
            var newj2len = new Dictionary<int, int>();
            foreach (int j in _b2j.TryGetValue(Key(_a[i]), out var js) ? js : [])
            {
                if (j < blo) continue;
                if (j >= bhi) break;
                int k = newj2len[j] = j2len.GetValueOrDefault(j - 1) + 1;
                if (k > bestsize) (besti, bestj, bestsize) = (i - k + 1, j - k + 1, k);
            }
            j2len = newj2len;
        }
        return Extend(besti, bestj, bestsize, alo, ahi, blo, bhi);
    }

    /// <summary>Grows the best match with equal non-junk neighbours, then with equal junk ones, as CPython.</summary>
    private DiffMatch Extend(int besti, int bestj, int bestsize, int alo, int ahi, int blo, int bhi)
    {
        foreach (bool junk in new[] { false, true })
        {
            while (besti > alo && bestj > blo && IsBJunk(_b[bestj - 1]) == junk && Same(besti - 1, bestj - 1))
                (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
            while (besti + bestsize < ahi && bestj + bestsize < bhi && IsBJunk(_b[bestj + bestsize]) == junk && Same(besti + bestsize, bestj + bestsize))
                bestsize++;
        }
        return new DiffMatch(besti, bestj, bestsize);
    }

    public List<DiffMatch> GetMatchingBlocks()
    {
        if (_matchingBlocks is not null) return _matchingBlocks;
        int la = _a.Count, lb = _b.Count;
        var queue = new Stack<(int, int, int, int)>();
        queue.Push((0, la, 0, lb));
        var blocks = new List<DiffMatch>();
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue.Pop();
            var x = FindLongestMatch(alo, ahi, blo, bhi);
            if (x.Size == 0) continue;
            blocks.Add(x);
            if (alo < x.A && blo < x.B) queue.Push((alo, x.A, blo, x.B));
            if (x.A + x.Size < ahi && x.B + x.Size < bhi) queue.Push((x.A + x.Size, ahi, x.B + x.Size, bhi));
        }
        blocks.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B != q.B ? p.B.CompareTo(q.B) : p.Size.CompareTo(q.Size));
        return _matchingBlocks = Collapse(blocks, la, lb);
    }

    /// <summary>Adjacent blocks merged, then the (len(a), len(b), 0) sentinel.</summary>
    private static List<DiffMatch> Collapse(List<DiffMatch> blocks, int la, int lb)
    {
        int i1 = 0, j1 = 0, k1 = 0;
        var result = new List<DiffMatch>();
        foreach (var m in blocks)
        {
            if (i1 + k1 == m.A && j1 + k1 == m.B) { k1 += m.Size; continue; }
            if (k1 != 0) result.Add(new DiffMatch(i1, j1, k1));
            (i1, j1, k1) = (m.A, m.B, m.Size);
        }
        if (k1 != 0) result.Add(new DiffMatch(i1, j1, k1));
        result.Add(new DiffMatch(la, lb, 0));
        return result;
    }

    public List<(string Tag, int I1, int I2, int J1, int J2)> GetOpcodes()
    {
        int i = 0, j = 0;
        var answer = new List<(string, int, int, int, int)>();
        foreach (var m in GetMatchingBlocks())
        {
            string tag = i < m.A && j < m.B ? "replace" : i < m.A ? "delete" : j < m.B ? "insert" : "";
            if (tag.Length > 0) answer.Add((tag, i, m.A, j, m.B));
            (i, j) = (m.A + m.Size, m.B + m.Size);
            if (m.Size != 0) answer.Add(("equal", m.A, i, m.B, j));
        }
        return answer;
    }

    public double Ratio() => CalculateRatio(GetMatchingBlocks().Sum(m => m.Size), _a.Count + _b.Count);

    public double QuickRatio()
    {
        if (_fullBCount is null)
        {
            _fullBCount = new Dictionary<object, int>(PyKeyComparer.Instance);
            foreach (var elt in _b) _fullBCount[Key(elt)] = _fullBCount.GetValueOrDefault(Key(elt)) + 1;
        }
        var avail = new Dictionary<object, int>(PyKeyComparer.Instance);
        int matches = 0;
        foreach (var elt in _a)
        {
            var key = Key(elt);
            int numb = avail.TryGetValue(key, out var have) ? have : _fullBCount.GetValueOrDefault(key);
            avail[key] = numb - 1;
            if (numb > 0) matches++;
        }
        return CalculateRatio(matches, _a.Count + _b.Count);
    }

    public double RealQuickRatio() => CalculateRatio(Math.Min(_a.Count, _b.Count), _a.Count + _b.Count);

    private static double CalculateRatio(int matches, int length) => length != 0 ? 2.0 * matches / length : 1.0;

    internal IReadOnlyList<object?> A => _a;
    internal IReadOnlyList<object?> B => _b;
}
