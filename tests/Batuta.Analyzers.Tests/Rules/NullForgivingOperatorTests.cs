using Batuta.Analyzers.Rules.Nullability;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class NullForgivingOperatorTests
{
    private const string Source = """
        #nullable enable
        class C
        {
            public string Name { get; set; } = null!;
            private string? _cache = default!;
            int M(string? s, C? other) => {|BATQ006:s!|}.Length + {|BATQ006:other!|}.Name.Length;
        }
        """;

    [Fact]
    public Task Dereferences_through_bang_are_reported_in_library_code() => Verify.Analyzer<NullForgivingOperatorAnalyzer>(Source);

    [Fact]
    public Task Null_and_default_literals_can_be_reported_too_when_configured() =>
        new AnalyzerTest<NullForgivingOperatorAnalyzer>(Source.Replace("null!", "{|BATQ006:null!|}").Replace("default!", "{|BATQ006:default!|}"))
            .WithEditorConfig("batuta.BATQ006.allow_null_literal = false")
            .RunAsync();

    [Fact]
    public Task Test_projects_are_exempt_by_msbuild_property() =>
        new AnalyzerTest<NullForgivingOperatorAnalyzer>(Source.Replace("{|BATQ006:s!|}", "s!").Replace("{|BATQ006:other!|}", "other!"))
            .WithGlobalConfig("build_property.IsTestProject = true")
            .RunAsync();

    [Fact]
    public Task The_property_wins_over_the_reference_heuristic() =>
        new AnalyzerTest<NullForgivingOperatorAnalyzer>(Source)
            .WithGlobalConfig("build_property.IsTestProject = false")
            .RunAsync();

    [Fact]
    public Task Test_projects_are_exempt_by_test_framework_reference()
    {
        var test = new AnalyzerTest<NullForgivingOperatorAnalyzer>(Source.Replace("{|BATQ006:s!|}", "s!").Replace("{|BATQ006:other!|}", "other!"));
        test.TestState.AdditionalReferences.Add(typeof(FactAttribute).Assembly);
        return test.RunAsync();
    }
}
