using System.Numerics;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>
/// What every classifier shares: the class labels (<c>classes_</c>, sorted like np.unique), predict as the
/// most probable class, accuracy as the score, and typed labels (<see cref="Predict{TLabel}"/>) so a
/// model fitted on int64 labels predicts int64 labels, as numpy would.
/// </summary>
public abstract class ClassifierBase : Estimator, IClassifier
{
    private protected double[] ClassValues = [];

    /// <summary><c>classes_</c>: the distinct labels seen in Fit, sorted.</summary>
    public Tensor<double> Classes
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])ClassValues.Clone(), ClassValues.Length);
        }
    }

    /// <summary>Number of classes seen in Fit.</summary>
    public int NClasses
    {
        get
        {
            CheckFitted();
            return ClassValues.Length;
        }
    }

    /// <summary><c>predict_proba(X)</c>: (n_samples, n_classes), columns in the order of <see cref="Classes"/>.</summary>
    public abstract Tensor<double> PredictProba(Tensor<double> X);

    /// <summary><c>predict(X)</c>: the label of the most probable class (the first on ties, as np.argmax).</summary>
    public virtual Tensor<double> Predict(Tensor<double> X)
    {
        using var proba = PredictProba(X);
        return ArgMaxToLabels(proba.AsSpan(), proba.Shape[0], ClassValues);
    }

    /// <summary><c>predict(X)</c> with the labels in the element type the caller's y has.</summary>
    public Tensor<TLabel> Predict<TLabel>(Tensor<double> X) where TLabel : unmanaged, INumber<TLabel>
    {
        using var p = Predict(X);
        return p.Cast<TLabel>();
    }

    /// <summary><c>predict_log_proba(X)</c>.</summary>
    public Tensor<double> PredictLogProba(Tensor<double> X)
    {
        var p = PredictProba(X);
        var s = p.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = Math.Log(s[i]);
        return p;
    }

    /// <summary><c>score(X, y)</c>: mean accuracy.</summary>
    public double Score(Tensor<double> X, Tensor<double> y, Tensor<double>? sampleWeight = null)
    {
        using var predicted = Predict(X);
        return Metrics.AccuracyScore(y, predicted, sampleWeight: sampleWeight);
    }

    internal static Tensor<double> ArgMaxToLabels(ReadOnlySpan<double> proba, int rows, double[] classes)
    {
        int k = classes.Length;
        var result = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = proba.Slice(i * k, k);
            int best = 0;
            for (int c = 1; c < k; c++)
                if (row[c] > row[best]) best = c;
            result[i] = classes[best];
        }
        return Tensor.FromArray(result, rows);
    }
}

/// <summary>What every regressor shares: R² as the score.</summary>
public abstract class RegressorBase : Estimator, IRegressor
{
    /// <summary><c>predict(X)</c>.</summary>
    public abstract Tensor<double> Predict(Tensor<double> X);

    /// <summary><c>score(X, y)</c>: the coefficient of determination R².</summary>
    public double Score(Tensor<double> X, Tensor<double> y, Tensor<double>? sampleWeight = null)
    {
        using var predicted = Predict(X);
        return Metrics.R2Score(y, predicted, sampleWeight: sampleWeight);
    }
}

/// <summary>What every transformer shares: fit_transform as fit then transform.</summary>
public abstract class TransformerBase : Estimator, ITransformer
{
    /// <summary><c>transform(X)</c>.</summary>
    public abstract Tensor<double> Transform(Tensor<double> X);

    /// <summary><c>fit_transform(X, y=None)</c>.</summary>
    public virtual Tensor<double> FitTransform(Tensor<double> X, Tensor<double>? y = null)
    {
        Fit(X, y);
        return Transform(X);
    }
}
