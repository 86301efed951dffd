using System.Text.Json;
using Batuta.Core;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;

namespace Batuta.Cli.Infrastructure;

/// <summary>
/// Asks MSBuild for the project's Batuta settings (<c>dotnet msbuild -getProperty</c>), so the CLI
/// sees the SDK defaults and the project's overrides exactly as the build does.
/// </summary>
public static class MSBuildProperties
{
    public static ProjectSettings Load(ProjectLocation project, string configuration, CliConsole console)
    {
        var file = ProjectLocator.RequireProjectFile(project);
        var args = new List<string> { "msbuild", file, "-nologo", "-p:Configuration=" + configuration };
        args.AddRange(ProjectSettings.PropertyNames.Select(p => "-getProperty:" + p));
        var run = ProcessRunner.Run(DotnetHost(), args, project.Directory, null, TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
            throw new CliFailureException($"MSBuild could not evaluate {file}:\n{(run.StandardOutput + run.StandardError).Trim()}");

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(run.StandardOutput);
            foreach (var p in doc.RootElement.GetProperty("Properties").EnumerateObject())
                properties[p.Name] = p.Value.GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CliFailureException($"unexpected output from dotnet msbuild -getProperty: {e.Message}");
        }

        if (string.IsNullOrEmpty(properties.GetValueOrDefault("BatutaSdkVersion")))
            throw new UsageException($"{file} is not a Batuta project: use <Project Sdk=\"Batuta.Sdk\">");

        var problems = new List<BatutaDiagnostic>();
        var settings = ProjectSettings.FromProperties(project.Directory, properties, problems);
        if (problems.Count > 0)
        {
            foreach (var p in problems) console.Error.WriteLine(p.At(file).Format());
            throw new CliFailureException("the project's Batuta settings are invalid");
        }
        return settings;
    }

    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "dotnet";
}

/// <summary>A failure that is not the user's argument mistake: the CLI prints it and exits with 1.</summary>
public sealed class CliFailureException(string message) : Exception(message);
