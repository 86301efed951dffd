namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// os's functions on raw file descriptors (os.write/read/close/lseek/fdopen over what tempfile.mkstemp or os.open
/// returns): each number stands for an open .NET stream, handed out lowest-free-first from 3, as the kernel does for
/// a process whose other files are closed.
/// </summary>
public static class OsFd
{
    private static readonly Dictionary<long, FileStream> Open = new();

    internal static long Register(FileStream stream)
    {
        lock (Open)
        {
            long fd = LowestFree();
            Open[fd] = stream;
            return fd;
        }
    }

    /// <summary>The numbers open() file objects hold (their fileno()), from the same pool; os.read/write do not reach them.</summary>
    private static readonly HashSet<long> Held = new();

    private static long LowestFree()
    {
        long fd = 3;
        while (Open.ContainsKey(fd) || Held.Contains(fd)) fd++;
        return fd;
    }

    internal static long Hold()
    {
        lock (Open)
        {
            long fd = LowestFree();
            Held.Add(fd);
            return fd;
        }
    }

    internal static void Release(long fd)
    {
        lock (Open) Held.Remove(fd);
    }

    private static FileStream Get(long fd)
    {
        lock (Open) return Open.TryGetValue(fd, out var s) ? s : throw BadDescriptor();
    }

    private static OSError BadDescriptor() => new(9, "Bad file descriptor");

    // Linux's values of the os.O_* flags
    public const long ORdOnly = 0, OWrOnly = 1, ORdWr = 2, OCreat = 0x40, OExcl = 0x80, OTrunc = 0x200, OAppend = 0x400;

    /// <summary>os.open(path, flags, mode=0o777): a descriptor for the file; O_APPEND starts at its end.</summary>
    public static long OpenPath(object? path, long flags, long mode = 0x1FF)
    {
        var p = FsArg.Of(path);
        var options = new FileStreamOptions { Mode = FileModeOf(flags), Access = (flags & 3) switch { OWrOnly => FileAccess.Write, ORdWr => FileAccess.ReadWrite, _ => FileAccess.Read } };
        if ((flags & OCreat) != 0 && !OperatingSystem.IsWindows()) options.UnixCreateMode = (UnixFileMode)(mode & 0xFFF);
        try
        {
            var stream = new FileStream(p, options);
            if ((flags & OAppend) != 0) stream.Seek(0, SeekOrigin.End);
            return Register(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw FsArg.NotFound(p); }
        catch (IOException) when ((flags & OExcl) != 0) { throw new FileExistsError(17, "File exists") { Filename = p }; }
        catch (UnauthorizedAccessException) { throw new PermissionError(13, "Permission denied") { Filename = p }; }
    }

    private static FileMode FileModeOf(long flags) => (flags & (OCreat | OExcl | OTrunc)) switch
    {
        OCreat | OExcl or OCreat | OExcl | OTrunc => FileMode.CreateNew,
        OCreat | OTrunc => FileMode.Create,
        OCreat => FileMode.OpenOrCreate,
        OTrunc => FileMode.Truncate,
        _ => FileMode.Open,
    };

    public static long Write(long fd, object? data)
    {
        var bytes = data switch
        {
            PyBytes b => b.Data.ToArray(),
            PyByteArray a => a.ToArray(),
            _ => throw new TypeError($"a bytes-like object is required, not '{Dyn.TypeName(data)}'"),
        };
        var s = Get(fd);
        s.Write(bytes);
        s.Flush();
        return bytes.Length;
    }

    public static PyBytes Read(long fd, long n)
    {
        var buf = new byte[Math.Max(0, n)];
        int got = Get(fd).Read(buf, 0, buf.Length);
        return new PyBytes(buf[..got]);
    }

    public static long LSeek(long fd, long pos, long how) =>
        Get(fd).Seek(pos, how switch { 1 => SeekOrigin.Current, 2 => SeekOrigin.End, _ => SeekOrigin.Begin });

    public static void Close(long fd)
    {
        FileStream? s;
        lock (Open)
        {
            if (!Open.Remove(fd, out s)) throw BadDescriptor();
        }
        s.Dispose();
    }

    /// <summary>os.fdopen(fd, mode): a file object over the descriptor, which then belongs to it (closing it frees the number).</summary>
    public static PyTextIO FdOpenText(long fd, string mode = "r", string? encoding = null) =>
        PyTextIO.OverStream(Take(fd), fd.ToString(System.Globalization.CultureInfo.InvariantCulture), mode, encoding: encoding);

    public static PyBinaryIO FdOpenBinary(long fd, string mode, string? encoding = null) => encoding is not null
        ? throw new ValueError("binary mode doesn't take an encoding argument")
        : PyBinaryIO.OverStream(Take(fd), fd.ToString(System.Globalization.CultureInfo.InvariantCulture), mode);

    private static FileStream Take(long fd)
    {
        lock (Open)
        {
            if (!Open.Remove(fd, out var s)) throw BadDescriptor();
            return s;
        }
    }
}
