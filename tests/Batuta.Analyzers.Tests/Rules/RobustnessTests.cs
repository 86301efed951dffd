using Batuta.Analyzers.Tests.Docs;
using Batuta.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Tests.Rules;

/// <summary>
/// The rules run in the IDE on every keystroke, so they see half-written code. No input may make one throw (AD0001).
/// The corpus is this repository's own C# (src/, analyzers/, tests/), whole and cut at random points.
/// </summary>
public class RobustnessTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    [Fact]
    public async Task No_rule_throws_on_the_repositorys_own_sources()
    {
        var files = Corpus();
        Assert.True(files.Count > 50, $"expected the repository's C# files, found {files.Count}");
        // An even sample of at most 400 files keeps the test's time bounded as the repository grows.
        int step = Math.Max(1, files.Count / 400);
        files = files.Where((_, i) => i % step == 0).ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, f)).ToList();
        await AssertNoCrashAsync(trees);
    }

    [Fact]
    public async Task No_rule_throws_on_code_cut_off_mid_edit()
    {
        var random = new Random(20240607);
        var files = Corpus();
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < 60; i++)
        {
            var text = File.ReadAllText(files[random.Next(files.Count)]);
            int cut = random.Next(text.Length + 1);
            // Cut, and sometimes splice in a fragment from elsewhere in the file, as an edit in progress does.
            int from = random.Next(text.Length + 1);
            var mutated = text[..cut] + (random.Next(3) == 0 ? text.Substring(from, Math.Min(40, text.Length - from)) : "");
            trees.Add(CSharpSyntaxTree.ParseText(mutated, Parse, "/fuzz/" + i + ".cs"));
        }
        await AssertNoCrashAsync(trees);
    }

    private static async Task AssertNoCrashAsync(IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create("Corpus", trees.Append(CSharpSyntaxTree.ParseText(StandIns.Tensors, Parse)),
            TestReferences.Net, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var options = new AnalyzerOptions([], new SovereignOptions());
        var diagnostics = await compilation.WithAnalyzers(AllRules.Analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => d.ToString()).ToList();
        Assert.True(crashes.Count == 0, string.Join("\n\n", crashes));
    }

    private static List<string> Corpus()
    {
        var root = RuleDocumentationTests.RepositoryRoot();
        return new[] { "src", "analyzers", "tests" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Turns every rule on, including the Sovereign network rule and the complexity rules at a low limit.</summary>
    private sealed class SovereignOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Values = new(new Dictionary<string, string>
        {
            ["build_property.BatutaPrivacyTier"] = "Sovereign",
            ["batuta.BATQ001.maximum_complexity"] = "2",
            ["batuta.BATQ002.maximum_complexity"] = "2",
        });

        public override AnalyzerConfigOptions GlobalOptions => Values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                if (values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }
                value = "";
                return false;
            }
        }
    }
}
