namespace Batuta.Core.Phases.Analysis;

/// <summary>Languages Batuta recognises in a legacy tree, by extension or shebang.</summary>
public static class SourceLanguage
{
    public const string Python = "Python";
    public const string Shell = "Shell";
    public const string C = "C";
    public const string Cpp = "C++";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = Python, [".pyw"] = Python, [".pyi"] = Python,
        [".sh"] = Shell, [".bash"] = Shell, [".zsh"] = Shell, [".ksh"] = Shell,
        [".c"] = C, [".h"] = C,
        [".cc"] = Cpp, [".cpp"] = Cpp, [".cxx"] = Cpp, [".hpp"] = Cpp, [".hh"] = Cpp,
        [".rs"] = "Rust", [".go"] = "Go", [".java"] = "Java", [".js"] = "JavaScript",
        [".ts"] = "TypeScript", [".rb"] = "Ruby", [".pl"] = "Perl", [".r"] = "R",
        [".cs"] = "C#", [".f90"] = "Fortran", [".f"] = "Fortran", [".m"] = "MATLAB",
        [".sql"] = "SQL", [".lua"] = "Lua",
    };

    /// <summary>Returns the language of a file, or null for data and docs (csv, txt, md...).</summary>
    public static string? Detect(string path, Func<string?> firstLine)
    {
        if (ByExtension.TryGetValue(Path.GetExtension(path), out var lang)) return lang;
        if (Path.GetExtension(path).Length != 0) return null;
        // Extension-less scripts: trust the shebang.
        var line = firstLine();
        if (line is null || !line.StartsWith("#!", StringComparison.Ordinal)) return null;
        if (line.Contains("python", StringComparison.Ordinal)) return Python;
        if (line.Contains("sh", StringComparison.Ordinal)) return Shell;
        return null;
    }

    /// <summary>The comment syntax used for line counting.</summary>
    public static CommentStyle CommentsOf(string language) => language switch
    {
        Python or Shell or "Ruby" or "Perl" or "R" => CommentStyle.Hash,
        "SQL" or "Lua" => CommentStyle.DoubleDash,
        "Fortran" => CommentStyle.Bang,
        "MATLAB" => CommentStyle.Percent,
        _ => CommentStyle.CFamily,
    };
}

public enum CommentStyle
{
    Hash,
    CFamily,
    DoubleDash,
    Bang,
    Percent,
}
