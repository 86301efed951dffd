namespace Batuta.Inference.Kernels;

/// <summary>How RoPE frequencies are stretched for contexts longer than the training length.</summary>
public enum RopeScalingType
{
    None,
    Linear,
    Yarn,
}

/// <summary>
/// Rotary position embedding in ggml's "normal" mode (adjacent pairs x[2i], x[2i+1], the layout LLaMA
/// GGUF files use), with linear or YaRN frequency scaling and optional per-frequency factors
/// (<c>rope_freqs.weight</c>, Llama 3.1). Angles follow ggml's float recurrence theta_i = p * base^(-2i/d).
/// </summary>
internal sealed unsafe class Rope
{
    private readonly int _dims;
    private readonly float _base;
    private readonly float _freqScale;
    private readonly float _extFactor;
    private readonly float _attnFactor;
    private readonly float[] _corrDims = new float[2];
    private readonly float[]? _freqFactors;

    public Rope(int dims, float freqBase, RopeScalingType scaling, float scaleFactor, int originalContext, float[]? freqFactors)
    {
        _dims = dims;
        _base = freqBase;
        _freqFactors = freqFactors;
        _freqScale = scaling == RopeScalingType.None || scaleFactor <= 0 ? 1f : 1f / scaleFactor;
        _extFactor = scaling == RopeScalingType.Yarn ? 1f : 0f;
        _attnFactor = 1f;
        if (scaling == RopeScalingType.Yarn)
        {
            int ctx = originalContext > 0 ? originalContext : 4096;
            float start = MathF.Floor(CorrDim(dims, ctx, 32f, freqBase));
            float end = MathF.Ceiling(CorrDim(dims, ctx, 1f, freqBase));
            _corrDims[0] = MathF.Max(0, start);
            _corrDims[1] = MathF.Min(dims - 1, end);
        }
    }

    public int Dimensions => _dims;

    private static float CorrDim(int nDims, int nCtxOrig, float nRot, float @base) =>
        nDims * MathF.Log(nCtxOrig / (nRot * 2 * MathF.PI)) / (2 * MathF.Log(@base));

    /// <summary>Fills cos/sin tables (dims/2 entries each) for one position.</summary>
    public void Angles(int position, float* cos, float* sin)
    {
        float thetaScale = MathF.Pow(_base, -2f / _dims);
        float theta = position;
        for (int i0 = 0; i0 < _dims; i0 += 2)
        {
            float ff = _freqFactors is null ? 1f : _freqFactors[i0 / 2];
            float thetaExtrap = theta / ff;
            float thetaInterp = _freqScale * thetaExtrap;
            float t = thetaInterp;
            float mscale = _attnFactor;
            if (_extFactor != 0)
            {
                float y = (i0 / 2 - _corrDims[0]) / MathF.Max(0.001f, _corrDims[1] - _corrDims[0]);
                float rampMix = (1 - MathF.Min(1, MathF.Max(0, y))) * _extFactor;
                t = thetaInterp * (1 - rampMix) + thetaExtrap * rampMix;
                mscale *= 1f + 0.1f * MathF.Log(1f / _freqScale);
            }
            // cosf/sinf of the C library, as ggml's rope_yarn calls them.
            cos[i0 / 2] = MathF.Cos(t) * mscale;
            sin[i0 / 2] = MathF.Sin(t) * mscale;
            theta *= thetaScale;
        }
    }

    /// <summary>Rotates the first <see cref="Dimensions"/> values of each head in place.</summary>
    public void Apply(float* x, int heads, int headDim, float* cos, float* sin)
    {
        for (int h = 0; h < heads; h++)
        {
            float* v = x + h * headDim;
            for (int i = 0; i < _dims / 2; i++)
            {
                float a = v[2 * i], b = v[2 * i + 1];
                // The FMA contraction GCC applies in ggml's rotate_pairs (measured: any other pairing changes
                // llama.cpp's logits in the last bit).
                v[2 * i] = MathF.FusedMultiplyAdd(a, cos[i], -(b * sin[i]));
                v[2 * i + 1] = MathF.FusedMultiplyAdd(a, sin[i], b * cos[i]);
            }
        }
    }
}
