namespace Batuta.Cli.Infrastructure;

/// <summary><c>--format text|json</c>: json where the output is data.</summary>
public enum OutputFormat
{
    Text,
    Json,
}

public static class OutputFormats
{
    public static OutputFormat Parse(string? value) => value switch
    {
        null or "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        _ => throw new UsageException($"--format must be text or json, not '{value}'"),
    };
}
