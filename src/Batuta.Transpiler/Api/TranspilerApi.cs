using Batuta.Python.Ast;

namespace Batuta.Transpiler
{
    /// <summary>How to transpile: which module is the program's entry and the C# namespace to use.</summary>
    public sealed class TranspileOptions
    {
        /// <summary>Relative path of the entry module (e.g. <c>main.py</c>); null: no Program.cs is generated.</summary>
        public string? EntryModule { get; set; }

        public string RootNamespace { get; set; } = "Migrated";

        /// <summary>Emit <c>Program.cs</c> with <c>Main</c> for the entry module.</summary>
        public bool EmitProgram { get; set; } = true;
    }

    /// <summary>One C# file the transpiler produced.</summary>
    public sealed class GeneratedFile
    {
        public GeneratedFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>Relative path, forward slashes (e.g. <c>Main.g.cs</c>).</summary>
        public string Path { get; }

        public string Text { get; }
    }

    public enum TranspilerSeverity { Info, Warning, Error }

    /// <summary>A finding at a Python file and line (BATUTA-T-xxx).</summary>
    public sealed class TranspilerDiagnostic : IEquatable<TranspilerDiagnostic>
    {
        public TranspilerDiagnostic(string code, TranspilerSeverity severity, string message, string? hint, string path, int line, int column, int endLine, int endColumn)
        {
            Code = code;
            Severity = severity;
            Message = message;
            Hint = hint;
            Path = path;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public string Code { get; }
        public TranspilerSeverity Severity { get; }
        public string Message { get; }
        public string? Hint { get; }
        public string Path { get; }
        /// <summary>1-based.</summary>
        public int Line { get; }
        /// <summary>0-based (UTF-8 bytes, as CPython).</summary>
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        public string Format() =>
            $"{Path}({Line},{Column + 1}): {Severity.ToString().ToLowerInvariant()} {Code}: {Message}" + (Hint is null ? "" : " (hint: " + Hint + ")");

        public override string ToString() => Format();

        public bool Equals(TranspilerDiagnostic? other) => other is not null && Format() == other.Format() && EndLine == other.EndLine && EndColumn == other.EndColumn;
        public override bool Equals(object? obj) => Equals(obj as TranspilerDiagnostic);
        public override int GetHashCode() => Format().GetHashCode();
    }

    /// <summary>The codes the transpiler reports (documented in docs/transpiler.md).</summary>
    public static class TranspilerCodes
    {
        /// <summary>The Python front-end (parser) is not available.</summary>
        public const string NoFrontEnd = "BATUTA-T-001";
        /// <summary>A syntax error in the Python source.</summary>
        public const string SyntaxError = "BATUTA-T-002";
        /// <summary>A type could not be inferred: the value is dynamic at run time.</summary>
        public const string DynamicFallback = "BATUTA-T-003";
        /// <summary>An unsupported construct: the generated C# throws NotSupportedException there.</summary>
        public const string Unsupported = "BATUTA-T-004";
        /// <summary>An import of a module that is neither in the project nor in the supported standard library.</summary>
        public const string UnknownModule = "BATUTA-T-005";
        /// <summary>An internal transpiler failure on one construct (reported, never a crash).</summary>
        public const string Internal = "BATUTA-T-099";
    }

    /// <summary>What the transpiler gives back.</summary>
    public sealed class TranspileResult
    {
        public TranspileResult(IReadOnlyList<GeneratedFile> files, IReadOnlyList<TranspilerDiagnostic> diagnostics)
        {
            Files = files;
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<GeneratedFile> Files { get; }
        public IReadOnlyList<TranspilerDiagnostic> Diagnostics { get; }
        public bool HasErrors => Diagnostics.Any(d => d.Severity == TranspilerSeverity.Error);
    }

    /// <summary>A parsed module: its relative path and tree, or the syntax error that stopped the parse.</summary>
    public sealed class ParsedModule
    {
        public ParsedModule(string path, Module? tree, IReadOnlyList<TranspilerDiagnostic>? errors = null)
        {
            Path = path;
            Tree = tree;
            Errors = errors ?? Array.Empty<TranspilerDiagnostic>();
        }

        public string Path { get; }
        public Module? Tree { get; }
        public IReadOnlyList<TranspilerDiagnostic> Errors { get; }

        public static ParsedModule Failed(string path, string message, int line, int column) =>
            new(path, null, new[] { new TranspilerDiagnostic(TranspilerCodes.SyntaxError, TranspilerSeverity.Error, "SyntaxError: " + message, "fix the Python syntax; CPython rejects this file too", path, line, column, line, column) });
    }
}
