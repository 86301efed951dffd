using System.Runtime.CompilerServices;
using System.Numerics;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>
/// Every Math member the generator accepts compiles for ILGPU and computes what the scalar method does:
/// each <see cref="MathKernels"/> kernel's ILGPU kernel is launched directly (TryRunGpu, so a compile failure
/// is a failure here, not a quiet fall-back to the CPU), on ILGPU's CPU accelerator in CI and on the real
/// device under BATUTA_TEST_GPU. A failed compile breaks ILGPU's context for later kernels, so the device
/// is replaced after one and every failing group is listed.
/// </summary>
[Collection(KernelPaths.Collection)]
public sealed class GpuMathTests
{
    private const int N = 1000;

    private static float[] Floats()
    {
        var r = new Random(40);
        var a = new float[N];
        for (int i = 0; i < N; i++) a[i] = -4 + 8 * r.NextSingle();
        float[] specials = [float.NaN, -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, 2.5f, -2.5f, 0.5f, -0.5f, 1.5f, -1f, 1f, float.Epsilon, -float.MaxValue, 3e38f];
        for (int i = 0; i < specials.Length; i++)
        {
            a[3 * i] = specials[i];
            a[3 * i + 1] = specials[(i * 7 + 3) % specials.Length];
        }
        return a;
    }

    private static double[] Doubles() => Floats().Select(v => v == 3e38f ? 1e300 : v == -float.MaxValue ? -1e300 : (double)v).ToArray();

    private readonly List<string> _failures = [];

    /// <summary>Launches one group's ILGPU kernel and compares each output with the scalar method.</summary>
    private void Check<T>(string kernel, int outputs, Func<T[][], bool> gpu, Func<int, ITuple> scalar, double? relative = null)
        where T : unmanaged, INumber<T>
    {
        var o = Enumerable.Range(0, outputs).Select(_ => new T[N]).ToArray();
        // On a real device a group has hung the whole run before: say which one is launching (stderr, unbuffered).
        if (KernelPaths.IsRealGpu) Console.Error.WriteLine($"  GpuMathTests: launching {kernel}");
        var trace = new Warnings();
        System.Diagnostics.Trace.Listeners.Add(trace);
        bool ran;
        try
        {
            KernelPaths.Device();
            ran = gpu(o);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            _failures.Add($"{kernel}: its ILGPU kernel failed: {e.GetType().Name}: {e.Message}");
            KernelPaths.ResetDevice();
            return;
        }
        finally
        {
            System.Diagnostics.Trace.Listeners.Remove(trace);
        }
        if (!ran)
        {
            _failures.Add($"{kernel}: its ILGPU kernel did not run: {trace.Text}");
            KernelPaths.ResetDevice();
            return;
        }
        var rows = Enumerable.Range(0, N).Select(scalar).ToArray();
        for (int j = 0; j < outputs; j++)
        {
            var expected = rows.Select(t => (T)t[j]!).ToArray();
            try
            {
                if (relative is { } rel)
                    Compare.Close(expected.Select(double.CreateTruncating).ToArray(), o[j].Select(double.CreateTruncating).ToArray(), rel, $"{kernel}.Item{j + 1} on the GPU kernel");
                else
                    Compare.OnPath<T>(expected, o[j], "gpu", $"{kernel}.Item{j + 1} on the GPU kernel");
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                _failures.Add(e.Message);
            }
        }
    }

    private sealed class Warnings : System.Diagnostics.TraceListener
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text => _text.ToString();

        public override void Write(string? message) => _text.Append(message);

        public override void WriteLine(string? message) => _text.Append(message).Append(' ');
    }

    [Fact]
    public void EveryAcceptedMathMemberCompilesForIlgpuAndMatchesTheScalarMethod()
    {
        Assert.True(MathKernels.PairsFOperator.Vectorizable && MathKernels.PairsDOperator.Vectorizable && MathKernels.MoreFOperator.Vectorizable
            && MathKernels.MoreDOperator.Vectorizable && MathKernels.PowersFOperator.Vectorizable && MathKernels.PowersDOperator.Vectorizable && MathKernels.RoundingFOperator.Vectorizable
            && MathKernels.RoundingDOperator.Vectorizable && MathKernels.TranscendentalFOperator.Vectorizable && MathKernels.TranscendentalDOperator.Vectorizable
            && MathKernels.PredicatesFOperator.Vectorizable && MathKernels.PredicatesDOperator.Vectorizable
            && MathKernels.IntegersIOperator.Vectorizable && MathKernels.IntegersLOperator.Vectorizable);
        var x = Floats();
        var y = Floats().Reverse().ToArray();
        var xd = Doubles();
        var yd = Doubles().Reverse().ToArray();
        var r = new Random(41);
        var a = Enumerable.Range(0, N).Select(_ => r.Next(-1000, 1000)).ToArray();
        var b = Enumerable.Range(0, N).Select(_ => r.Next(-1000, 1000)).ToArray();
        var al = a.Select(v => (long)v * 1_000_000_007L).ToArray();
        var bl = b.Select(v => (long)v * 3).ToArray();
        bool realGpu = KernelPaths.IsRealGpu;

        Check<float>("PairsF", 7, o => MathKernels.PairsFOperator.TryRunGpu(x, y, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0), i => MathKernels.PairsF(x[i], y[i]));
        Check<double>("PairsD", 7, o => MathKernels.PairsDOperator.TryRunGpu(xd, yd, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0), i => MathKernels.PairsD(xd[i], yd[i]));
        Check<float>("RoundingF", 5, o => MathKernels.RoundingFOperator.TryRunGpu(x, o[0], o[1], o[2], o[3], o[4], N, 0), i => MathKernels.RoundingF(x[i]));
        Check<double>("RoundingD", 5, o => MathKernels.RoundingDOperator.TryRunGpu(xd, o[0], o[1], o[2], o[3], o[4], N, 0), i => MathKernels.RoundingD(xd[i]));
        Check<float>("TranscendentalF", 7, o => MathKernels.TranscendentalFOperator.TryRunGpu(x, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0),
            i => MathKernels.TranscendentalF(x[i]), realGpu ? 1e-5 : 2e-6);
        Check<double>("TranscendentalD", 7, o => MathKernels.TranscendentalDOperator.TryRunGpu(xd, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0),
            i => MathKernels.TranscendentalD(xd[i]), 1e-12);
        Check<float>("PowersF", 5, o => MathKernels.PowersFOperator.TryRunGpu(x, y, o[0], o[1], o[2], o[3], o[4], N, 0), i => MathKernels.PowersF(x[i], y[i]), realGpu ? 1e-5 : 2e-6);
        Check<double>("PowersD", 6, o => MathKernels.PowersDOperator.TryRunGpu(xd, yd, o[0], o[1], o[2], o[3], o[4], o[5], N, 0), i => MathKernels.PowersD(xd[i], yd[i]), 1e-12);
        Check<float>("PredicatesF", 7, o => MathKernels.PredicatesFOperator.TryRunGpu(x, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0), i => MathKernels.PredicatesF(x[i]));
        Check<double>("PredicatesD", 7, o => MathKernels.PredicatesDOperator.TryRunGpu(xd, o[0], o[1], o[2], o[3], o[4], o[5], o[6], N, 0), i => MathKernels.PredicatesD(xd[i]));
        Check<int>("IntegersI", 4, o => MathKernels.IntegersIOperator.TryRunGpu(a, b, o[0], o[1], o[2], o[3], N, 0), i => MathKernels.IntegersI(a[i], b[i]));
        Check<long>("IntegersL", 4, o => MathKernels.IntegersLOperator.TryRunGpu(al, bl, o[0], o[1], o[2], o[3], N, 0), i => MathKernels.IntegersL(al[i], bl[i]));
        Check<float>("MoreF", 5, o => MathKernels.MoreFOperator.TryRunGpu(x, y, o[0], o[1], o[2], o[3], o[4], N, 0), i => MathKernels.MoreF(x[i], y[i]));
        Check<double>("MoreD", 4, o => MathKernels.MoreDOperator.TryRunGpu(xd, yd, o[0], o[1], o[2], o[3], N, 0), i => MathKernels.MoreD(xd[i], yd[i]));

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }
}
