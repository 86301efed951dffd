using System.Text;
using System.Text.Json;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Errors;

/// <summary>
/// About a thousand rejected snippets from CPython's own syntax-error tests: we must reject each at the
/// line CPython reports, with CPython's message and at CPython's column (SyntaxError.offset; where CPython
/// gives offset 0, "no column", we report column 1).
/// </summary>
public class ErrorParityTests
{
    private sealed record Snippet(string Source, int Line, int Column, string Message, string From);

    private static IReadOnlyList<Snippet> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Errors", "invalid_snippets.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var o = JsonDocument.Parse(l).RootElement;
            return new Snippet(o.GetProperty("src").GetString()!, o.GetProperty("line").GetInt32(), o.GetProperty("col").GetInt32(),
                o.GetProperty("msg").GetString()!, o.GetProperty("from").GetString()!);
        }).ToList();
    }

    [Fact]
    public void Snippets_are_rejected_at_cpythons_line_with_cpythons_message()
    {
        var snippets = Load();
        Assert.True(snippets.Count > 500, "the snippet file is too small: run Tools/generate_error_snippets.py");
        var lineFailures = new StringBuilder();
        var messageFailures = new StringBuilder();
        var columnFailures = new StringBuilder();
        int messageMismatches = 0, columnMismatches = 0;
        foreach (var s in snippets)
        {
            var r = PythonParser.Parse(s.Source);
            var first = r.Diagnostics.FirstOrDefault(d => d.IsError);
            if (first is null)
            {
                lineFailures.AppendLine($"accepted: {JsonSerializer.Serialize(s.Source)} (CPython: line {s.Line}: {s.Message})");
                continue;
            }
            if (first.Line != s.Line && s.Line != 0)
                lineFailures.AppendLine($"line {first.Line} instead of {s.Line} ({s.Message} / {first.Message}): {JsonSerializer.Serialize(s.Source)}");
            else if (first.Message != s.Message)
            {
                messageMismatches++;
                messageFailures.AppendLine($"'{first.Message}' instead of '{s.Message}': {JsonSerializer.Serialize(s.Source)}");
            }
            else if (first.Column != Math.Max(1, s.Column) && s.Line != 0)
            {
                columnMismatches++;
                columnFailures.AppendLine($"column {first.Column} instead of {s.Column} ({s.Message}): {JsonSerializer.Serialize(s.Source)}");
            }
        }
        Assert.True(lineFailures.Length == 0, lineFailures.ToString());
        Assert.True(messageMismatches == 0, $"{messageMismatches}/{snippets.Count} messages differ:\n{messageFailures}");
        Assert.True(columnMismatches == 0, $"{columnMismatches}/{snippets.Count} columns differ:\n{columnFailures}");
    }

    [Fact]
    public void Snippet_file_matches_live_cpython()
    {
        var snippets = Load();
        var answers = CPython.AskSources("dump", snippets.Select(s => s.Source).ToList());
        for (int i = 0; i < snippets.Count; i++)
        {
            Assert.False(answers[i].Ok, $"CPython now accepts: {snippets[i].Source}");
            Assert.True(answers[i].Line == snippets[i].Line && answers[i].Message == snippets[i].Message && answers[i].Offset == snippets[i].Column,
                $"stale entry (run Tools/generate_error_snippets.py): {snippets[i].Source}");
        }
    }
}
