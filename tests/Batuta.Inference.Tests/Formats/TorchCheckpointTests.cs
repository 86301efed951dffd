using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Pickle;
using Batuta.Inference.Formats.SafeTensors;
using Batuta.Inference.Tests.Support;

namespace Batuta.Inference.Tests.Formats;

/// <summary>Reading PyTorch checkpoints written by real PyTorch, only when pickle is explicitly allowed, without running code.</summary>
public sealed class TorchCheckpointTests
{
    private static void Python(string script)
    {
        var psi = new ProcessStartInfo(PythonReference.Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (err.Contains("No module named 'torch'", StringComparison.Ordinal))
            throw new InvalidOperationException("PyTorch is missing: run `apt-get install -y python3-torch`.");
        Assert.True(p.ExitCode == 0, err);
    }

    [Fact]
    public void ReadsAStateDictSavedByPyTorchWhenAllowed()
    {
        using var dir = new TempDirectory();
        string path = dir.File("sd.pt");
        Python($$"""
            import torch, collections
            sd = collections.OrderedDict()
            sd["a.weight"] = torch.arange(6, dtype=torch.float32).reshape(2, 3)
            sd["b"] = torch.tensor([1.5, -2.0], dtype=torch.float16)
            sd["c"] = torch.arange(12, dtype=torch.float32).reshape(3, 4).t()
            sd["d"] = torch.tensor([7, 8], dtype=torch.int64)
            sd["e"] = torch.nn.Parameter(torch.tensor([0.25, 0.5], dtype=torch.bfloat16))
            sd["f"] = torch.arange(10, dtype=torch.float32)[4:7]
            torch.save(sd, "{{path}}")
            """);
        Assert.Throws<UnsafeModelFormatException>(() => TorchCheckpoint.Read(path, new ModelFileOptions()));
        var tensors = TorchCheckpoint.Read(path, new ModelFileOptions { AllowPickle = true }).ToDictionary(t => t.Name);

        Assert.Equal(SafeTensorsDType.F32, tensors["a.weight"].DType);
        Assert.Equal(new long[] { 2, 3 }, tensors["a.weight"].Shape);
        Assert.Equal(new[] { 0f, 1, 2, 3, 4, 5 }, MemoryMarshal.Cast<byte, float>(tensors["a.weight"].Data).ToArray());
        Assert.Equal(new[] { (Half)1.5f, (Half)(-2f) }, MemoryMarshal.Cast<byte, Half>(tensors["b"].Data).ToArray());
        // the transposed view is copied out in row-major order
        Assert.Equal(new long[] { 4, 3 }, tensors["c"].Shape);
        Assert.Equal(new[] { 0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 }, MemoryMarshal.Cast<byte, float>(tensors["c"].Data).ToArray());
        Assert.Equal(new long[] { 7, 8 }, MemoryMarshal.Cast<byte, long>(tensors["d"].Data).ToArray());
        Assert.Equal(SafeTensorsDType.BF16, tensors["e"].DType);
        Assert.Equal(new[] { 4f, 5, 6 }, MemoryMarshal.Cast<byte, float>(tensors["f"].Data).ToArray());
    }

    [Fact]
    public void APickleThatWouldRunCodeIsRejectedWithoutRunningIt()
    {
        using var dir = new TempDirectory();
        string marker = dir.File("pwned");
        string path = dir.File("evil.pt");
        // data.pkl calls os.system("touch marker") when unpickled by Python.
        Python($$"""
            import pickle, zipfile, os
            class Evil:
                def __reduce__(self):
                    return (os.system, ("touch {{marker}}",))
            with zipfile.ZipFile("{{path}}", "w") as z:
                z.writestr("evil/data.pkl", pickle.dumps({"w": Evil()}, protocol=2))
            """);
        var e = Assert.ThrowsAny<ModelFormatException>(() => TorchCheckpoint.Read(path, new ModelFileOptions { AllowPickle = true }));
        Assert.Contains("is not allowed", e.Message);
        Assert.Contains("system", e.Field);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void APlainPickleIsNotACheckpoint()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plain.pkl");
        Python($$"""
            import pickle
            open("{{path}}", "wb").write(pickle.dumps({"a": [1, 2, 3]}, protocol=2))
            """);
        var e = Assert.ThrowsAny<ModelFormatException>(() => TorchCheckpoint.Read(path, new ModelFileOptions { AllowPickle = true }));
        Assert.Contains("not a PyTorch zip checkpoint", e.Message);
    }

    [Fact]
    public void TruncatedOrForeignPicklesFailCleanly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.pt");
        using (var z = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = z.CreateEntry("m/data.pkl").Open();
            s.Write([0x80, 0x02, (byte)'c', (byte)'b', (byte)'u', (byte)'i', (byte)'l', (byte)'t', (byte)'i', (byte)'n', (byte)'s', (byte)'\n', (byte)'e', (byte)'v', (byte)'a', (byte)'l', (byte)'\n']);
        }
        Assert.Contains("builtins.eval", Assert.ThrowsAny<ModelFormatException>(() => TorchCheckpoint.Read(path, new ModelFileOptions { AllowPickle = true })).Message);
        using (var z = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            z.GetEntry("m/data.pkl")!.Delete();
            using var s = z.CreateEntry("m/data.pkl").Open();
            s.Write([0x80, 0x02, (byte)'}', (byte)'(', (byte)'X', 5, 0, 0]);
        }
        Assert.ThrowsAny<ModelFormatException>(() => TorchCheckpoint.Read(path, new ModelFileOptions { AllowPickle = true }));
    }
}
