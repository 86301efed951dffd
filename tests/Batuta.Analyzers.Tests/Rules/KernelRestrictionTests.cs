using Batuta.Analyzers.Rules.Tensors;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class KernelRestrictionTests
{
    private static AnalyzerTest<KernelRestrictionAnalyzer> Test(string source)
        => new AnalyzerTest<KernelRestrictionAnalyzer>(source).WithSource(StandIns.Tensors);

    [Fact]
    public Task Recursion_between_kernels_and_mutable_statics_are_reported() => Test("""
        using Batuta.Tensors;
        static partial class Kernels
        {
            static float Scale = 2f;
            static int Calls;

            [Kernel] public static float Fact(float x) => x <= 1 ? 1 : x * {|BATQ012:Fact(x - 1)|};
            [Kernel] public static float Ping(float x) => x > 0 ? {|BATQ012:Pong(x - 1)|} : 0;
            [Kernel] public static float Pong(float x) => x > 0 ? {|BATQ012:Ping(x - 1)|} : 1;
            [Kernel] public static float Scaled(float x) => x * {|BATQ012:Scale|};
            [Kernel] public static float Counted(float x) { {|BATQ012:Calls|}++; return x; }
        }
        """).RunAsync();

    [Fact]
    public Task Plain_kernels_constants_and_readonly_statics_are_fine() => Test("""
        using Batuta.Tensors;
        static partial class Kernels
        {
            const float Half = 0.5f;
            static readonly float Two = 2f;
            static int _counter;

            [Kernel] public static float Saxpy(float a, float x, float y) => a * x + y;
            [Kernel] public static float Relu(float x) => System.MathF.Max(x, 0);
            [Kernel] public static float Mix(float x) => Saxpy(Half, x, Two) + Relu(x);
            // Not a kernel: ordinary code may recurse and use statics.
            public static int Fib(int n) { _counter++; return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
        }
        """).RunAsync();

    [Fact]
    public Task Signature_problems_belong_to_the_generator_and_are_not_reported() => Test("""
        using Batuta.Tensors;
        class NotPartial
        {
            [Kernel] public float Instance(float x) => x;
            [Kernel] public static string WrongType(string s) => s + "x";
        }
        """).RunAsync();
}
