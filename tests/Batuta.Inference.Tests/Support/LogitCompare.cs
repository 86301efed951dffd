namespace Batuta.Inference.Tests.Support;

/// <summary>How far two logit rows are apart, as a fraction of the reference's largest magnitude.</summary>
public static class LogitCompare
{
    public static double MaxRelative(ReadOnlySpan<float> ours, ReadOnlySpan<float> reference)
    {
        double scale = 0, diff = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(reference[i]));
            diff = Math.Max(diff, Math.Abs(ours[i] - reference[i]));
        }
        return diff / scale;
    }
}
