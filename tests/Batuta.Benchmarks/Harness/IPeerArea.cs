namespace Batuta.Benchmarks.Harness;

/// <summary>
/// One comparison area (<c>peers tensor</c>, <c>peers build</c>, ...). Areas are discovered by
/// reflection, so adding one is adding one file under <c>Peers/</c>.
/// </summary>
public interface IPeerArea
{
    /// <summary>The word after <c>peers</c> on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the area list.</summary>
    string Description { get; }

    /// <summary>Runs the comparison. Each table is printed as it is returned, so long runs show progress.</summary>
    IEnumerable<PeerTable> Run(PeerContext context);
}
