using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Frontend;
using Batuta.Transpiler.Inference;

namespace Batuta.Transpiler
{
    /// <summary>
    /// Python 3.11 → C#. Pure and deterministic: files in, generated files and diagnostics out.
    /// Stages: parse (Batuta.Python) → program model (<see cref="ModelBuilder"/>) → type inference and
    /// emission (<see cref="Emitter"/>, run to a fixed point, then once more to write the code).
    /// </summary>
    public static class PythonTranspiler
    {
        /// <summary>Changes whenever generated code could change (the Transpilation phase re-runs on a new version).</summary>
        public const string Version = "0.1.0";

        /// <summary>Transpiles Python sources (relative path, text).</summary>
        public static TranspileResult Transpile(IReadOnlyList<(string Path, string Text)> files, TranspileOptions options)
        {
            var parsed = new List<ParsedModule>();
            foreach (var (path, text) in files) parsed.Add(PythonFrontEnd.Parse(Normalize(path), text));
            return Transpile(parsed, options);
        }

        /// <summary>Transpiles already parsed modules (a front-end other than Batuta.Python's may produce them).</summary>
        public static TranspileResult Transpile(IReadOnlyList<ParsedModule> modules, TranspileOptions options)
        {
            var diagnostics = new List<TranspilerDiagnostic>();
            var good = new List<(string, Module)>();
            foreach (var m in modules.OrderBy(m => m.Path, StringComparer.Ordinal))
            {
                diagnostics.AddRange(m.Errors);
                if (m.Tree is not null) good.Add((Normalize(m.Path), m.Tree));
            }
            var files = new List<GeneratedFile>();
            try
            {
                var model = ModelBuilder.Build(good);
                var opts = new TranspileOptions { EntryModule = options.EntryModule is null ? null : Normalize(options.EntryModule), RootNamespace = options.RootNamespace, EmitProgram = options.EmitProgram };
                var emitter = new Emitter(model, opts);
                files.AddRange(emitter.Run());
                diagnostics.AddRange(emitter.Diagnostics);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The promise is "never crash": an internal failure is a diagnostic on the first module.
                var path = good.Count > 0 ? good[0].Item1 : "(none)";
                diagnostics.Add(new TranspilerDiagnostic(TranspilerCodes.Internal, TranspilerSeverity.Error, $"internal transpiler error: {e.GetType().Name}: {e.Message}", "please report this with the Python source", path, 1, 0, 1, 0));
            }
            var ordered = diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
            return new TranspileResult(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), ordered);
        }

        private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');
    }
}
