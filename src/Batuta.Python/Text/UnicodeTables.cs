namespace Batuta.Python.Text
{
    /// <summary>Unicode predicates exactly as CPython 3.11 answers them (tables generated from its database).</summary>
    internal static partial class UnicodeTables
    {
        public static bool IsIdentifierStart(int cp) => cp < 0x80 ? IsAsciiIdentifierStart(cp) : InRanges(IdentifierStart, cp);

        public static bool IsIdentifierContinue(int cp) => cp < 0x80 ? IsAsciiIdentifierStart(cp) || (cp >= '0' && cp <= '9') : InRanges(IdentifierContinue, cp);

        /// <summary>Python's <c>str.isprintable()</c> for one code point.</summary>
        public static bool IsPrintable(int cp)
        {
            if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
            return InRanges(Printable, cp);
        }

        private static bool IsAsciiIdentifierStart(int cp) => (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';

        private static bool InRanges(int[] table, int cp)
        {
            int lo = 0, hi = table.Length / 2 - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (cp < table[2 * mid]) hi = mid - 1;
                else if (cp > table[2 * mid + 1]) lo = mid + 1;
                else return true;
            }
            return false;
        }
    }
}
