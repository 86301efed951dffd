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
        var psi = StartInfo(fileName, arguments, workingDirectory, environment);

        var sw = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        WriteInput(p, stdin);

        bool timedOut = WaitOrKill(p, timeout);
        sw.Stop();
        string o, e2;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e2 = stderr.ToString();
        return new ProcessOutcome(timedOut ? -1 : p.ExitCode, o, e2, sw.Elapsed, timedOut);
    }

    /// <summary>Redirected, UTF-8 (no BOM) streams; an environment entry with a null value removes that variable.</summary>
    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment)
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
        return psi;
    }

    /// <summary>Writes stdin (if any) and closes it, so a child that reads to the end does not wait forever.</summary>
    private static void WriteInput(Process p, string? stdin)
    {
        try
        {
            if (stdin is not null) p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its output still tells the story.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/>; past it, kills the whole tree. True when it timed out.</summary>
    private static bool WaitOrKill(Process p, TimeSpan timeout)
    {
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
        return timedOut;
    }
}
