using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// A Python iterator: a single pass over a source, shared by next() and every loop over it (a generator object,
/// iter(x), map/zip/enumerate results kept in a variable). Iterating it again continues where it stopped.
/// </summary>
public sealed class PyIterator<T> : IEnumerable<T>, IPyObject, IPyTyped, IPyNext, IPyGenerator, IPyAttributes
{
    private readonly IPyAttributes? _attributes;

    /// <summary>The attributes of the iterated object (csv.DictReader's fieldnames).</summary>
    public bool TryGetAttr(string name, out object? value)
    {
        value = null;
        return _attributes is not null && _attributes.TryGetAttr(name, out value);
    }

    private readonly IEnumerator<T> _source;
    private readonly IPyGenerator? _generator;
    private bool _done;

    /// <summary>The generator's return value (<c>x = yield from it</c>) when this iterates a generator.</summary>
    public bool Returned => _generator?.Returned ?? false;

    public object? ReturnValue => _generator?.ReturnValue;

    public PyIterator(IEnumerable<T> source)
        : this(source, source as IPyGenerator)
    {
    }

    private PyIterator(IEnumerable<T> source, IPyGenerator? generator)
    {
        _source = source.GetEnumerator();
        _generator = generator;
        _typeName = generator is not null ? "generator" : Dyn.IteratorTypeName(source) ?? "iterator";
        _attributes = source as IPyAttributes;
    }

    /// <summary>
    /// This iterator with its items converted (a variable that holds generators of different item types): the same
    /// position, and the same generator return value in StopIteration.
    /// </summary>
    public PyIterator<TOut> Map<TOut>(Func<T, TOut> convert) => new(MapItems(convert), _generator);

    private IEnumerable<TOut> MapItems<TOut>(Func<T, TOut> convert)
    {
        while (TryNext(out var v)) yield return convert(v);
    }

    /// <summary>StopIteration with the generator's return value, when it returned one.</summary>
    private StopIteration Stop()
    {
        bool report = _returnPending;
        _returnPending = false;
        return report && _generator is { Returned: true } g ? new StopIteration(g.ReturnValue) : new StopIteration();
    }

    /// <summary>Python's type name: "generator" over a generator function's or expression's items, "enumerate", ...</summary>
    private readonly string _typeName;

    public string PyTypeName => _typeName;

    /// <summary>
    /// generator.close(): the iterator ends; disposing the C# iterator runs the generator's pending finally blocks,
    /// as GeneratorExit does in Python.
    /// </summary>
    public void Close()
    {
        if (_done) return;
        _done = true;
        try
        {
            if (_started && _generator is IPyResumable { Receives: true } r) RaiseGeneratorExit(r);
        }
        finally
        {
            _source.Dispose();
        }
    }

    /// <summary>
    /// close() of a generator that receives values: GeneratorExit raised at its paused yield runs its handlers
    /// (except GeneratorExit: ...); one that yields again instead of ending is an error, as in Python.
    /// </summary>
    private void RaiseGeneratorExit(IPyResumable generator)
    {
        generator.Resume(null, new GeneratorExit());
        bool yielded;
        try { yielded = _source.MoveNext(); }
        catch (Exception e) when (PyExc.Translate(e) is GeneratorExit or StopIteration) { return; }
        if (yielded) throw new RuntimeError("generator ignored GeneratorExit");
    }

    /// <summary>
    /// generator.send(value): resumes the generator, its paused <c>x = yield v</c> taking value; the next item, or
    /// StopIteration when it ends. A plain yield ignores the value, as in Python.
    /// </summary>
    public object? Send(object? value)
    {
        if (PyTypeName != "generator") throw new AttributeError($"'{PyTypeName}' object has no attribute 'send'");
        if (!_started && value is not null) throw new TypeError("can't send non-None value to a just-started generator");
        return Resume(value, null);
    }

    /// <summary>
    /// generator.throw(): the exception is raised at the paused yield of a generator that receives values (its
    /// handlers may catch it and yield again). The transpiler gives that form to every generator with except clauses
    /// around a yield when the program calls throw(); in any other generator nothing can catch it, so raising it at
    /// the yield is closing the generator (its finally blocks run) and raising it here.
    /// </summary>
    public object? Throw(object? type, object? value = null, object? traceback = null)
    {
        if (PyTypeName != "generator") throw new AttributeError($"'{PyTypeName}' object has no attribute 'throw'");
        var error = PyIter.Thrown(type, value);
        if (_started && !_done && _generator is IPyResumable { Receives: true }) return Resume(null, error);
        // not started yet, finished, or without a handler around its yields: nothing can catch it
        Close();
        throw error;
    }

    private object? Resume(object? sent, Exception? thrown) => TryResume(sent, thrown, out var v) ? Dyn.BoxValue(v) : throw Stop();

    /// <summary>
    /// The next item after the paused yield takes <paramref name="sent"/> or raises <paramref name="thrown"/>; a
    /// generator that cannot receive an exception raises it here, where its caller paused.
    /// </summary>
    internal bool TryResume(object? sent, Exception? thrown, out T value)
    {
        if (_generator is IPyResumable { Receives: true } r) r.Resume(sent, thrown);
        else if (thrown is not null) throw thrown;
        return TryNext(out value);
    }

    private bool _started;

    public bool TryNext(out T value)
    {
        _started = true;
        if (!_done && _source.MoveNext())
        {
            value = _source.Current;
            return true;
        }
        // Only the call that ends the generator sees its return value; later ones get a bare StopIteration, as in Python.
        _returnPending = !_done;
        _done = true;
        value = default!;
        return false;
    }

    private bool _returnPending;

    public T Next() => TryNext(out var v) ? v : throw Stop();

    object? IPyNext.PyNext(object? @default, bool hasDefault) =>
        TryNext(out var v) ? Dyn.BoxValue(v) : hasDefault ? @default : throw Stop();

    public IEnumerator<T> GetEnumerator()
    {
        while (TryNext(out var v)) yield return v;
        _returnPending = false; // a for loop consumed the StopIteration
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => $"<{PyTypeName} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();
}

/// <summary>iter() and next().</summary>
public static class PyIter
{
    /// <summary>The iterator over a source (the source itself when it already is one).</summary>
    public static PyIterator<T> Of<T>(IEnumerable<T> source) => source as PyIterator<T> ?? (source as PyGenerator<T>)?.Iterator ?? new PyIterator<T>(source);

    public static T Next<T>(IEnumerable<T> it) => Iterator(it).Next();

    public static T Next<T>(IEnumerable<T> it, T @default) => Iterator(it).TryNext(out var v) ? v : @default;

    /// <summary>
    /// The Python iterator behind a value next() is given: a PyIterator, or a runtime iterator kept as a plain
    /// value (itertools.count() in a dict, a generator): the C# iterator object, wrapped once per object so that
    /// successive next() calls continue it. Lists and other containers are not iterators, as in Python.
    /// </summary>
    private static PyIterator<T> Iterator<T>(IEnumerable<T> it) => it switch
    {
        PyIterator<T> p => p,
        PyGenerator<T> g => g.Iterator,
        System.Collections.IEnumerator => (PyIterator<T>)Wrapped.GetValue(it, x => new PyIterator<T>((IEnumerable<T>)x)),
        _ => throw new TypeError($"'{Dyn.TypeName(it)}' object is not an iterator"),
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Wrapped = new();

    /// <summary>
    /// close() on a generator not kept in a PyIterator (a generator expression closed where it is written): the
    /// iterator next() uses for it is closed, and the C# iterator disposed (its pending finally blocks run).
    /// </summary>
    internal static object? CloseBare(object generator)
    {
        if (Wrapped.TryGetValue(generator, out var iterator)) Dyn.CallMethodReflected(iterator, "close", Array.Empty<object?>());
        if (generator is IDisposable d) d.Dispose();
        return null;
    }

    /// <summary>throw(type, value)'s exception: an instance as given, or the class called with the value.</summary>
    internal static Exception Thrown(object? type, object? value) =>
        type as Exception ?? Dyn.Call(type, value is null ? Array.Empty<object?>() : [value]) as Exception
        ?? throw new TypeError("exceptions must be classes or instances deriving from BaseException");

    /// <summary>
    /// throw() on a generator not kept in a PyIterator (one held in a list or a dict): a plain C# iterator, which has
    /// no except clause around its yields (the program calls throw(), so those took the resumable form), so it is
    /// closed and the exception raised here.
    /// </summary>
    internal static object? ThrowBare(object generator, object?[] args)
    {
        var error = Thrown(args.Length > 0 ? args[0] : null, args.Length > 1 ? args[1] : null);
        CloseBare(generator);
        throw error;
    }

    /// <summary>A Python iterator object (<c>__next__</c> until StopIteration) as a .NET enumerator.</summary>
    public static IEnumerator<T> FromNext<T>(Func<T> next)
    {
        while (true)
        {
            T value;
            bool done = false;
            try { value = next(); }
            catch (StopIteration) { done = true; value = default!; }
            if (done) yield break;
            yield return value;
        }
    }

    /// <summary>next(it, default) where the default widens the element type (None for an int: <c>long?</c>).</summary>
    public static TOut Next<T, TOut>(IEnumerable<T> it, Func<T, TOut> widen, TOut @default) =>
        Iterator(it).TryNext(out var v) ? widen(v) : @default;

    /// <summary>next(it, default) where the default is of another type: a dynamic value.</summary>
    public static object? NextOr<T>(IEnumerable<T> it, object? @default) =>
        Iterator(it).TryNext(out var v) ? Dyn.BoxValue(v) : @default;

    /// <summary>next(obj, default) on an object with __next__: the default once it raises StopIteration.</summary>
    public static object? NextOf(Func<object?> next, object? @default, bool hasDefault = true)
    {
        try { return next(); }
        catch (StopIteration) when (hasDefault) { return @default; }
    }

    /// <summary>next() of a dynamic value.</summary>
    public static object? NextDynamic(object? it, object? @default = null, bool hasDefault = false)
    {
        if (it is IPyNext n) return n.PyNext(@default, hasDefault);
        if (it is IPyResumable g) return g.Iterator.PyNext(@default, hasDefault);
        if (it is PyObject) return NextOf(() => Dyn.TryCallDunder(it, "__next__", out var r) ? r : throw new TypeError($"'{Dyn.TypeName(it)}' object is not an iterator"), @default, hasDefault);
        // a runtime iterator (itertools.count(), a generator) stored as a plain value: the C# iterator object is
        // both the enumerable and, after its first GetEnumerator, the enumerator; keep that one per object
        if (it is System.Collections.IEnumerator and System.Collections.IEnumerable e)
        {
            var en = Started.GetValue(e, x => ((System.Collections.IEnumerable)x).GetEnumerator());
            if (en.MoveNext()) return Dyn.BoxValue(en.Current);
            return hasDefault ? @default : throw new StopIteration();
        }
        throw new TypeError($"'{Dyn.TypeName(it)}' object is not an iterator");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.IEnumerator> Started = new();
}

/// <summary>A PyIterator seen through object (next() on a dynamic value).</summary>
public interface IPyNext
{
    object? PyNext(object? @default, bool hasDefault);
}

/// <summary>A generator that ran into <c>return value</c>: the value StopIteration carries (and <c>yield from</c> returns).</summary>
public interface IPyGenerator
{
    bool Returned { get; }
    object? ReturnValue { get; }
}

/// <summary>A generator object send() and throw() resume with a value or an exception for its paused yield.</summary>
internal interface IPyResumable
{
    bool Receives { get; }
    void Resume(object? sent, Exception? thrown);

    /// <summary>The generator object's own iterator (a generator kept as a plain value: send() on a call's result).</summary>
    IPyNext Iterator { get; }
}

/// <summary>
/// A generator function whose body returns a value or uses the value of a yield: the body runs as an iterator that
/// records the value here before it stops, so next() raises StopIteration(value), and reads here what send() passed in.
/// </summary>
public sealed class PyGenerator<T> : IEnumerable<T>, IPyGenerator, IPyResumable
{
    private readonly Func<PyGenerator<T>, IEnumerable<T>> _body;

    /// <param name="body">The generator function's body, given this object.</param>
    /// <param name="receives">The body reads <see cref="Received"/> after each of its yields.</param>
    public PyGenerator(Func<PyGenerator<T>, IEnumerable<T>> body, bool receives = false)
    {
        _body = body;
        Receives = receives;
    }

    public bool Receives { get; }

    private object? _sent;
    private Exception? _thrown;

    void IPyResumable.Resume(object? sent, Exception? thrown)
    {
        _sent = sent;
        _thrown = thrown;
    }

    /// <summary>What resumed the paused yield; taken once, so that a later next() resumes with None.</summary>
    private (object? Sent, Exception? Thrown) Take()
    {
        var taken = (_sent, _thrown);
        (_sent, _thrown) = (null, null);
        return taken;
    }

    /// <summary>At a resumed yield: what send() passed in (None after next()), or throw()'s exception raised there.</summary>
    public object? Received()
    {
        var (sent, thrown) = Take();
        return thrown is not null ? throw thrown : sent;
    }

    /// <summary><c>yield from sub</c> in this generator: what is sent to or thrown into it goes on to sub, as in Python.</summary>
    public IEnumerable<TItem> From<TItem>(IEnumerable<TItem> sub)
    {
        var it = PyIter.Of(sub);
        bool more = it.TryNext(out var item);
        while (more)
        {
            yield return item;
            var (sent, thrown) = Take();
            more = it.TryResume(sent, thrown, out item);
        }
    }

    private PyIterator<T>? _iterator;

    /// <summary>This generator object as the iterator next(), send() and close() advance: one per object, as in Python.</summary>
    internal PyIterator<T> Iterator => _iterator ??= new PyIterator<T>(this);

    IPyNext IPyResumable.Iterator => Iterator;

    public bool Returned { get; private set; }
    public object? ReturnValue { get; private set; }

    public void Return(object? value)
    {
        Returned = true;
        ReturnValue = value;
    }

    /// <summary>A loop over a generator object next() or send() already advanced continues it.</summary>
    public IEnumerator<T> GetEnumerator() => _iterator is { } started ? started.GetEnumerator() : _body(this).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
