using System.Security.Cryptography;

namespace Batuta.Core.Engine;

/// <summary>
/// Content hashing for incrementality. Keyed on contents and names, never on timestamps: NuGet
/// keeps pack-time timestamps when it extracts, and a touched file with equal bytes is no change.
/// </summary>
public sealed class Fingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Fingerprint Add(string label, string? value)
    {
        AddRaw(label);
        AddRaw(value ?? "\0null");
        return this;
    }

    public Fingerprint Add(string label, IEnumerable<string> values)
    {
        AddRaw(label);
        foreach (var v in values) AddRaw(v);
        AddRaw("\0end");
        return this;
    }

    /// <summary>Adds a file's path (relative to <paramref name="root"/>) and its bytes; a missing file counts as such.</summary>
    public Fingerprint AddFile(string root, string path)
    {
        AddRaw(Path.GetRelativePath(root, path).Replace('\\', '/'));
        try
        {
            _hash.AppendData(File.ReadAllBytes(path));
            AddRaw("\0file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AddRaw("\0missing");
        }
        return this;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private void AddRaw(string s)
    {
        Span<byte> len = stackalloc byte[4];
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(len, bytes.Length);
        _hash.AppendData(len);
        _hash.AppendData(bytes);
    }

    public static string Of(Action<Fingerprint> fill)
    {
        using var f = new Fingerprint();
        fill(f);
        return f.Finish();
    }
}
