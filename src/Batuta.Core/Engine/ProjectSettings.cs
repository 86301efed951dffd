using System.Globalization;
using Batuta.Core.Diagnostics;

namespace Batuta.Core.Engine;

/// <summary>
/// Everything a phase may read about the project. Both front-ends build it from the same MSBuild
/// property names (the task from its inputs, the CLI from <c>dotnet msbuild -getProperty</c>), so a
/// project gives the same fingerprints and state from either path.
/// </summary>
public sealed class ProjectSettings
{
    /// <summary>The MSBuild properties the engine reads; the CLI asks MSBuild for exactly these.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } =
    [
        "MSBuildProjectFullPath", "BatutaSourceRoot", "BatutaEntryPoint", "BatutaJidokaMode",
        "BatutaEnableAnalysis", "BatutaEnableTranspilation", "BatutaEnableOptimization",
        "BatutaEnableValidation", "BatutaEnableDeployment", "BatutaPythonPath",
        "BatutaValidationArgs", "BatutaValidationStdin", "BatutaValidationTimeout", "BatutaValidationTrace",
        "BatutaGpu", "BatutaIntermediateDir", "TargetPath", "PublishDir", "BatutaSdkVersion", "RootNamespace",
    ];

    public required string ProjectDirectory { get; init; }
    public string? ProjectFile { get; init; }
    public required string SourceRoot { get; init; }
    public string? EntryPoint { get; init; }
    public JidokaMode JidokaMode { get; init; } = JidokaMode.Standard;
    public bool EnableAnalysis { get; init; } = true;
    public bool EnableTranspilation { get; init; } = true;
    public bool EnableOptimization { get; init; } = true;
    public bool EnableValidation { get; init; } = true;
    public bool EnableDeployment { get; init; } = true;
    public string PythonPath { get; init; } = "/usr/bin/python3";
    public IReadOnlyList<string> ValidationArgs { get; init; } = [];
    public string? ValidationStdinFile { get; init; }
    public int ValidationTimeoutSeconds { get; init; } = 120;
    public bool ValidationTrace { get; init; }
    public string GpuMode { get; init; } = "auto";
    public required string IntermediateDirectory { get; init; }
    public string? TargetPath { get; init; }
    public string? PublishDirectory { get; init; }

    /// <summary>The C# namespace of the migrated code.</summary>
    public string RootNamespace { get; init; } = "Migrated";

    /// <summary>Part of every fingerprint, so a new Batuta re-runs the phases.</summary>
    public string ToolVersion { get; init; } = typeof(ProjectSettings).Assembly.GetName().Version?.ToString() ?? "0";

    public bool IsEnabled(Workflow.WorkflowPhase phase) => phase switch
    {
        Workflow.WorkflowPhase.Analysis => EnableAnalysis,
        Workflow.WorkflowPhase.Transpilation => EnableTranspilation,
        Workflow.WorkflowPhase.Optimization => EnableOptimization,
        Workflow.WorkflowPhase.Validation => EnableValidation,
        _ => EnableDeployment,
    };

    /// <summary>
    /// Builds settings from MSBuild property values. Empty values take the SDK's defaults.
    /// Invalid values are collected as BATUTA-Q-006 diagnostics rather than thrown one at a time.
    /// </summary>
    public static ProjectSettings FromProperties(string projectDirectory, IReadOnlyDictionary<string, string?> properties, List<BatutaDiagnostic> problems)
    {
        string dir = Path.GetFullPath(projectDirectory);
        string? Get(string name) => properties.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        // MSBuild's defaults use Windows separators (BaseIntermediateOutputPath is "obj\", OutputPath "bin\Release\..."),
        // and values passed as item metadata reach the task unconverted: on Linux "obj\batuta/" would name one folder.
        string Resolve(string path)
        {
            if (Path.DirectorySeparatorChar == '/') path = path.Replace('\\', '/');
            return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(dir, path));
        }

        bool Flag(string name, bool fallback)
        {
            var v = Get(name);
            if (v is null) return fallback;
            if (bool.TryParse(v, out var b)) return b;
            problems.Add(ErrorCatalog.InvalidSetting.Create(name, v, "true or false"));
            return fallback;
        }

        var mode = JidokaMode.Standard;
        if (Get("BatutaJidokaMode") is { } modeText && !Enum.TryParse(modeText, ignoreCase: true, out mode))
        {
            problems.Add(ErrorCatalog.InvalidSetting.Create("BatutaJidokaMode", modeText, "relaxed, standard or strict"));
            mode = JidokaMode.Standard;
        }

        int timeout = 120;
        if (Get("BatutaValidationTimeout") is { } t && (!int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out timeout) || timeout <= 0))
        {
            problems.Add(ErrorCatalog.InvalidSetting.Create("BatutaValidationTimeout", t, "a positive number of seconds"));
            timeout = 120;
        }

        string gpu = (Get("BatutaGpu") ?? "auto").ToLowerInvariant();
        if (gpu is not ("auto" or "off" or "required"))
        {
            problems.Add(ErrorCatalog.InvalidSetting.Create("BatutaGpu", gpu, "auto, off or required"));
            gpu = "auto";
        }

        return new ProjectSettings
        {
            ProjectDirectory = dir,
            ProjectFile = Get("MSBuildProjectFullPath"),
            SourceRoot = Resolve(Get("BatutaSourceRoot") ?? "legacy"),
            EntryPoint = Get("BatutaEntryPoint") is { } e ? Resolve(e) : null,
            JidokaMode = mode,
            EnableAnalysis = Flag("BatutaEnableAnalysis", true),
            EnableTranspilation = Flag("BatutaEnableTranspilation", true),
            EnableOptimization = Flag("BatutaEnableOptimization", true),
            EnableValidation = Flag("BatutaEnableValidation", true),
            EnableDeployment = Flag("BatutaEnableDeployment", true),
            PythonPath = Get("BatutaPythonPath") ?? "/usr/bin/python3",
            ValidationArgs = SplitList(Get("BatutaValidationArgs")),
            ValidationStdinFile = Get("BatutaValidationStdin") is { } s ? Resolve(s) : null,
            ValidationTimeoutSeconds = timeout,
            ValidationTrace = Flag("BatutaValidationTrace", false),
            GpuMode = gpu,
            IntermediateDirectory = Resolve(Get("BatutaIntermediateDir") ?? Path.Combine("obj", "batuta")),
            TargetPath = Get("TargetPath") is { } tp ? Resolve(tp) : null,
            PublishDirectory = Get("PublishDir") is { } pd ? Resolve(pd) : null,
            RootNamespace = Get("RootNamespace") ?? "Migrated",
        };
    }

    /// <summary>MSBuild list syntax: items separated by ';'.</summary>
    private static IReadOnlyList<string> SplitList(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
