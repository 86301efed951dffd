using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// CPython 3.11's str hash (SipHash-1-3 over the string's storage bytes) with the all-zero key that
/// PYTHONHASHSEED=0 selects, so sets of strings iterate in the order CPython prints them under that seed.
/// </summary>
public static class SipHash
{
    public static long Str(string s)
    {
        if (s.Length == 0) return 0;
        int maxChar = 0;
        foreach (var c in s) if (c > maxChar) maxChar = c;
        byte[] data;
        bool astral = false;
        for (int i = 0; i < s.Length; i++) if (char.IsHighSurrogate(s[i])) { astral = true; break; }
        if (astral)
        {
            var cps = new List<int>();
            for (int i = 0; i < s.Length; i++) { cps.Add(char.ConvertToUtf32(s, i)); if (char.IsHighSurrogate(s[i])) i++; }
            data = new byte[cps.Count * 4];
            for (int i = 0; i < cps.Count; i++) BitConverter.TryWriteBytes(data.AsSpan(i * 4), cps[i]);
        }
        else if (maxChar < 256)
        {
            data = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) data[i] = (byte)s[i];
        }
        else
        {
            data = new byte[s.Length * 2];
            for (int i = 0; i < s.Length; i++) BitConverter.TryWriteBytes(data.AsSpan(i * 2), s[i]);
        }
        long h = (long)Hash13(0, 0, data);
        return h == -1 ? -2 : h;
    }

    public static long Bytes(byte[] data)
    {
        if (data.Length == 0) return 0;
        long h = (long)Hash13(0, 0, data);
        return h == -1 ? -2 : h;
    }

    private static ulong Rotl(ulong x, int b) => (x << b) | (x >> (64 - b));

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v1 = Rotl(v1, 13); v1 ^= v0; v0 = Rotl(v0, 32);
        v2 += v3; v3 = Rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Rotl(v1, 17); v1 ^= v2; v2 = Rotl(v2, 32);
    }

    public static ulong Hash13(ulong k0, ulong k1, ReadOnlySpan<byte> src)
    {
        ulong b = (ulong)src.Length << 56;
        ulong v0 = k0 ^ 0x736f6d6570736575UL;
        ulong v1 = k1 ^ 0x646f72616e646f6dUL;
        ulong v2 = k0 ^ 0x6c7967656e657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        int i = 0;
        for (; i + 8 <= src.Length; i += 8)
        {
            ulong mi = BitConverter.ToUInt64(src.Slice(i, 8));
            v3 ^= mi;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= mi;
        }
        ulong t = 0;
        for (int j = src.Length - i - 1; j >= 0; j--) t = (t << 8) | src[i + j];
        b |= t;
        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return (v0 ^ v1) ^ (v2 ^ v3);
    }
}
