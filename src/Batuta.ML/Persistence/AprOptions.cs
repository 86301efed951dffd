using NSec.Cryptography;

namespace Batuta.ML.Persistence;

/// <summary>The AEAD cipher of an encrypted model file.</summary>
public enum AprCipher : byte
{
    None = 0,

    /// <summary>AES-256-GCM (BCL <c>AesGcm</c>), 96-bit nonce, 128-bit tag.</summary>
    Aes256Gcm = 1,

    /// <summary>ChaCha20-Poly1305 (BCL <c>ChaCha20Poly1305</c>), 96-bit nonce, 128-bit tag.</summary>
    ChaCha20Poly1305 = 2,
}

/// <summary>An Ed25519 key pair for signing model files (NSec / libsodium).</summary>
public sealed class AprSigningKey : IDisposable
{
    private readonly Key _key;

    private AprSigningKey(Key key) => _key = key;

    /// <summary>A fresh random key pair.</summary>
    public static AprSigningKey Create() =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Imports a 32-byte Ed25519 private key (seed), as exported by <see cref="ExportPrivateKey"/>.</summary>
    public static AprSigningKey Import(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32) throw new ArgumentException($"An Ed25519 private key is 32 bytes; got {privateKey.Length}.", nameof(privateKey));
        return new(Key.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <summary>The 32-byte private key (seed). Keep it secret.</summary>
    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>The 32-byte public key that verifies this key's signatures.</summary>
    public byte[] PublicKey => _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    internal byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    internal static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var pk) || pk is null) return false;
        return SignatureAlgorithm.Ed25519.Verify(pk, data, signature);
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>How to write a model file: optional signing, encryption and free-form metadata.</summary>
public sealed class AprSaveOptions
{
    /// <summary>Signs header, body and checksum with Ed25519; the public key is stored in the file.</summary>
    public AprSigningKey? SigningKey { get; init; }

    /// <summary>The cipher for encryption; <see cref="AprCipher.None"/> (default) writes plaintext.</summary>
    public AprCipher Cipher { get; init; }

    /// <summary>A raw 32-byte key. Give this or <see cref="Password"/> when encrypting.</summary>
    public byte[]? EncryptionKey { get; init; }

    /// <summary>A password; the key is derived with PBKDF2-HMAC-SHA256 and a random 16-byte salt.</summary>
    public string? Password { get; init; }

    /// <summary>PBKDF2 iterations for <see cref="Password"/> (stored in the header).</summary>
    public int PasswordIterations { get; init; } = 600_000;

    /// <summary>Free-form string metadata stored in the schema (dataset name, author, ...).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>How to read a model file.</summary>
public sealed class AprLoadOptions
{
    /// <summary>When set, the file must be signed by this 32-byte Ed25519 public key.</summary>
    public byte[]? TrustedPublicKey { get; init; }

    /// <summary>When true, an unsigned file is refused.</summary>
    public bool RequireSignature { get; init; }

    /// <summary>The raw 32-byte key of an encrypted file.</summary>
    public byte[]? DecryptionKey { get; init; }

    /// <summary>The password of a password-encrypted file.</summary>
    public string? Password { get; init; }
}
