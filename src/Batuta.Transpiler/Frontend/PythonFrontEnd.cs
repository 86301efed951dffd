using System.Reflection;
using Batuta.Python.Ast;

namespace Batuta.Transpiler.Frontend
{
    /// <summary>
    /// Reaches Batuta.Python's parser (<c>PythonParser.Parse(source, path)</c>, being written in parallel).
    /// Bound by name so this assembly builds against either state of the parser; once the parser ships,
    /// this becomes one direct call. Without it, every file gets BATUTA-T-001.
    /// </summary>
    internal static class PythonFrontEnd
    {
        private static readonly MethodInfo? ParseMethod = typeof(Node).Assembly
            .GetType("Batuta.Python.PythonParser")?
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);

        public static bool Available => ParseMethod is not null;

        public static ParsedModule Parse(string path, string text)
        {
            if (ParseMethod is null)
                return new ParsedModule(path, null, new[] { new TranspilerDiagnostic(TranspilerCodes.NoFrontEnd, TranspilerSeverity.Error, "the Python parser (Batuta.Python.PythonParser) is not available in this build", "build Batuta with Batuta.Python's parser", path, 1, 0, 1, 0) });
            object? result;
            try
            {
                result = ParseMethod.Invoke(null, new object[] { text, path });
            }
            catch (TargetInvocationException e)
            {
                return ParsedModule.Failed(path, "parser failure: " + e.InnerException?.Message, 1, 0);
            }
            if (result is null) return ParsedModule.Failed(path, "the parser returned nothing", 1, 0);
            var module = result.GetType().GetProperty("Module")?.GetValue(result) as Batuta.Python.Ast.Module;
            var errors = new List<TranspilerDiagnostic>();
            if (result.GetType().GetProperty("Diagnostics")?.GetValue(result) is System.Collections.IEnumerable diags)
            {
                foreach (var d in diags)
                {
                    var t = d.GetType();
                    bool isError = t.GetProperty("IsError")?.GetValue(d) is true;
                    if (!isError) continue;
                    string message = t.GetProperty("Message")?.GetValue(d) as string ?? "invalid syntax";
                    string errorType = t.GetProperty("ErrorType")?.GetValue(d) as string ?? "SyntaxError";
                    int line = t.GetProperty("Line")?.GetValue(d) is int l ? l : 1;
                    int col = t.GetProperty("Column")?.GetValue(d) is int c ? c : 0;
                    int endLine = t.GetProperty("EndLine")?.GetValue(d) is int el ? el : line;
                    int endCol = t.GetProperty("EndColumn")?.GetValue(d) is int ec ? ec : col;
                    errors.Add(new TranspilerDiagnostic(TranspilerCodes.SyntaxError, TranspilerSeverity.Error, $"{errorType}: {message}", t.GetProperty("Hint")?.GetValue(d) as string ?? "fix the Python syntax", path, line, col, endLine, endCol));
                }
            }
            return new ParsedModule(path, errors.Count > 0 ? null : module, errors);
        }
    }
}
