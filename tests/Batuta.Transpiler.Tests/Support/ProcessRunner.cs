using System.Diagnostics;
using System.Text;

namespace Batuta.Transpiler.Tests.Support;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);

public static class ProcessRunner
{
    public static ProcessResult Run(string file, IEnumerable<string> args, string? workingDirectory = null, string? stdin = null, int timeoutMs = 60_000, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        psi.Environment["DOTNET_TieredPGO"] = "0";
        psi.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        if (env is not null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException) { }
        bool done = p.WaitForExit(timeoutMs);
        if (!done)
        {
            try { p.Kill(true); } catch (InvalidOperationException) { }
            p.WaitForExit();
        }
        return new ProcessResult(done ? p.ExitCode : -1, stdout.Result, stderr.Result, !done);
    }

    public static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
}
