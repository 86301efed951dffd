using System.Diagnostics;
using System.Text;

namespace Batuta.Python.Runtime.Tests;

/// <summary>Runs a script under Debian's CPython 3.11 (the oracle) and returns its stdout lines.</summary>
public static class CPython
{
    public const string Interpreter = "/usr/bin/python3";

    public static string[] Lines(string script)
    {
        if (!File.Exists(Interpreter)) throw new InvalidOperationException($"{Interpreter} is missing: apt-get install -y python3 (the runtime tests compare against CPython 3.11)");
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("CPython failed: " + error);
        return output.TrimEnd('\n').Split('\n');
    }
}
