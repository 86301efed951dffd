using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>hashlib</c>: md5, sha1, the sha2 and sha3 families and <c>new(name)</c>, as hash objects with
/// update / digest / hexdigest / copy and name / digest_size / block_size; blake2b and blake2s (not in .NET) are
/// computed by <see cref="Blake2"/> over the buffered data.
/// </summary>
public static class HashLib
{
    /// <summary>A hash: .NET's incremental one, or <paramref name="Buffered"/> computed over all the data at digest().</summary>
    internal sealed record Algorithm(string Name, int DigestSize, int BlockSize, HashAlgorithmName? Incremental, Func<byte[], byte[]>? Buffered = null);

    private static readonly Dictionary<string, Algorithm> Algorithms = new Algorithm[]
    {
        new("md5", 16, 64, HashAlgorithmName.MD5),
        new("sha1", 20, 64, HashAlgorithmName.SHA1),
        // .NET has no SHA-224: Sha224 computes it over the buffered data
        new("sha224", 28, 64, null, Modules.Sha224.Hash),
        new("sha256", 32, 64, HashAlgorithmName.SHA256),
        new("sha384", 48, 128, HashAlgorithmName.SHA384),
        new("sha512", 64, 128, HashAlgorithmName.SHA512),
        new("sha3_256", 32, 136, HashAlgorithmName.SHA3_256),
        new("sha3_384", 48, 104, HashAlgorithmName.SHA3_384),
        new("sha3_512", 64, 72, HashAlgorithmName.SHA3_512),
        Blake2Algorithm("blake2b", 64, null, null, null),
        Blake2Algorithm("blake2s", 32, null, null, null),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>hashlib.new(name, data): the name as OpenSSL takes it, in either case.</summary>
    public static HashObject New(string name, object? data = null) =>
        Algorithms.TryGetValue(name.ToLowerInvariant(), out var algorithm) ? new HashObject(algorithm, data) : throw new ValueError($"unsupported hash type {name}");

    public static HashObject Md5(object? data = null) => New("md5", data);
    public static HashObject Sha1(object? data = null) => New("sha1", data);
    public static HashObject Sha224(object? data = null) => New("sha224", data);
    public static HashObject Sha256(object? data = null) => New("sha256", data);
    public static HashObject Sha384(object? data = null) => New("sha384", data);
    public static HashObject Sha512(object? data = null) => New("sha512", data);
    public static HashObject Sha3_256(object? data = null) => New("sha3_256", data);
    public static HashObject Sha3_384(object? data = null) => New("sha3_384", data);
    public static HashObject Sha3_512(object? data = null) => New("sha3_512", data);

    /// <summary>hashlib.blake2b(data, digest_size=64, key=b'', salt=b'', person=b'').</summary>
    public static HashObject Blake2b(object? data = null, long digest_size = 64, object? key = null, object? salt = null, object? person = null) =>
        new(Blake2Algorithm("blake2b", digest_size, key, salt, person), data);

    /// <summary>hashlib.blake2s(data, digest_size=32, key=b'', salt=b'', person=b'').</summary>
    public static HashObject Blake2s(object? data = null, long digest_size = 32, object? key = null, object? salt = null, object? person = null) =>
        new(Blake2Algorithm("blake2s", digest_size, key, salt, person), data);

    private static Algorithm Blake2Algorithm(string name, long digestSize, object? key, object? salt, object? person)
    {
        bool big = name == "blake2b";
        int max = big ? 64 : 32, saltMax = big ? 16 : 8;
        if (digestSize < 1 || digestSize > max) throw new ValueError($"digest_size must be between 1 and {max} bytes");
        byte[] k = Blake2Param(key, "key", max), s = Blake2Param(salt, "salt", saltMax), p = Blake2Param(person, "person", saltMax);
        int size = (int)digestSize;
        Func<byte[], byte[]> hash = big ? m => Blake2.Blake2b(m, size, k, s, p) : m => Blake2.Blake2s(m, size, k, s, p);
        return new Algorithm(name, size, big ? 128 : 64, null, hash);
    }

    private static byte[] Blake2Param(object? value, string what, int max)
    {
        var bytes = value is null ? Array.Empty<byte>() : PyByteArray.BytesLike(value).Data.ToArray();
        return bytes.Length > max ? throw new ValueError($"maximum {what} length is {max} bytes") : bytes;
    }
}

/// <summary>A hashlib hash object.</summary>
public sealed class HashObject : IPyObject, IPyTyped, IPyAttributes, IPyKeywordMethods
{
    private readonly HashLib.Algorithm _algorithm;
    private readonly IncrementalHash? _incremental;
    private readonly List<byte>? _buffered;

    internal HashObject(HashLib.Algorithm algorithm, object? data)
    {
        _algorithm = algorithm;
        if (algorithm.Incremental is { } name) _incremental = IncrementalHash.CreateHash(name);
        else _buffered = new List<byte>();
        if (data is not null) Update(data);
    }

    private HashObject(HashObject source)
    {
        _algorithm = source._algorithm;
        _incremental = source._incremental?.Clone();
        _buffered = source._buffered is null ? null : new List<byte>(source._buffered);
    }

    public string Name => _algorithm.Name;

    public object? Update(object? data)
    {
        var bytes = data switch
        {
            string => throw new TypeError("Strings must be encoded before hashing"),
            PyBytes or PyByteArray or PyMemoryView => PyByteArray.BytesLike(data).Data,
            _ => throw new TypeError("object supporting the buffer API required"),
        };
        _incremental?.AppendData(bytes);
        _buffered?.AddRange(bytes);
        return null;
    }

    public PyBytes Digest() => new(_incremental?.GetCurrentHash() ?? _algorithm.Buffered.OrThrow()(_buffered.OrThrow().ToArray()));

    public string HexDigest() => Digest().Hex();

    public HashObject Copy() => new(this);

    public string PyTypeName => "HASH";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "name" => _algorithm.Name,
            "digest_size" => new PyInt(_algorithm.DigestSize),
            "block_size" => new PyInt(_algorithm.BlockSize),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "update" => Update(args.Length > 0 ? args[0] : kwargs.Get("obj")),
        "digest" => Digest(),
        "hexdigest" => HexDigest(),
        "copy" => Copy(),
        _ => throw new AttributeError($"'_hashlib.HASH' object has no attribute '{name}'"),
    };

    public string PyRepr() => $"<{_algorithm.Name} _hashlib.HASH object>";
    public string PyStr() => PyRepr();
}

/// <summary>SHA-224 (FIPS 180-4): SHA-256's compression with its own initial values, cut to 28 bytes.</summary>
internal static class Sha224
{
    private static readonly uint[] K =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    public static byte[] Hash(byte[] message)
    {
        uint[] h = { 0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4 };
        int padded = (message.Length + 9 + 63) / 64 * 64;
        var data = new byte[padded];
        message.CopyTo(data, 0);
        data[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(padded - 8), (ulong)message.Length * 8);
        for (int block = 0; block < padded; block += 64) Compress(h, data.AsSpan(block, 64));
        var digest = new byte[28];
        for (int i = 0; i < 7; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), h[i]);
        return digest;
    }

    private static void Compress(uint[] h, ReadOnlySpan<byte> block)
    {
        var w = new uint[64];
        for (int t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4));
        for (int t = 16; t < 64; t++)
        {
            uint s0 = uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        var v = (uint[])h.Clone();
        for (int t = 0; t < 64; t++)
        {
            uint t1 = v[7] + (uint.RotateRight(v[4], 6) ^ uint.RotateRight(v[4], 11) ^ uint.RotateRight(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[t] + w[t];
            uint t2 = (uint.RotateRight(v[0], 2) ^ uint.RotateRight(v[0], 13) ^ uint.RotateRight(v[0], 22)) + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
            Array.Copy(v, 0, v, 1, 7);
            v[4] += t1;
            v[0] = t1 + t2;
        }
        for (int i = 0; i < 8; i++) h[i] += v[i];
    }
}
