using Batuta.Python;

namespace Batuta.Transpiler.Frontend
{
    /// <summary>Batuta.Python's parser → <see cref="ParsedModule"/>; its syntax errors become BATUTA-T-002 at the same file and line.</summary>
    internal static class PythonFrontEnd
    {
        public static ParsedModule Parse(string path, string text)
        {
            ParseResult result;
            try
            {
                result = PythonParser.Parse(text, path);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return ParsedModule.Failed(path, "the parser failed: " + e.Message, 1, 0);
            }
            var errors = result.Errors.Select(d => new TranspilerDiagnostic(TranspilerCodes.SyntaxError, TranspilerSeverity.Error,
                $"{d.ErrorType}: {d.Message}", d.Hint ?? "fix the Python syntax; CPython rejects this file too", path, d.Line, Math.Max(0, d.Column - 1), d.EndLine, Math.Max(0, d.EndColumn - 1))).ToList(); // parser columns are 1-based, ours 0-based
            return new ParsedModule(path, errors.Count > 0 ? null : result.Module, errors);
        }
    }
}
