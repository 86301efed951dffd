using System.Diagnostics;
using System.Text.Json;

namespace Batuta.Python.Tests.Oracle;

/// <summary>One answer of the CPython oracle.</summary>
public sealed record OracleAnswer(bool Ok, string? Dump, int Line, string? Message, string? ErrorType, int Offset = 0);

/// <summary>
/// Runs Debian's CPython 3.11 (the reference this parser must equal) once per batch of queries.
/// Missing or wrong interpreter fails the test with what to install, never a silent skip.
/// </summary>
public static class CPython
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string> Version = new(() =>
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: install Debian's python3 (3.11), e.g. apt-get install -y python3 libpython3.11-testsuite");
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import sys; print('%d.%d' % sys.version_info[:2])");
        using var p = Process.Start(psi)!;
        string v = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        if (v != "3.11") throw new InvalidOperationException($"{Interpreter} is Python {v}; the oracle must be CPython 3.11");
        return v;
    });

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Oracle", "oracle.py");

    /// <summary>Asks CPython about every source (text) at once: mode is dump, dump-attrs, symtable or compile.</summary>
    public static IReadOnlyList<OracleAnswer> AskSources(string mode, IReadOnlyList<string> sources) =>
        Ask(mode, sources.Select((s, i) => JsonSerializer.Serialize(new { id = i, src = s })).ToList());

    /// <summary>Asks CPython about files on disk (read as bytes, like ast.parse(open(p,'rb').read())).</summary>
    public static IReadOnlyList<OracleAnswer> AskFiles(string mode, IReadOnlyList<string> paths) =>
        Ask(mode, paths.Select((p, i) => JsonSerializer.Serialize(new { id = i, path = p })).ToList());

    private static IReadOnlyList<OracleAnswer> Ask(string mode, IReadOnlyList<string> queries)
    {
        _ = Version.Value;
        var psi = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ScriptPath);
        psi.ArgumentList.Add(mode);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            foreach (var q in queries) p.StandardInput.WriteLine(q);
            p.StandardInput.Close();
        });
        var answers = new OracleAnswer[queries.Count];
        string? line;
        int received = 0;
        while ((line = p.StandardOutput.ReadLine()) is not null)
        {
            var o = JsonDocument.Parse(line).RootElement;
            int id = o.GetProperty("id").GetInt32();
            bool ok = o.GetProperty("ok").GetBoolean();
            answers[id] = ok
                ? new OracleAnswer(true, o.TryGetProperty("dump", out var d) ? d.GetString() : null, 0, null, null)
                : new OracleAnswer(false, null, o.GetProperty("line").GetInt32(), o.GetProperty("msg").GetString(), o.GetProperty("type").GetString(),
                    o.TryGetProperty("offset", out var off) ? off.GetInt32() : 0);
            received++;
        }
        writer.Wait();
        p.WaitForExit();
        if (p.ExitCode != 0 || received != queries.Count)
            throw new InvalidOperationException($"CPython oracle failed (exit {p.ExitCode}, {received}/{queries.Count} answers): {stderr.Result}");
        return answers;
    }
}
