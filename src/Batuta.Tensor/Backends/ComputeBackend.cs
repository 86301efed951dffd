namespace Batuta.Tensors.Backends;

/// <summary>Where an operation runs. <see cref="Auto"/> lets <see cref="BackendSelector"/> decide.</summary>
public enum ComputeBackend
{
    Auto = 0,

    /// <summary>Plain scalar loops: the reference every other backend is checked against.</summary>
    Scalar = 1,

    /// <summary>Vector128/256/512 loops and the packed FMA GEMM.</summary>
    Simd = 2,

    /// <summary>ILGPU kernels (CUDA, OpenCL, or ILGPU's CPU accelerator when a test installs it).</summary>
    Gpu = 3,
}

/// <summary>The shape of an operation, which sets how its cost grows.</summary>
public enum OperationKind
{
    ElementWise,
    Reduction,
    MatMul,
    Other,
}
