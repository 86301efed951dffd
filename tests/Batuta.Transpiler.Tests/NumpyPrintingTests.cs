using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Batuta.Python.Runtime;
using Batuta.Python.Runtime.Numpy;
using Batuta.Tensors;
using Batuta.Tensors.IO;
using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// NdArray's str/repr and reductions against numpy itself on 300 seeded arrays: every dtype Batuta supports,
/// 0-d to 3-d, empty, summarised (&gt; 1000 elements), wide rows, magnitudes from 1e-12 to 1e12 (scientific
/// notation), NaN and infinities, negative zero. numpy writes the arrays as .npy and its own output as JSON.
/// </summary>
public sealed class NumpyPrintingTests
{
    private const string Generator = """
import json, sys, numpy as np
out_dir = sys.argv[1]
rng = np.random.RandomState(20261125)
cases = []
def shape():
    nd = rng.choice([0, 1, 1, 1, 2, 2, 3])
    if nd == 0: return ()
    dims = [int(rng.choice([0, 1, 2, 3, 5, 7, 12, 30])) for _ in range(nd)]
    if rng.rand() < 0.05: dims[-1] = 1200
    return tuple(dims)
for i in range(300):
    kind = rng.choice(["f8", "f8", "f8", "i8", "i8", "b1", "f4", "i4"])
    sh = shape()
    n = int(np.prod(sh))
    if kind in ("f8", "f4"):
        scale = 10.0 ** rng.randint(-12, 13)
        a = rng.standard_normal(n) * scale
        if rng.rand() < 0.3: a = np.round(a, int(rng.randint(0, 4)))
        if rng.rand() < 0.1 and n > 2: a[0] = np.nan; a[-1] = -np.inf
        if rng.rand() < 0.05 and n > 1: a[1] = -0.0
        a = a.astype(kind).reshape(sh)
    elif kind in ("i8", "i4"):
        hi = int(10 ** rng.randint(1, 9))
        a = rng.randint(-hi, hi, size=n).astype(kind).reshape(sh)
    else:
        a = (rng.rand(n) < 0.5).reshape(sh)
    np.save(f"{out_dir}/{i}.npy", a)
    c = {"kind": kind, "str": str(a), "repr": repr(a)}
    if kind in ("f8", "i8", "b1") and a.size > 0:
        c["sum"] = repr(a.sum())
        c["mean"] = repr(a.mean())
        if kind != "b1": c["std"] = repr(a.std())
        if a.ndim == 2 and a.shape[0] > 0 and a.shape[1] > 0 and kind != "b1":
            c["mean0"] = str(a.mean(axis=0)); c["std1"] = str(a.std(axis=1)); c["sum1"] = str(a.sum(axis=1))
    cases.append(c)
json.dump(cases, open(f"{out_dir}/expected.json", "w"))
""";

    [Fact]
    public void Str_repr_and_reductions_match_numpy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "batuta-npprint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var script = Path.Combine(dir, "gen.py");
            File.WriteAllText(script, Generator);
            var r = ProcessRunner.Run(CPythonFrontEnd.Python, [script, dir], dir);
            Assert.True(r.ExitCode == 0, "numpy is needed as the oracle (apt-get install -y python3-numpy):\n" + r.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
            var failures = new List<string>();
            int i = 0, checks = 0;
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                var a = Load(Path.Combine(dir, $"{i}.npy"), c.GetProperty("kind").GetString()!);
                void Check(string key, Func<string> actual)
                {
                    if (!c.TryGetProperty(key, out var e)) return;
                    checks++;
                    string got;
                    try { got = actual(); }
                    catch (Exception ex) { got = ex.GetType().Name + ": " + ex.Message; }
                    if (got != e.GetString()) failures.Add($"#{i} {key} ({c.GetProperty("kind")}, shape {a.Shape.PyRepr()}):\nnumpy:\n{e.GetString()}\nbatuta:\n{got}");
                }
                Check("str", a.PyStr);
                Check("repr", a.PyRepr);
                Check("sum", () => Repr.Of(a.Sum()));
                Check("mean", () => Repr.Of(a.Mean()));
                Check("std", () => Repr.Of(a.Std()));
                Check("mean0", () => a.Mean(0).PyStr());
                Check("std1", () => a.Std(1).PyStr());
                Check("sum1", () => a.Sum(1).PyStr());
                i++;
            }
            Assert.True(checks > 900, $"only {checks} checks ran");
            Assert.True(failures.Count == 0, $"{failures.Count} of {checks} differ:\n" + string.Join("\n\n", failures.Take(8)));
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static NdArray Load(string path, string kind) => kind switch
    {
        "f8" => NdArray.From(Npy.Load<double>(path)),
        "f4" => NdArray.From(Npy.Load<float>(path)),
        "i8" => NdArray.From(Npy.Load<long>(path)),
        "i4" => NdArray.From(Npy.Load<int>(path)),
        _ => NdArray.FromMask(Npy.Load<long>(path)),
    };
}
