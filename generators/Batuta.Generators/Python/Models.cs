namespace Batuta.Generators.Python
{
    /// <summary>One legacy .py file as the compiler gave it (absolute path, path relative to the source root, text).</summary>
    internal sealed record PythonFile(string FullPath, string RelativePath, string Text);

    /// <summary>The analyzer-config properties the SDK passes (build_property.*).</summary>
    internal sealed record GeneratorSettings(string? SourceRoot, string? EntryPoint, string RootNamespace);

    /// <summary>One generated C# source (hint name + text).</summary>
    internal sealed record GeneratedSource(string HintName, string Text);

    /// <summary>A transpiler diagnostic, located on the .py file (kept apart from the source output).</summary>
    internal sealed record DiagnosticInfo(string Code, string Severity, string Message, string FullPath, int Line, int Column, int EndLine, int EndColumn, int Start, int Length);

    /// <summary>What one run of the transpiler over the project's legacy files produced.</summary>
    internal sealed record TranspileOutcome(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics);
}
