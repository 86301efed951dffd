using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>Text files: <c>np.loadtxt</c>, <c>np.genfromtxt</c> (numeric columns) and <c>np.savetxt</c>.</summary>
public static class NpText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// <c>np.loadtxt(fname, dtype=float, comments='#', delimiter=None, skiprows=0, usecols=None, unpack=False, ndmin=0, max_rows=None)</c>.
    /// Like numpy, a file with one row or one column gives a 1-D array (unless ndmin=2).
    /// </summary>
    public static NdArray LoadTxt(object? fname, object? dtype = null, string? comments = "#", string? delimiter = null, long skiprows = 0,
        object? usecols = null, bool unpack = false, long ndmin = 0, object? maxRows = null)
    {
        var kind = dtype is null ? NpKind.Float64 : NpDType.From(dtype).Kind;
        var lines = ReadLines(fname);
        var rows = new List<string[]>();
        int lineNo = 0;
        long limit = maxRows is null ? long.MaxValue : Np.ToLong(maxRows);
        foreach (var raw in lines)
        {
            lineNo++;
            if (lineNo <= skiprows) continue;
            var line = raw;
            if (comments is not null)
            {
                int c = line.IndexOf(comments, StringComparison.Ordinal);
                if (c >= 0) line = line[..c];
            }
            line = line.Trim('\r', '\n');
            if (line.Trim().Length == 0) continue;
            var fields = delimiter is null ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : line.Split(delimiter);
            rows.Add(fields);
            if (rows.Count >= limit) break;
        }
        int[]? cols = usecols is null ? null : usecols is PyInt or long or int ? [(int)Np.ToLong(usecols)] : Np.ShapeOf(usecols);
        int width = rows.Count == 0 ? 0 : cols?.Length ?? rows[0].Length;
        var values = new double[rows.Count * width];
        for (int r = 0; r < rows.Count; r++)
        {
            var fields = rows[r];
            int n = cols?.Length ?? fields.Length;
            if (n != width)
                throw new ValueError($"the number of columns changed from {width} to {n} at row {r + 1 + (int)skiprows}; use `usecols` to select a subset and avoid this error");
            for (int k = 0; k < width; k++)
            {
                int col = cols is null ? k : (cols[k] < 0 ? cols[k] + fields.Length : cols[k]);
                if (col < 0 || col >= fields.Length) throw new ValueError($"invalid column index {cols.OrThrow()[k]} at row {r + 1 + (int)skiprows} with {fields.Length} columns");
                values[r * width + k] = ParseField(fields[col].Trim(), kind, r + 1 + (int)skiprows);
            }
        }
        int[] shape;
        if (rows.Count == 0) shape = ndmin >= 2 ? [0, 0] : [0];
        else if (ndmin >= 2) shape = [rows.Count, width];
        else if (rows.Count == 1 || width == 1) shape = [rows.Count * width];
        else shape = [rows.Count, width];
        var result = kind is NpKind.Float64 or NpKind.Float32
            ? NdArray.FromDoubles(values, shape, kind)
            : NdArray.FromLongs(values.Select(v => (long)v).ToArray(), shape, kind);
        return unpack ? result.T : result;
    }

    private static double ParseField(string text, NpKind kind, int row)
    {
        if (kind is NpKind.Float64 or NpKind.Float32)
        {
            try { return FloatFormat.Parse(text); }
            catch (ValueError) { throw new ValueError($"could not convert string '{text}' to float64 at row {row - 1}, column 1."); }
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out var l)) return l;
        throw new ValueError($"invalid literal for int() with base 10: {Repr.Of(text)}");
    }

    private static IEnumerable<string> ReadLines(object? fname) => fname switch
    {
        string path => ReadFile(path),
        PyTextIO f => ((IEnumerable<string>)f).ToList(),
        _ => throw new TypeError("fname must be a string or a file"),
    };

    private static string[] ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundError($"{path} not found.");
        return File.ReadAllLines(path, Encoding.UTF8);
    }

    /// <summary><c>np.genfromtxt(fname, delimiter=None, skip_header=0)</c> for numeric files; missing values become nan.</summary>
    public static NdArray GenFromTxt(object? fname, string? delimiter = null, long skipHeader = 0, string? comments = "#", object? usecols = null, object? dtype = null)
    {
        var lines = ReadLines(fname).Skip((int)skipHeader).ToList();
        var rows = new List<double[]>();
        foreach (var raw in lines)
        {
            var line = raw;
            if (comments is not null && line.IndexOf(comments, StringComparison.Ordinal) is var c and >= 0) line = line[..c];
            if (line.Trim().Length == 0) continue;
            var fields = delimiter is null ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : line.Split(delimiter);
            int[]? cols = usecols is null ? null : Np.ShapeOf(usecols);
            var picked = cols is null ? fields : cols.Select(i => fields[i]).ToArray();
            rows.Add(picked.Select(f => double.TryParse(f.Trim(), NumberStyles.Float, Inv, out var v) ? v : double.NaN).ToArray());
        }
        int width = rows.Count == 0 ? 0 : rows[0].Length;
        var flat = rows.SelectMany(r => r.Length == width ? r : throw new ValueError($"Some errors were detected ! Line #{rows.IndexOf(r) + 1 + skipHeader} (got {r.Length} columns instead of {width})")).ToArray();
        int[] shape = rows.Count == 1 || width == 1 ? [flat.Length] : [rows.Count, width];
        var result = NdArray.FromDoubles(flat, shape);
        return dtype is null ? result : result.AsType(NpDType.From(dtype));
    }

    /// <summary><c>np.savetxt(fname, X, fmt='%.18e', delimiter=' ', header='')</c></summary>
    public static void SaveTxt(string fname, NdArray x, string fmt = "%.18e", string delimiter = " ", string header = "", string comments = "# ")
    {
        var sb = new StringBuilder();
        if (header.Length > 0) sb.Append(comments).Append(header.Replace("\n", "\n" + comments, StringComparison.Ordinal)).Append('\n');
        var m = x.Ndim == 1 ? x.Reshape(x.Size, 1) : x;
        foreach (var row in m.Rows())
        {
            var vals = row.Kind is NpKind.Float32 or NpKind.Float64 ? row.ToDoubles().Select(v => (object?)v) : row.ToLongs().Select(v => (object?)new PyInt(v));
            sb.Append(string.Join(delimiter, vals.Select(v => Text.PercentFormat.Format(fmt, v)))).Append('\n');
        }
        File.WriteAllText(fname, sb.ToString());
    }
}
