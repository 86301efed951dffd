namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>@contextlib.contextmanager</c>: the generator runs up to its <c>yield</c> on entry (the yielded value is what
/// <c>as</c> binds) and on to its end on a normal exit. When the with block raises, a generator that receives values
/// (the transpiler makes one of each whose except clauses surround a yield) gets the exception thrown in at its
/// yield, as contextlib does; a plain C# iterator cannot take it there, so it is disposed instead, which runs its
/// <c>finally</c> clauses (the usual setup/try/yield/finally shape) and skips the code after the yield, as CPython does.
/// </summary>
public sealed class ContextManagerGenerator<T>
{
    private readonly PyIterator<T> _generator;
    private readonly bool _receives;

    public ContextManagerGenerator(IEnumerable<T> generator)
    {
        _generator = PyIter.Of(generator);
        _receives = generator is IPyResumable { Receives: true };
    }

    public T Enter()
    {
        if (!_generator.TryNext(out var value))
        {
            _generator.Close();
            throw new RuntimeError("generator didn't yield");
        }
        return value;
    }

    /// <summary>The with block ended normally (or by return/break): the generator runs to its end.</summary>
    public void Exit()
    {
        try
        {
            if (_generator.TryNext(out _)) throw new RuntimeError("generator didn't stop");
        }
        finally
        {
            _generator.Close();
        }
    }

    /// <summary>
    /// The with block raised <paramref name="raised"/>: true when the generator caught it and ended (the exception is
    /// suppressed); false when it goes on. One the generator raises instead goes on from here.
    /// </summary>
    public bool Abort(Exception raised)
    {
        if (!_receives)
        {
            _generator.Close();
            return false;
        }
        var error = PyExc.Translate(raised);
        bool yielded;
        try
        {
            yielded = _generator.TryResume(null, error, out _);
        }
        catch (Exception e) when (e == raised || PyExc.Translate(e) == error)
        {
            return false;
        }
        if (!yielded) return true;
        _generator.Close();
        throw new RuntimeError("generator didn't stop after throw()");
    }
}
