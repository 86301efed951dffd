namespace Batuta.Sdk.Tests;

/// <summary>
/// The whole line on real Python: Analysis → Transpilation → Optimization → Validation (CPython side by
/// side) on build, Deployment on publish; and the stops a user meets: a syntax error, a validation diff.
/// </summary>
[Collection("sdk")]
public class MigrationTests
{
    private const string Program = """
        import sys

        def mean(xs: list[float]) -> float:
            return sum(xs) / len(xs)

        values = [float(a) for a in sys.argv[1:]] or [1.0, 2.5, 4.0]
        print("n =", len(values), "mean =", round(mean(values), 3), "max =", max(values))
        print(f"{7 // -2} {7 % -3} {2 ** 64}")
        """;

    [Fact]
    public void A_python_program_goes_green_through_all_five_phases()
    {
        using var p = new ConsumerProject("Green", "<BatutaValidationArgs>3;5.5;-1</BatutaValidationArgs>");
        p.Write("legacy/main.py", Program);
        var build = p.Build();
        Assert.True(build.ExitCode == 0, build.StandardOutput);
        Assert.Contains("Validation: outputs match (2 stdout lines, exit code 0)", build.StandardOutput);
        Assert.Contains("Batuta workflow 80% complete", build.StandardOutput);
        // The SDK's GC default for migrated executables (BatutaGen0MaxBudget) reaches the runtimeconfig.
        var runtimeConfig = System.IO.Directory.GetFiles(Path.Combine(p.Directory, "bin"), "*.runtimeconfig.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"System.GC.Gen0MaxBudget\": 16777216", File.ReadAllText(runtimeConfig));

        var publish = SdkHarness.Dotnet(p.Directory, "publish", "-nologo", "-tl:off", "-v:m");
        Assert.True(publish.ExitCode == 0, publish.StandardOutput);
        Assert.Contains("smoke run: output matches validation", publish.StandardOutput);
        Assert.Contains("Batuta workflow 100% complete", publish.StandardOutput);
        var state = p.State();
        Assert.All(state.Values, s => Assert.Equal("Completed", s.Status));

        // The published (Release) build is the validated one; a Release rebuild does no phase work.
        var rebuild = p.Build("--no-restore", "-c", "Release");
        foreach (var phase in new[] { "Analysis", "Transpilation", "Optimization", "Validation" })
            Assert.Contains($"{phase} up to date", rebuild.StandardOutput);
    }

    [Fact]
    public void A_syntax_error_stops_transpilation_at_the_python_line_and_a_fix_recovers()
    {
        using var p = new ConsumerProject("Syntax");
        p.Write("legacy/main.py", "x = 1\nif x > 0\n    print(x)\n");
        var build = p.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"legacy/main\.py\(2,9(,2,9)?\): Batuta error BATUTA-T-002: SyntaxError: expected ':'", build.StandardOutput);
        var state = p.State();
        Assert.Equal(("Failed", "BATUTA-T-002"), (state["Transpilation"].Status, state["Transpilation"].Code));
        Assert.Equal("NotStarted", state["Validation"].Status);

        p.Write("legacy/main.py", "x = 1\nif x > 0:\n    print(x)\n");
        var fixedBuild = p.Build("--no-restore");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.StandardOutput);
        Assert.Equal("Completed", p.State()["Validation"].Status);
    }

    [Fact]
    public void A_validation_difference_is_BATUTA_V_001_with_a_diff_and_deployment_is_gated()
    {
        using var p = new ConsumerProject("Diff", "<BatutaPythonPath>$(MSBuildProjectDirectory)/python-with-extra.sh</BatutaPythonPath>");
        p.Write("legacy/main.py", "print('same')\n");
        // An "original" whose output differs: the real CPython plus one extra line.
        var wrapper = p.Write("python-with-extra.sh", "#!/bin/sh\n/usr/bin/python3 \"$@\"\necho extra\n");
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var build = p.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("BATUTA-V-001", build.StandardOutput);
        Assert.Contains("- extra", build.StandardOutput);
        Assert.Equal(("Failed", "BATUTA-V-001"), (p.State()["Validation"].Status, p.State()["Validation"].Code));

        var publish = SdkHarness.Dotnet(p.Directory, "publish", "--no-restore", "-nologo", "-tl:off", "-v:m", "-p:BatutaEnableValidation=false");
        Assert.NotEqual(0, publish.ExitCode);
        Assert.Contains("BATUTA-Q-001", publish.StandardOutput);
        Assert.Contains("Deployment cannot start: Validation is Failed (BATUTA-V-001)", publish.StandardOutput);
        Assert.False(Directory.Exists(Path.Combine(p.Directory, "bin", "Release", "net10.0", "publish")) &&
                     Directory.EnumerateFiles(Path.Combine(p.Directory, "bin", "Release", "net10.0", "publish")).Any(),
                     "publish wrote output although the gate was closed");
    }
}
