namespace Batuta.Benchmarks.Harness;

/// <summary>Options shared by all areas: the repo root, quick mode and extra arguments.</summary>
public sealed class PeerContext
{
    public required string RepositoryRoot { get; init; }

    /// <summary><c>--quick</c>: fewer repetitions, for smoke runs. Never for recorded numbers.</summary>
    public bool Quick { get; init; }

    /// <summary>Arguments after the area name, for area-specific switches.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    public TextWriter Log { get; init; } = Console.Error;

    public bool HasFlag(string flag) => Arguments.Contains(flag, StringComparer.Ordinal);

    public string? Option(string name)
    {
        for (int i = 0; i + 1 < Arguments.Count; i++)
            if (Arguments[i] == name) return Arguments[i + 1];
        return null;
    }
}
