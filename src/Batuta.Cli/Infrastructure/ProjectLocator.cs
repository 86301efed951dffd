namespace Batuta.Cli.Infrastructure;

/// <summary>A Batuta project on disk: its folder, and its project file when there is exactly one.</summary>
public sealed record ProjectLocation(string Directory, string? ProjectFile);

public static class ProjectLocator
{
    /// <summary>Accepts a project folder or a .csproj path; no path means the current folder.</summary>
    public static ProjectLocation Locate(string? path)
    {
        var full = Path.GetFullPath(path ?? ".");
        if (File.Exists(full))
        {
            if (!full.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"'{path}' is not a project file or folder");
            return new ProjectLocation(Path.GetDirectoryName(full).OrThrow(), full);
        }
        if (!Directory.Exists(full))
            throw new UsageException($"no such project folder or file: '{path}'");
        var projects = Directory.GetFiles(full, "*.csproj");
        return new ProjectLocation(full, projects.Length == 1 ? projects[0] : null);
    }

    public static string RequireProjectFile(ProjectLocation location) =>
        location.ProjectFile ?? throw new UsageException($"'{location.Directory}' must hold exactly one .csproj (a project with <Project Sdk=\"Batuta.Sdk\">)");
}
