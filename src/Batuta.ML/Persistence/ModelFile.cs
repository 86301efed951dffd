using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Batuta.ML.Persistence;

/// <summary>What a model file's header and trailer say, read without loading the model.</summary>
public sealed record AprInfo(int MajorVersion, int MinorVersion, bool Encrypted, AprCipher Cipher, bool PasswordProtected, bool Signed, byte[]? SignerPublicKey, string? Schema, long Length);

/// <summary>
/// The <c>.apr</c> model file: a 64-byte header, a body (schema JSON + little-endian arrays, optionally
/// AEAD-encrypted with the header as associated data), a BLAKE3-256 checksum of header and body, and an
/// optional Ed25519 signature. See <c>docs/formats/apr.md</c>. Pickle is never read.
/// </summary>
public static class ModelFile
{
    /// <summary>The file extension.</summary>
    public const string Extension = ".apr";

    internal const int HeaderSize = 64, ChecksumSize = 32, PublicKeySize = 32, SignatureSize = 64, TagSize = 16, NonceSize = 12, SaltSize = 16;
    internal const ushort Major = 1, Minor = 0;
    internal const uint FlagEncrypted = 1, FlagSigned = 2;
    private const int MaxSchemaBytes = 64 << 20;
    internal static readonly byte[] Magic = [0x89, (byte)'A', (byte)'P', (byte)'R', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string Producer => "Batuta.ML " + (typeof(ModelFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    /// <summary>Writes a fitted model to <paramref name="path"/>.</summary>
    public static void Save(Estimator model, string path, AprSaveOptions? options = null)
    {
        var bytes = ToBytes(model, options);
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Serialises a fitted model to bytes.</summary>
    public static byte[] ToBytes(Estimator model, AprSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new AprSaveOptions();
        var (root, data) = ModelWriter.Create(model);
        var schemaStream = new MemoryStream();
        using (var j = new Utf8JsonWriter(schemaStream, new JsonWriterOptions { Indented = false }))
        {
            j.WriteStartObject();
            j.WriteString("format", "apr");
            j.WriteString("format_version", $"{Major}.{Minor}");
            j.WriteString("producer", Producer);
            j.WritePropertyName("metadata");
            j.WriteStartObject();
            foreach (var (k, v) in (options.Metadata ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal)) j.WriteString(k, v);
            j.WriteEndObject();
            j.WritePropertyName("model");
            root.WriteSchema(j);
            j.WriteEndObject();
        }
        var schema = schemaStream.ToArray();
        int schemaPadded = Align8(schema.Length);
        var dataBytes = data.ToArray();
        var plain = new byte[8 + schemaPadded + dataBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(plain, (uint)schema.Length);
        schema.CopyTo(plain, 8);
        dataBytes.CopyTo(plain, 8 + schemaPadded);

        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), Major);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), Minor);
        uint flags = 0;
        bool encrypt = options.Cipher != AprCipher.None;
        if (encrypt) flags |= FlagEncrypted;
        if (options.SigningKey is not null) flags |= FlagSigned;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), flags);
        byte[] body = plain;
        if (encrypt)
        {
            byte[] key;
            if (options.Password is not null)
            {
                if (options.EncryptionKey is not null) throw new ArgumentException("Give either EncryptionKey or Password, not both.", nameof(options));
                if (options.PasswordIterations < 10_000) throw new ArgumentException("PasswordIterations must be at least 10000.", nameof(options));
                var salt = RandomNumberGenerator.GetBytes(SaltSize);
                salt.CopyTo(header, 44);
                header[17] = 1;
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)options.PasswordIterations);
                key = DeriveKey(options.Password, salt, options.PasswordIterations);
            }
            else
            {
                key = options.EncryptionKey ?? throw new ArgumentException("Encryption needs EncryptionKey (32 bytes) or Password.", nameof(options));
                if (key.Length != 32) throw new ArgumentException($"EncryptionKey must be 32 bytes; got {key.Length}.", nameof(options));
            }
            header[16] = (byte)options.Cipher;
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            nonce.CopyTo(header, 32);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), (ulong)(plain.Length + TagSize));
            body = new byte[plain.Length + TagSize];
            Seal(options.Cipher, key, nonce, plain, body.AsSpan(0, plain.Length), body.AsSpan(plain.Length), header);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), (ulong)plain.Length);
        }

        int trailer = ChecksumSize + (options.SigningKey is null ? 0 : PublicKeySize + SignatureSize);
        var file = new byte[HeaderSize + body.Length + trailer];
        header.CopyTo(file, 0);
        body.CopyTo(file, HeaderSize);
        var checksum = Blake3.Hasher.Hash(file.AsSpan(0, HeaderSize + body.Length));
        checksum.AsSpan().CopyTo(file.AsSpan(HeaderSize + body.Length));
        if (options.SigningKey is not null)
        {
            int signedLength = HeaderSize + body.Length + ChecksumSize;
            options.SigningKey.PublicKey.CopyTo(file, signedLength);
            var sig = options.SigningKey.Sign(file.AsSpan(0, signedLength));
            sig.CopyTo(file, signedLength + PublicKeySize);
        }
        return file;
    }

    /// <summary>Reads a model file; throws <see cref="AprFormatException"/> for anything untrustworthy.</summary>
    public static Estimator Load(string path, AprLoadOptions? options = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new AprFormatException($"{path}: no such model file.", e);
        }
        return FromBytes(bytes, options, path);
    }

    /// <summary>Reads a model file and checks that it holds a <typeparamref name="T"/>.</summary>
    public static T Load<T>(string path, AprLoadOptions? options = null) where T : Estimator =>
        Load(path, options) as T ?? throw new AprFormatException($"{path}: the file holds a different estimator, not a {typeof(T).Name}.");

    /// <summary>Reads a model from bytes.</summary>
    public static Estimator FromBytes(ReadOnlySpan<byte> file, AprLoadOptions? options = null, string source = "model file")
    {
        options ??= new AprLoadOptions();
        var c = Open(file, source);
        var body = file.Slice(HeaderSize, c.BodyLength);
        var header = file[..HeaderSize];

        if (c.Signed)
        {
            int signedLength = HeaderSize + c.BodyLength + ChecksumSize;
            var publicKey = file.Slice(signedLength, PublicKeySize);
            var signature = file.Slice(signedLength + PublicKeySize, SignatureSize);
            if (!AprSigningKey.Verify(publicKey, file[..signedLength], signature))
                throw new AprFormatException($"{source}: the Ed25519 signature does not verify: the file was modified after signing.");
            if (options.TrustedPublicKey is not null && !publicKey.SequenceEqual(options.TrustedPublicKey))
                throw new AprFormatException($"{source}: signed by a different key than the trusted one (signer {Convert.ToHexStringLower(publicKey)}).");
        }
        else if (options.RequireSignature || options.TrustedPublicKey is not null)
        {
            throw new AprFormatException($"{source}: the file is not signed, but a signature is required. Save it with AprSaveOptions.SigningKey.");
        }

        byte[] plain;
        if (c.Encrypted)
        {
            byte[] key;
            if (c.PasswordProtected)
            {
                if (options.Password is null) throw new AprFormatException($"{source}: the file is password-encrypted; pass AprLoadOptions.Password.");
                key = DeriveKey(options.Password, header.Slice(44, SaltSize).ToArray(), c.Iterations);
            }
            else
            {
                key = options.DecryptionKey ?? throw new AprFormatException($"{source}: the file is encrypted ({c.Cipher}); pass AprLoadOptions.DecryptionKey.");
                if (key.Length != 32) throw new AprFormatException($"{source}: DecryptionKey must be 32 bytes; got {key.Length}.");
            }
            plain = new byte[c.BodyLength - TagSize];
            try
            {
                Open(c.Cipher, key, header.Slice(32, NonceSize), body[..^TagSize], body[^TagSize..], plain, header);
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new AprFormatException($"{source}: decryption failed: wrong key or password, or the file was modified.", e);
            }
        }
        else
        {
            plain = body.ToArray();
        }
        return ParseBody(plain, source);
    }

    /// <summary>Reads header, checksum and signature (verified) and the schema when the file is not encrypted.</summary>
    public static AprInfo Inspect(string path)
    {
        var file = File.ReadAllBytes(path);
        var c = Open(file, path);
        byte[]? signer = c.Signed ? file.AsSpan(HeaderSize + c.BodyLength + ChecksumSize, PublicKeySize).ToArray() : null;
        if (c.Signed && !AprSigningKey.Verify(signer, file.AsSpan(0, HeaderSize + c.BodyLength + ChecksumSize), file.AsSpan(HeaderSize + c.BodyLength + ChecksumSize + PublicKeySize, SignatureSize)))
            throw new AprFormatException($"{path}: the Ed25519 signature does not verify: the file was modified after signing.");
        string? schema = null;
        if (!c.Encrypted)
        {
            var body = file.AsSpan(HeaderSize, c.BodyLength);
            int len = SchemaLength(body, path);
            schema = Encoding.UTF8.GetString(body.Slice(8, len));
        }
        return new AprInfo(c.MajorVersion, c.MinorVersion, c.Encrypted, c.Cipher, c.PasswordProtected, c.Signed, signer, schema, file.Length);
    }

    private readonly record struct Container(int MajorVersion, int MinorVersion, bool Encrypted, bool Signed, AprCipher Cipher, bool PasswordProtected, int Iterations, int BodyLength);

    /// <summary>Structural checks and the checksum, in that order, before anything is parsed.</summary>
    private static Container Open(ReadOnlySpan<byte> file, string source)
    {
        if (LooksLikePickle(file))
            throw new AprFormatException($"{source}: this is a Python pickle/joblib file. Batuta.ML never reads pickle, because loading a pickle runs arbitrary code. Re-create the model with Batuta.ML (or export its parameters) and save it as .apr.");
        if (file.Length < HeaderSize || !file[..Magic.Length].SequenceEqual(Magic))
        {
            if (file.Length >= Magic.Length && !file[..Magic.Length].SequenceEqual(Magic))
                throw new AprFormatException($"{source}: not a Batuta model file (.apr): the first bytes are not the APR magic number.");
            throw new AprFormatException($"{source}: truncated: {file.Length} bytes is shorter than the {HeaderSize}-byte header.");
        }
        int major = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
        int minor = BinaryPrimitives.ReadUInt16LittleEndian(file[10..]);
        if (major != Major)
            throw new AprFormatException($"{source}: format version {major}.{minor} is not supported (this library reads {Major}.x); upgrade Batuta.ML.");
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(file[12..]);
        if ((flags & ~(FlagEncrypted | FlagSigned)) != 0) throw new AprFormatException($"{source}: unknown header flags 0x{flags:x}; the header is corrupt.");
        bool encrypted = (flags & FlagEncrypted) != 0, signed = (flags & FlagSigned) != 0;
        var cipher = (AprCipher)file[16];
        byte kdf = file[17];
        if (encrypted != (cipher != AprCipher.None) || cipher > AprCipher.ChaCha20Poly1305 || kdf > 1 || (kdf == 1 && !encrypted))
            throw new AprFormatException($"{source}: inconsistent encryption fields in the header (cipher {file[16]}, kdf {kdf}); the header is corrupt.");
        uint iterations = BinaryPrimitives.ReadUInt32LittleEndian(file[20..]);
        if (kdf == 1 && (iterations < 10_000 || iterations > 100_000_000)) throw new AprFormatException($"{source}: implausible key-derivation iteration count {iterations}; the header is corrupt.");
        ulong bodyLength = BinaryPrimitives.ReadUInt64LittleEndian(file[24..]);
        long expected = HeaderSize + (long)Math.Min(bodyLength, (ulong)int.MaxValue) + ChecksumSize + (signed ? PublicKeySize + SignatureSize : 0);
        if (bodyLength > int.MaxValue || file.Length < expected)
            throw new AprFormatException($"{source}: truncated: the file has {file.Length} bytes but its header announces {expected}.");
        if (file.Length > expected)
            throw new AprFormatException($"{source}: {file.Length - expected} unexpected bytes after the end of the model; the file is corrupt or was appended to.");
        int bl = (int)bodyLength;
        if (encrypted && bl < TagSize + 8) throw new AprFormatException($"{source}: the encrypted body is too short.");
        var stored = file.Slice(HeaderSize + bl, ChecksumSize);
        var actual = Blake3.Hasher.Hash(file[..(HeaderSize + bl)]);
        if (!actual.AsSpan().SequenceEqual(stored))
            throw new AprFormatException($"{source}: BLAKE3 checksum mismatch: the file is corrupted or was modified (stored {Convert.ToHexStringLower(stored)}, computed {actual}).");
        return new Container(major, minor, encrypted, signed, cipher, kdf == 1, (int)iterations, bl);
    }

    private static bool LooksLikePickle(ReadOnlySpan<byte> file) =>
        file.Length >= 2 && file[0] == 0x80 && file[1] is >= 2 and <= 5;

    private static int SchemaLength(ReadOnlySpan<byte> plain, string source)
    {
        if (plain.Length < 8) throw new AprFormatException($"{source}: the body is too short to hold a schema.");
        uint len = BinaryPrimitives.ReadUInt32LittleEndian(plain);
        if (BinaryPrimitives.ReadUInt32LittleEndian(plain[4..]) != 0) throw new AprFormatException($"{source}: reserved body field is not zero; the body is corrupt.");
        if (len == 0 || len > MaxSchemaBytes || 8 + (long)Align8((int)Math.Min(len, MaxSchemaBytes)) > plain.Length)
            throw new AprFormatException($"{source}: the schema length {len} does not fit the {plain.Length}-byte body.");
        return (int)len;
    }

    private static Estimator ParseBody(byte[] plain, string source)
    {
        int len = SchemaLength(plain, source);
        var data = new ReadOnlyMemory<byte>(plain, 8 + Align8(len), plain.Length - 8 - Align8(len));
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(plain, 8, len), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new AprFormatException($"{source}: the schema is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.ValueKind != JsonValueKind.String || f.GetString() != "apr")
                throw new AprFormatException($"{source}: the schema does not describe an apr model.");
            if (!root.TryGetProperty("model", out var model)) throw new AprFormatException($"{source}: the schema has no model.");
            try
            {
                return ModelReader.Load(model, data, "model");
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException or ArgumentException)
            {
                throw new AprFormatException($"{source}: the schema is malformed: {e.Message}", e);
            }
        }
    }

    private static byte[] DeriveKey(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static void Seal(AprCipher cipher, byte[] key, byte[] nonce, byte[] plain, Span<byte> ciphertext, Span<byte> tag, byte[] aad)
    {
        switch (cipher)
        {
            case AprCipher.Aes256Gcm:
                using (var aes = new AesGcm(key, TagSize)) aes.Encrypt(nonce, plain, ciphertext, tag, aad);
                break;
            case AprCipher.ChaCha20Poly1305:
                if (!ChaCha20Poly1305.IsSupported) throw new PlatformNotSupportedException("ChaCha20-Poly1305 is not supported on this platform; use AprCipher.Aes256Gcm.");
                using (var cc = new ChaCha20Poly1305(key)) cc.Encrypt(nonce, plain, ciphertext, tag, aad);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cipher), cipher, "unknown cipher");
        }
    }

    private static void Open(AprCipher cipher, byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plain, ReadOnlySpan<byte> aad)
    {
        switch (cipher)
        {
            case AprCipher.Aes256Gcm:
                using (var aes = new AesGcm(key, TagSize)) aes.Decrypt(nonce, ciphertext, tag, plain, aad);
                break;
            case AprCipher.ChaCha20Poly1305:
                using (var cc = new ChaCha20Poly1305(key)) cc.Decrypt(nonce, ciphertext, tag, plain, aad);
                break;
            default:
                throw new AprFormatException($"unknown cipher {cipher}");
        }
    }

    private static int Align8(int n) => (n + 7) & ~7;
}

/// <summary><c>model.Save(path)</c> and friends.</summary>
public static class ModelFileExtensions
{
    /// <summary>Writes the fitted model to an .apr file.</summary>
    public static void Save(this Estimator model, string path, AprSaveOptions? options = null) => ModelFile.Save(model, path, options);
}
