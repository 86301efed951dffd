using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Batuta.Core.Phases.Optimization;

/// <summary>What this machine offers the tensor core: the widest SIMD width and whether a GPU driver is present.</summary>
public static class ComputeTargets
{
    public static string InstructionSet()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) return "AVX-512";
        if (Avx2.IsSupported && Fma.IsSupported) return "AVX2+FMA";
        if (Vector256.IsHardwareAccelerated) return "256-bit SIMD";
        if (Vector128.IsHardwareAccelerated) return "128-bit SIMD";
        return "scalar";
    }

    /// <summary>
    /// A CUDA or OpenCL driver on disk. This is a cheap probe for planning; Batuta.Tensor's backend
    /// selector makes the final per-operation choice at run time.
    /// </summary>
    public static string? GpuDriver()
    {
        string[] candidates =
        [
            "/dev/nvidiactl", "/proc/driver/nvidia/version",
            "/usr/local/nvidia/lib64/libcuda.so.1", "/usr/lib/x86_64-linux-gnu/libcuda.so.1", "/usr/lib64/libcuda.so.1",
            "/etc/OpenCL/vendors",
        ];
        return candidates.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));
    }
}
