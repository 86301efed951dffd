using System.Text.RegularExpressions;
using Batuta.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Batuta.Analyzers.Tests.Presets;

/// <summary>
/// Runs every rule on one source that breaks each of them once, under each shipped preset file, and checks the
/// effective severity and the line of each diagnostic. The expected table here is the one documented in docs/analyzers.md.
/// </summary>
public class PresetTests
{
    // Location markers {|#N:...|} are numbered by rule: #1 is BATQ001 and so on.
    private const string Source = """
        #nullable enable
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Batuta.Tensors;

        static partial class Sample
        {
            static int {|#1:{|#2:Nested|}|}(bool a, bool b)
            {
                if (a) { if (b) { return 1; } }
                return 0; // {|#3:TODO: remove this sample|}
            }

            static async Task<int> Blocking(Task<int> t, HttpClient client)
            {
                await {|#8:client.GetStringAsync("https://api.example.com/")|};
                return {|#4:t.Result|};
            }

            static int Sync(Task<int> t) => {|#5:t.Result|};

            static int Bang(string? s) => {|#6:s!|}.Length;

            static string Path() => {|#7:"model.pkl"|};

            static bool Same(double x, double y) => {|#9:x == y|};

            static int Leak()
            {
                var {|#10:t|} = Tensor.Ones(2);
                return t.Rank;
            }

            static void Shapes()
            {
                using var m = {|#11:Tensor.Zeros(3, 4).MatMul(Tensor.Zeros(5, 6))|};
            }

            [Kernel] static float Scale(float x) => x * 2f;

            static void ScaleAll(float[] xs)
            {
                for (int i = 0; i < xs.Length; i++) xs[i] = {|#12:Scale(xs[i])|};
            }
        }
        """;

    private const string ProjectFacts = """
        build_property.BatutaPrivacyTier = Sovereign
        """;

    private const string LowLimits = """
        batuta.BATQ001.maximum_complexity = 2
        batuta.BATQ002.maximum_complexity = 2
        """;

    /// <summary>Severity per rule, BATQ001 first: E error, W warning, I suggestion (info), - not reported.</summary>
    public static TheoryData<string, string> Table() => new()
    {
        { "relaxed", "I I I W I I W W I W W W" },
        { "standard", "W W I W I W W E W W E W" },
        { "strict", "E E E E E E E E E E E E" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public Task Each_preset_gives_each_rule_its_documented_severity(string mode, string severities)
        => AssertSeverities(mode, severities);

    [Fact]
    public Task Without_a_preset_the_descriptor_defaults_apply()
        => AssertSeverities(null, "W W I W I W W W W W W W");

    [Fact]
    public Task A_projects_editorconfig_overrides_the_preset()
        => AssertSeverities("strict", "E E W E E E E E - E E E", editorConfigExtra: """
            dotnet_diagnostic.BATQ009.severity = none
            dotnet_diagnostic.BATQ003.severity = warning
            """);

    [Fact]
    public Task A_projects_own_globalconfig_overrides_the_preset()
        => AssertSeverities("strict", "- I E E E E E E E E E E",
            userGlobalConfig: "is_global = true\ndotnet_diagnostic.BATQ001.severity = none\ndotnet_diagnostic.BATQ002.severity = suggestion\n");

    [Theory]
    [InlineData("relaxed")]
    [InlineData("standard")]
    [InlineData("strict")]
    public void Every_preset_sets_every_rule_exactly_once(string mode)
    {
        var ids = File.ReadAllLines(PresetPath(mode))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(l => l.Split('.')[1])
            .ToList();
        Assert.Equal(AllRules.DeclaredIds, ids.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Contains("is_global = true", File.ReadAllText(PresetPath(mode)), StringComparison.Ordinal);
    }

    private static async Task AssertSeverities(string? mode, string severities, string editorConfigExtra = "", string? userGlobalConfig = null)
    {
        var (source, lines) = StripMarkers(Source);
        var levels = severities.Split(' ');
        var expected = Enumerable.Range(1, levels.Length)
            .Where(rule => levels[rule - 1] != "-")
            .Select(rule => Describe("BATQ" + rule.ToString("000", System.Globalization.CultureInfo.InvariantCulture), lines[rule], levels[rule - 1]))
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();

        var configs = new List<(string, string)>
        {
            ("/src/.editorconfig", "root = true\n\n[*.cs]\n" + LowLimits + "\n" + editorConfigExtra + "\n"),
            ("/src/obj/Sample.GeneratedMSBuildEditorConfig.editorconfig", "is_global = true\n" + ProjectFacts + "\n"),
        };
        if (mode is not null) configs.Add(("/sdk/build/presets/batuta." + mode + ".globalconfig", File.ReadAllText(PresetPath(mode))));
        if (userGlobalConfig is not null) configs.Add(("/src/.globalconfig", userGlobalConfig));

        var diagnostics = await EffectiveDiagnostics.RunAsync(new[] { source, StandIns.Tensors }, configs);
        var actual = diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == "/src/File0.cs")
            .Select(d => Describe(d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, Level(d.Severity)))
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    private static string Describe(string id, int line, string level) => id + " line " + line + " " + level;

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "E",
        DiagnosticSeverity.Warning => "W",
        DiagnosticSeverity.Info => "I",
        _ => "H",
    };

    /// <summary>Removes the {|#N:...|} markers and returns, for each N, the 1-based line it was on.</summary>
    private static (string Source, Dictionary<int, int> Lines) StripMarkers(string marked)
    {
        var lines = new Dictionary<int, int>();
        var output = new List<string>();
        var split = marked.Split('\n');
        for (int i = 0; i < split.Length; i++)
        {
            foreach (Match m in Regex.Matches(split[i], @"\{\|#(\d+):"))
                lines[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = i + 1;
            output.Add(Regex.Replace(split[i], @"\{\|#\d+:", "").Replace("|}", ""));
        }
        return (string.Join("\n", output), lines);
    }

    internal static string PresetPath(string mode) => Path.Combine(AppContext.BaseDirectory, "presets", "batuta." + mode + ".globalconfig");
}
