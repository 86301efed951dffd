using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// BLAKE2b and BLAKE2s (RFC 7693), which .NET does not have: one compression over the word type (64-bit words for
/// blake2b, 32-bit for blake2s), with the parameter block of hashlib's digest_size, key, salt and person.
/// </summary>
internal static class Blake2
{
    private static readonly byte[][] Sigma =
    {
        new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
        new byte[] { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
        new byte[] { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
        new byte[] { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
        new byte[] { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
        new byte[] { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
        new byte[] { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
        new byte[] { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
        new byte[] { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
        new byte[] { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
    };

    private static readonly ulong[] IvB =
    {
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    };

    private static readonly uint[] IvS = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

    /// <summary>The word size, rounds and rotations of one BLAKE2 variant.</summary>
    private sealed record Variant<T>(int WordBytes, int Rounds, int[] Rotations, T[] Iv)
    {
        public int BlockBytes => 16 * WordBytes;
    }

    private static readonly Variant<ulong> B = new(8, 12, new[] { 32, 24, 16, 63 }, IvB);
    private static readonly Variant<uint> S = new(4, 10, new[] { 16, 12, 8, 7 }, IvS);

    public static byte[] Blake2b(byte[] message, int digestSize, byte[] key, byte[] salt, byte[] person) => Hash(B, message, digestSize, key, salt, person);

    public static byte[] Blake2s(byte[] message, int digestSize, byte[] key, byte[] salt, byte[] person) => Hash(S, message, digestSize, key, salt, person);

    private static byte[] Hash<T>(Variant<T> variant, byte[] message, int digestSize, byte[] key, byte[] salt, byte[] person)
        where T : IBinaryInteger<T>, IUnsignedNumber<T>
    {
        int w = variant.WordBytes, bb = variant.BlockBytes;
        // the parameter block: digest length, key length, fanout 1, depth 1; salt and person in words 4-5 and 6-7
        var param = new byte[8 * w];
        (param[0], param[1], param[2], param[3]) = ((byte)digestSize, (byte)key.Length, 1, 1);
        salt.CopyTo(param, 4 * w);
        person.CopyTo(param, 6 * w);
        var h = new T[8];
        for (int i = 0; i < 8; i++) h[i] = variant.Iv[i] ^ T.ReadLittleEndian(param.AsSpan(i * w, w), true);
        var data = key.Length == 0 ? message : new byte[bb].Select((_, i) => i < key.Length ? key[i] : (byte)0).Concat(message).ToArray();
        int blocks = Math.Max(1, (data.Length + bb - 1) / bb);
        var block = new byte[bb];
        for (int b = 0; b < blocks; b++)
        {
            Array.Clear(block);
            int start = b * bb;
            data.AsSpan(start, Math.Min(bb, data.Length - start)).CopyTo(block);
            Compress(variant, h, block, (ulong)Math.Min(start + bb, data.Length), b == blocks - 1);
        }
        var output = new byte[8 * w];
        for (int i = 0; i < 8; i++) h[i].WriteLittleEndian(output, i * w);
        return output[..digestSize];
    }

    private static void Compress<T>(Variant<T> variant, T[] h, byte[] block, ulong counter, bool last)
        where T : IBinaryInteger<T>, IUnsignedNumber<T>
    {
        int w = variant.WordBytes;
        var m = new T[16];
        for (int i = 0; i < 16; i++) m[i] = T.ReadLittleEndian(block.AsSpan(i * w, w), true);
        var v = new T[16];
        h.CopyTo(v, 0);
        variant.Iv.CopyTo(v, 8);
        v[12] ^= T.CreateTruncating(counter);
        v[13] ^= w == 8 ? T.Zero : T.CreateTruncating(counter >> 32);
        if (last) v[14] = ~v[14];
        for (int r = 0; r < variant.Rounds; r++)
        {
            var s = Sigma[r % 10];
            for (int i = 0; i < 4; i++) Mix(variant.Rotations, v, i, 4 + i, 8 + i, 12 + i, m[s[2 * i]], m[s[2 * i + 1]]);
            for (int i = 0; i < 4; i++) Mix(variant.Rotations, v, i, 4 + (i + 1) % 4, 8 + (i + 2) % 4, 12 + (i + 3) % 4, m[s[8 + 2 * i]], m[s[9 + 2 * i]]);
        }
        for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
    }

    private static void Mix<T>(int[] rot, T[] v, int a, int b, int c, int d, T x, T y)
        where T : IBinaryInteger<T>, IUnsignedNumber<T>
    {
        v[a] = v[a] + v[b] + x;
        v[d] = T.RotateRight(v[d] ^ v[a], rot[0]);
        v[c] = v[c] + v[d];
        v[b] = T.RotateRight(v[b] ^ v[c], rot[1]);
        v[a] = v[a] + v[b] + y;
        v[d] = T.RotateRight(v[d] ^ v[a], rot[2]);
        v[c] = v[c] + v[d];
        v[b] = T.RotateRight(v[b] ^ v[c], rot[3]);
    }
}
