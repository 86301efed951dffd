using System.Text.RegularExpressions;

namespace Batuta.Core.Phases.Analysis;

/// <summary>A declared or imported dependency and where it was found.</summary>
public sealed record Dependency(string Name, string Source, string? Version = null);

/// <summary>
/// Reads dependency manifests (requirements*.txt, pyproject.toml, Pipfile, environment.yml, setup.py)
/// and classifies imported modules as standard library, first-party (a module of the project) or
/// third-party.
/// </summary>
public static partial class DependencyScanner
{
    private static readonly Lazy<HashSet<string>> StdlibModules = new(() =>
    {
        using var s = typeof(DependencyScanner).Assembly.GetManifestResourceStream("Batuta.Core.python-stdlib-modules.txt")
            ?? throw new InvalidOperationException("embedded stdlib module list missing");
        using var r = new StreamReader(s);
        return new HashSet<string>(r.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
    });

    public static bool IsStandardLibrary(string module) => StdlibModules.Value.Contains(TopLevel(module));

    public static string TopLevel(string module)
    {
        int dot = module.IndexOf('.');
        return dot < 0 ? module : module[..dot];
    }

    /// <summary>Whether <paramref name="fileName"/> is a manifest this scanner reads.</summary>
    public static bool IsManifest(string fileName) =>
        fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || fileName is "pyproject.toml" or "Pipfile" or "environment.yml" or "environment.yaml" or "setup.py" or "setup.cfg";

    public static IEnumerable<Dependency> ReadManifest(string fileName, string text)
    {
        if (fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return RequirementLines(fileName, text.Split('\n'));
        return fileName switch
        {
            "pyproject.toml" => RequirementLines(fileName, TomlArray(text, "dependencies")),
            "setup.cfg" => RequirementLines(fileName, IniList(text, "install_requires")),
            "setup.py" => RequirementLines(fileName, QuotedStrings(SetupInstallRequires(text))),
            "Pipfile" => PipfileSection(fileName, text),
            _ => CondaDependencies(fileName, text),
        };
    }

    private static IEnumerable<Dependency> RequirementLines(string source, IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim().Trim('"', '\'', ',');
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash].Trim();
            if (line.Length == 0 || line.StartsWith('-')) continue;
            var m = RequirementPattern().Match(line);
            if (!m.Success) continue;
            string? version = m.Groups["spec"].Success && m.Groups["spec"].Value.Length > 0 ? m.Groups["spec"].Value.Trim() : null;
            yield return new Dependency(Normalize(m.Groups["name"].Value), source, version);
        }
    }

    /// <summary>PEP 503 normalisation, so scikit_learn and scikit-learn are one dependency.</summary>
    public static string Normalize(string name) => Regex.Replace(name, "[-_.]+", "-").ToLowerInvariant();

    private static IEnumerable<string> TomlArray(string text, string key)
    {
        var m = Regex.Match(text, $@"(?m)^\s*{Regex.Escape(key)}\s*=\s*\[(?<body>[^\]]*)\]", RegexOptions.Singleline);
        return m.Success ? QuotedStrings(m.Groups["body"].Value) : [];
    }

    private static IEnumerable<string> IniList(string text, string key)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith(key, StringComparison.Ordinal)) continue;
            for (int j = i + 1; j < lines.Length && (lines[j].StartsWith(' ') || lines[j].StartsWith('\t')); j++)
                yield return lines[j];
        }
    }

    private static string SetupInstallRequires(string text)
    {
        var m = Regex.Match(text, @"install_requires\s*=\s*\[(?<body>[^\]]*)\]", RegexOptions.Singleline);
        return m.Success ? m.Groups["body"].Value : "";
    }

    private static IEnumerable<string> QuotedStrings(string text) =>
        Regex.Matches(text, "\"([^\"]*)\"|'([^']*)'").Select(m => m.Groups[1].Success && m.Groups[1].Length > 0 ? m.Groups[1].Value : m.Groups[2].Value);

    private static IEnumerable<Dependency> PipfileSection(string source, string text)
    {
        bool inPackages = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) { inPackages = line is "[packages]" or "[dev-packages]"; continue; }
            if (!inPackages || line.Length == 0 || line.StartsWith('#')) continue;
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var version = line[(eq + 1)..].Trim().Trim('"');
            yield return new Dependency(Normalize(line[..eq].Trim().Trim('"')), source, version == "*" ? null : version);
        }
    }

    private static IEnumerable<Dependency> CondaDependencies(string source, string text)
    {
        bool inDeps = false;
        foreach (var raw in text.Split('\n'))
        {
            if (raw.StartsWith("dependencies:", StringComparison.Ordinal)) { inDeps = true; continue; }
            if (inDeps && raw.Length > 0 && !char.IsWhiteSpace(raw[0])) inDeps = false;
            if (inDeps && CondaEntry(source, raw.Trim()) is { } dependency) yield return dependency;
        }
    }

    /// <summary>One "- name=version" item of a conda dependencies list; null for anything else.</summary>
    private static Dependency? CondaEntry(string source, string line)
    {
        if (!line.StartsWith("- ", StringComparison.Ordinal)) return null;
        var spec = line[2..].Trim();
        if (spec.EndsWith(':')) return null; // "- pip:" opens a nested list
        var m = RequirementPattern().Match(spec.Replace("=", "==", StringComparison.Ordinal).Replace("====", "==", StringComparison.Ordinal));
        if (!m.Success) return null;
        return new Dependency(Normalize(m.Groups["name"].Value), source, m.Groups["spec"].Value is { Length: > 0 } v ? v : null);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(?<spec>[<>=!~].*)?$")]
    private static partial Regex RequirementPattern();
}
