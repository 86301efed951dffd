namespace Batuta.ML.Persistence;

/// <summary>
/// The estimator types a model file may name: exactly the concrete estimators of this library. A file
/// can never make the loader instantiate anything else (the reason pickle is never read).
/// </summary>
internal static class EstimatorRegistry
{
    private static readonly Dictionary<string, Type> Types = typeof(Estimator).Assembly.GetTypes()
        .Where(t => typeof(Estimator).IsAssignableFrom(t) && t is { IsAbstract: false, IsPublic: true })
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Types.Keys;

    public static Estimator Create(string name, string path)
    {
        if (!Types.TryGetValue(name, out var type))
            throw new AprFormatException($"{path}: unknown estimator type '{name}'. Known: {string.Join(", ", Types.Keys.Order(StringComparer.Ordinal))}.");
        return Estimator.CreateDefault(type);
    }
}
