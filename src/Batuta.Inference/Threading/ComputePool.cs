using System.Diagnostics;

namespace Batuta.Inference.Threading;

/// <summary>A unit of parallel work split into numbered chunks; chunks are claimed dynamically, so a core slowed by another process does not hold the others back.</summary>
internal interface IParallelJob
{
    /// <param name="worker">0 for the calling thread, 1..Threads-1 for pool threads: an index for per-thread scratch.</param>
    void Execute(int chunk, int worker);
}

/// <summary>
/// Persistent worker threads (one per physical core, the caller included) for the many short parallel
/// steps of a forward pass: a decode step issues ~100 matrix products of a few hundred microseconds,
/// where starting tasks would cost a visible share. Workers spin briefly between steps, then sleep.
/// </summary>
internal sealed class ComputePool : IDisposable
{
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private long _generation;
    private int _sleeping;
    private volatile bool _stopping;
    private IParallelJob? _job;
    private int _chunks;
    private int _nextChunk;
    private int _active;
    private Exception? _failure;

    public ComputePool(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "at least one thread is needed");
        Threads = threads;
        _workers = new Thread[threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            int index = i + 1;
            _workers[i] = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = "batuta-infer-" + (i + 1) };
            _workers[i].Start();
        }
    }

    /// <summary>Threads that run a job, the calling thread included.</summary>
    public int Threads { get; }

    /// <summary>Runs <paramref name="chunks"/> chunks of <paramref name="job"/> across the pool and returns when all are done.</summary>
    public void Run(IParallelJob job, int chunks)
    {
        if (chunks <= 0) return;
        if (Threads == 1 || chunks == 1)
        {
            for (int c = 0; c < chunks; c++) job.Execute(c, 0);
            return;
        }

        _job = job;
        _chunks = chunks;
        _failure = null;
        Volatile.Write(ref _nextChunk, 0);
        Volatile.Write(ref _active, _workers.Length);
        lock (_gate)
        {
            _generation++;
            if (_sleeping > 0) Monitor.PulseAll(_gate);
        }

        try
        {
            Drain(job, 0);
        }
        catch (Exception e)
        {
            _failure = e;
            Volatile.Write(ref _nextChunk, int.MaxValue / 2);
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref _active) != 0) spin.SpinOnce(sleep1Threshold: -1);
        _job = null;
        if (_failure is not null) throw new AggregateException("a parallel inference step failed", _failure);
    }

    /// <summary>
    /// Runs body(start, end) over [0, count) in contiguous ranges across the pool: for per-token element-wise
    /// steps of a prefill batch (norms, activation quantization, RoPE), which would otherwise run serially
    /// between the parallel matrix products.
    /// </summary>
    public void For(int count, Action<int, int> body)
    {
        if (count <= 0) return;
        int chunks = Math.Min(count, Threads * 2);
        if (Threads == 1 || chunks == 1)
        {
            body(0, count);
            return;
        }
        _ranges.Body = body;
        _ranges.Count = count;
        _ranges.Chunks = chunks;
        Run(_ranges, chunks);
        _ranges.Body = null;
    }

    private readonly RangeJob _ranges = new();

    private sealed class RangeJob : IParallelJob
    {
        public Action<int, int>? Body;
        public int Count, Chunks;

        public void Execute(int chunk, int worker)
        {
            long start = (long)Count * chunk / Chunks, end = (long)Count * (chunk + 1) / Chunks;
            if (end > start) Body.OrThrow()((int)start, (int)end);
        }
    }

    private void Drain(IParallelJob job, int worker)
    {
        int c;
        while ((c = Interlocked.Increment(ref _nextChunk) - 1) < _chunks) job.Execute(c, worker);
    }

    private void WorkerLoop(int index)
    {
        long seen = 0;
        while (true)
        {
            // Spin for a short while: the next step of a forward pass usually follows within microseconds.
            long start = Stopwatch.GetTimestamp();
            long spinTicks = Stopwatch.Frequency / 5000; // 200 microseconds
            var spin = new SpinWait();
            while (Volatile.Read(ref _generation) == seen && !_stopping && Stopwatch.GetTimestamp() - start < spinTicks)
                spin.SpinOnce(sleep1Threshold: -1);

            lock (_gate)
            {
                while (_generation == seen && !_stopping)
                {
                    _sleeping++;
                    Monitor.Wait(_gate);
                    _sleeping--;
                }
                seen = _generation;
            }
            if (_stopping) return;

            try
            {
                var job = _job;
                if (job is not null) Drain(job, index);
            }
            catch (Exception e)
            {
                _failure = e;
                Volatile.Write(ref _nextChunk, int.MaxValue / 2);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        lock (_gate) Monitor.PulseAll(_gate);
        foreach (var w in _workers) w.Join();
    }
}
