namespace Batuta.Python.Runtime;

/// <summary>
/// The argument of a migrated base class's do-nothing constructor: the subclass's <c>__init__</c> runs statements
/// before <c>super().__init__(...)</c>, so it calls the base's init body itself, where Python does.
/// </summary>
public sealed class DeferredInit
{
    public static readonly DeferredInit Value = new();

    private DeferredInit() { }
}
