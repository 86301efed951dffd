using System.Diagnostics;
using System.Globalization;
using System.Text;
using Batuta.Tensors.IO;
using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>
/// Parity with real numpy (Debian's /usr/bin/python3 with python3-numpy): the same inputs (written
/// as .npy) go through numpy and through Batuta, and the results must agree within the documented
/// tolerances. One python process runs every case, so the whole suite costs about a second.
/// </summary>
public sealed class NumpyParityTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"batuta-parity-{Guid.NewGuid():N}");
    private readonly List<ParityCase> _cases = [];
    private readonly List<IDisposable> _owners = [];

    private sealed record ParityCase(string Name, string Numpy, Func<(double[] Values, int[] Shape)> Ours, Tolerance Tolerance);

    public NumpyParityTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Check.Dispose(_owners);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Tensor<T> Input<T>(string name, Tensor<T> t) where T : unmanaged, INumber<T>
    {
        _owners.Add(t);
        Npy.Save(Path.Combine(_dir, name + ".npy"), t);
        return t;
    }

    private void Case<T>(string name, string numpy, Func<Tensor<T>> ours, Tolerance tolerance) where T : unmanaged, INumber<T>
    {
        _cases.Add(new ParityCase(name, numpy, () =>
        {
            using var r = ours();
            return (Ref.ToDouble(r), r.Shape.ToArray());
        }, tolerance));
    }

    private void Scalar<T>(string name, string numpy, Func<T> ours, Tolerance tolerance) where T : unmanaged, INumber<T> =>
        _cases.Add(new ParityCase(name, numpy, () => ([double.CreateTruncating(ours())], []), tolerance));

    [Fact]
    public void Batuta_matches_numpy_on_a_broad_list_of_operations()
    {
        if (!File.Exists(Python))
            Assert.Fail($"{Python} is missing: install Debian's python3-numpy (apt-get install -y python3-numpy libopenblas0-pthread) to run the numpy parity test.");

        var rng = new SimRng(2024);
        var a = Input("a", rng.Uniform<double>([6, 7], -2, 2));
        var b = Input("b", rng.Uniform<double>([7], -2, 2));
        var p = Input("p", rng.Uniform<double>([6, 7], 0.1, 3));
        var m = Input("m", rng.Uniform<double>([7, 5], -1, 1));
        var s3 = Input("s3", rng.Uniform<double>([2, 6, 7], -1, 1));
        var v = Input("v", rng.Uniform<double>([7], -1, 1));
        var af = Input("af", rng.Uniform<float>([33, 65], -3, 3));
        var bf = Input("bf", rng.Uniform<float>([65], -3, 3));
        var mf = Input("mf", rng.Uniform<float>([65, 40], -1, 1));
        var big = Input("big", rng.Uniform<float>([100_003], -4, 4));
        var ai = Input("ai", rng.Integers<int>([5, 9], -50, 50));
        var li = Input("li", rng.Integers<long>([9, 4], -9, 10));
        var sq = Input("sq", SpdMatrix(rng, 8));
        var g = Input("g", rng.Uniform<double>([8, 8], -1, 1));
        var tall = Input("tall", rng.Uniform<double>([12, 5], -1, 1));
        var rhs = Input("rhs", rng.Uniform<double>([8, 3], -1, 1));
        var rhsTall = Input("rhs_tall", rng.Uniform<double>([12], -1, 1));
        var dup = Input("dup", rng.Integers<long>([40], 0, 6).Cast<double>());

        var exact = new Tolerance(0, 0);
        var ew64 = BackendTolerance.For<double>(ToleranceClass.ElementWise);
        var tr64 = BackendTolerance.For<double>(ToleranceClass.Transcendental);
        var tr32 = BackendTolerance.For<float>(ToleranceClass.Transcendental);
        var ew32 = BackendTolerance.For<float>(ToleranceClass.ElementWise);
        Tolerance Red64(int n) => BackendTolerance.For<double>(ToleranceClass.Reduction, n).Scaled(4);
        Tolerance Red32(int n) => BackendTolerance.For<float>(ToleranceClass.Reduction, n).Scaled(8);
        var la = BackendTolerance.For<double>(ToleranceClass.LinearAlgebra, 12);

        // Element-wise, with broadcasting.
        Case("add", "a + b", () => a + b, exact);
        Case("subtract", "a - b", () => a - b, exact);
        Case("multiply", "a * b", () => a * b, exact);
        Case("divide", "a / b", () => a / b, exact);
        Case("maximum", "np.maximum(a, b)", () => a.Maximum(b), exact);
        Case("minimum", "np.minimum(a, b)", () => a.Minimum(b), exact);
        Case("power", "np.power(p, 1.7)", () => p.Power(1.7), tr64);
        Case("power_tensor", "np.power(p, b)", () => p.Power(b), tr64);
        Case("less", "(a < b).astype(np.float64)", () => a.Less(b), exact);
        Case("greater_equal", "(a >= 0.5).astype(np.float64)", () => a.GreaterEqual(0.5), exact);
        Case("negative", "np.negative(a)", () => -a, exact);
        Case("absolute", "np.abs(a)", () => a.Abs(), exact);
        Case("square", "np.square(a)", () => a.Square(), ew64);
        Case("sqrt", "np.sqrt(p)", () => p.Sqrt(), ew64);
        Case("exp", "np.exp(a)", () => a.Exp(), tr64);
        Case("log", "np.log(p)", () => p.Log(), tr64);
        Case("sin", "np.sin(a)", () => a.Sin(), tr64);
        Case("cos", "np.cos(a)", () => a.Cos(), tr64);
        Case("tanh", "np.tanh(a)", () => a.Tanh(), tr64);
        Case("clip", "np.clip(a, -0.5, 0.7)", () => a.Clip(-0.5, 0.7), exact);
        Case("where", "np.where(a > 0, a, b)", () =>
        {
            using var c = a.Greater(0.0);
            return Tensor.Where(c, a, b);
        }, exact);
        Case("exp_f32", "np.exp(af)", () => af.Exp(), tr32);
        Case("tanh_f32", "np.tanh(af)", () => af.Tanh(), tr32);
        Case("log_f32", "np.log(np.abs(af) + 0.01)", () =>
        {
            using var t = af.Abs();
            using var u = t + 0.01f;
            return u.Log();
        }, tr32);
        Case("add_f32_broadcast", "af + bf", () => af + bf, exact);
        Case("sqrt_f32", "np.sqrt(np.abs(af))", () =>
        {
            using var t = af.Abs();
            return t.Sqrt();
        }, ew32);
        Case("add_i32", "ai + ai[0]", () =>
        {
            using var row = ai.View(0);
            return ai + row;
        }, exact);
        Case("multiply_i64", "li * 3", () => li * 3L, exact);

        // Activations.
        Case("relu", "np.maximum(a, 0)", () => a.Relu(), exact);
        Case("sigmoid", "1 / (1 + np.exp(-a))", () => a.Sigmoid(), tr64);
        Case("silu", "a / (1 + np.exp(-a))", () => a.Silu(), tr64);
        Case("gelu", "0.5 * a * (1 + np.vectorize(math.erf)(a / math.sqrt(2)))", () => a.Gelu(), tr64);
        Case("gelu_tanh", "0.5 * a * (1 + np.tanh(math.sqrt(2 / math.pi) * (a + 0.044715 * a ** 3)))", () => a.Gelu(approximate: true), tr64);
        Case("softmax", "np.exp(a - a.max(-1, keepdims=True)) / np.exp(a - a.max(-1, keepdims=True)).sum(-1, keepdims=True)", () => a.Softmax(), tr64);
        Case("softmax_axis0", "np.exp(a - a.max(0, keepdims=True)) / np.exp(a - a.max(0, keepdims=True)).sum(0, keepdims=True)", () => a.Softmax(0), tr64);
        Case("log_softmax", "(a - a.max(-1, keepdims=True)) - np.log(np.exp(a - a.max(-1, keepdims=True)).sum(-1, keepdims=True))", () => a.LogSoftmax(), tr64.Scaled(4));
        Case("softmax_f32_big", "np.exp(big - big.max()) / np.exp(big - big.max()).sum()", () => big.Softmax(), tr32.Scaled(1e-5));

        // Reductions.
        Scalar("sum", "a.sum()", () => a.Sum(), Red64(42));
        Case("sum_axis0", "a.sum(axis=0)", () => a.Sum(0), Red64(6));
        Case("sum_axis1_keepdims", "a.sum(axis=1, keepdims=True)", () => a.Sum(1, keepDims: true), Red64(7));
        Case("sum_3d_axis1", "s3.sum(axis=1)", () => s3.Sum(1), Red64(6));
        Scalar("sum_f32_big", "big.sum(dtype=np.float64)", () => big.Sum(), Red32(100_003).Scaled(50));
        Scalar("mean", "a.mean()", () => a.Mean(), Red64(42));
        Case("mean_axis1", "a.mean(axis=1)", () => a.Mean(1), Red64(7));
        Case("max_axis0", "a.max(axis=0)", () => a.Max(0), exact);
        Case("min_axis1", "a.min(axis=1)", () => a.Min(1), exact);
        Case("argmax_axis1", "a.argmax(axis=1).astype(np.int64)", () => a.ArgMax(1), exact);
        Case("argmin_axis0", "a.argmin(axis=0).astype(np.int64)", () => a.ArgMin(0), exact);
        Scalar("argmax", "np.int64(a.argmax())", () => a.ArgMax(), exact);
        Scalar("var", "a.var()", () => a.Var(), Red64(42));
        Case("var_ddof1_axis0", "a.var(axis=0, ddof=1)", () => a.Var(0, ddof: 1), Red64(6));
        Case("std_axis1", "a.std(axis=1)", () => a.Std(1), Red64(7));
        Scalar("std_f32", "af.std(dtype=np.float64)", () => af.Std(), Red32(2145));
        Case("prod_axis1", "p.prod(axis=1)", () => p.Prod(1), Red64(49));
        Scalar("sum_i64", "li.sum()", () => li.Sum(), exact);
        Case("sum_i32_axis0", "ai.sum(axis=0).astype(np.int32)", () => ai.Sum(0), exact);
        Case("cumsum_axis0", "a.cumsum(axis=0)", () => a.CumSum(0), Red64(6));
        Case("cumsum_flat", "a.cumsum()", () => a.CumSum(), Red64(42));
        Case("sort", "np.sort(a, axis=-1)", () => a.Sort(), exact);
        Case("sort_axis0", "np.sort(a, axis=0)", () => a.Sort(0), exact);
        Case("argsort_stable", "np.argsort(dup, kind='stable').astype(np.int64)", () => dup.ArgSort(), exact);

        // Products and shape manipulation.
        Scalar("dot", "np.dot(b, v)", () => b.Dot(v), Red64(7));
        Case("matmul", "a @ m", () => a.MatMul(m), Red64(7));
        Case("matmul_f32", "af @ mf", () => af.MatMul(mf), BackendTolerance.For<float>(ToleranceClass.MatMul, 65).Scaled(8));
        Case("matmul_batched", "s3 @ m", () => s3.MatMul(m), Red64(7));
        Case("matmul_vec", "m.T @ v", () =>
        {
            using var mt = m.Transpose();
            return mt.MatMul(v);
        }, Red64(7));
        Case("matmul_i64", "li.T @ li", () =>
        {
            using var lt = li.Transpose();
            return lt.MatMul(li);
        }, exact);
        Case("outer", "np.outer(b, v)", () => b.Outer(v), exact);
        Case("transpose_copy", "np.ascontiguousarray(s3.transpose(2, 0, 1))", () =>
        {
            using var t = s3.Transpose(2, 0, 1);
            return t.Clone();
        }, exact);
        Case("slice_step", "a[::-2, 1::3]", () => a[TensorIndex.Slice(null, null, -2), TensorIndex.Slice(1, null, 3)].Clone(), exact);
        Case("reshape", "a.T.reshape(-1, 3)", () =>
        {
            using var t = a.Transpose();
            return t.Reshape(-1, 3);
        }, exact);
        Case("concatenate", "np.concatenate([a, a * 2], axis=1)", () =>
        {
            using var twice = a * 2.0;
            return Tensor.Concatenate([a, twice], 1);
        }, exact);
        Case("stack", "np.stack([b, v], axis=1)", () => Tensor.Stack([b, v], 1), exact);
        Case("broadcast_to", "np.ascontiguousarray(np.broadcast_to(b, (3, 7)))", () => b.BroadcastTo(3, 7).Clone(), exact);

        // Creation.
        Case("arange", "np.arange(-1.5, 2.0, 0.25)", () => Tensor.Arange(-1.5, 2.0, 0.25), exact);
        Case("arange_int", "np.arange(3, 20, 4)", () => Tensor.Arange(3, 20, 4), exact);
        Case("linspace", "np.linspace(-1, 3, 17)", () => Tensor.Linspace(-1, 3, 17), ew64);
        Case("eye", "np.eye(4, 6, k=-1)", () => Tensor.Eye(4, 6, -1), exact);

        // Linear algebra.
        Case("solve", "np.linalg.solve(sq, rhs)", () => Linalg.Solve(sq, rhs), la);
        Case("inv", "np.linalg.inv(g)", () => Linalg.Inv(g), la.Scaled(10));
        Scalar("det", "np.linalg.det(g)", () => Linalg.Det(g), la);
        Case("cholesky", "np.linalg.cholesky(sq)", () => Linalg.Cholesky(sq), la);
        Case("qr_q", "np.linalg.qr(tall)[0]", () => Linalg.Qr(tall).Q, la);
        Case("qr_r", "np.linalg.qr(tall)[1]", () => Linalg.Qr(tall).R, la);
        Case("lstsq", "np.linalg.lstsq(tall, rhs_tall, rcond=None)[0]", () => Linalg.Lstsq(tall, rhsTall).Solution, la);
        Case("eigh_values", "np.linalg.eigh(sq)[0]", () => Linalg.Eigh(sq).Eigenvalues, la);
        Case("eigh_vectors_sign_fixed", "fix_signs(np.linalg.eigh(sq)[1])", () => FixSigns(Linalg.Eigh(sq).Eigenvectors), la);
        Scalar("norm", "np.linalg.norm(g)", () => Linalg.Norm(g), Red64(64));

        RunAndCompare();
    }

    private static Tensor<double> SpdMatrix(SimRng rng, int n)
    {
        using var x = rng.Uniform<double>([n, n], -1, 1);
        using var xt = x.Transpose();
        using var g = x.MatMul(xt);
        using var eye = Tensor.Eye(n);
        using var shift = eye * (double)n;
        return g + shift;
    }

    /// <summary>Eigenvectors are defined up to sign: make each column's largest-magnitude entry positive (numpy side does the same).</summary>
    private static Tensor<double> FixSigns(Tensor<double> v)
    {
        int n = v.Shape[0];
        for (int j = 0; j < n; j++)
        {
            int best = 0;
            for (int i = 1; i < n; i++) if (Math.Abs(v[i, j]) > Math.Abs(v[best, j])) best = i;
            if (v[best, j] < 0)
                for (int i = 0; i < n; i++) v[i, j] = -v[i, j];
        }
        return v;
    }

    private void RunAndCompare()
    {
        var script = new StringBuilder();
        script.AppendLine("import math, os, sys\nimport numpy as np");
        script.AppendLine("d = sys.argv[1]");
        script.AppendLine("g = {'np': np, 'math': math}");
        script.AppendLine("for f in os.listdir(d):\n    if f.endswith('.npy') and not f.startswith('out_'):\n        g[f[:-4]] = np.load(os.path.join(d, f))");
        script.AppendLine("def fix_signs(v):\n    v = v.copy()\n    for j in range(v.shape[1]):\n        i = np.argmax(np.abs(v[:, j]))\n        if v[i, j] < 0: v[:, j] = -v[:, j]\n    return v");
        script.AppendLine("g['fix_signs'] = fix_signs");
        script.AppendLine("for line in sys.stdin:\n    name, expr = line.rstrip('\\n').split('\\t', 1)\n    r = np.asarray(eval(expr, g), dtype=np.float64)\n    np.save(os.path.join(d, 'out_' + name + '.npy'), r)");
        script.AppendLine("print('numpy', np.__version__)");

        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script.ToString());
        psi.ArgumentList.Add(_dir);
        using var proc = Process.Start(psi)!;
        foreach (var c in _cases) proc.StandardInput.WriteLine($"{c.Name}\t{c.Numpy}");
        proc.StandardInput.Close();
        var err = proc.StandardError.ReadToEndAsync();
        string output = proc.StandardOutput.ReadToEnd();
        proc.WaitForExit();
        Assert.True(proc.ExitCode == 0, $"numpy side failed (is python3-numpy installed for {Python}?):\n{err.Result}");
        Assert.Contains("numpy", output);

        var failures = new List<string>();
        foreach (var c in _cases)
        {
            using var expected = Npy.Load<double>(Path.Combine(_dir, $"out_{c.Name}.npy"));
            var (values, shape) = c.Ours();
            var exp = expected.ToArray();
            if (!expected.Shape.AsSpan().SequenceEqual(shape))
            {
                failures.Add($"{c.Name}: shape {TensorShape.Format(shape)} vs numpy {expected.Shape}");
                continue;
            }
            for (int i = 0; i < exp.Length; i++)
            {
                if (!c.Tolerance.IsClose(exp[i], values[i]))
                {
                    failures.Add(string.Format(CultureInfo.InvariantCulture, "{0}: element {1} is {2:R}, numpy says {3:R} (numpy: {4})", c.Name, i, values[i], exp[i], c.Numpy));
                    break;
                }
            }
        }
        Assert.True(_cases.Count >= 80, $"the parity list shrank to {_cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {_cases.Count} cases differ from numpy:\n" + string.Join("\n", failures));
    }
}
