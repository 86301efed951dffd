namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>@contextlib.contextmanager</c>: the generator runs up to its <c>yield</c> on entry (the yielded value is what
/// <c>as</c> binds) and on to its end on a normal exit. When the with block raises, a C# iterator cannot take the
/// exception at its yield as Python's generator does; it is disposed instead, which runs its <c>finally</c> clauses
/// (the usual setup/try/yield/finally shape) and skips the code after the yield, as CPython does, but not its
/// <c>except</c> clauses (the transpiler warns where the generator has any around the yield).
/// </summary>
public sealed class ContextManagerGenerator<T>
{
    private readonly IEnumerator<T> _generator;

    public ContextManagerGenerator(IEnumerable<T> generator) => _generator = generator.GetEnumerator();

    public T Enter()
    {
        if (!_generator.MoveNext())
        {
            _generator.Dispose();
            throw new RuntimeError("generator didn't yield");
        }
        return _generator.Current;
    }

    /// <summary>The with block ended normally (or by return/break): the generator runs to its end.</summary>
    public void Exit()
    {
        try
        {
            if (_generator.MoveNext()) throw new RuntimeError("generator didn't stop");
        }
        finally
        {
            _generator.Dispose();
        }
    }

    /// <summary>The with block raised: the generator's finally clauses run; the exception goes on.</summary>
    public void Abort() => _generator.Dispose();
}
