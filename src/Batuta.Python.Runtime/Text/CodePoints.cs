namespace Batuta.Python.Runtime.Text;

/// <summary>
/// Python counts a str in code points; a .NET string in UTF-16 units, where a character outside the Basic
/// Multilingual Plane (an emoji) takes two. Strings without surrogates (nearly all) take the unit fast path;
/// the others are indexed through their code points.
/// </summary>
public static class CodePoints
{
    // The last string seen to hold no surrogates: loops over one string check it once. A race between threads is
    // benign, as only verified strings are ever stored.
    private static string? _bmpOnly;

    public static bool IsBmp(string s)
    {
        if (ReferenceEquals(s, _bmpOnly)) return true;
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return false;
        _bmpOnly = s;
        return true;
    }

    /// <summary>len(s).</summary>
    public static int Length(string s) => IsBmp(s) ? s.Length : Split(s).Length;

    /// <summary>The code points, each as a string (one or two UTF-16 units; a lone surrogate is one).</summary>
    public static string[] Split(string s)
    {
        var result = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(s.Substring(i, 2));
                i++;
            }
            else result.Add(s[i].ToString());
        }
        return result.ToArray();
    }

    /// <summary>The code point index of UTF-16 offset <paramref name="unit"/>.</summary>
    public static int PointOf(string s, int unit)
    {
        int points = 0;
        for (int i = 0; i < unit && i < s.Length; i++, points++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return points;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="point"/> (the end for points past it).</summary>
    public static int UnitOf(string s, int point)
    {
        int i = 0;
        for (int p = 0; p < point && i < s.Length; p++)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }
}
