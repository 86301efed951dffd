using System.Runtime.InteropServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>os.stat_result</c>: the fields programs read (st_mode with its file-type bits, st_size, st_uid/st_gid, the
/// times as float seconds and as *_ns ints). Indexing and the rarer fields (st_ino, st_nlink...) are left out.
/// </summary>
public sealed class PyStatResult : PyObject, IPyAttributes
{
    private readonly long _mode, _uid, _gid, _size, _atimeNs, _mtimeNs, _ctimeNs;

    internal PyStatResult(long mode, long uid, long gid, long size, long atimeNs, long mtimeNs, long ctimeNs)
    {
        (_mode, _uid, _gid, _size) = (mode, uid, gid, size);
        (_atimeNs, _mtimeNs, _ctimeNs) = (atimeNs, mtimeNs, ctimeNs);
    }

    public override string PyTypeName => "stat_result";

    public long Uid => _uid;

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "st_mode" => new PyInt(_mode),
            "st_uid" => new PyInt(_uid),
            "st_gid" => new PyInt(_gid),
            "st_size" => new PyInt(_size),
            _ => TimeAttr(name),
        };
        return value is not null;
    }

    private object? TimeAttr(string name) => name switch
    {
        "st_atime" => Seconds(_atimeNs),
        "st_mtime" => Seconds(_mtimeNs),
        "st_ctime" => Seconds(_ctimeNs),
        "st_atime_ns" => new PyInt(_atimeNs),
        "st_mtime_ns" => new PyInt(_mtimeNs),
        "st_ctime_ns" => new PyInt(_ctimeNs),
        _ => null,
    };

    // CPython builds the float time as sec + nsec * 1e-9, which can differ in the last digit from ns / 1e9
    private static double Seconds(long ns)
    {
        long sec = Math.DivRem(ns, 1_000_000_000L, out long rem);
        if (rem < 0) (sec, rem) = (sec - 1, rem + 1_000_000_000L);
        return sec + rem * 1e-9;
    }

    public override string PyRepr() =>
        $"os.stat_result(st_mode={_mode}, st_uid={_uid}, st_gid={_gid}, st_size={_size}, st_atime={_atimeNs / 1_000_000_000L}, st_mtime={_mtimeNs / 1_000_000_000L}, st_ctime={_ctimeNs / 1_000_000_000L})";
}

/// <summary>
/// The POSIX side of <c>os</c> that .NET has no public API for (stat with owner ids, umask, user names): calls into
/// the .NET runtime's own System.Native shim and libc, so the values are the kernel's, as CPython's are.
/// </summary>
public static class OsStat
{
    // System.Native's FileStatus: the prefix read here (flags, mode, uid, gid, size, a/m/c times with nanoseconds) has
    // kept its layout across .NET versions; the buffer is generously sized for the fields that were added after it.
    private const int StatBufferSize = 512;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr output);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint NativeUmask(uint mask);

    [DllImport("libc", EntryPoint = "getpwuid")]
    private static extern IntPtr NativeGetPwUid(uint uid);

    public static PyStatResult Stat(object? path)
    {
        string p = OsFsPath(path);
        var buf = Marshal.AllocHGlobal(StatBufferSize);
        try
        {
            if (NativeStat(p, buf) != 0) throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
            long Ns(int secAt) => Marshal.ReadInt64(buf, secAt) * 1_000_000_000L + Marshal.ReadInt64(buf, secAt + 8);
            return new PyStatResult(Marshal.ReadInt32(buf, 4), (uint)Marshal.ReadInt32(buf, 8), (uint)Marshal.ReadInt32(buf, 12),
                Marshal.ReadInt64(buf, 16), Ns(24), Ns(40), Ns(56));
        }
        finally { Marshal.FreeHGlobal(buf); }
    }

    public static void Chmod(object? path, PyInt mode)
    {
        string p = OsFsPath(path);
        if (!File.Exists(p) && !Directory.Exists(p)) throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
        // file modes are POSIX only (Batuta targets Linux, as the stat and umask calls here do)
        if (OperatingSystem.IsWindows()) throw new NotSupportedException("os.chmod() needs a POSIX system");
        File.SetUnixFileMode(p, (UnixFileMode)((long)mode & 0xFFF));
    }

    /// <summary>os.utime(path, times=None): times is (atime, mtime) in seconds; None stamps both with the current time.</summary>
    public static void Utime(object? path, object? times = null)
    {
        string p = OsFsPath(path);
        if (!File.Exists(p) && !Directory.Exists(p)) throw new FileNotFoundError(2, "No such file or directory") { Filename = p };
        DateTime atime = DateTime.UtcNow, mtime = atime;
        if (times is not null)
        {
            var pair = Dyn.Iter(times).ToList();
            if (pair.Count != 2) throw new TypeError("utime: 'times' must be either a tuple of two ints or None");
            (atime, mtime) = (FromSeconds(Py.Float(pair[0])), FromSeconds(Py.Float(pair[1])));
        }
        File.SetLastAccessTimeUtc(p, atime);
        File.SetLastWriteTimeUtc(p, mtime);
    }

    private static DateTime FromSeconds(double s) => DateTime.UnixEpoch.AddTicks((long)Math.Round(s * TimeSpan.TicksPerSecond));

    public static PyInt Umask(PyInt mask) => NativeUmask((uint)((long)mask & 0x1FF));

    public static PyInt? CpuCount() => Environment.ProcessorCount;

    public static double GetMTime(object? path) => Time(path, "st_mtime");
    public static double GetATime(object? path) => Time(path, "st_atime");
    public static double GetCTime(object? path) => Time(path, "st_ctime");

    private static double Time(object? path, string field) => Stat(path).TryGetAttr(field, out var v) && v is double d ? d : 0.0;

    /// <summary>The user name of a uid, as pwd.getpwuid(uid).pw_name (Path.owner()).</summary>
    public static string UserName(long uid)
    {
        var pw = NativeGetPwUid((uint)uid);
        // pw_name is the first member of struct passwd on glibc and musl alike
        return pw == IntPtr.Zero ? throw new KeyError($"getpwuid(): uid not found: {uid}") : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pw)) ?? "";
    }

    private static string OsFsPath(object? path) => path switch
    {
        string s => s,
        IPyPathLike p => p.FsPath(),
        _ => throw new TypeError($"stat: path should be string, bytes, os.PathLike or integer, not {Dyn.TypeName(path)}"),
    };
}
