namespace Batuta.Python.Runtime.Text;

/// <summary>Keyword arguments of <c>str.format(**mapping)</c>: named ones first, then each mapping's items (later wins, as in a call).</summary>
public static class FormatArguments
{
    public static Dictionary<string, object?> Merge(Dictionary<string, object?> named, params IEnumerable<(string Key, object? Value)>[] mappings)
    {
        foreach (var mapping in mappings)
            foreach (var (key, value) in mapping)
            {
                if (named.ContainsKey(key)) throw new TypeError($"format() got multiple values for keyword argument '{key}'");
                named[key] = value;
            }
        return named;
    }
}
