using System.Text.Json;

namespace Batuta.ML.Tests.Support;

/// <summary>
/// scikit-learn's answers: Oracle/oracle.py runs once per test session under /usr/bin/python3 (Debian's
/// scikit-learn 1.2.1) and writes datasets and reference results to one JSON file, read here.
/// </summary>
public static class Oracle
{
    private static readonly Lazy<JsonDocument> Doc = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static JsonDocument Load()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Oracle", "oracle.py");
        var output = Path.Combine(Path.GetTempPath(), $"batuta-ml-oracle-{Environment.ProcessId}.json");
        Python.Run(File.ReadAllText(script), output);
        var doc = JsonDocument.Parse(File.ReadAllBytes(output));
        File.Delete(output);
        return doc;
    }

    public static JsonElement Case(string name) =>
        Doc.Value.RootElement.TryGetProperty(name, out var e) ? e : throw new KeyNotFoundException($"oracle case '{name}' is missing from oracle.py's output");

    public static double[] Array(string name, string key) => Case(name).GetProperty(key).GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Shape(string name, string key) => Case(name).GetProperty(key).GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Scalar(string name, string key) => Case(name).GetProperty(key).GetDouble();

    public static string Text(string name, string key) => Case(name).GetProperty(key).GetString()!;

    public static Tensor<double> Tensor(string name, string key) => Batuta.Tensors.Tensor.FromArray(Array(name, key), Shape(name, key));

    public static Tensor<double> X(string dataset) => Tensor("data/" + dataset, "X");

    public static Tensor<double> Y(string dataset) => Tensor("data/" + dataset, "y");

    /// <summary>Rows [start, end) of a 2-D or 1-D tensor, copied.</summary>
    public static Tensor<double> Rows(Tensor<double> t, int start, int end)
    {
        var shape = t.Shape.ToArray();
        int w = t.Rank == 1 ? 1 : shape[1];
        var data = t.ToArray()[(start * w)..(end * w)];
        shape[0] = end - start;
        return Batuta.Tensors.Tensor.FromArray(data, shape);
    }
}

/// <summary>Tolerance assertions that say where two arrays differ.</summary>
public static class Near
{
    public static void Equal(double[] expected, double[] actual, double rtol, double atol = 0, string what = "")
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(expected[i] - actual[i]);
            double allowed = atol + rtol * Math.Abs(expected[i]);
            if (err > allowed && err - allowed > worst)
            {
                worst = err - allowed;
                at = i;
            }
        }
        Assert.True(at < 0, at < 0 ? "" : $"{what}: element {at} is {actual[at]:R}, expected {expected[at]:R} (|diff| {Math.Abs(expected[at] - actual[at]):E3}, rtol {rtol}, atol {atol})");
    }

    public static void Equal(double expected, double actual, double rtol, double atol = 0, string what = "") => Equal([expected], [actual], rtol, atol, what);
}
