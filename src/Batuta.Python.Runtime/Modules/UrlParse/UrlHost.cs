using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// urlsplit's netloc checks, with CPython's ValueErrors: unbalanced or misplaced brackets, a bracketed host that is no
/// IPv6 address (nor IPvFuture), and characters that NFKC normalization turns into URL delimiters.
/// </summary>
internal static partial class UrlHost
{
    [GeneratedRegex(@"\Av[a-fA-F0-9]+\..+\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex IpvFuture();

    [GeneratedRegex(@"\A(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    public static void CheckBrackets(string netloc)
    {
        bool open = netloc.Contains('['), close = netloc.Contains(']');
        if (open != close) throw new ValueError("Invalid IPv6 URL");
        if (open) CheckBracketedNetloc(netloc);
    }

    private static void CheckBracketedNetloc(string netloc)
    {
        string hostAndPort = netloc[(netloc.LastIndexOf('@') + 1)..];
        int open = hostAndPort.IndexOf('[');
        string host;
        if (open >= 0)
        {
            if (open > 0) throw new ValueError("Invalid IPv6 URL");
            (host, string port) = UrlParseModule.Partition(hostAndPort[(open + 1)..], ']');
            if (port.Length > 0 && port[0] != ':') throw new ValueError("Invalid IPv6 URL");
        }
        else host = UrlParseModule.Partition(hostAndPort, ':').Before;
        CheckBracketedHost(host);
    }

    private static void CheckBracketedHost(string host)
    {
        if (host.StartsWith('v'))
        {
            if (!IpvFuture().IsMatch(host)) throw new ValueError("IPvFuture address is invalid");
            return;
        }
        if (IsIpv4(host)) throw new ValueError("An IPv4 address cannot be in brackets");
        if (!IsIpv6(host)) throw new ValueError(Repr.Of(host) + " does not appear to be an IPv4 or IPv6 address");
    }

    private static bool IsIpv4(string host) => Ipv4().IsMatch(host) && host.Split('.').All(o => int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) <= 255);

    private static bool IsIpv6(string host)
    {
        string address = UrlParseModule.Partition(host, '%').Before;
        return address.Contains(':') && address.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>_checknetloc: a non-ASCII netloc must not gain / ? # @ : under NFKC normalization.</summary>
    public static void CheckNormalization(string netloc)
    {
        if (netloc.All(char.IsAscii)) return;
        string n = netloc.Replace("@", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal);
        string normalized = n.Normalize(NormalizationForm.FormKC);
        if (n == normalized) return;
        if (normalized.IndexOfAny(['/', '?', '#', '@', ':']) >= 0)
            throw new ValueError("netloc '" + netloc + "' contains invalid characters under NFKC normalization");
    }
}
