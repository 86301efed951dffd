namespace Batuta.Python.Runtime.Modules;

/// <summary>configparser.Error, the base of the module's exceptions, with CPython's messages.</summary>
public class ConfigParserError(string message) : PyException(message)
{
    protected override string? PyTypeNameOverride => GetType() == typeof(ConfigParserError) ? "Error" : null;

    public override string PyModule => "configparser";

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "message") { value = Args[0]; return true; }
        return base.TryGetAttr(name, out value);
    }

    /// <summary>" [line  5]" as CPython's {0:2d}, after "While reading from 'source'".</summary>
    internal static string Where(string source, int lineno) => $"While reading from {Repr.Of(source)} [line {lineno,2}]: ";
}

public sealed class NoSectionError(string section) : ConfigParserError($"No section: {Repr.Of(section)}")
{
    public string Section { get; } = section;
}

public sealed class NoOptionError(string option, string section) : ConfigParserError($"No option {Repr.Of(option)} in section: {Repr.Of(section)}")
{
    public string Option { get; } = option;
    public string Section { get; } = section;
}

public sealed class DuplicateSectionError(string section, string? source = null, int lineno = 0)
    : ConfigParserError(source is null ? $"Section {Repr.Of(section)} already exists" : $"{Where(source, lineno)}section {Repr.Of(section)} already exists");

public sealed class DuplicateOptionError(string section, string option, string source, int lineno)
    : ConfigParserError($"{Where(source, lineno)}option {Repr.Of(option)} in section {Repr.Of(section)} already exists");

public class InterpolationError(string message) : ConfigParserError(message);

public sealed class InterpolationMissingOptionError(string option, string section, string rawval, string reference)
    : InterpolationError($"Bad value substitution: option {Repr.Of(option)} in section {Repr.Of(section)} contains an interpolation key {Repr.Of(reference)} which is not a valid option name. Raw value: {Repr.Of(rawval)}");

public sealed class InterpolationSyntaxError(string message) : InterpolationError(message);

public sealed class InterpolationDepthError(string option, string section, string rawval)
    : InterpolationError($"Recursion limit exceeded in value substitution: option {Repr.Of(option)} in section {Repr.Of(section)} contains an interpolation key which cannot be substituted in 10 steps. Raw value: {Repr.Of(rawval)}");

public class ParsingError(string message) : ConfigParserError(message);

public sealed class MissingSectionHeaderError(string source, int lineno, string line)
    : ParsingError($"File contains no section headers.\nfile: {Repr.Of(source)}, line: {lineno}\n{Repr.Of(line)}");
