namespace Batuta.ML.Persistence;

/// <summary>
/// A model file that cannot be trusted or read: wrong magic, unsupported version, truncated, checksum
/// or signature mismatch, failed decryption, malformed schema. The message says which and what to do.
/// </summary>
public sealed class AprFormatException : Exception
{
    public AprFormatException(string message) : base(message) { }

    public AprFormatException(string message, Exception inner) : base(message, inner) { }
}
