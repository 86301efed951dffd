using System.Diagnostics;
using System.Text;

namespace Batuta.Core;

/// <summary>The result of running a program to completion (or to its timeout).</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut);

/// <summary>Runs a child process with arguments, stdin, a working folder and a hard timeout (the whole tree is killed).</summary>
public static class ProcessRunner
{
    public static ProcessOutcome Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string? stdin, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var kv in environment ?? new Dictionary<string, string?>())
        {
            if (kv.Value is null) psi.Environment.Remove(kv.Key);
            else psi.Environment[kv.Key] = kv.Value;
        }

        var sw = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            if (stdin is not null) p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its output still tells the story.
        }

        bool timedOut = !p.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds));
        if (timedOut)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
        }
        else
        {
            p.WaitForExit(); // drains the async readers
        }
        sw.Stop();
        string o, e2;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e2 = stderr.ToString();
        return new ProcessOutcome(timedOut ? -1 : p.ExitCode, o, e2, sw.Elapsed, timedOut);
    }
}
