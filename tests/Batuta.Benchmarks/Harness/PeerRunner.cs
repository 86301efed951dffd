namespace Batuta.Benchmarks.Harness;

/// <summary>Finds the requested area, runs it and prints its tables as markdown.</summary>
public static class PeerRunner
{
    public static IReadOnlyList<IPeerArea> Areas() =>
        typeof(PeerRunner).Assembly.GetTypes()
            .Where(t => typeof(IPeerArea).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IPeerArea)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

    public static int Run(string[] args, TextWriter output)
    {
        var areas = Areas();
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            output.WriteLine("usage: peers <area> [--quick] [area options]");
            foreach (var a in areas) output.WriteLine($"  {a.Name,-12} {a.Description}");
            return args.Length == 0 ? 2 : 0;
        }

        var area = areas.FirstOrDefault(a => a.Name == args[0]);
        if (area is null)
        {
            Console.Error.WriteLine($"error: unknown area '{args[0]}'. Known: {string.Join(", ", areas.Select(a => a.Name))}");
            return 2;
        }

        var rest = args.Skip(1).ToList();
        var context = new PeerContext
        {
            RepositoryRoot = FindRepositoryRoot(),
            Quick = rest.Contains("--quick"),
            Arguments = rest,
        };
        output.WriteLine($"## peers {area.Name}");
        output.WriteLine();
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine();
        foreach (var table in area.Run(context))
        {
            output.WriteLine(table.ToMarkdown());
            output.Flush();
        }
        return 0;
    }

    public static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Batuta.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
