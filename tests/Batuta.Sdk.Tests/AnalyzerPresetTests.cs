namespace Batuta.Sdk.Tests;

/// <summary>
/// The SDK carries the Batuta analyzers and picks their severities from BatutaJidokaMode: the same
/// float-equality defect stops a strict build at its line and only warns under relaxed/standard.
/// </summary>
[Collection("sdk")]
public class AnalyzerPresetTests
{
    private const string PhasesOff = """
        <BatutaEnableAnalysis>false</BatutaEnableAnalysis>
        <BatutaEnableTranspilation>false</BatutaEnableTranspilation>
        <BatutaEnableOptimization>false</BatutaEnableOptimization>
        <BatutaEnableValidation>false</BatutaEnableValidation>
        """;

    private const string Code = """
        public static class Prices
        {
            public static bool Same(double a, double b)
            {
                return a == b;
            }

            public static void Main() => System.Console.WriteLine(Same(0.1 + 0.2, 0.3));
        }
        """;

    [Fact]
    public void Strict_mode_fails_the_build_with_the_rule_id_at_the_line()
    {
        using var p = new ConsumerProject("StrictGate", PhasesOff + "<BatutaJidokaMode>strict</BatutaJidokaMode>");
        p.Write("Prices.cs", Code);
        var build = p.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Prices\.cs\(5,\d+\): error BATQ009", build.StandardOutput);
    }

    [Theory]
    [InlineData("relaxed", null)]
    [InlineData("standard", "warning")]
    public void Relaxed_and_standard_modes_do_not_stop_the_build(string mode, string? expected)
    {
        using var p = new ConsumerProject("Gate" + mode, PhasesOff + $"<BatutaJidokaMode>{mode}</BatutaJidokaMode>");
        p.Write("Prices.cs", Code);
        var build = p.Build();
        Assert.True(build.ExitCode == 0, build.StandardOutput);
        if (expected is null) Assert.DoesNotContain("BATQ009", build.StandardOutput);
        else Assert.Matches($@"Prices\.cs\(5,\d+\): {expected} BATQ009", build.StandardOutput);
    }

    [Fact]
    public void A_projects_own_editorconfig_overrides_the_preset()
    {
        using var p = new ConsumerProject("Override", PhasesOff + "<BatutaJidokaMode>strict</BatutaJidokaMode>");
        p.Write("Prices.cs", Code);
        p.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.BATQ009.severity = none\n");
        var build = p.Build();
        Assert.True(build.ExitCode == 0, build.StandardOutput);
        Assert.DoesNotContain("BATQ009", build.StandardOutput);
    }
}
