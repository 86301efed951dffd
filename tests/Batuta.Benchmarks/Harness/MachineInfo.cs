using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Batuta.Benchmarks.Harness;

/// <summary>What the numbers were measured on: printed above every peer run.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        string cpu = "unknown CPU";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }

        return $"{cpu}, {Environment.ProcessorCount} cores, {InstructionSet()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";
    }

    public static string InstructionSet()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) return "AVX-512";
        if (Avx2.IsSupported) return "AVX2";
        if (Vector128.IsHardwareAccelerated) return "SSE/NEON (128-bit)";
        return "scalar";
    }
}
