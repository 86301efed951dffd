using System.Diagnostics;
using Batuta.Analyzers.Tests.Docs;

namespace Batuta.Analyzers.Tests.EndToEnd;

/// <summary>
/// Real `dotnet build`s of a throwaway project, with the freshly built analyzers and the shipped preset files,
/// switched on through Batuta.Analyzers.Inject.targets (the same global-config mechanism the SDK uses):
/// under strict the build fails with the rule ID at the right line, under relaxed it only warns.
/// The SDK-packaged variant of this test lives with the SDK tests.
/// </summary>
public sealed class PresetBuildTests : IDisposable
{
    private const string Violations = """
        namespace Sample;

        public static class Numbers
        {
            public static bool Same(double a, double b) => a == b;

            public static string Weights() => "checkpoints/model.pt";
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "batuta-analyzers-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public PresetBuildTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Sample.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Numbers.cs"), Violations);
    }

    [Fact]
    public void Strict_stops_the_build_with_the_rule_id_at_the_right_line()
    {
        var (exitCode, output) = Build("strict");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Numbers.cs(5,52): error BATQ009", output, StringComparison.Ordinal);
        Assert.Contains("Numbers.cs(7,39): error BATQ007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Relaxed_only_warns()
    {
        var (exitCode, output) = Build("relaxed");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Numbers.cs(7,39): warning BATQ007", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error BATQ", output, StringComparison.Ordinal);
        // Float equality is a suggestion in relaxed: not printed by a command-line build.
        Assert.DoesNotContain("BATQ009", output, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output) Build(string mode)
    {
        var root = RuleDocumentationTests.RepositoryRoot();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "build", "Sample.csproj", "-nr:false", "--disable-build-servers", "-nologo", "-v:m", "-tl:off",
            "-p:CustomAfterMicrosoftCommonTargets=" + Path.Combine(root, "analyzers", "Batuta.Analyzers", "build", "Batuta.Analyzers.Inject.targets"),
            "-p:BatutaAnalyzers=on",
            "-p:BatutaAnalyzersAssembly=" + Path.Combine(AppContext.BaseDirectory, "Batuta.Analyzers.dll"),
            "-p:BatutaPresetsDir=" + Path.Combine(AppContext.BaseDirectory, "presets") + Path.DirectorySeparatorChar,
            "-p:BatutaJidokaMode=" + mode,
        })
            psi.ArgumentList.Add(arg);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the sample took more than 4 minutes:\n" + output);
        }
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
