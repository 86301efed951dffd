using System.Globalization;

namespace Batuta.Inference.Formats;

/// <summary>
/// A model file is malformed, truncated or unsupported. The message names the format, the field and
/// the byte offset where reading stopped, plus a hint, so a user can tell a broken download from an
/// unsupported variant.
/// </summary>
public class ModelFormatException : Exception
{
    public ModelFormatException(string format, string field, long offset, string problem, string? hint = null, Exception? inner = null)
        : base(Compose(format, field, offset, problem, hint), inner)
    {
        Format = format;
        Field = field;
        Offset = offset;
        Problem = problem;
        Hint = hint;
    }

    /// <summary>"GGUF", "safetensors", "model" ...</summary>
    public string Format { get; }

    /// <summary>The field being read, e.g. <c>tensor_infos[3].dims[1]</c>.</summary>
    public string Field { get; }

    /// <summary>Absolute byte offset in the file; -1 when the problem is not tied to one place.</summary>
    public long Offset { get; }

    public string Problem { get; }

    public string? Hint { get; }

    private static string Compose(string format, string field, long offset, string problem, string? hint)
    {
        var where = offset >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{format}: field '{field}' at byte offset {offset}: {problem}")
            : $"{format}: field '{field}': {problem}";
        return hint is null ? where : where + " Fix: " + hint;
    }
}

/// <summary>The file is a pickle-based checkpoint, which can run arbitrary code when loaded.</summary>
public sealed class UnsafeModelFormatException : ModelFormatException
{
    public UnsafeModelFormatException(string path, string why)
        : base("pickle", "file", 0, $"'{Path.GetFileName(path)}' is a pickle-based checkpoint ({why}); loading pickle can execute arbitrary code.",
            "convert it to safetensors or GGUF (e.g. with the model's own conversion script), or open it with ModelFileOptions.AllowPickle = true if you trust its source.")
    {
    }
}
