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
}
