using System.Diagnostics;

namespace Batuta.ML.Tests.Support;

/// <summary>Runs Debian's CPython (the interpreter that has numpy 1.24 and scikit-learn 1.2.1) as the oracle.</summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: install python3-numpy python3-sklearn libopenblas0-pthread (apt-get) to run the scikit-learn parity tests.");
        var psi = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OPENBLAS_NUM_THREADS"] = "1";
        psi.Environment["PYTHONWARNINGS"] = "ignore";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"python oracle failed (exit {p.ExitCode}); if sklearn is missing install python3-sklearn:\n{err.Result}");
        return output;
    }

    public static string RunFile(string path, params string[] args) => Run(File.ReadAllText(path), args);
}
