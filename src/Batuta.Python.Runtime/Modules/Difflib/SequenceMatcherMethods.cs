namespace Batuta.Python.Runtime.Modules;

/// <summary>SequenceMatcher's methods as dynamic code calls them (positional or keyword arguments, Python values back).</summary>
public sealed partial class SequenceMatcher
{
    private static readonly Dictionary<string, Func<SequenceMatcher, MatcherArgs, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["ratio"] = (m, _) => m.Ratio(),
        ["quick_ratio"] = (m, _) => m.QuickRatio(),
        ["real_quick_ratio"] = (m, _) => m.RealQuickRatio(),
        ["get_matching_blocks"] = (m, _) => new PyList<object?>(m.GetMatchingBlocks()),
        ["get_opcodes"] = (m, _) => new PyList<object?>(m.GetOpcodes().Select(Opcode)),
        ["get_grouped_opcodes"] = (m, a) => new PyList<object?>(DiffLib.GroupedOpcodes(m.GetOpcodes(), a.Int(0, "n", 3)).Select(g => (object?)new PyList<object?>(g.Select(Opcode)))),
        ["find_longest_match"] = (m, a) => m.FindLongestMatch(a.Int(0, "alo", 0), a.Int(1, "ahi", m._a.Count), a.Int(2, "blo", 0), a.Int(3, "bhi", m._b.Count)),
        ["set_seqs"] = (m, a) => { m.SetSeqs(a.Get(0, "a"), a.Get(1, "b")); return null; },
        ["set_seq1"] = (m, a) => { m.SetSeq1(a.Get(0, "a")); return null; },
        ["set_seq2"] = (m, a) => { m.SetSeq2(a.Get(0, "b")); return null; },
    };

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, new MatcherArgs(args, kwargs)) : throw new AttributeError($"'SequenceMatcher' object has no attribute '{name}'");

    internal static object? Opcode((string Tag, int I1, int I2, int J1, int J2) o) =>
        new PyTuple(o.Tag, new PyInt(o.I1), new PyInt(o.I2), new PyInt(o.J1), new PyInt(o.J2));

    public override string PyRepr() => $"<difflib.SequenceMatcher object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    private readonly struct MatcherArgs(object?[] args, PyDict<string, object?> kwargs)
    {
        public object? Get(int i, string key) => i < args.Length ? args[i] : kwargs.Get(key);

        public int Int(int i, string key, int fallback) => Get(i, key) is { } v ? (int)Dyn.Cast<long>(v) : fallback;
    }
}
