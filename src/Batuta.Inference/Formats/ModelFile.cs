namespace Batuta.Inference.Formats;

/// <summary>Container formats a model file can be in.</summary>
public enum ModelFileKind
{
    Unknown,
    Gguf,
    SafeTensors,

    /// <summary>Python pickle (.bin/.pt/.pth/.pkl/.ckpt, or a PyTorch zip archive): can run code when loaded.</summary>
    Pickle,
}

/// <summary>Options for opening model files.</summary>
public sealed record ModelFileOptions
{
    /// <summary>Pickle checkpoints are refused unless this is set, because unpickling runs arbitrary code.</summary>
    public bool AllowPickle { get; init; }
}

/// <summary>Recognises a model file by its first bytes (and extension), refusing pickle unless allowed.</summary>
public static class ModelFile
{
    private static readonly string[] PickleExtensions = [".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt"];

    public static ModelFileKind Detect(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Detect(head[..n], Path.GetExtension(path));
    }

    public static ModelFileKind Detect(ReadOnlySpan<byte> head, string extension)
    {
        if (head.Length >= 4 && head[0] == (byte)'G' && head[1] == (byte)'G' && head[2] == (byte)'U' && head[3] == (byte)'F') return ModelFileKind.Gguf;
        // Pickle protocol 2+ starts with PROTO (0x80); PyTorch >= 1.6 checkpoints are zip archives holding data.pkl.
        if (head.Length >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5) return ModelFileKind.Pickle;
        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4) return ModelFileKind.Pickle;
        if (head.Length >= 9 && head[8] == (byte)'{') return ModelFileKind.SafeTensors;
        if (PickleExtensions.Contains(extension.ToLowerInvariant())) return ModelFileKind.Pickle;
        return ModelFileKind.Unknown;
    }

    /// <summary>Throws <see cref="UnsafeModelFormatException"/> for pickle files unless <see cref="ModelFileOptions.AllowPickle"/>.</summary>
    public static ModelFileKind CheckSafe(string path, ModelFileOptions? options = null)
    {
        var kind = Detect(path);
        if (kind == ModelFileKind.Pickle && options?.AllowPickle != true)
            throw new UnsafeModelFormatException(path, Path.GetExtension(path) is { Length: > 0 } ext ? $"extension '{ext}' / pickle or zip signature" : "pickle or zip signature");
        return kind;
    }
}
