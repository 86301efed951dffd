namespace Batuta.Core.Phases.Analysis;

/// <summary>The Analysis phase's full findings, written to obj/batuta/analysis/report.json and printed by <c>batuta analyze</c>.</summary>
public sealed class AnalysisReport
{
    public required string SourceRoot { get; init; }
    public string? EntryPoint { get; set; }
    public string? PrimaryLanguage { get; set; }
    public int TotalFiles { get; set; }
    public int SourceFiles { get; set; }
    public LineTotals Lines { get; set; } = new();
    public List<LanguageStats> Languages { get; set; } = [];
    public List<DependencyEntry> Dependencies { get; set; } = [];
    public List<FrameworkEntry> MlFrameworks { get; set; } = [];
    public ComplexityStats Complexity { get; set; } = new();
    public int DebtMarkers { get; set; }
    public TechnicalDebtGrade Tdg { get; set; } = new();
}

public sealed class LineTotals
{
    public int Code { get; set; }
    public int Comment { get; set; }
    public int Blank { get; set; }
    public int Total => Code + Comment + Blank;
}

public sealed class LanguageStats
{
    public required string Language { get; init; }
    public int Files { get; set; }
    public int Code { get; set; }
    public int Comment { get; set; }
    public int Blank { get; set; }
    public double Percent { get; set; }
}

public sealed class DependencyEntry
{
    public required string Name { get; init; }

    /// <summary>declared (in a manifest), third-party (imported, not declared), or stdlib.</summary>
    public required string Kind { get; init; }

    public required string Source { get; init; }
    public string? Version { get; init; }
}

public sealed class FrameworkEntry
{
    public required string Framework { get; init; }
    public required string BatutaTarget { get; init; }
    public required string Evidence { get; init; }
}

public sealed class ComplexityStats
{
    /// <summary>False when no Python file could be measured (then TDG leaves complexity out).</summary>
    public bool Measured { get; set; }
    public int Functions { get; set; }
    public double AverageCyclomatic { get; set; }
    public int MaxCyclomatic { get; set; }
    public double AverageCognitive { get; set; }
    public int MaxCognitive { get; set; }
    public List<FunctionComplexity> Hotspots { get; set; } = [];
}

public sealed class FunctionComplexity
{
    public required string File { get; init; }
    public required string Name { get; init; }
    public int Line { get; init; }
    public int Cyclomatic { get; init; }
    public int Cognitive { get; init; }
    public int Length { get; init; }
}

public sealed class TechnicalDebtGrade
{
    public double Score { get; set; } = 100;
    public string Grade { get; set; } = "A";
    public List<string> Penalties { get; set; } = [];
}
