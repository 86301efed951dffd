using Batuta.Analyzers.Rules.Complexity;
using Batuta.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Batuta.Analyzers.Tests.Rules;

public class ComplexityTests
{
    // Cyclomatic 11 (1 + 10 ifs), cognitive 10 (ten flat ifs).
    private const string TenIfs = """
        class C
        {
            int {|BATQ001:M|}(int x)
            {
                if (x == 1) return 1;
                if (x == 2) return 2;
                if (x == 3) return 3;
                if (x == 4) return 4;
                if (x == 5) return 5;
                if (x == 6) return 6;
                if (x == 7) return 7;
                if (x == 8) return 8;
                if (x == 9) return 9;
                if (x == 10) return 10;
                return 0;
            }
        }
        """;

    [Fact]
    public Task Cyclomatic_above_default_limit_is_reported() => Verify.Analyzer<ComplexityAnalyzer>(TenIfs);

    [Fact]
    // 1 + if + if + && + if + for + foreach + while + one non-discard arm + ?: = 10.
    public Task Cyclomatic_at_limit_is_not_reported() => Verify.Analyzer<ComplexityAnalyzer>("""
        class C
        {
            int M(int x)
            {
                if (x == 1) return 1;
                if (x == 2 && x > 0) return 2;
                if (x == 3) return 3;
                for (int i = 0; i < x; i++) { }
                foreach (var c in "ab") { }
                while (x > 100) x--;
                var s = x switch { 1 => "a", _ => "b" };
                return x > 5 ? 1 : 0;
            }
        }
        """);

    [Fact]
    public Task Cyclomatic_limit_comes_from_editorconfig() =>
        new AnalyzerTest<ComplexityAnalyzer>("""
            class C
            {
                int {|BATQ001:M|}(int x)
                {
                    if (x == 1) return 1;
                    if (x == 2) return 2;
                    return x;
                }
            }
            """)
            .WithEditorConfig("batuta.BATQ001.maximum_complexity = 2")
            .RunAsync();

    [Fact]
    public Task Raising_the_limit_in_editorconfig_silences_the_rule() =>
        new AnalyzerTest<ComplexityAnalyzer>(TenIfs.Replace("{|BATQ001:M|}", "M"))
            .WithEditorConfig("batuta.BATQ001.maximum_complexity = 11")
            .RunAsync();

    [Fact]
    public Task Cognitive_complexity_counts_nesting() => Verify.Analyzer<ComplexityAnalyzer>("""
        class C
        {
            void {|BATQ002:M|}(int[] xs, bool a, bool b)
            {
                foreach (var x in xs)              // +1
                {
                    if (x > 0)                     // +2 (nesting 1)
                    {
                        for (int i = 0; i < x; i++)   // +3 (nesting 2)
                        {
                            if (a && b || a)       // +4 (nesting 3) +2 (two operator runs)
                            {
                                while (i > 100) i--;  // +5 (nesting 4)
                            }
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Cognitive_complexity_below_limit_with_flat_code_is_quiet() =>
        new AnalyzerTest<ComplexityAnalyzer>(TenIfs.Replace("{|BATQ001:M|}", "M"))
            .WithEditorConfig("batuta.BATQ001.maximum_complexity = 20")
            .RunAsync();

    [Fact]
    public Task Cognitive_limit_comes_from_editorconfig() =>
        new AnalyzerTest<ComplexityAnalyzer>("""
            class C
            {
                int {|BATQ002:M|}(int x)
                {
                    if (x > 0) { if (x > 1) return 1; }
                    return 0;
                }
            }
            """)
            .WithEditorConfig("batuta.BATQ002.maximum_complexity = 2")
            .RunAsync();

    [Theory]
    [InlineData("if (a) { } else if (b) { } else { }", 3)]
    [InlineData("if (a) { if (b) { } }", 3)]
    [InlineData("var f = (System.Func<int>)(() => a ? 1 : 0);", 2)]
    [InlineData("if (a && b && a) { }", 2)]
    [InlineData("if (a && b || a && !(a || b)) { }", 5)]
    [InlineData("try { } catch (System.Exception) { if (a) { } }", 3)]
    [InlineData("switch (n) { case 1: break; case 2: break; }", 1)]
    [InlineData("M(a, b, n - 1);", 1)]
    public void Cognitive_complexity_follows_the_specification(string body, int expected)
    {
        var method = SyntaxFactory.ParseMemberDeclaration("void M(bool a, bool b, int n) { " + body + " }")!;
        Assert.Equal(expected, CognitiveComplexity.Compute(((Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)method).Body!, "M"));
    }

    [Theory]
    [InlineData("if (a) { } else if (b) { } else { }", 3)]
    [InlineData("var x = a && b || a;", 3)]
    [InlineData("var s = n switch { 1 => 0, 2 => 1, _ => 2 };", 3)]
    [InlineData("string t = null; var l = t?.Length ?? 0;", 3)]
    [InlineData("try { } catch (System.Exception) { } finally { }", 2)]
    public void Cyclomatic_complexity_counts_branch_points(string body, int expected)
    {
        var method = SyntaxFactory.ParseMemberDeclaration("void M(bool a, bool b, int n) { " + body + " }")!;
        Assert.Equal(expected, CyclomaticComplexity.Compute(((Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)method).Body!));
    }

    [Fact]
    public Task Accessors_and_constructors_are_measured() =>
        new AnalyzerTest<ComplexityAnalyzer>("""
            class C
            {
                int _x;
                {|BATQ001:C|}(int x) { if (x > 0) _x = x; else if (x < 0) _x = -x; }
                int P { {|BATQ001:get|} { return _x > 1 ? 1 : _x < -1 ? -1 : 0; } }
            }
            """)
            .WithEditorConfig("batuta.BATQ001.maximum_complexity = 2")
            .RunAsync();

    [Fact]
    public Task Generated_code_is_skipped() => Verify.Analyzer<ComplexityAnalyzer>(
        "// <auto-generated/>\n" + TenIfs.Replace("{|BATQ001:M|}", "M"));

    [Fact]
    public void The_single_walk_gives_the_same_cyclomatic_complexity_as_the_plain_count()
    {
        var root = Batuta.Analyzers.Tests.Docs.RuleDocumentationTests.RepositoryRoot();
        var bodies = Directory.EnumerateFiles(Path.Combine(root, "analyzers"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "Batuta.Analyzers.Tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
            .Select(m => (Microsoft.CodeAnalysis.SyntaxNode?)m.Body ?? m.ExpressionBody)
            .OfType<Microsoft.CodeAnalysis.SyntaxNode>()
            .ToList();
        Assert.True(bodies.Count > 100);
        Assert.All(bodies, body => Assert.Equal(CyclomaticComplexity.Compute(body), CognitiveComplexity.Measure(body, null).Cyclomatic));
    }
}
