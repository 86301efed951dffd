using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Infrastructure;

/// <summary>What kind of project a compilation belongs to, from MSBuild facts and, failing those, its references.</summary>
internal static class ProjectKind
{
    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "xunit.assert", "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core",
    };

    /// <summary>
    /// True for test projects: <c>build_property.IsTestProject</c> (the SDK makes it compiler-visible),
    /// or a reference to a test framework when the property is not there.
    /// </summary>
    public static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
    {
        var declared = RuleOptions.BuildProperty(options, "IsTestProject");
        if (!string.IsNullOrEmpty(declared)) return RuleOptions.IsTrue(declared);
        foreach (var reference in compilation.ReferencedAssemblyNames)
            if (TestFrameworkAssemblies.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
