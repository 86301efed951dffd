using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>An estimator with <c>predict</c>.</summary>
public interface IPredictor
{
    Tensor<double> Predict(Tensor<double> X);
}

/// <summary>A classifier: <c>predict</c>, <c>predict_proba</c>, <c>classes_</c> and accuracy <c>score</c>.</summary>
public interface IClassifier : IPredictor
{
    Tensor<double> Classes { get; }

    Tensor<double> PredictProba(Tensor<double> X);

    double Score(Tensor<double> X, Tensor<double> y, Tensor<double>? sampleWeight = null);
}

/// <summary>A regressor: <c>predict</c> and R² <c>score</c>.</summary>
public interface IRegressor : IPredictor
{
    double Score(Tensor<double> X, Tensor<double> y, Tensor<double>? sampleWeight = null);
}

/// <summary>A transformer: <c>transform</c> and <c>fit_transform</c>.</summary>
public interface ITransformer
{
    Tensor<double> Transform(Tensor<double> X);

    Tensor<double> FitTransform(Tensor<double> X, Tensor<double>? y = null);
}
