using System.IO.Compression;
using Batuta.Inference.Formats.SafeTensors;

namespace Batuta.Inference.Formats.Pickle;

/// <summary>A tensor read from a PyTorch checkpoint, made contiguous (row-major).</summary>
public sealed record TorchTensor(string Name, SafeTensorsDType DType, long[] Shape, byte[] Data);

/// <summary>
/// Reads the tensors of a PyTorch checkpoint (<c>torch.save</c> zip format, PyTorch ≥ 1.6) — only when the
/// caller explicitly allows pickle — through <see cref="RestrictedUnpickler"/>: the pickle may only name
/// OrderedDict, the tensor rebuild functions and storage types, so a malicious checkpoint cannot run code.
/// Storages are read from the archive; tensors with strides are copied out contiguously.
/// </summary>
public static class TorchCheckpoint
{
    private static readonly Dictionary<string, SafeTensorsDType> Storages = new(StringComparer.Ordinal)
    {
        ["torch.FloatStorage"] = SafeTensorsDType.F32,
        ["torch.HalfStorage"] = SafeTensorsDType.F16,
        ["torch.BFloat16Storage"] = SafeTensorsDType.BF16,
        ["torch.DoubleStorage"] = SafeTensorsDType.F64,
        ["torch.LongStorage"] = SafeTensorsDType.I64,
        ["torch.IntStorage"] = SafeTensorsDType.I32,
        ["torch.ShortStorage"] = SafeTensorsDType.I16,
        ["torch.CharStorage"] = SafeTensorsDType.I8,
        ["torch.ByteStorage"] = SafeTensorsDType.U8,
        ["torch.BoolStorage"] = SafeTensorsDType.BOOL,
    };

    private static readonly HashSet<string> Allowed = new(
        ["collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter", .. Storages.Keys], StringComparer.Ordinal);

    private sealed record TensorCall(SafeTensorsDType DType, string Key, long Offset, long[] Shape, long[] Strides);

    /// <summary>Reads every tensor of a state dict. Throws <see cref="UnsafeModelFormatException"/> unless <paramref name="options"/> allows pickle.</summary>
    public static IReadOnlyList<TorchTensor> Read(string path, ModelFileOptions options)
    {
        if (!options.AllowPickle) throw new UnsafeModelFormatException(path, "a PyTorch checkpoint");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException("pickle", "file", 0, "not a PyTorch zip checkpoint (legacy torch.save files and plain pickles are not read): " + e.Message,
                "re-save it with torch.save from PyTorch >= 1.6, or convert it to safetensors.", e);
        }
        using (zip)
        {
            var pkl = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) || e.FullName == "data.pkl")
                ?? throw new ModelFormatException("pickle", "data.pkl", -1, "the archive holds no data.pkl", "this is not a PyTorch checkpoint.");
            string prefix = pkl.FullName[..^"data.pkl".Length];
            var root = new RestrictedUnpickler(ReadAll(pkl), Allowed, Reduce).Load();
            if (root is not Dictionary<object, object?> dict)
                throw new ModelFormatException("pickle", "data.pkl", -1, "the checkpoint is not a dict of tensors (a state dict)", "save model.state_dict().");
            var result = new List<TorchTensor>();
            foreach (var (key, value) in dict)
            {
                if (key is not string name || value is not TensorCall t) continue; // nested dicts, optimizer state, numbers
                var entry = zip.GetEntry(prefix + "data/" + t.Key)
                    ?? throw new ModelFormatException("pickle", "tensors['" + name + "']", -1, $"storage '{t.Key}' is missing from the archive");
                result.Add(new TorchTensor(name, t.DType, t.Shape, Contiguous(name, ReadAll(entry), t)));
            }
            return result;
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry e)
    {
        if (e.Length > int.MaxValue) throw new ModelFormatException("pickle", e.FullName, -1, "entries over 2 GiB are not supported");
        using var s = e.Open();
        var buffer = new byte[e.Length];
        s.ReadExactly(buffer);
        return buffer;
    }

    private static object? Reduce(PickleCall call)
    {
        var a = call.Arguments;
        switch (call.Function.FullName)
        {
            case "collections.OrderedDict":
                return new Dictionary<object, object?>();
            case "torch._utils._rebuild_parameter":
                return a.Length > 0 ? a[0] : null;
            case "torch._utils._rebuild_tensor_v2":
            {
                if (a.Length < 4 || a[0] is not PersistentId id || id.Fields.Length < 3 || id.Fields[1] is not PickleGlobal storage
                    || id.Fields[2] is not string key || a[1] is not long offset || a[2] is not object?[] size || a[3] is not object?[] stride)
                    throw new ModelFormatException("pickle", "_rebuild_tensor_v2", -1, "unexpected arguments");
                if (!Storages.TryGetValue(storage.FullName, out var dtype))
                    throw new ModelFormatException("pickle", storage.FullName, -1, "unsupported storage type");
                return new TensorCall(dtype, key, offset, size.Select(Long).ToArray(), stride.Select(Long).ToArray());
            }
            default:
                // Storage types may be named (inside persistent ids) but never called.
                throw new ModelFormatException("pickle", "REDUCE " + call.Function.FullName, -1, "calling this global is not allowed");
        }
    }

    private static long Long(object? o) => o is long v && v >= 0 ? v : throw new ModelFormatException("pickle", "size/stride", -1, "sizes and strides must be non-negative integers");

    private static byte[] Contiguous(string name, byte[] storage, TensorCall t)
    {
        int size = SafeTensorsDTypes.Size(t.DType);
        long count = t.Shape.Aggregate(1L, (x, y) => checked(x * y));
        var data = new byte[checked(count * size)];
        if (count == 0) return data;
        // Row-major strides (the usual case): one copy.
        long expected = 1;
        bool rowMajor = true;
        for (int d = t.Shape.Length - 1; d >= 0; d--)
        {
            if (t.Shape[d] != 1 && t.Strides[d] != expected) rowMajor = false;
            expected *= t.Shape[d];
        }
        if (rowMajor)
        {
            long start = t.Offset * size;
            if (start < 0 || start + data.Length > storage.Length)
                throw new ModelFormatException("pickle", "tensors['" + name + "']", -1, $"the tensor lies outside its {storage.Length}-byte storage");
            Buffer.BlockCopy(storage, (int)start, data, 0, data.Length);
            return data;
        }
        var index = new long[t.Shape.Length];
        for (long i = 0; i < count; i++)
        {
            long element = t.Offset;
            for (int d = 0; d < index.Length; d++) element += index[d] * t.Strides[d];
            long from = element * size;
            if (from < 0 || from + size > storage.Length)
                throw new ModelFormatException("pickle", "tensors['" + name + "']", -1, $"element {i} lies outside its {storage.Length}-byte storage");
            Buffer.BlockCopy(storage, (int)from, data, (int)(i * size), size);
            for (int d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < t.Shape[d]) break;
                index[d] = 0;
            }
        }
        return data;
    }
}
