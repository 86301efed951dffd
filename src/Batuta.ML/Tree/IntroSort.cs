namespace Batuta.ML.Tree;

/// <summary>
/// scikit-learn's splitter sort: introsort with a median-of-three pivot and a three-way partition
/// (robust to repeated values), heapsort past depth 2·log₂(n), sorting feature values and sample
/// indices together. Not stable; ported as is so samples end up in the same order as in scikit-learn.
/// Pointer-based: this is the hottest loop of tree growing.
/// </summary>
internal static unsafe class IntroSort
{
    public static void Sort(Span<float> xf, Span<int> samples)
    {
        int n = xf.Length;
        if (n == 0) return;
        int maxd = 2 * (int)(Math.Log(n) / Math.Log(2.0));
        fixed (float* x = xf)
        fixed (int* s = samples)
        {
            Introsort(x, s, n, maxd);
        }
    }

    private static float Median3(float* xf, int n)
    {
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

    private static void Swap(float* xf, int* s, int i, int j)
    {
        (xf[i], xf[j]) = (xf[j], xf[i]);
        (s[i], s[j]) = (s[j], s[i]);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Introsort(float* xf, int* samples, int n, int maxd)
    {
        while (n > 1)
        {
            if (maxd <= 0)
            {
                HeapSort(xf, samples, n);
                return;
            }
            maxd--;
            float pivot = Median3(xf, n);
            int i = 0, l = 0, r = n;
            while (i < r)
            {
                float v = xf[i];
                if (v < pivot)
                {
                    Swap(xf, samples, i, l);
                    i++;
                    l++;
                }
                else if (v > pivot)
                {
                    r--;
                    Swap(xf, samples, i, r);
                }
                else
                {
                    i++;
                }
            }
            Introsort(xf, samples, l, maxd);
            xf += r;
            samples += r;
            n -= r;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(float* xf, int* samples, int start, int end)
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void HeapSort(float* xf, int* samples, int n)
    {
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
