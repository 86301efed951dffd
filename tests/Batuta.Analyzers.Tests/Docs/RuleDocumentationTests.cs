using Batuta.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Batuta.Analyzers.Tests.Docs;

/// <summary>
/// CI gate: every rule has a page at docs/rules/&lt;ID&gt;.md with the required sections, every diagnostic links
/// to its page, and every rule is tracked in AnalyzerReleases.Unshipped.md with its real category and severity.
/// </summary>
public class RuleDocumentationTests
{
    internal static readonly string[] RequiredSections = { "## Rationale", "## Examples", "## How to fix", "## Configuration" };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllRules.DeclaredIds) data.Add(id);
        return data;
    }

    [Fact]
    public void Every_declared_id_has_exactly_one_descriptor_and_back()
    {
        Assert.Equal(AllRules.DeclaredIds, AllRules.Descriptors.Select(d => d.Id));
        Assert.All(AllRules.Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id), g => Assert.Single(g.Distinct()));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_documentation_page_with_the_required_sections(string id)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"Rule {id} has no documentation page: write {path} (sections: {string.Join(", ", RequiredSections)}).");
        var text = File.ReadAllText(path);
        var descriptor = AllRules.Descriptors.Single(d => d.Id == id);
        Assert.True(text.StartsWith("# " + id + ": ", StringComparison.Ordinal), $"{path} must start with '# {id}: <title>'.");
        foreach (var section in RequiredSections)
            Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"{path} lacks the section '{section}'.");
        Assert.True(text.Contains("```csharp", StringComparison.Ordinal), $"{path} needs at least one C# example.");
        Assert.True(text.Contains(descriptor.Category, StringComparison.Ordinal), $"{path} should name the category '{descriptor.Category}'.");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_diagnostic_links_to_its_page(string id)
    {
        var descriptor = AllRules.Descriptors.Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_is_tracked_in_the_release_files()
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryRoot(), "analyzers", "Batuta.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in AllRules.Descriptors)
        {
            var row = unshipped.SingleOrDefault(l => l.StartsWith(d.Id + " ", StringComparison.Ordinal));
            Assert.True(row is not null, $"{d.Id} is missing from AnalyzerReleases.Unshipped.md.");
            var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(d.Category, cells[1]);
            Assert.Equal(d.DefaultSeverity.ToString(), cells[2]);
        }
    }

    [Fact]
    public void The_overview_lists_every_rule()
    {
        var overview = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "analyzers.md"));
        foreach (var id in AllRules.DeclaredIds)
            Assert.True(overview.Contains("rules/" + id + ".md", StringComparison.Ordinal), $"docs/analyzers.md does not link to rules/{id}.md.");
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Batuta.sln not found above " + AppContext.BaseDirectory);
    }
}
