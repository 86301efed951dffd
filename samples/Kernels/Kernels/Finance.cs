using Batuta.Tensors;

namespace KernelsSample.Kernels;

/// <summary>European option prices under Black-Scholes, one option per element.</summary>
public static partial class Finance
{
    /// <summary>The standard normal CDF (Abramowitz and Stegun 26.2.17, |error| &lt; 7.5e-8).</summary>
    [Kernel]
    public static partial float NormalCdf(float x)
    {
        float k = 1f / (1f + 0.2316419f * MathF.Abs(x));
        float poly = k * (0.319381530f + k * (-0.356563782f + k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
        float tail = 0.3989422804f * MathF.Exp(-0.5f * x * x) * poly;
        if (x >= 0f) return 1f - tail;
        return tail;
    }

    /// <summary>Call and put prices of a European option: spot, strike, years to expiry, rate, volatility.</summary>
    [Kernel]
    public static partial (float Call, float Put) BlackScholes(float spot, float strike, float years, float rate, float volatility)
    {
        float root = volatility * MathF.Sqrt(years);
        float d1 = (MathF.Log(spot / strike) + (rate + 0.5f * volatility * volatility) * years) / root;
        float d2 = d1 - root;
        float discounted = strike * MathF.Exp(-rate * years);
        float call = spot * NormalCdf(d1) - discounted * NormalCdf(d2);
        float put = discounted * NormalCdf(-d2) - spot * NormalCdf(-d1);
        return (call, put);
    }
}
