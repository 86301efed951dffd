using System.Globalization;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>re.RegexFlag</c> (3.11): an IntFlag whose members print with the module's name (<c>re.IGNORECASE</c>,
/// <c>re.MULTILINE|re.DOTALL</c>, unknown bits as <c>0x400</c>), combine with <c>| &amp; ^ ~</c> into flags, and are
/// ints in arithmetic, comparison and hashing.
/// </summary>
public sealed class ReFlag : PyIntFlagEnum
{
    private ReFlag(string name, object? value) : base(name, value) { }

    public static readonly ReFlag NOFLAG = new("NOFLAG", new PyInt(0));
    public static readonly ReFlag ASCII = new("ASCII", new PyInt(ReFlagBits.ASCII));
    public static readonly ReFlag IGNORECASE = new("IGNORECASE", new PyInt(ReFlagBits.IGNORECASE));
    public static readonly ReFlag LOCALE = new("LOCALE", new PyInt(ReFlagBits.LOCALE));
    public static readonly ReFlag UNICODE = new("UNICODE", new PyInt(ReFlagBits.UNICODE));
    public static readonly ReFlag MULTILINE = new("MULTILINE", new PyInt(ReFlagBits.MULTILINE));
    public static readonly ReFlag DOTALL = new("DOTALL", new PyInt(ReFlagBits.DOTALL));
    public static readonly ReFlag VERBOSE = new("VERBOSE", new PyInt(ReFlagBits.VERBOSE));
    public static readonly ReFlag TEMPLATE = new("TEMPLATE", new PyInt(ReFlagBits.TEMPLATE));
    public static readonly ReFlag DEBUG = new("DEBUG", new PyInt(ReFlagBits.DEBUG));

    /// <summary>The members in definition order, which is the order their names are printed in (PyFlagEnum reads it).</summary>
    public static readonly ReFlag[] Named = [NOFLAG, ASCII, IGNORECASE, LOCALE, UNICODE, MULTILINE, DOTALL, VERBOSE, TEMPLATE, DEBUG];

    public override string PyTypeName => "RegexFlag";

    /// <summary>enum.global_enum's repr and str: each set member as <c>re.NAME</c>, what no member covers in hex.</summary>
    public override string PyRepr()
    {
        if (Bits == 0) return "re.NOFLAG";
        var names = Named.Where(m => m.Bits != 0 && (Bits & m.Bits) == m.Bits).Select(m => "re." + m.Name).ToList();
        long rest = Named.Aggregate(Bits, (bits, m) => bits & ~m.Bits);
        if (rest != 0) names.Add("0x" + rest.ToString("x", CultureInfo.InvariantCulture));
        return string.Join("|", names);
    }

    public override string PyStr() => PyRepr();

    /// <summary>f"{re.I}" is its str; a format spec formats the int value (IntFlag.__format__).</summary>
    public override string PyFormat(string spec) => spec.Length == 0 ? PyStr() : base.PyFormat(spec);
}

/// <summary>The flag values as plain longs, for the pattern translation.</summary>
internal static class ReFlagBits
{
    public const long TEMPLATE = 1, IGNORECASE = 2, LOCALE = 4, MULTILINE = 8, DOTALL = 16, UNICODE = 32, VERBOSE = 64, DEBUG = 128, ASCII = 256;
}
