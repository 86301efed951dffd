namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// tempfile's files: NamedTemporaryFile and TemporaryFile give an ordinary file object (text or binary by the mode,
/// "w+b" by default) that, with delete=True, removes its file when it is closed (the end of a <c>with</c> block);
/// mkstemp gives a raw descriptor of <see cref="OsFd"/> and the path. Files are created owner-only, as CPython's.
/// </summary>
public static partial class TempFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static PyTextIO NamedText(string mode, string? suffix = null, string? prefix = null, object? dir = null, bool delete = true, string? encoding = null, string? newline = null)
    {
        var (path, stream) = Create(suffix, prefix, dir);
        return PyTextIO.OverStream(stream, path, mode, delete, encoding, newline);
    }

    public static PyBinaryIO NamedBinary(string mode = "w+b", string? suffix = null, string? prefix = null, object? dir = null, bool delete = true, string? encoding = null, string? newline = null)
    {
        if (encoding is not null) throw new ValueError("binary mode doesn't take an encoding argument");
        if (newline is not null) throw new ValueError("binary mode doesn't take a newline argument");
        var (path, stream) = Create(suffix, prefix, dir);
        return PyBinaryIO.OverStream(stream, path, BinaryModeName(mode), delete);
    }

    /// <summary>mkstemp: (descriptor, absolute path) of a new empty file that stays until it is removed.</summary>
    public static (long, string) MkSTemp(string? suffix = null, string? prefix = null, object? dir = null)
    {
        var (path, stream) = Create(suffix, prefix, dir);
        return (OsFd.Register(stream), path);
    }

    /// <summary>A new file under a fresh name, open for reading and writing (CPython opens it O_EXCL, mode 0600).</summary>
    private static (string Path, FileStream Stream) Create(string? suffix, string? prefix, object? dir)
    {
        while (true)
        {
            var path = Path.GetFullPath(NewName(suffix, prefix, dir));
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
                return (path, new FileStream(path, options));
            }
            catch (IOException) when (File.Exists(path))
            {
                // another process took the name between the check and the create: draw again
            }
            catch (DirectoryNotFoundException)
            {
                throw FsArg.NotFound(path);
            }
        }
    }

    // the mode a binary file reports: FileIO's spelling of what it was opened with
    private static string BinaryModeName(string mode) => mode.Contains('+')
        ? (mode.Contains('a') ? "ab+" : mode.Contains('x') ? "xb+" : "rb+")
        : mode.Contains('r') ? "rb" : mode.Contains('a') ? "ab" : mode.Contains('x') ? "xb" : "wb";
}
