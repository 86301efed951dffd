using System.Text.Json;
using Batuta.Core.Diagnostics;
using Batuta.Core.Workflow;

namespace Batuta.Core.State;

/// <summary>
/// Reads and writes <c>.batuta-state.json</c> at a project root. Writes are atomic (a temp file in
/// the same folder, flushed, then renamed over the old one), so a crash or a full disk never leaves
/// a half-written state. Callers that read-modify-write hold <see cref="Lock"/>.
/// </summary>
public sealed class StateStore(string projectDirectory)
{
    public const string FileName = ".batuta-state.json";

    public string ProjectDirectory { get; } = Path.GetFullPath(projectDirectory);
    public string StatePath => Path.Combine(ProjectDirectory, FileName);
    public string LockPath => StatePath + ".lock";

    /// <summary>Loads the state, or a fresh one when the file is missing. A corrupt file throws with BATUTA-Q-002.</summary>
    public WorkflowState Load()
    {
        var bytes = ReadBytes();
        if (bytes is null) return WorkflowState.New();
        if (bytes.Length == 0)
            throw Corrupt("the file is empty");
        return Parse(bytes);
    }

    /// <summary>The file's bytes, or null when it does not exist; a read failure throws with BATUTA-Q-004.</summary>
    private byte[]? ReadBytes()
    {
        try
        {
            if (!File.Exists(StatePath)) return null;
            return File.ReadAllBytes(StatePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(ErrorCatalog.StateUnreadable.Create(StatePath, e.Message), e);
        }
    }

    /// <summary>Deserialises and normalises non-empty state bytes; anything unreadable is reported as corrupt.</summary>
    private WorkflowState Parse(byte[] bytes)
    {
        try
        {
            var state = JsonSerializer.Deserialize(bytes, StateJsonContext.Default.WorkflowState)
                        ?? throw Corrupt("the file holds JSON null");
            if (state.Version > WorkflowState.CurrentVersion)
                throw Corrupt($"it was written by a newer Batuta (state version {state.Version}, this one reads {WorkflowState.CurrentVersion})");
            state.Normalize();
            return state;
        }
        catch (JsonException e)
        {
            throw Corrupt($"it is not valid state JSON{JsonPosition(e)}: {FirstSentence(e.Message)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw Corrupt(FirstSentence(e.Message), e);
        }
    }

    private static string JsonPosition(JsonException e) =>
        e.LineNumber is { } l ? $" at line {l + 1}, byte {e.BytePositionInLine + 1}" : "";

    public void Save(WorkflowState state)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Readable.WorkflowState);
            AtomicFile.WriteAllBytes(StatePath, [.. bytes, (byte)'\n']);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(ErrorCatalog.StateUnwritable.Create(StatePath, e.Message), e);
        }
    }

    /// <summary>Removes the state file (a reset with nothing kept). Safe when it is corrupt or missing.</summary>
    public void Delete() => TryDelete(StatePath);

    /// <summary>
    /// Takes the project's exclusive state lock (an OS file lock, released if the process dies),
    /// waiting up to <paramref name="timeout"/> for a concurrent build to finish its phase.
    /// </summary>
    public IDisposable Lock(TimeSpan timeout, Action? onWait = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        bool announced = false;
        int delay = 20;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!announced) { onWait?.Invoke(); announced = true; }
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 250);
            }
            catch (IOException e)
            {
                throw new StateFileException(ErrorCatalog.StateLocked.Create(LockPath, timeout), e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StateFileException(ErrorCatalog.StateUnwritable.Create(LockPath, e.Message), e);
            }
        }
    }

    private StateFileException Corrupt(string reason, Exception? inner = null) =>
        new(ErrorCatalog.StateCorrupt.Create(StatePath, reason), inner);

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
