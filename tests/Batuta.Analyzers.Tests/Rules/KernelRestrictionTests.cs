using Batuta.Analyzers.Rules.Tensors;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class KernelRestrictionTests
{
    private static AnalyzerTest<KernelRestrictionAnalyzer> Test(string source)
        => new AnalyzerTest<KernelRestrictionAnalyzer>(source).WithSource(StandIns.Tensors);

    [Fact]
    public Task Kernels_called_once_per_element_in_a_loop_are_reported() => Test("""
        using Batuta.Tensors;
        static partial class Kernels
        {
            [Kernel] public static float Saxpy(float a, float x, float y) => a * x + y;
            [Kernel] public static double Relu(double x) => x > 0 ? x : 0;

            public static void Apply(float a, float[] x, float[] y, double[] z)
            {
                for (int i = 0; i < x.Length; i++) y[i] = {|BATQ012:Saxpy(a, x[i], y[i])|};
                foreach (var v in z) System.Console.WriteLine({|BATQ012:Relu(v)|});
                int j = 0;
                while (j < z.Length) { z[j] = {|BATQ012:Kernels.Relu(z[j])|}; j++; }
                do { z[0] = {|BATQ012:Relu(z[0])|}; } while (z[0] > 1);
            }
        }
        """).RunAsync();

    [Fact]
    public Task Single_calls_kernel_to_kernel_calls_and_whole_data_overloads_are_fine() => Test("""
        using System;
        using Batuta.Tensors;
        static partial class Kernels
        {
            [Kernel] public static float Saxpy(float a, float x, float y) => a * x + y;
            [Kernel] public static float Twice(float a, float x, float y) => Saxpy(a, x, Saxpy(a, x, y));
            // Stands in for the generated whole-data overload.
            public static void Saxpy(float a, ReadOnlySpan<float> x, Span<float> y) { }
            static float Plain(float x) => x;

            public static float Use(float a, float[] x, float[] y)
            {
                float one = Saxpy(a, 1, 2);
                for (int i = 0; i < 3; i++) Saxpy(a, x, y);
                for (int i = 0; i < x.Length; i++) y[i] = Plain(x[i]);
                for (int i = 0; i < x.Length; i++) { Func<float, float> f = v => Saxpy(a, v, 0); }
                for (int i = Saxpy(a, 1, 2) > 0 ? 0 : 1; i < 1; i++) { }
                return one;
            }
        }
        """).RunAsync();
}
