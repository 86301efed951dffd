namespace Batuta.Python.Text
{
    /// <summary>Decodes source bytes with a codec named the way CPython names codecs.</summary>
    internal static partial class Codecs
    {
        /// <summary>CPython's <c>encodings.normalize_encoding</c> plus the lower-casing the codec registry does first.</summary>
        public static string Normalize(string name)
        {
            var sb = new StringBuilder(name.Length);
            bool punct = false;
            foreach (char raw in name)
            {
                char c = char.ToLowerInvariant(raw);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c > 127)
                {
                    if (punct && sb.Length > 0) sb.Append('_');
                    sb.Append(c);
                    punct = false;
                }
                else punct = true;
            }
            return sb.ToString();
        }

        /// <summary>The codec module for an encoding name, or null when CPython would say "unknown encoding".</summary>
        public static string? Resolve(string name)
        {
            string n = Normalize(name);
            if (AliasTable.TryGetValue(n, out var codec)) return codec;
            if (AliasTable.TryGetValue(n.Replace('.', '_'), out codec)) return codec;
            return null;
        }

        /// <summary>
        /// Decodes <paramref name="data"/> from <paramref name="offset"/>; returns null and an error text
        /// (CPython's wording) when the codec is unknown or the bytes do not decode.
        /// </summary>
        public static string? Decode(string encoding, byte[] data, int offset, out string? error)
        {
            error = null;
            string? codec = Resolve(encoding);
            if (codec is null)
            {
                error = "unknown encoding: " + encoding;
                return null;
            }
            switch (codec)
            {
                case "utf_8":
                    return DecodeUtf8Strict(data, offset, codec, out error);
                case "ascii":
                    for (int i = offset; i < data.Length; i++)
                    {
                        if (data[i] >= 0x80)
                        {
                            error = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                                "(unicode error) 'ascii' codec can't decode byte 0x{0:x2} in position {1}: ordinal not in range(128)", data[i], i - offset);
                            return null;
                        }
                    }
                    return Encoding.ASCII.GetString(data, offset, data.Length - offset);
                case "latin_1":
                    {
                        var chars = new char[data.Length - offset];
                        for (int i = 0; i < chars.Length; i++) chars[i] = (char)data[offset + i];
                        return new string(chars);
                    }
            }
            if (SingleByteTables.TryGetValue(codec, out var table))
            {
                var chars = new char[data.Length - offset];
                for (int i = 0; i < chars.Length; i++)
                {
                    char c = table[data[offset + i]];
                    if (c == '\uFFFE')
                    {
                        error = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                            "(unicode error) '{0}' codec can't decode byte 0x{1:x2} in position {2}: character maps to <undefined>", codec.Replace('_', '-'), data[offset + i], i);
                        return null;
                    }
                    chars[i] = c;
                }
                return new string(chars);
            }
            // Multi-byte codecs (CJK, UTF-16/32): use the platform's encoding when the host provides it.
            try
            {
                var enc = Encoding.GetEncoding(PlatformName(codec), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return enc.GetString(data, offset, data.Length - offset);
            }
            catch (DecoderFallbackException ex)
            {
                error = "(unicode error) '" + codec + "' codec can't decode bytes: " + ex.Message;
                return null;
            }
            catch (ArgumentException)
            {
                error = "encoding '" + encoding + "' (codec " + codec + ") is not available on this platform";
                return null;
            }
        }

        private static string PlatformName(string codec) => codec switch
        {
            "utf_16" => "utf-16",
            "utf_16_le" => "utf-16LE",
            "utf_16_be" => "utf-16BE",
            "utf_32" => "utf-32",
            "utf_32_le" => "utf-32LE",
            "utf_32_be" => "utf-32BE",
            "shift_jis" => "shift_jis",
            "euc_jp" => "euc-jp",
            "euc_kr" => "euc-kr",
            "gb2312" => "gb2312",
            "gbk" => "gbk",
            "gb18030" => "gb18030",
            "big5" => "big5",
            "cp932" => "shift_jis",
            "cp949" => "ks_c_5601-1987",
            "cp950" => "big5",
            _ => codec.Replace('_', '-'),
        };

        /// <summary>Strict UTF-8 validation with CPython's error text; returns the decoded string.</summary>
        public static string? DecodeUtf8Strict(byte[] data, int offset, string codec, out string? error)
        {
            error = null;
            int bad = Utf8.FindInvalid(data, offset, data.Length, out string reason);
            if (bad >= 0)
            {
                error = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "(unicode error) 'utf-8' codec can't decode byte 0x{0:x2} in position {1}: {2}", data[bad], bad - offset, reason);
                return null;
            }
            return Encoding.UTF8.GetString(data, offset, data.Length - offset);
        }
    }
}
