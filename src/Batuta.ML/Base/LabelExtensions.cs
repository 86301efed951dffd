using System.Numerics;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>
/// Fit with integer (or float32) labels and targets: numpy code passes int64 label arrays to
/// <c>fit</c>; these overloads convert them to float64 exactly (labels up to 2^53) and fit.
/// </summary>
public static class LabelExtensions
{
    /// <summary><c>model.fit(X, y)</c> with y of any numeric element type.</summary>
    public static TModel Fit<TModel, TLabel>(this TModel model, Tensor<double> X, Tensor<TLabel> y, Tensor<double>? sampleWeight = null)
        where TModel : Estimator
        where TLabel : unmanaged, INumber<TLabel>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(y);
        using var yd = y.Cast<double>();
        model.Fit(X, yd, sampleWeight);
        return model;
    }

    /// <summary><c>model.score(X, y)</c> with y of any numeric element type.</summary>
    public static double Score<TLabel>(this IClassifier model, Tensor<double> X, Tensor<TLabel> y)
        where TLabel : unmanaged, INumber<TLabel>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(y);
        using var yd = y.Cast<double>();
        return model.Score(X, yd);
    }
}
