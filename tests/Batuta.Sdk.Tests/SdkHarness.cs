using System.Text.Json;
using Batuta.Core;

namespace Batuta.Sdk.Tests;

/// <summary>
/// Builds real throwaway projects with the freshly packed Batuta.Sdk (artifacts/packages, written by
/// ./build.sh pack) and drives the real batuta CLI. Fails loudly when the package is missing.
/// </summary>
public static class SdkHarness
{
    public static string RepoRoot { get; } = FindRoot();
    public static string SdkVersion { get; } = ReadSdkVersion();
    public static string Feed => Path.Combine(RepoRoot, "artifacts", "packages");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static string ReadSdkVersion()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "global.json")));
        return doc.RootElement.GetProperty("msbuild-sdks").GetProperty("Batuta.Sdk").GetString()!;
    }

    public static void RequirePackage()
    {
        var nupkg = Path.Combine(Feed, $"Batuta.Sdk.{SdkVersion}.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} is missing: run ./build.sh pack (./build.sh test does it) before these tests.");
    }

    public static ProcessOutcome Dotnet(string workingDirectory, params string[] args) =>
        ProcessRunner.Run("dotnet", args, workingDirectory, null, TimeSpan.FromMinutes(5), new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
            ["DOTNET_NOLOGO"] = "1",
        });

    /// <summary>The real batuta CLI, from the test's output folder.</summary>
    public static ProcessOutcome Batuta(string workingDirectory, params string[] args) =>
        Dotnet(workingDirectory, [Path.Combine(AppContext.BaseDirectory, "batuta.dll"), .. args]);
}

/// <summary>A throwaway consumer project in a temp folder: global.json, nuget.config, csproj and legacy sources.</summary>
public sealed class ConsumerProject : IDisposable
{
    public string Directory { get; }
    public string Name { get; }

    public ConsumerProject(string name, string csprojBody = "", string sdk = "Batuta.Sdk")
    {
        SdkHarness.RequirePackage();
        Name = name;
        Directory = Path.Combine(Path.GetTempPath(), "batuta-sdk-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        Write("global.json", $$"""{ "msbuild-sdks": { "Batuta.Sdk": "{{SdkHarness.SdkVersion}}" } }""");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="batuta-local" value="{SdkHarness.Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="batuta-local"><package pattern="Batuta.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        Write(name + ".csproj", $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
            {csprojBody}
              </PropertyGroup>
            </Project>
            """);
    }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string StatePath => Path.Combine(Directory, ".batuta-state.json");

    public ProcessOutcome Build(params string[] extra) =>
        SdkHarness.Dotnet(Directory, ["build", "-nologo", "-tl:off", "-v:m", .. extra]);

    public ProcessOutcome Batuta(params string[] args) => SdkHarness.Batuta(Directory, args);

    /// <summary>Per phase: status, error code and fingerprint (the parts that must not depend on the front-end or the clock).</summary>
    public Dictionary<string, (string Status, string? Code, string? Fingerprint, string Summary)> State()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(StatePath));
        return doc.RootElement.GetProperty("phases").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("status").GetString()!,
                  p.Value.GetProperty("error_code").GetString(),
                  p.Value.GetProperty("fingerprint").GetString(),
                  p.Value.GetProperty("summary").GetRawText()));
    }

    public string? StartedAt(string phase)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(StatePath));
        return doc.RootElement.GetProperty("phases").GetProperty(phase).GetProperty("started_at").GetString();
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>SDK builds share two cores: run them one at a time.</summary>
[CollectionDefinition("sdk", DisableParallelization = true)]
public sealed class SdkCollection;
