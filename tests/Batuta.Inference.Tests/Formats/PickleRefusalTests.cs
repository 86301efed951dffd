using Batuta.Inference.Formats;
using Batuta.Inference.Tests.Support;

namespace Batuta.Inference.Tests.Formats;

public sealed class PickleRefusalTests
{
    [Theory]
    [InlineData("model.bin", new byte[] { 0x80, 0x02, (byte)'}', (byte)'q' })]
    [InlineData("model.pt", new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0 })]
    [InlineData("weights.pkl", new byte[] { 0x80, 0x04, 0x95 })]
    [InlineData("checkpoint.ckpt", new byte[] { 1, 2, 3 })]
    public void PickleCheckpointsAreRefusedUnlessAllowed(string name, byte[] head)
    {
        using var dir = new TempDirectory();
        string path = dir.File(name);
        File.WriteAllBytes(path, head);
        var e = Assert.Throws<UnsafeModelFormatException>(() => ModelFile.CheckSafe(path));
        Assert.Contains("arbitrary code", e.Message);
        Assert.Contains("safetensors", e.Hint);
        Assert.Equal(ModelFileKind.Pickle, ModelFile.CheckSafe(path, new ModelFileOptions { AllowPickle = true }));
        Assert.Throws<UnsafeModelFormatException>(() => InferenceSession.Open(path));
    }

    [Fact]
    public void GgufAndSafetensorsAreRecognisedByContentNotExtension()
    {
        using var dir = new TempDirectory();
        string gguf = dir.File("model.bin");
        File.WriteAllBytes(gguf, new GgufBytes().Header(3, 0, 0).ToArray());
        Assert.Equal(ModelFileKind.Gguf, ModelFile.CheckSafe(gguf));
        string st = dir.File("model.pt");
        using (var fs = File.Create(st)) Batuta.Inference.Formats.SafeTensors.SafeTensorsFile.Write(fs, []);
        Assert.Equal(ModelFileKind.SafeTensors, ModelFile.CheckSafe(st));
    }
}
