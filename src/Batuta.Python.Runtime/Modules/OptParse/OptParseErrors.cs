namespace Batuta.Python.Runtime.Modules;

/// <summary><c>optparse.OptParseError</c>: str() is the message (<c>msg</c>).</summary>
public class OptParseError : PyException
{
    public OptParseError(params object?[] args) : base(args) => Msg = args.Length > 0 ? Runtime.Str.Of(args[0]) : "";

    public string Msg { get; }
    public override string PyModule => "optparse";
    public override string PyStr() => Msg;
}

/// <summary><c>optparse.OptionError</c>: a bad add_option call, named by the option's strings ("option -f/--file: ...").</summary>
public class OptionError : OptParseError
{
    public OptionError(string msg, string optionId) : base(msg) => OptionId = optionId;

    public string OptionId { get; }
    public override string PyStr() => OptionId.Length > 0 ? $"option {OptionId}: {Msg}" : Msg;
}

/// <summary><c>optparse.OptionConflictError</c>: two options with the same option string.</summary>
public sealed class OptionConflictError : OptionError
{
    public OptionConflictError(string msg, string optionId) : base(msg, optionId) { }
}

/// <summary><c>optparse.OptionValueError</c>: a bad value on the command line ("option -n: invalid integer value: 'x'").</summary>
public sealed class OptionValueError : OptParseError
{
    public OptionValueError(params object?[] args) : base(args) { }
}

/// <summary><c>optparse.BadOptionError</c>: an option string the parser does not know.</summary>
public class BadOptionError : OptParseError
{
    public BadOptionError(string optStr) : base(optStr) => OptStr = optStr;

    public string OptStr { get; }
    public override string PyStr() => "no such option: " + OptStr;
}

/// <summary><c>optparse.AmbiguousOptionError</c>: a long-option prefix that several options share.</summary>
public sealed class AmbiguousOptionError : BadOptionError
{
    public AmbiguousOptionError(string optStr, IReadOnlyList<string> possibilities) : base(optStr) => Possibilities = possibilities;

    public IReadOnlyList<string> Possibilities { get; }
    public override string PyStr() => $"ambiguous option: {OptStr} ({string.Join(", ", Possibilities)}?)";
}
