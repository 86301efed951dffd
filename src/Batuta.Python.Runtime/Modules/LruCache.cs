namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// functools.lru_cache / functools.cache for a migrated function: results by argument tuple, least recently used
/// evicted past maxsize (no limit when null), hit and miss counts for cache_info(). A call that raises caches nothing.
/// </summary>
public sealed class LruCache<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = new();
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly long? _maxSize;
    private long _hits, _misses;

    public LruCache(long? maxSize) => _maxSize = maxSize is < 0 ? 0 : maxSize;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _hits++;
            if (_maxSize is not null) { _order.Remove(node); _order.AddLast(node); }
            return node.Value.Value;
        }
        _misses++;
        var value = compute(key);
        if (_maxSize == 0) return value;
        // a recursive call may have stored the key meanwhile
        if (_map.TryGetValue(key, out var again)) { again.Value = (key, value); return value; }
        _map[key] = _order.AddLast((key, value));
        if (_maxSize is { } max && _map.Count > max)
        {
            var oldest = _order.First.OrThrow();
            _order.RemoveFirst();
            _map.Remove(oldest.Value.Key);
        }
        return value;
    }

    public CacheInfo Info() => new(_hits, _misses, _maxSize, _map.Count);

    public void Clear()
    {
        _map.Clear();
        _order.Clear();
        _hits = _misses = 0;
    }
}

/// <summary>functools._CacheInfo(hits, misses, maxsize, currsize).</summary>
public sealed class CacheInfo : IPyObject, IPyTyped, IPyAttributes
{
    public CacheInfo(long hits, long misses, long? maxSize, long currSize)
    {
        Hits = hits;
        Misses = misses;
        MaxSize = maxSize;
        CurrSize = currSize;
    }

    public long Hits { get; }
    public long Misses { get; }
    public long? MaxSize { get; }
    public long CurrSize { get; }
    public string PyTypeName => "CacheInfo";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "hits" => new PyInt(Hits),
            "misses" => new PyInt(Misses),
            "maxsize" => MaxSize is { } m ? new PyInt(m) : null,
            "currsize" => new PyInt(CurrSize),
            _ => (object?)"",
        };
        return name is "hits" or "misses" or "maxsize" or "currsize";
    }

    public string PyRepr() => $"CacheInfo(hits={Hits}, misses={Misses}, maxsize={(MaxSize is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, currsize={CurrSize})";
    public string PyStr() => PyRepr();
}
