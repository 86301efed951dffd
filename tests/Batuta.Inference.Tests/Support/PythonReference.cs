using System.Diagnostics;
using System.Text.Json;

namespace Batuta.Inference.Tests.Support;

/// <summary>
/// Runs Reference/llama_reference.py under Debian's python3 with PyTorch. Missing PyTorch fails the
/// test with the install command: the parity tests never skip.
/// </summary>
public static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    public sealed record Case(string Model, int[] Prompt, int[] Decode, string Out, bool Int8 = false, bool Kv16 = false);

    public static void Run(IReadOnlyList<Case> cases)
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: install Debian's python3 (apt-get install -y python3 python3-numpy python3-torch).");
        string script = Path.Combine(AppContext.BaseDirectory, "Reference", "llama_reference.py");
        string job = Path.Combine(Path.GetDirectoryName(cases[0].Out)!, "job.json");
        File.WriteAllText(job, JsonSerializer.Serialize(new
        {
            cases = cases.Select(c => new { model = c.Model, prompt = c.Prompt, decode = c.Decode, @out = c.Out, int8 = c.Int8, kv16 = c.Kv16 }),
        }));
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(job);
        psi.Environment["OMP_NUM_THREADS"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string err = stderr.Result;
        if (err.Contains("No module named 'torch'", StringComparison.Ordinal))
            throw new InvalidOperationException("PyTorch is missing for the reference model: run `apt-get install -y python3-torch` (Debian) and re-run the tests.");
        if (p.ExitCode != 0 || !stdout.Contains("ok", StringComparison.Ordinal))
            throw new InvalidOperationException($"the PyTorch reference failed (exit {p.ExitCode}):\n{err}\n{stdout}");
    }

    public static float[] ReadLogits(string path) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}
