namespace Batuta.Python.Runtime;

/// <summary>
/// Where a call is in the Python source, as the transpiler knows it (the migrated code has no Python frames): the
/// module's <c>__name__</c>, its file beside the entry script, the line and the enclosing function
/// (<c>&lt;module&gt;</c> at top level). Logging records and warnings name it.
/// <para>
/// <c>stacklevel=2</c> names the caller's site instead: the transpiler calls a function that asks for it through
/// <see cref="Call{T}"/>, which keeps the call's site while the function runs. A function called any other way (as a
/// value, through a decorator) finds no such site and names its own line.
/// </para>
/// </summary>
public sealed record SourceSite(string Module, string File, long Line, string Function)
{
    [ThreadStatic] private static List<(SourceSite Site, string Callee)>? _calls;

    /// <summary>The file's full path, as CPython's <c>co_filename</c>.</summary>
    internal string PathName => Modules.WarningsModule.ScriptPath(Module, File);

    /// <summary>A call of <paramref name="callee"/> at this site, kept for its stacklevel=2 warnings and records.</summary>
    public static T Call<T>(SourceSite site, string callee, Func<T> call)
    {
        var calls = _calls ??= new List<(SourceSite Site, string Callee)>();
        calls.Add((site, callee));
        try
        {
            return call();
        }
        finally
        {
            calls.RemoveAt(calls.Count - 1);
        }
    }

    /// <summary>The same, for a function that returns nothing.</summary>
    public static void Call(SourceSite site, string callee, Action call) => Call<object?>(site, callee, () =>
    {
        call();
        return null;
    });

    /// <summary>
    /// The site <paramref name="stacklevel"/> frames out: 1 is this one, 2 where the running call of this site's
    /// function was made, and so on while those calls were kept; past the last kept one, the outermost found.
    /// </summary>
    public SourceSite Up(long stacklevel)
    {
        var site = this;
        for (long level = stacklevel; level > 1 && CallerOf(site.Function) is { } caller; level--) site = caller;
        return site;
    }

    private static SourceSite? CallerOf(string function)
    {
        var calls = _calls;
        if (calls is null) return null;
        for (int i = calls.Count - 1; i >= 0; i--)
            if (calls[i].Callee == function) return calls[i].Site;
        return null;
    }
}
