namespace Batuta.ML.Tree;

/// <summary>
/// scikit-learn's splitter sort: introsort with a median-of-three pivot and a three-way partition
/// (robust to repeated values), heapsort past depth 2·log₂(n), sorting feature values and sample
/// indices together. Not stable; ported as is so samples end up in the same order as in scikit-learn.
/// </summary>
internal static class IntroSort
{
    public static void Sort(Span<float> xf, Span<int> samples)
    {
        int n = xf.Length;
        if (n == 0) return;
        int maxd = 2 * (int)(Math.Log(n) / Math.Log(2.0));
        Introsort(xf, samples, maxd);
    }

    private static float Median3(Span<float> xf)
    {
        int n = xf.Length;
        float a = xf[0], b = xf[n / 2], c = xf[n - 1];
        if (a < b)
        {
            if (b < c) return b;
            if (a < c) return c;
            return a;
        }
        if (b < c)
        {
            if (a < c) return a;
            return c;
        }
        return b;
    }

    private static void Swap(Span<float> xf, Span<int> s, int i, int j)
    {
        (xf[i], xf[j]) = (xf[j], xf[i]);
        (s[i], s[j]) = (s[j], s[i]);
    }

    private static void Introsort(Span<float> xf, Span<int> samples, int maxd)
    {
        while (xf.Length > 1)
        {
            if (maxd <= 0)
            {
                HeapSort(xf, samples);
                return;
            }
            maxd--;
            float pivot = Median3(xf);
            int i = 0, l = 0, r = xf.Length;
            while (i < r)
            {
                if (xf[i] < pivot)
                {
                    Swap(xf, samples, i, l);
                    i++;
                    l++;
                }
                else if (xf[i] > pivot)
                {
                    r--;
                    Swap(xf, samples, i, r);
                }
                else
                {
                    i++;
                }
            }
            Introsort(xf[..l], samples[..l], maxd);
            xf = xf[r..];
            samples = samples[r..];
        }
    }

    private static void SiftDown(Span<float> xf, Span<int> samples, int start, int end)
    {
        int root = start;
        while (true)
        {
            int child = root * 2 + 1;
            int maxind = root;
            if (child < end && xf[maxind] < xf[child]) maxind = child;
            if (child + 1 < end && xf[maxind] < xf[child + 1]) maxind = child + 1;
            if (maxind == root) break;
            Swap(xf, samples, root, maxind);
            root = maxind;
        }
    }

    private static void HeapSort(Span<float> xf, Span<int> samples)
    {
        int n = xf.Length;
        int start = (n - 2) / 2, end = n;
        while (true)
        {
            SiftDown(xf, samples, start, end);
            if (start == 0) break;
            start--;
        }
        end = n - 1;
        while (end > 0)
        {
            Swap(xf, samples, 0, end);
            SiftDown(xf, samples, 0, end);
            end--;
        }
    }
}
