using System.Globalization;
using System.Reflection;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>Marks a property as a hyperparameter and gives its scikit-learn name (<c>max_iter</c>, <c>C</c>, ...).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class HyperparameterAttribute(string pythonName) : Attribute
{
    public string PythonName { get; } = pythonName;
}

/// <summary>
/// scikit-learn's <c>BaseEstimator</c>: hyperparameters by their Python names (<see cref="GetParams"/>,
/// <see cref="SetParams(string, object?)"/>), <see cref="Clone"/>, the fitted flag behind
/// <see cref="NotFittedException"/>, <c>n_features_in_</c>, and a repr listing the non-default
/// hyperparameters (<c>LogisticRegression(C=0.5, max_iter=500)</c>).
/// </summary>
public abstract class Estimator
{
    private bool _fitted;
    private int _nFeaturesIn;

    /// <summary>True once <c>Fit</c> has completed.</summary>
    public bool IsFitted => _fitted;

    /// <summary><c>n_features_in_</c>: the number of features seen in <c>Fit</c>.</summary>
    public int NFeaturesIn
    {
        get
        {
            CheckFitted();
            return _nFeaturesIn;
        }
    }

    /// <summary>The class name, as scikit-learn prints it in messages.</summary>
    public string Name => GetType().Name;

    /// <summary>
    /// <c>fit(X, y=None, sample_weight=None)</c>. Supervised estimators require <paramref name="y"/>;
    /// unsupervised ones ignore it. Returns the estimator itself (each subclass returns its own type).
    /// </summary>
    public abstract Estimator Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null);

    /// <summary>Marks the estimator fitted on <paramref name="nFeatures"/> features.</summary>
    protected void SetFitted(int nFeatures)
    {
        _nFeaturesIn = nFeatures;
        _fitted = true;
    }

    /// <summary>Throws scikit-learn's NotFittedError when <c>Fit</c> has not run.</summary>
    protected internal void CheckFitted()
    {
        if (!_fitted) throw new NotFittedException(Name);
    }

    /// <summary>Checks a 2-D input for prediction: fitted, finite, and with the feature count seen in Fit.</summary>
    internal Validation.DenseMatrix CheckPredictInput(Tensor<double> X, bool allowNaN = false)
    {
        CheckFitted();
        var m = Validation.Check.Matrix(X, Name, allowNaN: allowNaN);
        Validation.Check.FeatureCount(m.Cols, _nFeaturesIn, Name);
        return m;
    }

    /// <summary>Supervised estimators call this when y is missing (scikit-learn's message).</summary>
    protected Tensor<double> RequireY(Tensor<double>? y) =>
        y ?? throw new InputValidationException($"{Name} requires y to be passed, but the target y is None.", "y");

    private IEnumerable<(string Python, PropertyInfo Property)> Hyperparameters() =>
        GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Attr: p.GetCustomAttribute<HyperparameterAttribute>(), p))
            .Where(t => t.Attr is not null)
            .Select(t => (t.Attr.OrThrow().PythonName, t.p))
            .OrderBy(t => t.PythonName, StringComparer.Ordinal);

    /// <summary><c>get_params(deep=True)</c>: hyperparameters by Python name; deep adds nested estimators' as <c>step__param</c>.</summary>
    public virtual IReadOnlyDictionary<string, object?> GetParams(bool deep = true)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (python, prop) in Hyperparameters())
        {
            var value = prop.GetValue(this);
            result[python] = value;
            if (deep && value is Estimator nested)
            {
                foreach (var kv in nested.GetParams(true)) result[python + "__" + kv.Key] = kv.Value;
            }
        }
        return result;
    }

    /// <summary><c>set_params(name=value)</c> by Python name (<c>"max_iter"</c>, or <c>"step__param"</c> for nested estimators).</summary>
    public virtual Estimator SetParams(string name, object? value)
    {
        int sep = name.IndexOf("__", StringComparison.Ordinal);
        if (sep >= 0)
        {
            var outer = name[..sep];
            var match = Hyperparameters().FirstOrDefault(h => h.Python == outer);
            if (match.Property?.GetValue(this) is Estimator inner)
            {
                inner.SetParams(name[(sep + 2)..], value);
                return this;
            }
            throw InvalidName(name);
        }
        var (_, prop) = Hyperparameters().FirstOrDefault(h => h.Python == name);
        if (prop is null) throw InvalidName(name);
        prop.SetValue(this, ConvertTo(value, prop.PropertyType, name));
        return this;
    }

    /// <summary>Sets several hyperparameters at once.</summary>
    public Estimator SetParams(IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var kv in values) SetParams(kv.Key, kv.Value);
        return this;
    }

    private InvalidParameterException InvalidName(string name) =>
        new(Name, name, "one of " + PyRepr.Of(Hyperparameters().Select(h => h.Python).ToList()) + " (valid parameters of this estimator)", name);

    private object? ConvertTo(object? value, Type type, string name)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value)) return value;
        try
        {
            if (target == typeof(double) || target == typeof(int) || target == typeof(long) || target == typeof(float))
                return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
        }
        throw new InvalidParameterException(Name, name, "of type " + target.Name, value);
    }

    /// <summary>
    /// <c>sklearn.base.clone</c>: a new, unfitted estimator with the same hyperparameters
    /// (nested estimators are cloned too).
    /// </summary>
    public Estimator Clone()
    {
        var copy = CreateDefault(GetType());
        foreach (var (_, prop) in Hyperparameters())
        {
            if (!prop.CanWrite) continue;
            var value = prop.GetValue(this);
            prop.SetValue(copy, value is Estimator e ? e.Clone() : CloneValue(value));
        }
        CopyExtraParams(copy);
        return copy;
    }

    /// <summary>Writes the fitted attributes (<c>coef_</c>, tree arrays, ...) into a model file.</summary>
    internal abstract void WriteState(Persistence.ModelWriter writer);

    /// <summary>Restores the fitted attributes written by <see cref="WriteState"/> and marks the estimator fitted.</summary>
    internal abstract void ReadState(Persistence.ModelReader reader);

    /// <summary>Restores the fitted flag and n_features_in_ when loading a model file.</summary>
    private protected void RestoreFitted(int nFeatures) => SetFitted(nFeatures);

    /// <summary>For estimators with hyperparameters that are not plain properties (a pipeline's steps).</summary>
    private protected virtual void CopyExtraParams(Estimator copy)
    {
    }

    private static object? CloneValue(object? value) => value switch
    {
        Array a => a.Clone(),
        _ => value,
    };

    internal static Estimator CreateDefault(Type type)
    {
        var ctor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().All(p => p.IsOptional))
            ?? throw new InvalidOperationException($"{type.Name} has no constructor whose parameters are all optional.");
        var args = ctor.GetParameters().Select(_ => Type.Missing).ToArray();
        return (Estimator)ctor.Invoke(BindingFlags.OptionalParamBinding, null, args, CultureInfo.InvariantCulture);
    }

    /// <summary>scikit-learn's repr: the class name and the hyperparameters that differ from the defaults.</summary>
    public override string ToString()
    {
        Estimator? defaults;
        try
        {
            defaults = CreateDefault(GetType());
        }
        catch (InvalidOperationException)
        {
            defaults = null;
        }
        var parts = new List<string>();
        foreach (var (python, prop) in Hyperparameters())
        {
            var value = prop.GetValue(this);
            var def = defaults is null ? null : prop.GetValue(defaults);
            if (defaults is not null && Equals(value, def)) continue;
            if (defaults is not null && value is Array a && def is Array b && a.Cast<object>().SequenceEqual(b.Cast<object>())) continue;
            parts.Add(python + "=" + PyRepr.Of(value));
        }
        return Name + "(" + string.Join(", ", parts) + ")";
    }
}
