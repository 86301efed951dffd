namespace Batuta.Python.Tests.Golden;

/// <summary>A case of a .golden file: Python source and CPython 3.11's ast.dump(..., include_attributes=True).</summary>
public sealed record GoldenCase(string File, string Name, string Source, string ExpectedDump)
{
    public override string ToString() => File + ": " + Name;

    public static IReadOnlyList<GoldenCase> Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Golden");
        var cases = new List<GoldenCase>();
        foreach (var path in Directory.GetFiles(dir, "*.golden").OrderBy(p => p, StringComparer.Ordinal))
        {
            var text = System.IO.File.ReadAllText(path).Replace("\r\n", "\n");
            foreach (var block in text.Split("=== ", StringSplitOptions.RemoveEmptyEntries))
            {
                int nl = block.IndexOf('\n');
                string name = block[..nl];
                string rest = block[(nl + 1)..];
                int marker = rest.IndexOf("--- ast\n", StringComparison.Ordinal);
                if (marker < 0) throw new InvalidOperationException($"{path}: case '{name}' has no '--- ast' section: run Tools/update_goldens.py");
                cases.Add(new GoldenCase(Path.GetFileName(path), name, rest[..marker], rest[(marker + 8)..].TrimEnd('\n')));
            }
        }
        return cases;
    }
}
