namespace Batuta.Core.Phases.Transpilation;

/// <summary>The transpilers this build of Batuta has, by language.</summary>
public sealed class TranspilerRegistry(IEnumerable<ILanguageTranspiler> transpilers)
{
    private readonly Dictionary<string, ILanguageTranspiler> _byLanguage = transpilers.ToDictionary(t => t.Language, StringComparer.Ordinal);

    /// <summary>Python today; C and shell later.</summary>
    public static TranspilerRegistry For(Engine.ProjectSettings settings) => new([new PythonLanguageTranspiler(settings.RootNamespace)]);

    public ILanguageTranspiler? For(string language) => _byLanguage.GetValueOrDefault(language);

    public IEnumerable<string> Languages => _byLanguage.Keys.OrderBy(k => k, StringComparer.Ordinal);
}
