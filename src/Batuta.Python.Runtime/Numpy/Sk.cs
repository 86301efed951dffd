using System.Collections;
using System.Runtime.CompilerServices;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// What migrated scikit-learn calls need between numpy arrays and Batuta.ML (which works on float64 tensors):
/// the conversions, the dtype of the labels a classifier was fitted on (scikit-learn returns predictions of
/// y's dtype, so <c>print(model.predict(X))</c> shows <c>[0 1 1]</c> for int labels), and train_test_split
/// over any number of arrays. Batuta.ML itself is called directly by the generated code; this class knows
/// nothing of it, so the runtime stays below the libraries.
/// </summary>
public static class Sk
{
    private static readonly ConditionalWeakTable<object, NpDType> LabelTypes = new();

    /// <summary>X as Batuta.ML takes it: a 2-D float64 tensor (scikit-learn's message for other shapes).</summary>
    public static Tensor<double> X(NdArray x)
    {
        if (x.Ndim != 2)
        {
            string kind = x.Ndim == 1 ? "1D" : x.Ndim == 0 ? "scalar" : $"{x.Ndim}D";
            if (x.Ndim == 0) throw new ValueError($"Expected 2D array, got scalar array instead:\narray={x.PyStr()}.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.");
            if (x.Ndim == 1) throw new ValueError($"Expected 2D array, got {kind} array instead:\narray={x.PyStr()}.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.");
            throw new ValueError($"Found array with dim {x.Ndim}. Estimator expected <= 2.");
        }
        return x.AsFloat64Tensor();
    }

    private static readonly ConditionalWeakTable<object, string[]> StrClasses = new();

    /// <summary>
    /// y (or labels, or sample weights) as a float64 tensor; null stays null. String labels become their index
    /// among the sorted distinct labels, as scikit-learn's LabelEncoder (and every classifier's classes_) order them.
    /// </summary>
    public static Tensor<double>? Y(NdArray? y) => y is { Kind: NpKind.Str } ? Encode(y, SortedLabels(y)) : y?.AsFloat64Tensor();

    /// <summary>
    /// A classification metric on (y_true, y_pred), each evaluated once: string labels are coded over the labels of
    /// both (equal labels, equal codes; sorted, as scikit-learn's unique_labels), numbers pass through.
    /// </summary>
    public static TR With<TR>(NdArray yTrue, NdArray yPred, Func<Tensor<double>, Tensor<double>, SkLabelSet, TR> metric)
    {
        if (yTrue.Kind != NpKind.Str && yPred.Kind != NpKind.Str) return metric(Y(yTrue).OrThrow(), Y(yPred).OrThrow(), SkLabelSet.Numbers);
        if (yTrue.Kind != yPred.Kind) throw new ValueError("Mix of label input types (string and number)");
        var labels = SortedLabels(yTrue, yPred);
        return metric(Encode(yTrue, labels), Encode(yPred, labels), new SkLabelSet(labels));
    }

    /// <summary>y of <c>estimator.score(X, y)</c>: coded with the classes the estimator was fitted on.</summary>
    public static Tensor<double>? YFor(object estimator, NdArray? y) =>
        y is { Kind: NpKind.Str } && StrClasses.TryGetValue(estimator, out var classes) ? Encode(y, classes) : Y(y);

    private static string[] SortedLabels(params NdArray[] arrays) =>
        arrays.SelectMany(a => a.ToStrings()).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static Tensor<double> Encode(NdArray y, string[] classes)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++) index[classes[i]] = i;
        // a label the estimator never saw can match no prediction: -1
        var codes = y.ToStrings().Select(v => index.TryGetValue(v, out var c) ? (double)c : -1.0).ToArray();
        return Tensor.FromArray(codes, y.Dims);
    }

    public static Tensor<double>? W(object? w) => w is null ? null : Np.AsArray(w).AsFloat64Tensor();

    /// <summary>Marks a fitted classifier with the dtype of its labels (fit returns the estimator itself).</summary>
    public static T Fitted<T>(T estimator, NdArray? y) where T : class => Fitted(estimator, y, true);

    /// <summary>As <see cref="Fitted{T}(T, NdArray?)"/>, for a pipeline that only remembers labels when its final step is a classifier.</summary>
    public static T Fitted<T>(T estimator, NdArray? y, bool isClassifier) where T : class
    {
        if (isClassifier && y is not null) LabelTypes.AddOrUpdate(estimator, y.DType);
        else LabelTypes.Remove(estimator);
        if (isClassifier && y is { Kind: NpKind.Str }) StrClasses.AddOrUpdate(estimator, SortedLabels(y));
        else StrClasses.Remove(estimator);
        return estimator;
    }

    /// <summary>Predictions or classes_ in the dtype of the labels the estimator was fitted on (float64 otherwise).</summary>
    public static NdArray Labels(object estimator, Tensor<double> values)
    {
        var a = NdArray.From(values);
        if (StrClasses.TryGetValue(estimator, out var classes))
            return NdArray.FromStrings(a.ToDoubles().Select(c => classes[(int)c]).ToArray(), a.Dims);
        return LabelTypes.TryGetValue(estimator, out var dtype) && dtype.Kind != NpKind.Float64 ? a.AsType(dtype) : a;
    }

    /// <summary>KMeans.predict and other integer outputs.</summary>
    public static NdArray Labels(object estimator, Tensor<int> values) => NdArray.From(values);

    public static NdArray Labels(object estimator, Tensor<long> values) => NdArray.From(values);

    /// <summary>An int or float hyperparameter only known at run time (SplitSize / MaxFeatures accept both).</summary>
    public static object? Size(object? v) => v switch
    {
        PyInt i => (int)i,
        long l => (int)l,
        _ => v,
    };

    /// <summary>The number of rows, for the splitters.</summary>
    public static int Rows(NdArray x) => x.Count;

    /// <summary>
    /// <c>train_test_split(*arrays, ...)</c>: <paramref name="split"/> gives the train and test row indices for the
    /// number of rows (Batuta.ML's scikit-learn-exact ShuffleSplit); every array is cut by the same rows, keeping its dtype.
    /// </summary>
    public static (NdArray, NdArray) TrainTestSplit(Func<int, (int[] Train, int[] Test)> split, NdArray a)
    {
        var (train, test) = Indices(split, a);
        return (Rows(a, train), Rows(a, test));
    }

    public static (NdArray, NdArray, NdArray, NdArray) TrainTestSplit(Func<int, (int[] Train, int[] Test)> split, NdArray a, NdArray b)
    {
        var (train, test) = Indices(split, a, b);
        return (Rows(a, train), Rows(a, test), Rows(b, train), Rows(b, test));
    }

    public static (NdArray, NdArray, NdArray, NdArray, NdArray, NdArray) TrainTestSplit(Func<int, (int[] Train, int[] Test)> split, NdArray a, NdArray b, NdArray c)
    {
        var (train, test) = Indices(split, a, b, c);
        return (Rows(a, train), Rows(a, test), Rows(b, train), Rows(b, test), Rows(c, train), Rows(c, test));
    }

    private static (int[] Train, int[] Test) Indices(Func<int, (int[] Train, int[] Test)> split, params NdArray[] arrays)
    {
        int n = arrays[0].Count;
        for (int i = 1; i < arrays.Length; i++)
        {
            if (arrays[i].Count != n)
                throw new ValueError($"Found input variables with inconsistent numbers of samples: [{string.Join(", ", arrays.Select(x => x.Count))}]");
        }
        return split(n);
    }

    private static NdArray Rows(NdArray a, int[] rows) => a.GetArray(NpIndex.Of(NdArray.FromLongs(rows.Select(r => (long)r).ToArray(), [rows.Length])));

    /// <summary>The folds of a splitter as (train, test) index arrays, as KFold.split yields them.</summary>
    public static IEnumerable<(NdArray, NdArray)> Folds(IReadOnlyList<(int[] Train, int[] Test)> folds)
    {
        foreach (var (train, test) in folds)
            yield return (NdArray.FromLongs(train.Select(r => (long)r).ToArray(), [train.Length]), NdArray.FromLongs(test.Select(r => (long)r).ToArray(), [test.Length]));
    }

    /// <summary><c>pipeline.steps[i]</c> with Python's negative indices.</summary>
    public static (string Name, T? Estimator) At<T>(IReadOnlyList<(string Name, T? Estimator)> steps, long index) where T : class
    {
        long i = index < 0 ? index + steps.Count : index;
        if (i < 0 || i >= steps.Count) throw new IndexError("list index out of range");
        return steps[(int)i];
    }

    /// <summary><c>get_params()</c> as a Python dict.</summary>
    public static PyDict<string, object?> Params(IReadOnlyDictionary<string, object?> values)
    {
        var d = new PyDict<string, object?>();
        foreach (var kv in values.OrderBy(k => k.Key, StringComparer.Ordinal)) d[kv.Key] = kv.Value is int i ? new PyInt(i) : kv.Value;
        return d;
    }

    /// <summary>
    /// A fitted attribute (<c>coef_</c>, <c>classes_</c>, ...) of an estimator whose class is only known at run time:
    /// the Batuta.ML property of the same name (PascalCase, no trailing underscore), converted to numpy's types.
    /// </summary>
    public static object? Attr(object estimator, string name)
    {
        var prop = estimator.GetType().GetProperty(Naming.Pascal(name.TrimEnd('_')));
        if (prop is null) throw new AttributeError($"'{estimator.GetType().Name}' object has no attribute '{name}'");
        return prop.GetValue(estimator) switch
        {
            Tensor<double> t => name == "classes_" ? Labels(estimator, t) : NdArray.From(t),
            Tensor<int> t => NdArray.From(t),
            Tensor<long> t => NdArray.From(t),
            int i => new PyInt(i),
            long l => new PyInt(l),
            var other => other,
        };
    }

    /// <summary>
    /// <c>cross_val_score(..., cv=...)</c> with cv only known at run time: a number of folds (scikit-learn's
    /// default splitter for the estimator), a KFold / StratifiedKFold object, or None (5).
    /// </summary>
    public static T CrossVal<T>(object? cv, Func<int, T> byCount, Func<SkFolds, T> byFolds) => cv switch
    {
        null => byCount(5),
        SkFolds f => byFolds(f),
        PyInt or long or int => byCount((int)Np.ToLong(cv)),
        _ => throw new ValueError($"Expected cv as an integer, cross-validation object (from sklearn.model_selection) or an iterable. Got {Repr.Of(cv)}."),
    };

    /// <summary>target_names and other lists of strings (None stays null).</summary>
    public static string[]? Names(object? names) => names switch
    {
        null => null,
        string s => throw new TypeError($"expected a list of names, got the string {Repr.Of(s)}"),
        IEnumerable e => e.Cast<object?>().Select(x => Runtime.Str.Of(x)).ToArray(),
        _ => throw new TypeError($"expected a list of names, got {Dyn.TypeName(names)}"),
    };

    /// <summary>Steps built at run time (a list computed elsewhere).</summary>
    public static IEnumerable Steps(object? steps) => steps as IEnumerable ?? throw new TypeError("steps must be a list of (name, estimator) tuples");
}

/// <summary><c>KFold(n_splits, shuffle, random_state)</c> / <c>StratifiedKFold</c>: the settings; <c>split</c> is Batuta.ML's.</summary>
public sealed class SkFolds(int nSplits, bool shuffle, int? randomState, bool stratified) : IPyObject
{
    public int NSplits { get; } = nSplits;
    public bool Shuffle { get; } = shuffle;
    public int? RandomState { get; } = randomState;
    public bool Stratified { get; } = stratified;

    public string PyRepr() => $"{(Stratified ? "StratifiedKFold" : "KFold")}(n_splits={NSplits}, random_state={(RandomState is int r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, shuffle={(Shuffle ? "True" : "False")})";

    public string PyStr() => PyRepr();
}

/// <summary>The labels a metric saw: the sorted strings of string labels (their codes are their positions), or numbers.</summary>
public sealed class SkLabelSet(string[]? strings)
{
    public static readonly SkLabelSet Numbers = new(null);

    /// <summary>classification_report's row names: the label strings, or null for numbers (formatted by Batuta.ML).</summary>
    public string[]? Names => strings;

    /// <summary>A pos_label: a number, or a string label's code (ignored unless average is 'binary').</summary>
    public double Pos(object? posLabel, string? average)
    {
        // scikit-learn only reads pos_label for average='binary'
        if (average != "binary") return 1;
        if (posLabel is not string s) return strings is null ? Np.ToDouble(posLabel) : throw new ValueError($"pos_label={Repr.Of(posLabel)} is not a valid label. It should be one of {Repr.Of(new PyList<string>(strings))}");
        int i = strings is null ? -1 : System.Array.BinarySearch(strings, s, StringComparer.Ordinal);
        return i >= 0 ? i : throw new ValueError($"pos_label={Repr.Of(s)} is not a valid label. It should be one of {(strings is null ? "the numeric labels" : Repr.Of(new PyList<string>(strings)))}");
    }
}

/// <summary>
/// <c>sklearn.preprocessing.LabelEncoder</c>: classes_ is <c>np.unique(y)</c> in y's dtype (strings or numbers),
/// transform gives each label's position among them (int64), inverse_transform indexes classes_; unseen labels
/// raise scikit-learn's ValueError.
/// </summary>
public sealed class SkLabelEncoder : IPyObject
{
    private NdArray? _classes;

    /// <summary><c>classes_</c>: the sorted distinct labels.</summary>
    public NdArray Classes => _classes ?? throw new AttributeError("'LabelEncoder' object has no attribute 'classes_'");

    private NdArray Fitted => _classes ?? throw new ValueError("This LabelEncoder instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");

    private static NdArray Column(object? y)
    {
        var a = Np.AsArray(y);
        if (a.Ndim == 2 && a.Dims[1] == 1) return a.Ravel();
        if (a.Ndim != 1) throw new ValueError($"y should be a 1d array, got an array of shape {Repr.Of(a.Shape)} instead.");
        return a;
    }

    public SkLabelEncoder Fit(object? y)
    {
        _classes = Np.Unique(Column(y));
        return this;
    }

    public NdArray FitTransform(object? y) => Fit(y).Transform(y);

    public NdArray Transform(object? y)
    {
        var classes = Fitted;
        var a = Column(y);
        if (a.Size == 0) return NdArray.FromLongs([], [0]);
        var codes = new long[a.Size];
        if (a.Kind == NpKind.Str || classes.Kind == NpKind.Str)
        {
            // scikit-learn maps object/str labels through a dict: the first unknown label is the KeyError it reports
            var index = new Dictionary<string, long>(StringComparer.Ordinal);
            if (classes.Kind == NpKind.Str)
            {
                var names = classes.ToStrings();
                for (int i = 0; i < names.Length; i++) index[names[i]] = i;
            }
            var items = a.ToStrings();
            var values = a.Kind == NpKind.Str ? null : Enumerable.Range(0, a.Size).Select(a.FlatScalar).ToArray();
            for (int i = 0; i < items.Length; i++)
            {
                if (a.Kind != NpKind.Str || !index.TryGetValue(items[i], out codes[i]))
                    throw new ValueError("y contains previously unseen labels: " + (values is null ? Repr.Of(items[i]) : Repr.Of(values[i])));
            }
            return NdArray.FromLongs(codes, a.Dims);
        }
        var diff = Np.Setdiff1d(a, classes);
        if (diff.Size > 0) throw new ValueError("y contains previously unseen labels: " + Repr.Of(diff.ToList()));
        var known = classes.ToDoubles();
        var x = a.ToDoubles();
        for (int i = 0; i < x.Length; i++) codes[i] = System.Array.BinarySearch(known, x[i]);
        return NdArray.FromLongs(codes, a.Dims);
    }

    public NdArray InverseTransform(object? y)
    {
        var classes = Fitted;
        var a = Column(y);
        if (a.Size == 0) return (NdArray)classes.GetItem(NpIndex.Of(NdArray.FromLongs([], [0]))).OrThrow();
        var diff = Np.Setdiff1d(a, Np.Arange(classes.Size));
        if (diff.Size > 0) throw new ValueError("y contains previously unseen labels: " + diff.PyStr());
        return (NdArray)classes.GetItem(NpIndex.Of(a)).OrThrow();
    }

    public string PyRepr() => "LabelEncoder()";

    public string PyStr() => PyRepr();
}
