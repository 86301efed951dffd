using System.Reflection;
using Batuta.Transpiler.Mapping;
using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>docs/ml-mapping.md is the mapping tables, rendered; the scikit-learn rows name Batuta.ML's real hyperparameters.</summary>
public sealed class NumpyMappingDocTests
{
    private static string DocPath => Path.Combine(Paths.RepositoryRoot, "docs", "ml-mapping.md");

    [Fact]
    public void Doc_matches_the_mapping_tables()
    {
        var expected = MappingDocs.RenderMarkdown();
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1") File.WriteAllText(DocPath, expected);
        Assert.True(File.Exists(DocPath), $"missing {DocPath}: run with UPDATE_SNAPSHOTS=1");
        var actual = File.ReadAllText(DocPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, "docs/ml-mapping.md differs from the mapping tables: run UPDATE_SNAPSHOTS=1 dotnet test tests/Batuta.Transpiler.Tests --filter NumpyMappingDocTests and review the diff");
    }

    [Fact]
    public void Sklearn_rows_set_existing_hyperparameters()
    {
        var ml = typeof(Batuta.ML.Estimator).Assembly;
        var problems = new List<string>();
        foreach (var (python, csType, parameters) in MappingDocs.SklearnEstimators())
        {
            var type = ml.GetType(csType);
            if (type is null) { problems.Add($"{python}: no type {csType} in Batuta.ML"); continue; }
            foreach (var (name, property) in parameters)
            {
                var prop = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
                var attr = prop?.GetCustomAttribute<Batuta.ML.HyperparameterAttribute>();
                if (prop is null || !prop.CanWrite) problems.Add($"{python}({name}=...): {csType} has no settable property {property}");
                else if (attr is null || attr.PythonName != name) problems.Add($"{python}({name}=...): {csType}.{property} is not [Hyperparameter(\"{name}\")]");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("import numpy as np\nx = np.ones(3)\nprint(np.meen(x))\n", "numpy.meen", "numpy.mean", 3)]
    [InlineData("import numpy as np\na = np.eye(2)\nu, s, vt = np.linalg.svd(a)\n", "numpy.linalg.svd", "numpy.linalg.", 3)]
    [InlineData("from sklearn.svm import SVC\nm = SVC()\n", "sklearn.svm.SVC", "sklearn.", 2)]
    [InlineData("import numpy as np\na = np.ones(3)\nprint(a.argpartition(1))\n", "ndarray.argpartition", "ndarray.", 3)]
    [InlineData("import numpy as np\na = np.zeros(3, order='F')\n", "keyword argument 'order'", "numpy.zeros(shape, dtype=None)", 2)]
    public void Unmapped_calls_are_BATUTA_T_004_with_the_nearest_supported_names(string source, string name, string suggestion, int line)
    {
        var r = TestTranspiler.Transpile(source, viaCPython: true);
        var d = r.Diagnostics.FirstOrDefault(x => x.Code == "BATUTA-T-004" && x.Message.Contains(name, StringComparison.Ordinal));
        Assert.True(d is not null, "no BATUTA-T-004 for " + name + ":\n" + string.Join("\n", r.Diagnostics.Select(x => x.Format())));
        Assert.Contains(suggestion, d!.Hint ?? "", StringComparison.Ordinal);
        Assert.Equal(line, d.Line);
    }
}
