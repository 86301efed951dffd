using System.Diagnostics;

namespace Batuta.Benchmarks.Harness;

/// <summary>
/// Runs a peer script under Debian's CPython (<c>/usr/bin/python3</c>, the one that sees numpy
/// and scikit-learn). Scripts print their own timings; this only starts them and returns stdout.
/// </summary>
public static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Run(string script, IEnumerable<string>? args = null, IDictionary<string, string?>? environment = null, string? stdin = null)
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: run ./build.sh setup (installs python3-numpy, python3-sklearn, libopenblas0-pthread).");

        var psi = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args ?? []) psi.ArgumentList.Add(a);
        foreach (var kv in environment ?? new Dictionary<string, string?>())
        {
            if (kv.Value is null) psi.Environment.Remove(kv.Key);
            else psi.Environment[kv.Key] = kv.Value;
        }

        using var p = Process.Start(psi)!;
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"python peer failed with exit code {p.ExitCode}:\n{stderr.Result}");
        return stdout;
    }
}
