using System.Text.Json.Serialization;

namespace Batuta.Core.Phases.Analysis;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(AnalysisReport))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext
{
    private static AnalysisJsonContext? _readable;

    public static AnalysisJsonContext Readable => _readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
