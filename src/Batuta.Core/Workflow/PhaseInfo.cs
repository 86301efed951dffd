namespace Batuta.Core.Workflow;

/// <summary>One phase's record in <c>.batuta-state.json</c>.</summary>
public sealed class PhaseInfo
{
    public WorkflowPhase Phase { get; set; }
    public PhaseStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Seconds from start to completion or failure.</summary>
    public double? Duration { get; set; }

    public string? Error { get; set; }
    public string? ErrorCode { get; set; }

    /// <summary>Hash of everything the phase read; equal hash and Completed means up to date.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>Short facts the phase reported (file counts, ratios...), shown by <c>batuta status</c>.</summary>
    public SortedDictionary<string, string> Summary { get; set; } = new(StringComparer.Ordinal);

    public static PhaseInfo NotStarted(WorkflowPhase phase) => new() { Phase = phase, Status = PhaseStatus.NotStarted };

    internal void Clear()
    {
        Status = PhaseStatus.NotStarted;
        StartedAt = null;
        CompletedAt = null;
        Duration = null;
        Error = null;
        ErrorCode = null;
        Fingerprint = null;
        Summary.Clear();
    }
}
