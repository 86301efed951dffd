namespace Batuta.ML.Tests.Support;

/// <summary>Paths inside the repository.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Batuta.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);
}
