using System.Text.Json.Serialization;
using Batuta.Core.Workflow;

namespace Batuta.Core.State;

/// <summary>Source-generated JSON for the state file: no reflection warm-up inside the build.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(WorkflowState))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    /// <summary>Writes paths and messages as people read them ('don't', not 'don\u0027t'); the file is never embedded in HTML.</summary>
    private static StateJsonContext? _readable;

    public static StateJsonContext Readable => _readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
