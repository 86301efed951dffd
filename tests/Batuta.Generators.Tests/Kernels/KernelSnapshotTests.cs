using Batuta.Generators.Tests.Kernels.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Batuta.Generators.Tests.Kernels;

/// <summary>
/// The generated source of representative kernels, compared with checked-in snapshots; every case
/// also compiles the generated code against the real Batuta.Tensor and ILGPU references.
/// </summary>
public sealed class KernelSnapshotTests
{
    private static void Check(string name, string source, bool ilgpu = true)
    {
        var (result, output) = KernelCompilation.Run(source, ilgpu);
        KernelCompilation.AssertCompiles(output);
        var generated = result.Results.Single().GeneratedSources
            .Where(s => s.HintName != "Batuta.Kernels.Support.g.cs")
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "//// " + s.HintName + "\n" + s.SourceText.ToString());
        Snapshot.Match(name, string.Join("\n", generated));
    }

    [Fact]
    public void Saxpy()
    {
        Check("Saxpy", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            public static partial class Blas
            {
                [Kernel]
                public static partial float Saxpy(float a, float x, float y) => a * x + y;
            }
            """);
    }

    [Fact]
    public void TupleResults()
    {
        Check("TupleResults", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            public static partial class Pricing
            {
                [Kernel]
                public static partial (double Call, double Put) Straddle(double spot, double strike)
                {
                    double intrinsic = spot - strike;
                    return (Math.Max(intrinsic, 0.0), Math.Max(-intrinsic, 0.0));
                }
            }
            """);
    }

    [Fact]
    public void Reductions()
    {
        Check("Reductions", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            public static partial class Stats
            {
                [Kernel(Reduce = KernelReduction.Sum)]
                public static partial float SquaredDistance(float x, float y)
                {
                    float d = x - y;
                    return d * d;
                }

                [Kernel]
                public static partial float Larger(float a, float b) => a > b ? a : b;

                [Kernel(Reduce = KernelReduction.Custom, Combine = nameof(Larger), Identity = float.NegativeInfinity)]
                public static partial float Peak(float x) => MathF.Abs(x);
            }
            """);
    }

    [Fact]
    public void ControlFlowAndCalls()
    {
        Check("ControlFlowAndCalls", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            public static partial class Activations
            {
                [Kernel]
                public static partial float Relu(float x) => x > 0f ? x : 0f;

                [Kernel]
                public static partial float Shaped(float x, int steps)
                {
                    float y = Relu(x);
                    if (steps > 2)
                    {
                        y = y * steps;
                    }
                    else if (steps < 0)
                    {
                        return -y;
                    }
                    for (int i = 0; i < 3; i++)
                        y = y * 0.5f + i;
                    return MathF.Sqrt(y) + MathF.Exp(-x);
                }
            }
            """);
    }

    [Fact]
    public void ScalarFallback()
    {
        Check("ScalarFallback", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            public static partial class Trig
            {
                [Kernel]
                public static partial float Angle(float y, float x) => MathF.Atan2(y, x);
            }
            """);
    }

    [Fact]
    public void WithoutIlgpu()
    {
        Check("WithoutIlgpu", """
            using System;
            using Batuta.Tensors;
            namespace Samples;
            internal static partial class Blas
            {
                [Kernel]
                internal static partial double Axpb(double a, double x, double b) => a * x + b;
            }
            """, ilgpu: false);
    }

    [Fact]
    public void NestedTypesInTheGlobalNamespace()
    {
        Check("NestedTypes", """
            using Batuta.Tensors;
            public partial class Outer
            {
                internal partial struct Inner
                {
                    [Kernel(Gpu = false)]
                    private static partial long Mix(long a, long b) => (a ^ b) << 3;
                }
            }
            """);
    }

    [Fact]
    public void SupportSource()
    {
        var (result, output) = KernelCompilation.Run("""
            using Batuta.Tensors;
            public static partial class K { [Kernel] public static partial float Id(float x) => x; }
            """);
        KernelCompilation.AssertCompiles(output);
        var support = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Batuta.Kernels.Support.g.cs");
        Snapshot.Match("Support", support.SourceText.ToString());
    }

    [Fact]
    public void NoKernelsNoOutput()
    {
        var (result, _) = KernelCompilation.Run("public static class Plain { public static float F(float x) => x; }");
        Assert.Empty(result.Results.Single().GeneratedSources);
    }
}
