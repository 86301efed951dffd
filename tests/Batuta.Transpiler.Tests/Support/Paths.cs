namespace Batuta.Transpiler.Tests.Support;

public static class Paths
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Batuta.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string TestProject => Path.Combine(RepositoryRoot, "tests", "Batuta.Transpiler.Tests");
    public static string Corpus => Path.Combine(TestProject, "Corpus");
    public static string NumpyCorpus => Path.Combine(TestProject, "NumpyCorpus");
    public static string Snapshots => Path.Combine(TestProject, "Snapshots");
}
