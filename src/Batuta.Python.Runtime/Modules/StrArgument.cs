namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// A str argument of a module that CPython also runs over bytes (urllib.parse, fnmatch), giving bytes results that
/// Batuta does not build: bytes are NotSupported, any other value a TypeError.
/// </summary>
internal static class StrArgument
{
    public static string Of(object? value, string module) => value switch
    {
        string s => s,
        PyBytes or PyByteArray => throw new NotSupportedException($"{module} over bytes is not supported by Batuta"),
        _ => throw new TypeError($"expected str, not '{Dyn.TypeName(value)}'"),
    };
}
