using System.Text.RegularExpressions;

namespace Batuta.Transpiler
{
    /// <summary>
    /// Which Python file starts the program, when the project does not say: main.py, __main__.py or app.py at
    /// the source root, else the one file with an <c>if __name__ == "__main__":</c> guard, else the only file.
    /// One rule set for the Analysis phase, the source generator and <c>batuta run</c>.
    /// </summary>
    public static class EntryPointRules
    {
        private static readonly string[] Conventional = { "main.py", "__main__.py", "app.py" };

        private static readonly Regex MainGuard = new(@"^if\s+__name__\s*==\s*['""]__main__['""]\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <param name="files">Relative paths (forward slashes) and a way to read each file's text (only called when needed).</param>
        /// <returns>The chosen relative path, or null when no rule decides.</returns>
        public static string? Choose(IReadOnlyList<(string RelativePath, Func<string> ReadText)> files)
        {
            foreach (var name in Conventional)
                foreach (var f in files)
                    if (string.Equals(f.RelativePath.Replace('\\', '/'), name, StringComparison.Ordinal)) return f.RelativePath;
            var guarded = files.Where(f => HasMainGuard(f.ReadText())).ToList();
            if (guarded.Count == 1) return guarded[0].RelativePath;
            return files.Count == 1 ? files[0].RelativePath : null;
        }

        public static bool HasMainGuard(string source) => MainGuard.IsMatch(source);
    }
}
