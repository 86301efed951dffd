namespace Batuta.Python.Text
{
    /// <summary>NFKC for non-ASCII identifiers, as CPython applies it (PEP 3131).</summary>
    internal static class Normalization
    {
        private static bool s_unavailable;

        public static string Nfkc(string s)
        {
            bool ascii = true;
            foreach (char c in s)
                if (c >= 0x80) { ascii = false; break; }
            if (ascii || s_unavailable) return s;
            try
            {
                return s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);
            }
            catch (PlatformNotSupportedException)
            {
                // Globalization-invariant hosts have no normalization data; identifiers stay as written.
                s_unavailable = true;
                return s;
            }
        }
    }
}
