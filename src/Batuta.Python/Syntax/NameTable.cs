namespace Batuta.Python.Syntax
{
    /// <summary>
    /// Interns ASCII identifiers straight from the UTF-8 buffer (no string per occurrence) and knows the
    /// keywords. One table lives per thread and is reused across parses, so a name like <c>self</c> is
    /// allocated once per process instead of once per occurrence.
    /// </summary>
    internal sealed class NameTable
    {
        private const int MaxEntries = 1 << 17;

        private struct Entry
        {
            public int Hash;
            public string Text;
            public TokenKind Kind;
        }

        private Entry[] _entries = new Entry[4096];
        private int _count;

        [ThreadStatic]
        private static NameTable? s_shared;

        public static NameTable Shared => s_shared ??= new NameTable();

        private NameTable()
        {
            foreach (var (text, kind) in Keywords) Add(text, kind);
        }

        internal static readonly (string Text, TokenKind Kind)[] Keywords =
        {
            ("False", TokenKind.False), ("None", TokenKind.None), ("True", TokenKind.True), ("and", TokenKind.And),
            ("as", TokenKind.As), ("assert", TokenKind.Assert), ("async", TokenKind.Async), ("await", TokenKind.Await),
            ("break", TokenKind.Break), ("class", TokenKind.Class), ("continue", TokenKind.Continue), ("def", TokenKind.Def),
            ("del", TokenKind.Del), ("elif", TokenKind.Elif), ("else", TokenKind.Else), ("except", TokenKind.Except),
            ("finally", TokenKind.Finally), ("for", TokenKind.For), ("from", TokenKind.From), ("global", TokenKind.Global),
            ("if", TokenKind.If), ("import", TokenKind.Import), ("in", TokenKind.In), ("is", TokenKind.Is),
            ("lambda", TokenKind.Lambda), ("nonlocal", TokenKind.Nonlocal), ("not", TokenKind.Not), ("or", TokenKind.Or),
            ("pass", TokenKind.Pass), ("raise", TokenKind.Raise), ("return", TokenKind.Return), ("try", TokenKind.Try),
            ("while", TokenKind.While), ("with", TokenKind.With), ("yield", TokenKind.Yield),
        };

        private static int HashOf(string s)
        {
            unchecked
            {
                int h = (int)2166136261;
                foreach (char c in s) h = (h ^ c) * 16777619;
                return h;
            }
        }

        private void Add(string text, TokenKind kind)
        {
            int hash = HashOf(text);
            int mask = _entries.Length - 1;
            int i = hash & mask;
            while (_entries[i].Text is not null) i = (i + 1) & mask;
            _entries[i] = new Entry { Hash = hash, Text = text, Kind = kind };
            _count++;
            if (_count * 2 > _entries.Length) Grow();
        }

        private void Grow()
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            int mask = _entries.Length - 1;
            foreach (var e in old)
            {
                if (e.Text is null) continue;
                int i = e.Hash & mask;
                while (_entries[i].Text is not null) i = (i + 1) & mask;
                _entries[i] = e;
            }
        }

        /// <summary>Looks up an ASCII identifier in <paramref name="s"/>[start, end): returns its kind (NAME or a keyword) and interned text.</summary>
        public TokenKind Lookup(byte[] s, int start, int end, out string text)
        {
            int hash;
            unchecked
            {
                hash = (int)2166136261;
                for (int k = start; k < end; k++) hash = (hash ^ s[k]) * 16777619;
            }
            int len = end - start;
            int mask = _entries.Length - 1;
            int i = hash & mask;
            while (true)
            {
                ref Entry e = ref _entries[i];
                if (e.Text is null) break;
                if (e.Hash == hash && e.Text.Length == len && SameAscii(e.Text, s, start))
                {
                    text = e.Text;
                    return e.Kind;
                }
                i = (i + 1) & mask;
            }
            text = Encoding.ASCII.GetString(s, start, len);
            if (_count >= MaxEntries) Reset();
            Add(text, TokenKind.Name);
            return TokenKind.Name;
        }

        /// <summary>Interns an identifier that is already a string (non-ASCII, after NFKC).</summary>
        public string Intern(string text)
        {
            int hash = HashOf(text);
            int mask = _entries.Length - 1;
            int i = hash & mask;
            while (_entries[i].Text is not null)
            {
                if (_entries[i].Hash == hash && _entries[i].Text == text) return _entries[i].Text;
                i = (i + 1) & mask;
            }
            if (_count >= MaxEntries) Reset();
            Add(text, TokenKind.Name);
            return text;
        }

        private void Reset()
        {
            _entries = new Entry[4096];
            _count = 0;
            foreach (var (t, k) in Keywords) Add(t, k);
        }

        private static bool SameAscii(string text, byte[] s, int start)
        {
            for (int k = 0; k < text.Length; k++)
                if (text[k] != s[start + k]) return false;
            return true;
        }
    }
}
