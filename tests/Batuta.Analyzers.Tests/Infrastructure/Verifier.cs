using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Batuta.Analyzers.Tests.Infrastructure;

/// <summary>One analyzer test: sources in markup, optional .editorconfig and global config text, expected diagnostics.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source)
    {
        TestCode = source;
        TestState.ReferenceAssemblies = TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(TestReferences.Net);
    }

    public AnalyzerTest<TAnalyzer> WithEditorConfig(string entries)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + entries + "\n"));
        return this;
    }

    public AnalyzerTest<TAnalyzer> WithGlobalConfig(string entries, string path = "/.globalconfig")
    {
        TestState.AnalyzerConfigFiles.Add((path, "is_global = true\n" + entries + "\n"));
        return this;
    }

    public AnalyzerTest<TAnalyzer> WithSource(string source)
    {
        TestState.Sources.Add(source);
        return this;
    }

    public AnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }
}

internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        TestState.ReferenceAssemblies = TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(TestReferences.Net);
        FixedState.ReferenceAssemblies = TestReferences.Empty;
    }
}

internal static class Verify
{
    public static Task Analyzer<TAnalyzer>(string source) where TAnalyzer : DiagnosticAnalyzer, new()
        => new AnalyzerTest<TAnalyzer>(source).RunAsync();

    public static Task CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
        => new CodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource).RunAsync();

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new DiagnosticResult(id, severity);
}
