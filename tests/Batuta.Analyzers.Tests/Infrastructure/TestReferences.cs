using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Batuta.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles test sources against the reference assemblies of the installed .NET SDK (packs/Microsoft.NETCore.App.Ref),
/// so the tests need no download. The ref pack ships with every SDK install.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(Load);

    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> Net => References.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> .../dotnet
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var version = Environment.Version;
        var candidates = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).OrderByDescending(d => d, StringComparer.Ordinal).ToList()
            : [];
        var refDir = candidates
            .Select(d => Path.Combine(d, "ref", "net" + version.Major + ".0"))
            .FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException(
                $"No reference assemblies for net{version.Major}.0 under '{packs}'. Install the .NET {version.Major} SDK (the targeting pack ships with it).");
        return Directory.GetFiles(refDir, "*.dll")
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }
}
