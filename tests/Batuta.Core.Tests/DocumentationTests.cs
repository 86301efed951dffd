using Batuta.Core.Diagnostics;

namespace Batuta.Core.Tests;

public class DocumentationTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Every_error_code_is_documented_in_docs_error_codes_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "error-codes.md"));
        var missing = ErrorCatalog.All.Where(d => !doc.Contains($"`{d.Code}`", StringComparison.Ordinal)).Select(d => d.Code).ToList();
        Assert.True(missing.Count == 0, "undocumented codes: " + string.Join(", ", missing));
    }

    [Fact]
    public void Codes_are_unique_and_follow_the_hierarchy()
    {
        Assert.Equal(ErrorCatalog.All.Count, ErrorCatalog.All.Select(d => d.Code).Distinct().Count());
        Assert.All(ErrorCatalog.All, d => Assert.Matches("^BATUTA-[ATOVBQ]-[0-9]{3}$", d.Code));
    }
}
