namespace Batuta.ML;

/// <summary>
/// scikit-learn's <c>NotFittedError</c>: a model was used (predict, transform, score, save) before <c>Fit</c>.
/// The message is scikit-learn's own.
/// </summary>
public sealed class NotFittedException : InvalidOperationException
{
    public NotFittedException(string estimator)
        : base($"This {estimator} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.")
    {
        Estimator = estimator;
    }

    /// <summary>The estimator's class name.</summary>
    public string Estimator { get; }
}

/// <summary>
/// scikit-learn's <c>ValueError</c> for bad input data: NaN or infinity, wrong rank, too few samples,
/// a feature count that differs from the one seen in <c>Fit</c>, inconsistent lengths, unknown labels.
/// </summary>
public sealed class InputValidationException : ArgumentException
{
    public InputValidationException(string message) : base(message) { }

    public InputValidationException(string message, string paramName) : base(message, paramName) { }
}

/// <summary>
/// scikit-learn's <c>InvalidParameterError</c>: a hyperparameter is out of range or of the wrong kind.
/// The message follows scikit-learn's: "The 'C' parameter of LogisticRegression must be a float in the range (0, inf]. Got -1.0 instead."
/// </summary>
public sealed class InvalidParameterException : ArgumentException
{
    public InvalidParameterException(string estimator, string parameter, string constraint, object? value)
        : base($"The '{parameter}' parameter of {estimator} must be {constraint}. Got {PyRepr.Of(value)} instead.", parameter)
    {
        Estimator = estimator;
        Parameter = parameter;
    }

    public string Estimator { get; }

    public string Parameter { get; }
}
