namespace Batuta.Python.Runtime.Modules;

/// <summary>queue.Empty (raised by get_nowait and by a get that times out).</summary>
public sealed class QueueEmpty : PyException
{
    public QueueEmpty() { }

    protected override string? PyTypeNameOverride => "Empty";

    public override string PyModule => "_queue";
}

/// <summary>queue.Full (raised by put_nowait on a bounded queue and by a put that times out).</summary>
public sealed class QueueFull : PyException
{
    public QueueFull() { }

    protected override string? PyTypeNameOverride => "Full";

    public override string PyModule => "queue";
}

/// <summary>
/// Python's <c>queue</c> for the one thread a migrated program runs: Queue (FIFO), LifoQueue, PriorityQueue (smallest
/// first, Python's ordering) and SimpleQueue. A blocking get on an empty queue (or put on a full one) could never be
/// served: it raises Empty (Full) at once when it has a timeout, and NotImplementedError without one.
/// </summary>
public static class QueueModule
{
    public static PyQueue Queue(long maxsize = 0) => new("Queue", maxsize, PyQueue.Order.Fifo);
    public static PyQueue LifoQueue(long maxsize = 0) => new("LifoQueue", maxsize, PyQueue.Order.Lifo);
    public static PyQueue PriorityQueue(long maxsize = 0) => new("PriorityQueue", maxsize, PyQueue.Order.Priority);
    public static PyQueue SimpleQueue() => new("SimpleQueue", 0, PyQueue.Order.Fifo);
}

public sealed class PyQueue : IPyObject, IPyTyped, IPyAttributes, IPyKeywordMethods
{
    public enum Order { Fifo, Lifo, Priority }

    // CPython's own containers, which .queue shows: a deque for Queue and SimpleQueue, a list for LifoQueue, a heapq heap for PriorityQueue
    private readonly Deque<object?>? _fifo;
    private readonly PyList<object?> _list = new();
    private readonly Order _order;
    private readonly long _maxsize;
    private long _unfinished;

    internal PyQueue(string typeName, long maxsize, Order order)
    {
        (PyTypeName, _maxsize, _order) = (typeName, maxsize, order);
        if (order == Order.Fifo) _fifo = new();
    }

    private int Count => _fifo?.Count ?? _list.Count;

    public string PyTypeName { get; }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "maxsize" => (PyInt)_maxsize,
            "queue" when PyTypeName != "SimpleQueue" => _fifo ?? (object)_list,
            "unfinished_tasks" => (PyInt)_unfinished,
            _ when IsMethod(name) => new PyKeywordMethod(this, name, "queue." + PyTypeName),
            _ => null,
        };
        return value is not null;
    }

    private static bool IsMethod(string name) =>
        name is "put" or "get" or "put_nowait" or "get_nowait" or "empty" or "full" or "qsize" or "task_done" or "join";

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "put" => Put(Arg(args, kwargs, 0, "item"), Truth(args, kwargs, 1, "block"), Arg(args, kwargs, 2, "timeout") is not null),
        "put_nowait" => Put(Arg(args, kwargs, 0, "item"), false, false),
        "get" => Get(Truth(args, kwargs, 0, "block"), Arg(args, kwargs, 1, "timeout") is not null),
        "get_nowait" => Get(false, false),
        "empty" => Count == 0,
        "full" => Full,
        "qsize" => (PyInt)Count,
        "task_done" => TaskDone(),
        "join" => Join(),
        _ => throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'"),
    };

    private bool Full => _maxsize > 0 && Count >= _maxsize;

    private static object? Arg(object?[] args, PyDict<string, object?> kwargs, int i, string name) =>
        i < args.Length ? args[i] : kwargs.TryGetValue(name, out var v) ? v : null;

    private static bool Truth(object?[] args, PyDict<string, object?> kwargs, int i, string name) =>
        i < args.Length || kwargs.ContainsKey(name) ? Dyn.Truth(Arg(args, kwargs, i, name)) : true;

    private object? Put(object? item, bool block, bool timeout)
    {
        if (Full)
        {
            if (block && !timeout) throw new NotImplementedError("queue.put() on a full queue would wait forever: a migrated program runs one thread");
            throw new QueueFull();
        }
        if (_fifo is not null) _fifo.Append(item);
        else if (_order == Order.Priority) HeapQ.HeapPush(_list, item);
        else _list.Append(item);
        _unfinished++;
        return null;
    }

    private object? Get(bool block, bool timeout)
    {
        if (Count == 0)
        {
            if (block && !timeout) throw new NotImplementedError("queue.get() on an empty queue would wait forever: a migrated program runs one thread");
            throw new QueueEmpty();
        }
        if (_fifo is not null) return _fifo.PopLeft();
        return _order == Order.Priority ? HeapQ.HeapPop(_list) : _list.Pop();
    }

    private object? TaskDone()
    {
        if (_unfinished <= 0) throw new ValueError("task_done() called too many times");
        _unfinished--;
        return null;
    }

    private object? Join()
    {
        if (_unfinished > 0) throw new NotImplementedError("queue.join() with unfinished tasks would wait forever: a migrated program runs one thread");
        return null;
    }

    public string PyRepr() => $"<queue.{PyTypeName} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}
