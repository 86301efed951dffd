using System.Collections.Immutable;
using Batuta.Transpiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Batuta.Generators.Python
{
    /// <summary>
    /// Transpiles the legacy Python of a Batuta.Sdk project in the compile: every AdditionalFile with
    /// <c>BatutaLegacySource=true</c> is one module, <c>BatutaEntryPoint</c> gets a <c>Main</c>, and the
    /// transpiler's diagnostics are reported on the .py file and line (so the IDE and <c>dotnet build</c>
    /// point at the Python). Models are equatable, diagnostics travel apart from the source output.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PythonSourceGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var settings = context.AnalyzerConfigOptionsProvider.Select(static (p, _) =>
            {
                p.GlobalOptions.TryGetValue("build_property.BatutaSourceRoot", out var root);
                p.GlobalOptions.TryGetValue("build_property.BatutaEntryPoint", out var entry);
                p.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns);
                return new GeneratorSettings(Normalize(root), Normalize(entry), string.IsNullOrWhiteSpace(ns) ? "Migrated" : ns.OrThrow().Trim());
            });

            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => pair.Left.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
                    && pair.Right.GetOptions(pair.Left).TryGetValue("build_metadata.AdditionalFiles.BatutaLegacySource", out var flag)
                    && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
                .Select(static (pair, ct) => new PythonFile(pair.Left.Path.Replace('\\', '/'), "", pair.Left.GetText(ct)?.ToString() ?? ""));

            var outcome = files.Collect().Combine(settings).Select(static (input, ct) => Run(input.Left, input.Right));

            context.RegisterSourceOutput(outcome.Select(static (o, _) => o.Sources), static (spc, sources) =>
            {
                foreach (var s in sources) spc.AddSource(s.HintName, SourceText.From(s.Text, System.Text.Encoding.UTF8));
            });
            context.RegisterSourceOutput(outcome.Select(static (o, _) => o.Diagnostics), static (spc, diagnostics) =>
            {
                foreach (var d in diagnostics) spc.ReportDiagnostic(ToRoslyn(d));
            });
        }

        private static string? Normalize(string? path) => string.IsNullOrWhiteSpace(path) ? null : path.OrThrow().Trim().Replace('\\', '/');

        internal static TranspileOutcome Run(ImmutableArray<PythonFile> files, GeneratorSettings settings)
        {
            if (files.IsDefaultOrEmpty) return new TranspileOutcome(new EquatableArray<GeneratedSource>(ImmutableArray<GeneratedSource>.Empty), new EquatableArray<DiagnosticInfo>(ImmutableArray<DiagnosticInfo>.Empty));
            var root = settings.SourceRoot ?? CommonDirectory(files.Select(f => f.FullPath));
            if (!root.EndsWith("/", StringComparison.Ordinal)) root += "/";
            var byRelative = ByRelativePath(files, root);
            var entry = EntryModule(settings, root, byRelative);

            var result = PythonTranspiler.Transpile(byRelative.Values.Select(f => (f.RelativePath, f.Text)).ToList(),
                new TranspileOptions { EntryModule = entry, RootNamespace = settings.RootNamespace, EmitProgram = entry is not null });

            var sources = result.Files.Select(f => new GeneratedSource("Batuta.Python." + f.Path.Replace('/', '.'), f.Text)).ToImmutableArray();
            var diagnostics = result.Diagnostics.Select(d => ToInfo(d, byRelative)).ToImmutableArray();
            return new TranspileOutcome(new EquatableArray<GeneratedSource>(sources), new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        /// <summary>Each file under its path relative to <paramref name="root"/> (its file name when outside it), in ordinal path order.</summary>
        private static Dictionary<string, PythonFile> ByRelativePath(ImmutableArray<PythonFile> files, string root)
        {
            var byRelative = new Dictionary<string, PythonFile>(StringComparer.Ordinal);
            foreach (var f in files.OrderBy(f => f.FullPath, StringComparer.Ordinal))
            {
                var rel = f.FullPath.StartsWith(root, StringComparison.Ordinal) ? f.FullPath.Substring(root.Length) : System.IO.Path.GetFileName(f.FullPath);
                byRelative[rel] = f with { RelativePath = rel };
            }
            return byRelative;
        }

        /// <summary>BatutaEntryPoint (absolute, or relative to the source root) when it names one of the files; otherwise the transpiler's rules choose.</summary>
        private static string? EntryModule(GeneratorSettings settings, string root, Dictionary<string, PythonFile> byRelative)
        {
            string? entry = null;
            if (settings.EntryPoint is { } e)
            {
                var full = e.StartsWith("/", StringComparison.Ordinal) || (e.Length > 1 && e[1] == ':') ? e : root + e;
                entry = byRelative.Values.FirstOrDefault(f => f.FullPath == full || f.RelativePath == e)?.RelativePath;
            }
            return entry ?? EntryPointRules.Choose(byRelative.Values.Select(f => (f.RelativePath, (Func<string>)(() => f.Text))).ToList());
        }

        /// <summary>A transpiler diagnostic with its span in the .py file (kept as given when the path is not one of the files).</summary>
        private static DiagnosticInfo ToInfo(TranspilerDiagnostic d, Dictionary<string, PythonFile> byRelative)
        {
            var file = byRelative.TryGetValue(d.Path, out var pf) ? pf : null;
            var (start, length) = file is null ? (0, 0) : Span(file.Text, d.Line, d.Column, d.EndLine, d.EndColumn);
            return new DiagnosticInfo(d.Code, d.Severity.ToString(), d.Message + (d.Hint is null ? "" : " (" + d.Hint + ")"), file?.FullPath ?? d.Path, d.Line, d.Column, d.EndLine, d.EndColumn, start, length);
        }

        private static string CommonDirectory(IEnumerable<string> paths)
        {
            var dirs = paths.Select(p => p.Substring(0, Math.Max(0, p.LastIndexOf('/')))).ToList();
            if (dirs.Count == 0) return "";
            var common = dirs[0];
            foreach (var d in dirs)
                while (!(d + "/").StartsWith(common + "/", StringComparison.Ordinal) && common.Length > 0)
                    common = common.Substring(0, Math.Max(0, common.LastIndexOf('/')));
            return common;
        }

        /// <summary>Text span of a CPython position (1-based lines; columns counted in UTF-8 bytes).</summary>
        private static (int Start, int Length) Span(string text, int line, int column, int endLine, int endColumn)
        {
            var source = SourceText.From(text);
            int Offset(int l, int byteCol)
            {
                if (source.Lines.Count == 0) return 0;
                var li = source.Lines[Math.Min(Math.Max(l - 1, 0), source.Lines.Count - 1)];
                var lineText = li.ToString();
                int chars = 0, bytes = 0;
                while (chars < lineText.Length && bytes < byteCol)
                {
                    bytes += System.Text.Encoding.UTF8.GetByteCount(lineText.Substring(chars, char.IsHighSurrogate(lineText[chars]) && chars + 1 < lineText.Length ? 2 : 1));
                    chars += char.IsHighSurrogate(lineText[chars]) && chars + 1 < lineText.Length ? 2 : 1;
                }
                return li.Start + chars;
            }
            int start = Offset(line, column);
            int end = Math.Max(start, Offset(Math.Max(line, endLine), endLine == line && endColumn <= column ? column : endColumn));
            return (start, end - start);
        }

        private static Diagnostic ToRoslyn(DiagnosticInfo d)
        {
            var severity = d.Severity switch
            {
                "Error" => DiagnosticSeverity.Error,
                "Warning" => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            // Roslyn IDs must be identifiers: BATUTA-T-004 is reported as BATT004, the full code leads the message.
            var id = RoslynId(d.Code);
            var descriptor = new DiagnosticDescriptor(id, d.Code, "{0}", "Batuta.Transpiler", severity, isEnabledByDefault: true, helpLinkUri: "https://github.com/batuta/batuta/blob/main/docs/transpiler.md");
            var lineSpan = new LinePositionSpan(new LinePosition(Math.Max(0, d.Line - 1), d.Column), new LinePosition(Math.Max(0, d.EndLine - 1), d.EndColumn));
            var location = Location.Create(d.FullPath, new TextSpan(d.Start, d.Length), lineSpan);
            return Diagnostic.Create(descriptor, location, d.Code + ": " + d.Message);
        }

        /// <summary>BATUTA-T-004 → BATT004.</summary>
        public static string RoslynId(string code) => code.StartsWith("BATUTA-", StringComparison.Ordinal) ? "BAT" + code.Substring(7).Replace("-", "") : code.Replace("-", "");
    }
}
