namespace Batuta.Python.Runtime.Modules;

/// <summary>The optparse constructors the transpiler calls with a call's positional arguments and keywords.</summary>
public static class OptParse
{
    /// <summary><c>optparse.OptionGroup(parser, title, description=None)</c>.</summary>
    public static OptionGroup Group(object?[] args, PyDict<string, object?> kwargs)
    {
        var parser = OptValues.Arg(args, kwargs, 0, "parser") as OptionParser ?? throw new TypeError("OptionGroup() needs an OptionParser");
        return new OptionGroup(parser, OptionContainer.Str(args, kwargs, "title", 1), OptValues.Arg(args, kwargs, 2, "description") as string);
    }

    /// <summary><c>optparse.Values(defaults=None)</c>.</summary>
    public static OptValues Values(object?[] args, PyDict<string, object?> kwargs) => new(OptValues.Arg(args, kwargs, 0, "defaults"));

    /// <summary><c>optparse.IndentedHelpFormatter(...)</c> / <c>TitledHelpFormatter(...)</c>.</summary>
    public static OptParseFormatterSpec Formatter(bool titled, object?[] args, PyDict<string, object?> kwargs) => new(titled, args, kwargs);
}

/// <summary>
/// <c>optparse.IndentedHelpFormatter(indent_increment=2, max_help_position=24, width=None, short_first=1)</c> or
/// <c>TitledHelpFormatter(0, 24, None, 0)</c>: the settings a parser's help is laid out with.
/// </summary>
public sealed class OptParseFormatterSpec : PyObject, IPySetAttr
{
    private static readonly string[] ParameterNames = { "indent_increment", "max_help_position", "width", "short_first" };

    public OptParseFormatterSpec(bool titled, object?[] args, PyDict<string, object?> kwargs)
    {
        Titled = titled;
        if (args.Length > ParameterNames.Length) throw new TypeError($"{PyTypeName}.__init__() takes from 1 to 5 positional arguments but {args.Length + 1} were given");
        IndentIncrement = Int(OptValues.Arg(args, kwargs, 0, ParameterNames[0])) ?? (titled ? 0 : 2);
        MaxHelpPosition = Int(OptValues.Arg(args, kwargs, 1, ParameterNames[1])) ?? 24;
        Width = Int(OptValues.Arg(args, kwargs, 2, ParameterNames[2]));
        var shortFirst = OptValues.Arg(args, kwargs, 3, ParameterNames[3]);
        ShortFirst = shortFirst is null ? !titled : Dyn.Truth(shortFirst);
    }

    private static int? Int(object? value) => value is null ? null : (int)(long)Py.Int(value);

    public bool Titled { get; }
    public int IndentIncrement { get; }
    public int MaxHelpPosition { get; private set; }
    /// <summary>max_help_position was set after construction: not clamped to the width.</summary>
    public bool Unclamped { get; private set; }
    /// <summary>The width given, or null: $COLUMNS - 2.</summary>
    public int? Width { get; }
    public bool ShortFirst { get; }
    public override string PyTypeName => Titled ? "TitledHelpFormatter" : "IndentedHelpFormatter";

    /// <summary>
    /// <c>parser.formatter.max_help_position = 40</c>: CPython clamps the value to the width only in the constructor, so
    /// one set later is taken as it is. Other settings changed later are not ported: said, not ignored.
    /// </summary>
    public void SetAttr(string name, object? value)
    {
        if (name != "max_help_position")
            throw new NotImplementedError($"setting '{name}' on an optparse {PyTypeName} is not supported by Batuta (pass it to the constructor)");
        MaxHelpPosition = Int(value) ?? throw new TypeError("max_help_position must be an int");
        Unclamped = true;
    }
}
