using Batuta.Tensors;

namespace Batuta.ML.Pipelines;

/// <summary>
/// <c>sklearn.pipeline.Pipeline(steps)</c>: transformers then a final estimator. <see cref="Steps"/> is
/// scikit-learn's <c>steps</c> list of (name, estimator) pairs (<c>model.steps[-1][1]</c> is
/// <c>model.Steps[^1].Estimator</c>); <see cref="NamedSteps"/> is <c>named_steps</c>. A null estimator is
/// "passthrough". Predict, PredictProba, Transform and Score run the data through every step.
/// </summary>
public sealed class Pipeline : Estimator, IClassifier, IRegressor, ITransformer
{
    private List<(string Name, Estimator? Estimator)> _steps;

    public Pipeline(IEnumerable<(string Name, Estimator? Estimator)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToList();
        Validate();
    }

    /// <summary>For the model-file loader and clone.</summary>
    public Pipeline() => _steps = [];

    /// <summary><c>steps</c>: (name, estimator) pairs, in order.</summary>
    public IReadOnlyList<(string Name, Estimator? Estimator)> Steps => _steps;

    /// <summary><c>named_steps</c>: the estimators by name.</summary>
    public IReadOnlyDictionary<string, Estimator?> NamedSteps => _steps.ToDictionary(s => s.Name, s => s.Estimator, StringComparer.Ordinal);

    /// <summary><c>pipeline[name]</c>.</summary>
    public Estimator? this[string name] => NamedSteps.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"'{name}' is not a step of this pipeline; steps: {string.Join(", ", _steps.Select(s => s.Name))}.");

    /// <summary><c>pipeline[i]</c> (negative counts from the end).</summary>
    public Estimator? this[int index] => _steps[index < 0 ? _steps.Count + index : index].Estimator;

    /// <summary>The last step.</summary>
    public Estimator? FinalEstimator => _steps.Count == 0 ? null : _steps[^1].Estimator;

    [Hyperparameter("memory")] public string? Memory { get; set; }

    [Hyperparameter("verbose")] public bool Verbose { get; set; }

    private void Validate()
    {
        if (_steps.Count == 0) throw new InputValidationException("The pipeline has no steps.", "steps");
        var dup = _steps.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InputValidationException($"Names provided are not unique: [{string.Join(", ", _steps.Select(s => "'" + s.Name + "'"))}]", "steps");
        foreach (var (name, est) in _steps)
        {
            if (name.Contains("__", StringComparison.Ordinal)) throw new InputValidationException($"Estimator names must not contain __: got ['{name}']", "steps");
        }
        for (int i = 0; i < _steps.Count - 1; i++)
        {
            var e = _steps[i].Estimator;
            if (e is not null and not ITransformer)
                throw new InputValidationException($"All intermediate steps should be transformers and implement fit and transform or be the string 'passthrough' '{e}' (type {e.GetType().Name}) doesn't", "steps");
        }
    }

    public override Pipeline Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Validate();
        var xt = RunTransformers(X, y, fit: true);
        try
        {
            FinalEstimator?.Fit(xt, y, sampleWeight);
        }
        finally
        {
            if (!ReferenceEquals(xt, X)) xt.Dispose();
        }
        SetFitted(X.Rank == 2 ? X.Shape[1] : 0);
        return this;
    }

    private Tensor<double> RunTransformers(Tensor<double> X, Tensor<double>? y, bool fit)
    {
        var current = X;
        for (int i = 0; i < _steps.Count - 1; i++)
        {
            if (_steps[i].Estimator is not ITransformer t) continue;
            var next = fit ? t.FitTransform(current, y) : t.Transform(current);
            if (!ReferenceEquals(current, X)) current.Dispose();
            current = next;
        }
        return current;
    }

    private T Final<T>(string method) where T : class
    {
        CheckFitted();
        return FinalEstimator as T ?? throw new InvalidOperationException($"This 'Pipeline' has no attribute '{method}': its final step {FinalEstimator?.Name ?? "passthrough"} does not provide it.");
    }

    private TResult ThroughSteps<TResult>(Tensor<double> X, Func<Tensor<double>, TResult> final)
    {
        CheckFitted();
        var xt = RunTransformers(X, null, fit: false);
        try
        {
            return final(xt);
        }
        finally
        {
            if (!ReferenceEquals(xt, X)) xt.Dispose();
        }
    }

    public Tensor<double> Predict(Tensor<double> X) { var f = Final<IPredictor>("predict"); return ThroughSteps(X, f.Predict); }

    public Tensor<double> PredictProba(Tensor<double> X) { var f = Final<IClassifier>("predict_proba"); return ThroughSteps(X, f.PredictProba); }

    /// <summary><c>predict</c> with labels in the caller's element type.</summary>
    public Tensor<TLabel> Predict<TLabel>(Tensor<double> X) where TLabel : unmanaged, System.Numerics.INumber<TLabel>
    {
        using var p = Predict(X);
        return p.Cast<TLabel>();
    }

    public Tensor<double> Classes => Final<IClassifier>("classes_").Classes;

    /// <summary><c>transform(X)</c>: every step must be a transformer (or passthrough).</summary>
    public Tensor<double> Transform(Tensor<double> X)
    {
        CheckFitted();
        var current = X;
        foreach (var (_, e) in _steps)
        {
            if (e is null) continue;
            if (e is not ITransformer t) throw new InvalidOperationException($"This 'Pipeline' has no attribute 'transform': step {e.Name} is not a transformer.");
            var next = t.Transform(current);
            if (!ReferenceEquals(current, X)) current.Dispose();
            current = next;
        }
        return ReferenceEquals(current, X) ? X.Clone() : current;
    }

    public Tensor<double> FitTransform(Tensor<double> X, Tensor<double>? y = null)
    {
        Fit(X, y);
        return Transform(X);
    }

    /// <summary><c>score(X, y)</c>: the final estimator's score on the transformed X.</summary>
    public double Score(Tensor<double> X, Tensor<double> y, Tensor<double>? sampleWeight = null)
    {
        CheckFitted();
        return FinalEstimator switch
        {
            IClassifier c => ThroughSteps(X, xt => c.Score(xt, y, sampleWeight)),
            IRegressor r => ThroughSteps(X, xt => r.Score(xt, y, sampleWeight)),
            _ => throw new InvalidOperationException("This 'Pipeline' has no attribute 'score'."),
        };
    }

    public override IReadOnlyDictionary<string, object?> GetParams(bool deep = true)
    {
        var result = new SortedDictionary<string, object?>(base.GetParams(deep).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)
        {
            ["steps"] = _steps.ToList(),
        };
        if (deep)
        {
            foreach (var (name, e) in _steps)
            {
                result[name] = e;
                if (e is null) continue;
                foreach (var kv in e.GetParams(true)) result[name + "__" + kv.Key] = kv.Value;
            }
        }
        return result;
    }

    public override Estimator SetParams(string name, object? value)
    {
        int sep = name.IndexOf("__", StringComparison.Ordinal);
        if (sep > 0)
        {
            var step = this[name[..sep]] ?? throw new InvalidParameterException(Name, name, "a parameter of a non-passthrough step", value);
            step.SetParams(name[(sep + 2)..], value);
            return this;
        }
        int idx = _steps.FindIndex(s => s.Name == name);
        if (idx >= 0)
        {
            _steps[idx] = (name, value as Estimator);
            return this;
        }
        return base.SetParams(name, value);
    }

    private protected override void CopyExtraParams(Estimator copy) =>
        ((Pipeline)copy)._steps = _steps.Select(s => (s.Name, s.Estimator?.Clone())).ToList();

    public override string ToString() =>
        "Pipeline(steps=[" + string.Join(", ", _steps.Select(s => $"('{s.Name}', {(s.Estimator?.ToString() ?? "'passthrough'")})")) + "])";

    internal override void WriteState(Persistence.ModelWriter writer)
    {
        writer.Write("step_names", _steps.Select(s => s.Name).ToArray());
        writer.Write("passthrough", _steps.Select(s => s.Estimator is null ? "1" : "0").ToArray());
        writer.WriteChildren("steps", _steps.Where(s => s.Estimator is not null).Select(s => s.Estimator.OrThrow()));
    }

    internal override void ReadState(Persistence.ModelReader reader)
    {
        var names = reader.ReadStrings("step_names");
        var pass = reader.ReadStrings("passthrough");
        var estimators = reader.ReadChildren("steps");
        if (pass.Length != names.Length || estimators.Count != pass.Count(p => p == "0"))
            throw new InvalidOperationException("pipeline step lists disagree");
        int k = 0;
        _steps = names.Select((n, i) => (n, pass[i] == "1" ? null : estimators[k++])).ToList();
        Validate();
        RestoreFitted(reader.NFeaturesIn);
    }
}

/// <summary><c>sklearn.pipeline.make_pipeline</c>.</summary>
public static class PipelineFactory
{
    /// <summary><c>make_pipeline(*steps)</c>: steps named after their lower-cased class names ("-1", "-2" for repeats).</summary>
    public static Pipeline MakePipeline(params Estimator?[] steps)
    {
        var names = steps.Select(s => s is null ? "passthrough" : s.GetType().Name.ToLowerInvariant()).ToArray();
        var counts = names.GroupBy(n => n).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());
        for (int i = names.Length - 1; i >= 0; i--)
        {
            if (counts.TryGetValue(names[i], out int c))
            {
                names[i] += "-" + c;
                counts[names[i][..names[i].LastIndexOf('-')]] = c - 1;
            }
        }
        return new Pipeline(names.Zip(steps, (n, s) => (n, s)));
    }
}
