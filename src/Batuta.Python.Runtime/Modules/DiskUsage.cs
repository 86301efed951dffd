using System.Runtime.InteropServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>shutil.disk_usage: libc's statvfs, computed as CPython computes it (fragment size times the block counts).</summary>
public static partial class Shutil
{
    [DllImport("libc", EntryPoint = "statvfs", SetLastError = true)]
    private static extern int NativeStatVfs([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr buffer);

    // struct statvfs on 64-bit Linux: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail... each 8 bytes; generously sized
    private const int StatVfsSize = 256;

    public static PyStructSeq DiskUsage(object? path)
    {
        var p = FsArg.Of(path);
        var buffer = Marshal.AllocHGlobal(StatVfsSize);
        try
        {
            if (NativeStatVfs(p, buffer) != 0) throw Failure(Marshal.GetLastPInvokeError(), p);
            long frsize = Marshal.ReadInt64(buffer, 8), blocks = Marshal.ReadInt64(buffer, 16);
            long bfree = Marshal.ReadInt64(buffer, 24), bavail = Marshal.ReadInt64(buffer, 32);
            return new Usage(blocks * frsize, (blocks - bfree) * frsize, bavail * frsize);
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static OSError Failure(int errno, string path) => errno switch
    {
        2 => FsArg.NotFound(path),
        13 => new PermissionError(13, "Permission denied") { Filename = path },
        20 => new NotADirectoryError(20, "Not a directory") { Filename = path },
        _ => new OSError(errno, Marshal.GetPInvokeErrorMessage(errno)) { Filename = path },
    };

    private sealed class Usage(long total, long used, long free)
        : PyStructSeq("usage", ["total", "used", "free"], [new PyInt(total), new PyInt(used), new PyInt(free)]);
}
