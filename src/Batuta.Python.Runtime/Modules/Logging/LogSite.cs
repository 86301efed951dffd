namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Where a logging call is in the Python source, as the transpiler knows it (the migrated code has no Python frames):
/// the module's <c>__name__</c>, its file beside the entry script, the line and the enclosing function
/// (<c>&lt;module&gt;</c> at top level). A record's <c>filename</c>, <c>module</c>, <c>lineno</c> and <c>funcName</c> come from it.
/// </summary>
public sealed record LogSite(string Module, string File, long Line, string Function)
{
    /// <summary>The file's full path, as CPython's <c>co_filename</c>.</summary>
    internal string PathName => WarningsModule.ScriptPath(Module, File);
}
