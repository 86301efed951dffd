using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>tempfile's file objects, os's descriptor functions and shutil.disk_usage.</summary>
public sealed class TempFileTests
{
    [Fact]
    public void A_w_plus_text_file_reads_back_what_it_wrote_and_goes_on_close()
    {
        var f = TempFile.NamedText("w+", suffix: ".txt", prefix: "pre_");
        Assert.StartsWith("pre_", Path.GetFileName(f.Name));
        Assert.True(File.Exists(f.Name));
        f.Write("caf\u00e9\r\nnext\n");
        Assert.Equal(12, f.Tell());
        f.Seek(0);
        Assert.Equal("caf\u00e9\n", f.ReadLine());
        f.Seek(0, 2);
        f.Write("!");
        f.Seek(0);
        Assert.Equal("caf\u00e9\nnext\n!", f.Read());
        f.Close();
        Assert.False(File.Exists(f.Name));
    }

    [Fact]
    public void A_kept_file_stays_and_newline_empty_keeps_crlf()
    {
        var f = TempFile.NamedText("w+", delete: false, newline: "");
        f.Write("a\r\nb");
        f.Seek(0);
        Assert.Equal("a\r\nb", f.Read());
        f.Close();
        Assert.Equal("a\r\nb", File.ReadAllText(f.Name));
        File.Delete(f.Name);
    }

    [Fact]
    public void A_write_only_text_file_is_not_readable()
    {
        var f = TempFile.NamedText("w");
        Assert.Equal("not readable", Assert.Throws<UnsupportedOperation>(() => f.Read()).PyStr());
        f.Close();
    }

    [Fact]
    public void The_binary_default_reports_CPythons_mode_and_rejects_an_encoding()
    {
        var b = TempFile.NamedBinary();
        Assert.Equal("rb+", b.Mode);
        b.Write(new PyBytes("xyz"u8.ToArray()));
        b.Seek(1);
        Assert.Equal("b'yz'", Repr.Of(b.Read()));
        b.Close();
        Assert.False(File.Exists(b.Name));
        Assert.Equal("binary mode doesn't take an encoding argument", Assert.Throws<ValueError>(() => TempFile.NamedBinary("wb", encoding: "utf-8")).PyStr());
    }

    [Fact]
    public void Descriptors_write_seek_read_and_close_once()
    {
        var (fd, path) = TempFile.MkSTemp(suffix: ".dat");
        Assert.True(Path.IsPathRooted(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(4, OsFd.Write(fd, new PyBytes("abcd"u8.ToArray())));
        OsFd.LSeek(fd, 1, 0);
        Assert.Equal("b'bc'", Repr.Of(OsFd.Read(fd, 2)));
        OsFd.Close(fd);
        Assert.Equal("[Errno 9] Bad file descriptor", Assert.Throws<OSError>(() => OsFd.Close(fd)).PyStr());
        var again = OsFd.OpenPath(path, OsFd.ORdWr | OsFd.OAppend);
        OsFd.Write(again, new PyBytes("!"u8.ToArray()));
        var text = OsFd.FdOpenText(again, "r+");
        text.Seek(0);
        Assert.Equal("abcd!", text.Read());
        text.Close();
        Assert.Throws<FileExistsError>(() => OsFd.OpenPath(path, OsFd.OWrOnly | OsFd.OCreat | OsFd.OExcl));
        File.Delete(path);
        Assert.Throws<FileNotFoundError>(() => OsFd.OpenPath(path, OsFd.ORdOnly));
    }

    [Fact]
    public void Disk_usage_totals_match_CPython()
    {
        var expected = CPython.Lines("import shutil\nu = shutil.disk_usage('/')\nprint(u.total, u._fields)\n"
            + "try:\n    shutil.disk_usage('/no/such/dir')\nexcept OSError as e:\n    print(type(e).__name__, e)");
        var usage = Shutil.DiskUsage("/");
        Assert.Equal(expected[0], Str.Of(usage[0]) + " ('total', 'used', 'free')");
        Assert.StartsWith("usage(total=", usage.PyRepr());
        var e = Assert.Throws<FileNotFoundError>(() => Shutil.DiskUsage("/no/such/dir"));
        Assert.Equal(expected[1], "FileNotFoundError " + e.PyStr());
    }
}
