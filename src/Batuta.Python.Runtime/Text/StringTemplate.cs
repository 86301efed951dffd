using System.Text;
using System.Text.RegularExpressions;


namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>string.Template</c>: <c>$name</c> and <c>${name}</c> placeholders, <c>$$</c> for a dollar, with CPython's errors
/// (KeyError for a missing name, ValueError naming the line and column of an invalid placeholder) and
/// <c>safe_substitute</c>, which leaves both in place.
/// </summary>
public sealed partial class StringTemplate(string template) : IPyObject, IPyTyped, IPyKeywordMethods, IPyAttributes
{
    // string.Template.pattern with its default delimiter and idpattern ((?a:[_a-z][_a-z0-9]*), re.IGNORECASE)
    [GeneratedRegex(@"\$(?:(?<escaped>\$)|(?<named>[_a-zA-Z][_a-zA-Z0-9]*)|\{(?<braced>[_a-zA-Z][_a-zA-Z0-9]*)\}|(?<invalid>))", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public string Template { get; } = template;

    public string PyTypeName => "Template";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name == "template" ? Template : null;
        return name == "template";
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "substitute" => Substitute(Mapping(name, args, kwargs), safe: false),
        "safe_substitute" => Substitute(Mapping(name, args, kwargs), safe: true),
        "get_identifiers" => new PyList<string>(Placeholder().Matches(Template).Select(m => m.Groups["named"].Success ? m.Groups["named"].Value : m.Groups["braced"].Value).Where(n => n.Length > 0).Distinct()),
        "is_valid" => Placeholder().Matches(Template).All(m => !m.Groups["invalid"].Success),
        _ => throw new AttributeError($"'Template' object has no attribute '{name}'"),
    };

    /// <summary>The values: a mapping argument, overridden by keyword arguments.</summary>
    private static Func<string, (bool Found, object? Value)> Mapping(string method, object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length > 1) throw new TypeError($"{method}() takes from 1 to 2 positional arguments but {args.Length + 1} were given");
        var mapping = args.Length == 1 ? args[0] : null;
        return key =>
        {
            if (kwargs.ContainsKey(key)) return (true, kwargs[key]);
            if (mapping is IPyDict d && d.ContainsKeyObject(key)) return (true, d.GetItem(key));
            if (mapping is not null and not IPyDict) return (true, Dyn.GetItem(mapping, key));
            return (false, null);
        };
    }

    private string Substitute(Func<string, (bool Found, object? Value)> lookup, bool safe)
    {
        var sb = new StringBuilder();
        int last = 0;
        foreach (Match m in Placeholder().Matches(Template))
        {
            sb.Append(Template, last, m.Index - last);
            last = m.Index + m.Length;
            if (m.Groups["escaped"].Success) { sb.Append('$'); continue; }
            if (m.Groups["invalid"].Success)
            {
                if (!safe) throw InvalidPlaceholder(m.Groups["invalid"].Index);
                sb.Append('$');
                continue;
            }
            string key = m.Groups["named"].Success ? m.Groups["named"].Value : m.Groups["braced"].Value;
            var (found, value) = lookup(key);
            if (found) sb.Append(Str.Of(value));
            else if (safe) sb.Append(m.Value);
            else throw new KeyError(key);
        }
        sb.Append(Template, last, Template.Length - last);
        return sb.ToString();
    }

    /// <summary>CPython's "Invalid placeholder in string: line L, col C", computed as Template._invalid does.</summary>
    private ValueError InvalidPlaceholder(int index)
    {
        var lines = Text.PyStr.SplitLines(Template[..index], keepends: true);
        if (lines.Count == 0) return new ValueError("Invalid placeholder in string: line 1, col 1");
        int col = index - lines.Take(lines.Count - 1).Sum(l => l.Length);
        return new ValueError($"Invalid placeholder in string: line {lines.Count}, col {col}");
    }

    public string PyRepr() => $"<string.Template object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}
