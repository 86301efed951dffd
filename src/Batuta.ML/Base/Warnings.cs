namespace Batuta.ML;

/// <summary>The category of a warning, named after scikit-learn's warning classes.</summary>
public enum WarningCategory
{
    /// <summary><c>ConvergenceWarning</c>: an iterative solver stopped at its iteration limit.</summary>
    Convergence,

    /// <summary><c>UndefinedMetricWarning</c>: a metric divided by zero and returned the zero_division value.</summary>
    UndefinedMetric,

    /// <summary><c>DataConversionWarning</c>: input was reshaped or converted (e.g. a column vector y).</summary>
    DataConversion,

    /// <summary><c>UserWarning</c> and anything else.</summary>
    User,
}

/// <summary>One warning, with scikit-learn's message.</summary>
public sealed record MLWarning(WarningCategory Category, string Message)
{
    public override string ToString() => $"{Category switch
    {
        WarningCategory.Convergence => "ConvergenceWarning",
        WarningCategory.UndefinedMetric => "UndefinedMetricWarning",
        WarningCategory.DataConversion => "DataConversionWarning",
        _ => "UserWarning",
    }}: {Message}";
}

/// <summary>
/// Where warnings go. Python prints warnings to stderr and carries on; so does Batuta.ML by default
/// (stdout, which migrated programs are compared on, stays clean). <see cref="Capture"/> collects them
/// instead, for tests and for programs that act on them.
/// </summary>
public static class MLWarnings
{
    private static readonly AsyncLocal<List<MLWarning>?> Captured = new();

    /// <summary>Raised for every warning (on the thread that caused it).</summary>
    public static event Action<MLWarning>? Raised;

    /// <summary>When true (the default) uncaptured warnings are written to stderr, as Python does.</summary>
    public static bool WriteToStandardError { get; set; } = true;

    /// <summary>Collects the warnings raised on this async flow until the returned scope is disposed.</summary>
    public static WarningCapture Capture() => new();

    internal static void Warn(WarningCategory category, string message)
    {
        var w = new MLWarning(category, message);
        Raised?.Invoke(w);
        var list = Captured.Value;
        if (list is not null)
        {
            lock (list) list.Add(w);
        }
        else if (WriteToStandardError)
        {
            Console.Error.WriteLine(w.ToString());
        }
    }

    /// <summary>A capture scope: <see cref="Warnings"/> holds what was raised inside it.</summary>
    public sealed class WarningCapture : IDisposable
    {
        private readonly List<MLWarning>? _previous;
        private readonly List<MLWarning> _list = [];

        internal WarningCapture()
        {
            _previous = Captured.Value;
            Captured.Value = _list;
        }

        public IReadOnlyList<MLWarning> Warnings => _list;

        public void Dispose() => Captured.Value = _previous;
    }
}
