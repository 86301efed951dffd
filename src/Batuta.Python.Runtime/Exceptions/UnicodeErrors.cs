namespace Batuta.Python.Runtime;

#pragma warning disable CA1711
/// <summary>
/// UnicodeDecodeError(encoding, object, start, end, reason): CPython's five arguments, read back as its attributes
/// (<c>e.reason</c>, <c>e.start</c>, ...), and its message built from them.
/// </summary>
public class UnicodeDecodeError : UnicodeError
{
    public UnicodeDecodeError(params object?[] args) : base(args) { }

    public static UnicodeDecodeError Of(string encoding, byte[] data, long start, long end, string reason) =>
        new(encoding, new PyBytes(data), new PyInt(start), new PyInt(end), reason);

    public override string PyStr() => UnicodeErrorParts.Of(Args) is { } p
        ? p.End == p.Start + 1 && Args[1] is PyBytes b && p.Start < b.Count
            ? $"'{p.Encoding}' codec can't decode byte 0x{b[(int)p.Start]:x2} in position {p.Start}: {p.Reason}"
            : $"'{p.Encoding}' codec can't decode bytes in position {p.Start}-{p.End - 1}: {p.Reason}"
        : base.PyStr();

    public override bool TryGetAttr(string name, out object? value) => UnicodeErrorParts.TryGetAttr(Args, name, out value) || base.TryGetAttr(name, out value);
}

/// <summary>UnicodeEncodeError(encoding, object, start, end, reason), as <see cref="UnicodeDecodeError"/>.</summary>
public class UnicodeEncodeError : UnicodeError
{
    public UnicodeEncodeError(params object?[] args) : base(args) { }

    public static UnicodeEncodeError Of(string encoding, string text, long start, long end, string reason) =>
        new(encoding, text, new PyInt(start), new PyInt(end), reason);

    public override string PyStr() => UnicodeErrorParts.Of(Args) is { } p
        ? Args[1] is string s && OneCodePoint(s, p.Start, p.End) is int cp
            ? $"'{p.Encoding}' codec can't encode character '{Escaped(cp)}' in position {p.Start}: {p.Reason}"
            : $"'{p.Encoding}' codec can't encode characters in position {p.Start}-{p.End - 1}: {p.Reason}"
        : base.PyStr();

    /// <summary>The code point <paramref name="start"/>..<paramref name="end"/> holds when it holds one (a surrogate pair is one).</summary>
    private static int? OneCodePoint(string s, long start, long end)
    {
        if (start < 0 || end > s.Length) return null;
        if (end == start + 1) return s[(int)start];
        return end == start + 2 && char.IsSurrogatePair(s[(int)start], s[(int)start + 1]) ? char.ConvertToUtf32(s[(int)start], s[(int)start + 1]) : null;
    }

    /// <summary>How CPython names the character in the message: \xNN below 0x100, \uNNNN, \UNNNNNNNN above.</summary>
    private static string Escaped(int c) => c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}";

    public override bool TryGetAttr(string name, out object? value) => UnicodeErrorParts.TryGetAttr(Args, name, out value) || base.TryGetAttr(name, out value);
}
#pragma warning restore CA1711

/// <summary>The five arguments of a Unicode codec error, when it was raised with them.</summary>
internal sealed record UnicodeErrorParts(string Encoding, long Start, long End, string Reason)
{
    private static readonly string[] Names = { "encoding", "object", "start", "end", "reason" };

    public static UnicodeErrorParts? Of(object?[] args) =>
        args is [string encoding, _, var start, var end, string reason] && AsLong(start) is { } s && AsLong(end) is { } e
            ? new UnicodeErrorParts(encoding, s, e, reason) : null;

    private static long? AsLong(object? o) => o switch
    {
        long l => l,
        int i => i,
        PyInt p => (long)p,
        _ => null,
    };

    public static bool TryGetAttr(object?[] args, string name, out object? value)
    {
        int i = Array.IndexOf(Names, name);
        value = i >= 0 && args.Length == 5 ? args[i] : null;
        return i >= 0 && args.Length == 5;
    }
}
