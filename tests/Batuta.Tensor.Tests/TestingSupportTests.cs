namespace Batuta.Tensors.Tests;

/// <summary>SimRng, JidokaGuard and BackendTolerance.</summary>
public class TestingSupportTests
{
    [Fact]
    public void SimRng_matches_the_pcg32_reference_stream()
    {
        // pcg32_random_r demo (pcg-c-basic): seed 42, sequence 54.
        var rng = new SimRng(42, 54);
        uint[] expected = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];
        foreach (uint e in expected) Assert.Equal(e, rng.NextUInt32());
    }

    [Fact]
    public void SimRng_is_deterministic_and_forks_independent_streams()
    {
        var a = new SimRng(7);
        var b = new SimRng(7);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var fa = a.Fork();
        var fb = b.Fork();
        for (int i = 0; i < 100; i++) Assert.Equal(fa.NextDouble(), fb.NextDouble());
        var child = a.Fork();
        int same = 0;
        for (int i = 0; i < 1000; i++) if (child.NextUInt32() == a.NextUInt32()) same++;
        Assert.True(same < 5, "a fork must not replay its parent");
        var clone = a.Clone();
        Assert.Equal(a.NextGaussian(), clone.NextGaussian());
    }

    [Fact]
    public void SimRng_distributions_have_the_right_moments_and_ranges()
    {
        var rng = new SimRng(99);
        using var u = rng.Uniform<double>([100_000], -1, 3);
        Assert.InRange(u.Min(), -1, 3);
        Assert.Equal(1.0, u.Mean(), 1);
        using var g = rng.Normal<double>([100_000], 2, 0.5);
        Assert.Equal(2.0, g.Mean(), 1);
        Assert.Equal(0.5, g.Std(), 1);
        using var ints = rng.Integers<long>([10_000], -3, 4);
        Assert.Equal(-3, ints.Min());
        Assert.Equal(3, ints.Max());
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++) counts[rng.NextInt(10)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_400, 10_600));
        using var p = rng.Permutation(50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), p.ToArray().Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }

    [Fact]
    public void JidokaGuard_reports_the_first_bad_value_with_its_index()
    {
        using var x = Tensor.Zeros<float>(3, 40);
        x[2, 17] = float.NaN;
        x[2, 30] = float.PositiveInfinity;
        var ex = Assert.Throws<JidokaViolationException>(() => JidokaGuard.CheckFinite(x, "activations"));
        Assert.Equal(2 * 40 + 17, ex.FlatIndex);
        Assert.Equal(new[] { 2, 17 }, ex.Index);
        Assert.Contains("activations", ex.Message);
        Assert.Contains("[2, 17]", ex.Message);
        Assert.Equal(-1, JidokaGuard.FindFirstNonFinite<double>([1, 2, 3]));
        Assert.Equal(9, JidokaGuard.FindFirstNonFinite<double>([0, 1, 2, 3, 4, 5, 6, 7, 8, double.NegativeInfinity]));
        JidokaGuard.CheckFinite(Tensor.Ones<int>(3));
        var inv = Assert.Throws<JidokaViolationException>(() => JidokaGuard.Check(1 + 1 == 3, "arithmetic broke", "sanity"));
        Assert.Contains("arithmetic broke", inv.Message);
    }

    [Fact]
    public void Tolerances_are_documented_and_grow_with_length()
    {
        var exact = BackendTolerance.For<float>(ToleranceClass.Exact);
        Assert.Equal(0, exact.Relative);
        Assert.Equal(0, BackendTolerance.For<int>(ToleranceClass.MatMul, 1000).Relative);
        var r10 = BackendTolerance.For<float>(ToleranceClass.Reduction, 100);
        var r1000 = BackendTolerance.For<float>(ToleranceClass.Reduction, 10_000);
        Assert.Equal(10, r1000.Relative / r10.Relative, 6);
        Assert.True(BackendTolerance.For<double>(ToleranceClass.Transcendental).Relative < 1e-13);
        Assert.True(new Tolerance(0, 0).IsClose(double.NaN, double.NaN));
        Assert.False(new Tolerance(1, 1).IsClose(double.PositiveInfinity, 1e308));
        string table = BackendTolerance.Describe();
        foreach (var kind in Enum.GetNames<ToleranceClass>()) Assert.Contains(kind, table);
        Assert.Equal(2, BackendTolerance.FirstMismatch<float>([1, 2, 3, 4], [1, 2, 3.1f, 4], new Tolerance(1e-3, 0)));
    }

    [Fact]
    public void Exp_polynomial_is_within_two_ulp_over_its_whole_range()
    {
        var rng = new SimRng(123);
        int worstF = 0;
        long worstD = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = -103 + 191.7 * rng.NextDouble();
            float xf = (float)x;
            float ef = Primitives.ExpPolynomial.Exp(xf);
            float rf = (float)Math.Exp(xf);
            worstF = Math.Max(worstF, Math.Abs(BitConverter.SingleToInt32Bits(ef) - BitConverter.SingleToInt32Bits(rf)));
            if (worstF > 2) Assert.Fail($"float exp({xf:R}) = {ef:R}, expected {rf:R}");
            double xd = -744 + 1453.7 * rng.NextDouble();
            double ed = Primitives.ExpPolynomial.Exp(xd);
            double rd = Math.Exp(xd);
            worstD = Math.Max(worstD, Math.Abs(BitConverter.DoubleToInt64Bits(ed) - BitConverter.DoubleToInt64Bits(rd)));
        }
        Assert.True(worstF <= 2, $"float exp worst error {worstF} ulp");
        Assert.True(worstD <= 2, $"double exp worst error {worstD} ulp");

        // The softmax variant (x ≤ 0, shift-magic rounding) has the same accuracy down to -87.
        var rngN = new SimRng(124);
        int worstN = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var xs16 = new float[16];
            for (int l = 0; l < 16; l++) xs16[l] = (float)(-87 * rngN.NextDouble());
            var e = Primitives.ExpPolynomial.ExpNonPositive(System.Runtime.Intrinsics.Vector512.Create(xs16));
            for (int l = 0; l < 16; l++)
                worstN = Math.Max(worstN, Math.Abs(BitConverter.SingleToInt32Bits(e[l]) - BitConverter.SingleToInt32Bits((float)Math.Exp(xs16[l]))));
        }
        Assert.True(worstN <= 2, $"softmax exp worst error {worstN} ulp");

        // The vector bodies are the same polynomial: lane for lane identical to the scalar twin.
        var xs = Enumerable.Range(0, 16).Select(i => -20f + 2.7f * i).ToArray();
        var v = Primitives.ExpPolynomial.Exp(System.Runtime.Intrinsics.Vector512.Create(xs));
        for (int i = 0; i < 16; i++) Assert.Equal(Primitives.ExpPolynomial.Exp(xs[i]), v[i]);
    }
}
