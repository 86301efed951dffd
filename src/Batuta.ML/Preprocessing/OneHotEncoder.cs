using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Preprocessing;

/// <summary>
/// <c>sklearn.preprocessing.OneHotEncoder(categories="auto", drop=None, sparse_output=True, dtype=np.float64,
/// handle_unknown="error")</c> for numeric matrices (<see cref="Fit"/>) and string matrices
/// (<see cref="Fit(string[,])"/>): sorted categories per column, drop="first"/"if_binary", unknown
/// categories as an error or all-zero rows. The output is always a dense float64 matrix (call sites that
/// did <c>.toarray()</c> on scikit-learn's sparse result get the same values).
/// </summary>
public sealed class OneHotEncoder(string? drop = null, bool sparseOutput = true, string handleUnknown = "error") : TransformerBase
{
    private double[][]? _numeric;
    private string[][]? _strings;
    private int[] _dropIdx = [];

    /// <summary><c>drop</c>: null, "first" or "if_binary".</summary>
    [Hyperparameter("drop")] public string? Drop { get; set; } = drop;

    /// <summary>Accepted for compatibility; the output is dense either way.</summary>
    [Hyperparameter("sparse_output")] public bool SparseOutput { get; set; } = sparseOutput;

    [Hyperparameter("handle_unknown")] public string HandleUnknown { get; set; } = handleUnknown;

    /// <summary><c>categories_</c> of a numeric fit.</summary>
    public IReadOnlyList<Tensor<double>> Categories
    {
        get
        {
            CheckFitted();
            return _numeric?.Select(c => Tensor.FromArray((double[])c.Clone(), c.Length)).ToList() ?? throw new InvalidOperationException("the encoder was fitted on strings: use StringCategories.");
        }
    }

    /// <summary><c>categories_</c> of a string fit.</summary>
    public IReadOnlyList<string[]> StringCategories
    {
        get
        {
            CheckFitted();
            return _strings?.Select(c => (string[])c.Clone()).ToList() ?? throw new InvalidOperationException("the encoder was fitted on numbers: use Categories.");
        }
    }

    /// <summary><c>drop_idx_</c>: the dropped category per feature (-1 for none).</summary>
    public int[] DropIdx
    {
        get
        {
            CheckFitted();
            return (int[])_dropIdx.Clone();
        }
    }

    private void CheckParams()
    {
        Params.OneOf(Name, "handle_unknown", HandleUnknown, "error", "ignore", "infrequent_if_exist");
        if (HandleUnknown == "infrequent_if_exist") throw new NotSupportedException("handle_unknown='infrequent_if_exist' (infrequent categories) is not implemented in Batuta.ML yet.");
        Params.OneOf(Name, "drop", Drop, "first", "if_binary", null);
    }

    public override OneHotEncoder Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        CheckParams();
        var m = Check.Matrix(X, Name, allowNaN: true);
        _strings = null;
        _numeric = new double[m.Cols][];
        for (int j = 0; j < m.Cols; j++)
        {
            var col = Enumerable.Range(0, m.Rows).Select(i => m[i, j]);
            // np.unique: ascending, NaN last.
            _numeric[j] = col.Distinct().OrderBy(v => double.IsNaN(v) ? 1 : 0).ThenBy(v => v).ToArray();
        }
        _dropIdx = DropIndices(_numeric.Select(c => c.Length).ToArray());
        SetFitted(m.Cols);
        return this;
    }

    /// <summary><c>fit(X)</c> for a matrix of strings (categories sorted by code point, as numpy sorts str).</summary>
    public OneHotEncoder Fit(string[,] X)
    {
        CheckParams();
        ArgumentNullException.ThrowIfNull(X);
        int n = X.GetLength(0), p = X.GetLength(1);
        if (n == 0) throw new InputValidationException($"Found array with 0 sample(s) (shape=({n}, {p})) while a minimum of 1 is required by {Name}.", "X");
        _numeric = null;
        _strings = new string[p][];
        for (int j = 0; j < p; j++)
            _strings[j] = Enumerable.Range(0, n).Select(i => X[i, j] ?? throw new InputValidationException($"Input X contains None (row {i}, column {j}); impute missing categories first.", "X")).Distinct().Order(StringComparer.Ordinal).ToArray();
        _dropIdx = DropIndices(_strings.Select(c => c.Length).ToArray());
        SetFitted(p);
        return this;
    }

    private int[] DropIndices(int[] sizes) => Drop switch
    {
        null => sizes.Select(_ => -1).ToArray(),
        "first" => sizes.Select(_ => 0).ToArray(),
        _ => sizes.Select(s => s == 2 ? 0 : -1).ToArray(),
    };

    private int OutputWidth(int j, int size) => size - (_dropIdx[j] >= 0 ? 1 : 0);

    public override Tensor<double> Transform(Tensor<double> X)
    {
        var m = CheckPredictInput(X, allowNaN: true);
        if (_numeric is null) throw new InputValidationException("This encoder was fitted on strings; pass a string matrix to Transform.", "X");
        return Encode(m.Rows, m.Cols, (i, j) => IndexOf(_numeric[j], m[i, j]), (j, bad) => "[" + string.Join(", ", bad.Select(i => m[i, j]).Distinct().Order().Select(PyRepr.Float)) + "]");
    }

    /// <summary><c>transform(X)</c> for a matrix of strings.</summary>
    public Tensor<double> Transform(string[,] X)
    {
        CheckFitted();
        ArgumentNullException.ThrowIfNull(X);
        if (_strings is null) throw new InputValidationException("This encoder was fitted on numbers; pass a numeric tensor to Transform.", "X");
        int n = X.GetLength(0), p = X.GetLength(1);
        Check.FeatureCount(p, NFeaturesIn, Name);
        return Encode(n, p, (i, j) => Array.BinarySearch(_strings[j], X[i, j], StringComparer.Ordinal) is int k && k >= 0 ? k : -1,
            (j, bad) => "[" + string.Join(", ", bad.Select(i => X[i, j]).Distinct().Order(StringComparer.Ordinal).Select(v => "'" + v + "'")) + "]");
    }

    /// <summary><c>fit_transform(X)</c> for strings.</summary>
    public Tensor<double> FitTransform(string[,] X) => Fit(X).Transform(X);

    private static int IndexOf(double[] cats, double v)
    {
        if (double.IsNaN(v)) return cats.Length > 0 && double.IsNaN(cats[^1]) ? cats.Length - 1 : -1;
        int k = Array.BinarySearch(cats, 0, cats.Length - (cats.Length > 0 && double.IsNaN(cats[^1]) ? 1 : 0), v);
        return k >= 0 ? k : -1;
    }

    private Tensor<double> Encode(int n, int p, Func<int, int, int> index, Func<int, IEnumerable<int>, string> describeUnknown)
    {
        var sizes = Enumerable.Range(0, p).Select(j => _numeric?[j].Length ?? _strings.OrThrow()[j].Length).ToArray();
        var offsets = new int[p + 1];
        for (int j = 0; j < p; j++) offsets[j + 1] = offsets[j] + OutputWidth(j, sizes[j]);
        int width = offsets[p];
        var result = new double[n * width];
        for (int j = 0; j < p; j++)
        {
            var unknown = new List<int>();
            for (int i = 0; i < n; i++)
            {
                int k = index(i, j);
                if (k < 0)
                {
                    unknown.Add(i);
                    continue;
                }
                int d = _dropIdx[j];
                if (k == d) continue;
                result[i * width + offsets[j] + (d >= 0 && k > d ? k - 1 : k)] = 1.0;
            }
            if (unknown.Count > 0 && HandleUnknown == "error")
                throw new InputValidationException($"Found unknown categories {describeUnknown(j, unknown)} in column {j} during transform", "X");
            if (unknown.Count > 0 && _dropIdx[j] >= 0)
                MLWarnings.Warn(WarningCategory.User, $"Found unknown categories in columns [{j}] during transform. These unknown categories will be encoded as all zeros");
        }
        return Tensor.FromArray(result, n, width);
    }

    /// <summary><c>inverse_transform(X)</c> for a numeric fit (unknown rows give NaN).</summary>
    public Tensor<double> InverseTransform(Tensor<double> X)
    {
        CheckFitted();
        if (_numeric is null) throw new InvalidOperationException("InverseTransform needs a numeric fit.");
        var m = Check.Matrix(X, Name);
        int p = _numeric.Length;
        var result = new double[m.Rows * p];
        int offset = 0;
        for (int j = 0; j < p; j++)
        {
            int w = OutputWidth(j, _numeric[j].Length), d = _dropIdx[j];
            for (int i = 0; i < m.Rows; i++)
            {
                int hot = -1;
                for (int c = 0; c < w; c++) if (m[i, offset + c] > 0.5) hot = c;
                result[i * p + j] = hot < 0 ? (d >= 0 ? _numeric[j][d] : double.NaN) : _numeric[j][d >= 0 && hot >= d ? hot + 1 : hot];
            }
            offset += w;
        }
        return Tensor.FromArray(result, m.Rows, p);
    }

    /// <summary><c>get_feature_names_out(input_features=None)</c>: "x0_1.0", "x1_red", ...</summary>
    public string[] GetFeatureNamesOut(string[]? inputFeatures = null)
    {
        CheckFitted();
        var names = new List<string>();
        for (int j = 0; j < NFeaturesIn; j++)
        {
            string feature = inputFeatures?[j] ?? "x" + j;
            int size = _numeric?[j].Length ?? _strings.OrThrow()[j].Length;
            for (int k = 0; k < size; k++)
            {
                if (k == _dropIdx[j]) continue;
                names.Add(feature + "_" + (_numeric is not null ? PyRepr.Float(_numeric[j][k]) : _strings.OrThrow()[j][k]));
            }
        }
        return [.. names];
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("drop_idx_", _dropIdx);
        if (_numeric is not null)
        {
            w.Write("sizes", _numeric.Select(c => c.Length).ToArray());
            w.Write("categories_", _numeric.SelectMany(c => c).ToArray());
        }
        else
        {
            w.Write("sizes", _strings.OrThrow().Select(c => c.Length).ToArray());
            w.Write("string_categories_", _strings.OrThrow().SelectMany(c => c).ToArray());
        }
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _dropIdx = r.ReadInts("drop_idx_");
        var sizes = r.ReadInts("sizes");
        if (sizes.Length != r.NFeaturesIn || _dropIdx.Length != sizes.Length || sizes.Any(s => s < 1) || _dropIdx.Where((d, j) => d >= sizes[j]).Any())
            throw new InvalidOperationException("categories do not match n_features_in");
        if (r.Has("categories_"))
        {
            var flat = r.ReadDoubles("categories_");
            if (flat.Length != sizes.Sum()) throw new InvalidOperationException("categories_ has the wrong length");
            int o = 0;
            _numeric = sizes.Select(s => { var c = flat[o..(o + s)]; o += s; return c; }).ToArray();
            _strings = null;
        }
        else
        {
            var flat = r.ReadStrings("string_categories_");
            if (flat.Length != sizes.Sum()) throw new InvalidOperationException("categories_ has the wrong length");
            int o = 0;
            _strings = sizes.Select(s => { var c = flat[o..(o + s)]; o += s; return c; }).ToArray();
            _numeric = null;
        }
        RestoreFitted(r.NFeaturesIn);
    }
}
