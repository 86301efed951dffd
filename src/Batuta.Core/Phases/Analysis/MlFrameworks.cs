namespace Batuta.Core.Phases.Analysis;

/// <summary>ML and numeric frameworks Batuta recognises, and the Batuta library that takes each one's role.</summary>
public static class MlFrameworks
{
    /// <summary>Keyed by import name and by PyPI name (normalised).</summary>
    private static readonly Dictionary<string, (string Framework, string Target)> Known = new(StringComparer.Ordinal)
    {
        ["numpy"] = ("numpy", "Batuta.Tensor"),
        ["scipy"] = ("scipy", "Batuta.Tensor (linalg subset)"),
        ["pandas"] = ("pandas", "not yet mapped"),
        ["sklearn"] = ("scikit-learn", "Batuta.ML"),
        ["scikit-learn"] = ("scikit-learn", "Batuta.ML"),
        ["torch"] = ("PyTorch", "Batuta.Inference"),
        ["transformers"] = ("transformers", "Batuta.Inference"),
        ["safetensors"] = ("safetensors", "Batuta.Inference"),
        ["tensorflow"] = ("TensorFlow", "not yet mapped"),
        ["jax"] = ("JAX", "not yet mapped"),
        ["xgboost"] = ("XGBoost", "Batuta.ML (GradientBoosting)"),
        ["lightgbm"] = ("LightGBM", "Batuta.ML (GradientBoosting)"),
        ["llama-cpp-python"] = ("llama.cpp", "Batuta.Inference"),
        ["llama_cpp"] = ("llama.cpp", "Batuta.Inference"),
    };

    public static (string Framework, string Target)? Recognise(string importOrPackage) =>
        Known.TryGetValue(DependencyScanner.TopLevel(importOrPackage), out var v) ? v : null;
}
