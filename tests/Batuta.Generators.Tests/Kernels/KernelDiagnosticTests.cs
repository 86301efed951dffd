using Batuta.Generators.Tests.Kernels.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Batuta.Generators.Tests.Kernels;

/// <summary>
/// Every BATUTA-O-1xx diagnostic (reported as BATO1xx) at its exact span. Errors stop generation;
/// infos leave the kernel a scalar path, and the generated code still compiles.
/// </summary>
public sealed class KernelDiagnosticTests
{
    private const string Header = "using System;\nusing Batuta.Tensors;\nnamespace Samples;\n";

    /// <summary>Runs the generator on the marked source and checks that exactly the marked diagnostics are reported.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, Compilation Output) Verify(string markup)
    {
        var (source, expected) = Markup.Parse(Header + markup);
        var (result, output) = KernelCompilation.Run(source);
        var actual = result.Diagnostics.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id).ToList();
        var wanted = expected.Select(e => (e.Id, e.Span)).OrderBy(d => d.Span.Start).ThenBy(d => d.Id).ToList();
        string Show(IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> list) =>
            string.Join("\n", list.Select(d => $"  {d.Id} at {d.Span}: '{source.Substring(d.Span.Start, d.Span.Length)}'"));
        Assert.True(wanted.SequenceEqual(actual), $"expected:\n{Show(wanted)}\nactual:\n{Show(actual)}\nmessages:\n" +
            string.Join("\n", result.Diagnostics.Select(d => "  " + d)));
        foreach (var d in result.Diagnostics)
        {
            int code = int.Parse(d.Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(code <= 105 ? DiagnosticSeverity.Error : code < 199 ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, d.Severity);
            Assert.StartsWith("BATUTA-O-" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal("Kernels.cs", d.Location.GetLineSpan().Path);
        }
        return (result.Diagnostics, output);
    }

    /// <summary>Infos keep a scalar path: the generated code compiles and the operator says it is not vectorised.</summary>
    private static void ScalarPathCompiles(Compilation output, string operatorName)
    {
        KernelCompilation.AssertCompiles(output);
        var op = output.GetTypeByMetadataName("Samples.K+" + operatorName);
        Assert.NotNull(op);
        var vectorizable = op!.GetMembers("Vectorizable").OfType<IPropertySymbol>().Single();
        var syntax = (Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax)vectorizable.DeclaringSyntaxReferences.Single().GetSyntax();
        Assert.Equal("false", syntax.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void NotStatic()
    {
        var (_, output) = Verify("public partial class K { [Kernel] public partial float {|BATO101:Scale|}(float x) => x * 2; }");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS0759");
    }

    [Fact]
    public void NotPartial()
    {
        var (d, _) = Verify("public static partial class K { [Kernel] public static float {|BATO101:Scale|}(float x) => x * 2; }");
        Assert.Contains("missing 'partial'", d.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ContainingTypeNotPartial() =>
        Verify("public static class {|BATO102:K|} { [Kernel] public static partial float Scale(float x) => x * 2; }");

    [Fact]
    public void ContainingTypeGeneric() =>
        Verify("public static partial class {|BATO102:K|}<T> { [Kernel] public static partial float Scale(float x) => x * 2; }");

    [Fact]
    public void UnsupportedParameterType()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float Norm({|BATO103:decimal|} x, float y) => y; }");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS0759");
    }

    [Fact]
    public void UnsupportedReturnType() =>
        Verify("public static partial class K { [Kernel] public static partial {|BATO103:string|} Name(float x) => \"x\"; }");

    [Fact]
    public void ByRefParameter() =>
        Verify("public static partial class K { [Kernel] public static partial float F({|BATO104:ref float x|}) => x; }");

    [Fact]
    public void GenericMethod() =>
        Verify("public static partial class K { [Kernel] public static partial float F{|BATO104:<T>|}(float x) => x; }");

    [Fact]
    public void NoParameters() =>
        Verify("public static partial class K { [Kernel] public static partial float F{|BATO104:()|} => 1f; }");

    [Fact]
    public void NoBody() =>
        Verify("public static partial class K { [Kernel] public static partial float {|BATO104:F|}(float x); }");

    [Fact]
    public void ReductionOfATuple() =>
        Verify("public static partial class K { [Kernel(Reduce = KernelReduction.Sum)] public static partial {|BATO105:(float, float)|} F(float x) => (x, x); }");

    [Fact]
    public void CustomReductionWithoutCombine() =>
        Verify("public static partial class K { [Kernel({|BATO105:Reduce = KernelReduction.Custom|})] public static partial float F(float x) => x; }");

    [Fact]
    public void CustomReductionWithAnUnknownCombine() =>
        Verify("public static partial class K { [Kernel(Reduce = KernelReduction.Custom, {|BATO105:Combine = \"Nope\"|}, Identity = 0f)] public static partial float F(float x) => x; }");

    [Fact]
    public void IdentityOfTheWrongType() =>
        Verify("public static partial class K { [Kernel(Reduce = KernelReduction.Sum, {|BATO105:Identity = \"zero\"|})] public static partial float F(float x) => x; }");

    [Fact]
    public void Allocation()
    {
        var (d, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) { float[] a = {|BATO110:new float[] { x, 1f }|}; return x; } }");
        ScalarPathCompiles(output, "FOperator");
        Assert.Contains("kernel 'F' runs its scalar code", d.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceType()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) { string s = {|BATO111:\"abc\"|}; return x; } }");
        ScalarPathCompiles(output, "FOperator");
    }

    [Fact]
    public void UnknownCall()
    {
        var (d, output) = Verify("public static partial class K { static float Helper(float v) => v; [Kernel] public static partial float F(float x) => {|BATO112:Helper(x)|} + 1f; }");
        ScalarPathCompiles(output, "FOperator");
        Assert.Contains("mark 'Helper' with [Kernel]", d.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void MathFunctionWithoutAVectorForm()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) => {|BATO112:MathF.Atan(x)|}; }");
        ScalarPathCompiles(output, "FOperator");
    }

    [Fact]
    public void ThrowStatement()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) { if (x < 0) {|BATO113:throw new ArgumentException(\"negative\");|} return x; } }");
        ScalarPathCompiles(output, "FOperator");
    }

    [Fact]
    public void ThrowExpression() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x) => x >= 0 ? x : {|BATO113:throw new ArgumentException()|}; }");

    [Fact]
    public void CheckedArithmetic() =>
        Verify("public static partial class K { [Kernel] public static partial int F(int n) => checked({|BATO113:n * 2|}); }");

    [Fact]
    public void WhileLoop()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) { {|BATO114:while (x > 1f)|} x = x * 0.5f; return x; } }");
        ScalarPathCompiles(output, "FOperator");
    }

    [Fact]
    public void ForLoopWithAVariableBound() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x, int n) { float y = 0; {|BATO114:for (int i = 0; i < n; i++)|} y = y + x; return y; } }");

    [Fact]
    public void Recursion() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x) => x > 1 ? {|BATO114:F(x - 1)|} : x; }");

    [Fact]
    public void DoubleMathInAFloatKernel()
    {
        var (d, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) => (float)Math.Exp({|BATO115:x|}); }");
        ScalarPathCompiles(output, "FOperator");
        Assert.Contains("use MathF", d.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void MixedWidthParameters() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x, {|BATO115:double unused|}) => x; }");

    [Fact]
    public void IntegerDivision() =>
        Verify("public static partial class K { [Kernel] public static partial int F(int n) => {|BATO116:n / 3|}; }");

    [Fact]
    public void FloatingPointRemainder() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x) => {|BATO116:x % 2f|}; }");

    [Fact]
    public void SwitchExpression() =>
        Verify("public static partial class K { [Kernel] public static partial float F(float x) => {|BATO117:x switch { > 0 => x, _ => 0f }|}; }");

    [Fact]
    public void MutableStaticFieldHasNoGpuKernel()
    {
        var (_, output) = Verify("public static partial class K { static float s_scale = 2f; [Kernel] public static partial float {|BATO118:F|}(float x) => x * s_scale; }");
        KernelCompilation.AssertCompiles(output);
        Assert.Null(output.GetTypeByMetadataName("Samples.K+FOperator")!.GetMembers("TryRunGpu").FirstOrDefault());
    }

    [Fact]
    public void ClampInABodyThatIsNotVectorisedHasNoGpuKernel()
    {
        // ILGPU cannot compile Math.Clamp's throw helper; only the lowered body (a clamp without the throw) may reach the GPU.
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float {|BATO118:F|}(float x) => {|BATO112:MathF.Atan(x)|} + Math.Clamp(x, 0f, 1f); }");
        KernelCompilation.AssertCompiles(output);
        Assert.Null(output.GetTypeByMetadataName("Samples.K+FOperator")!.GetMembers("TryRunGpu").FirstOrDefault());
    }

    [Fact]
    public void MoreThanSevenResultsHaveNoGpuKernel() =>
        Verify("public static partial class K { [Kernel] public static partial (float, float, float, float, float, float, float, float) {|BATO118:F|}(float x) => (x, x, x, x, x, x, x, x); }");

    [Fact]
    public void ClampInAVectorisedBodyKeepsItsGpuKernel()
    {
        var (_, output) = Verify("public static partial class K { [Kernel] public static partial float F(float x) => Math.Clamp(x, 0f, 1f); }");
        KernelCompilation.AssertCompiles(output);
        Assert.NotNull(output.GetTypeByMetadataName("Samples.K+FOperator")!.GetMembers("TryRunGpu").FirstOrDefault());
    }

    [Fact]
    public void PragmaSuppressesAndTheLocationIsInTheSourceTree()
    {
        var (result, _) = KernelCompilation.Run(Header + """
            public static partial class K
            {
                [Kernel] public static partial float A(float x) => MathF.Atan(x);
            #pragma warning disable BATO112
                [Kernel] public static partial float B(float x) => MathF.Atan(x);
            #pragma warning restore BATO112
            }
            """);
        var a = result.Diagnostics.Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("kernel 'A'", StringComparison.Ordinal));
        var b = result.Diagnostics.Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("kernel 'B'", StringComparison.Ordinal));
        Assert.True(a.Location.IsInSource);
        Assert.False(a.IsSuppressed);
        Assert.True(b.IsSuppressed);
    }

    [Fact]
    public void ValidKernelsReportNothing() =>
        Verify("public static partial class K { static readonly float Scale = 2f; [Kernel] public static partial float F(float x, int n) { float y = x * Scale; for (int i = 0; i < 3; i++) y += i; return n > 0 ? y : -y; } }");
}
